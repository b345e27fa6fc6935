import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../../lib/api/client';
import type { NotificationT } from '../../lib/api/types';

const key = (workspaceId: string) => ['notifications', workspaceId] as const;

export function useNotifications(workspaceId: string) {
  return useQuery({
    queryKey: key(workspaceId),
    queryFn: () => api<{ items: NotificationT[]; total: number; unread: number }>(wsPath(workspaceId, '/notifications')),
    refetchInterval: 60_000,
  });
}

export function useMarkRead(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<unknown>(wsPath(workspaceId, `/notifications/${id}/read`), { method: 'POST', body: {} }),
    onSettled: () => qc.invalidateQueries({ queryKey: key(workspaceId) }),
  });
}

export function useMarkAllRead(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ updated: number }>(wsPath(workspaceId, '/notifications/read-all'), { method: 'POST', body: {} }),
    onSettled: () => qc.invalidateQueries({ queryKey: key(workspaceId) }),
  });
}
