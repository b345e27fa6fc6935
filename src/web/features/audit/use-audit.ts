import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, wsPath } from '../../lib/api/client';
import type { AuditEntryT, ListOf } from '../../lib/api/types';

export function useAuditLog(workspaceId: string, params: { limit: number; offset: number; entityType?: string }) {
  const search = new URLSearchParams({ limit: String(params.limit), offset: String(params.offset) });
  if (params.entityType) search.set('entityType', params.entityType);
  return useQuery({
    queryKey: ['audit', workspaceId, params],
    queryFn: () => api<ListOf<AuditEntryT>>(wsPath(workspaceId, `/audit-log?${search.toString()}`)),
    placeholderData: keepPreviousData,
  });
}
