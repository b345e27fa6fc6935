import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateStatusUpdate, DueStatusUpdateList, StatusDraft, StatusUpdate, StatusUpdateList, UpdateStatusUpdate } from '../../../../shared/contracts.js';
import { api, wsPath } from '../../../lib/api/client';

/** Every status-update query of a workspace sits under one key, so a write refreshes the feed, the due list and drafts. */
export const updatesKey = (workspaceId: string) => ['status-updates', workspaceId] as const;

export function useStatusUpdates(workspaceId: string, filter: { componentId?: string; period?: string }) {
  const params = new URLSearchParams({ limit: '100' });
  if (filter.componentId) params.set('componentId', filter.componentId);
  if (filter.period) params.set('period', filter.period);
  return useQuery({
    queryKey: [...updatesKey(workspaceId), 'list', filter.componentId ?? null, filter.period ?? null],
    queryFn: () => api<StatusUpdateList>(wsPath(workspaceId, `/updates?${params.toString()}`)),
  });
}

export function useDueUpdates(workspaceId: string) {
  return useQuery({ queryKey: [...updatesKey(workspaceId), 'due'], queryFn: () => api<DueStatusUpdateList>(wsPath(workspaceId, '/updates/due')) });
}

export function useDraft(workspaceId: string, componentId: string | null, period: string | null) {
  return useQuery({
    queryKey: [...updatesKey(workspaceId), 'draft', componentId, period],
    queryFn: () => api<StatusDraft>(wsPath(workspaceId, `/updates/draft?componentId=${componentId}${period ? `&period=${encodeURIComponent(period)}` : ''}`)),
    enabled: Boolean(componentId),
    retry: false,
  });
}

export function useSaveStatusUpdate(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; input: UpdateStatusUpdate } | { id: null; input: CreateStatusUpdate }) =>
      v.id
        ? api<StatusUpdate>(wsPath(workspaceId, `/updates/${v.id}`), { method: 'PATCH', body: v.input })
        : api<StatusUpdate>(wsPath(workspaceId, '/updates'), { method: 'POST', body: v.input }),
    onSettled: () => qc.invalidateQueries({ queryKey: updatesKey(workspaceId) }),
  });
}

export function useDeleteStatusUpdate(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(wsPath(workspaceId, `/updates/${id}`), { method: 'DELETE' }),
    onSettled: () => qc.invalidateQueries({ queryKey: updatesKey(workspaceId) }),
  });
}
