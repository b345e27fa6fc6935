import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { ApiTokenT, CreatedApiTokenT, ListOf } from '../../lib/api/types';

export function useTokens() {
  return useQuery({ queryKey: ['tokens'], queryFn: () => api<ListOf<ApiTokenT>>('/api/v1/me/tokens') });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string }) => api<CreatedApiTokenT>('/api/v1/me/tokens', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tokens'] }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => api<void>(`/api/v1/me/tokens/${tokenId}`, { method: 'DELETE' }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['tokens'] }),
  });
}
