import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateRequest, DecideRequest, FeatureList, RationaleList, RequestDetail, RequestList, RequestStatus, RequesterType, UpdateRequest } from '../../../../shared/contracts.js';
import { api, wsPath } from '../../../lib/api/client';

export const requestsKey = (workspaceId: string) => ['requests', workspaceId] as const;

export interface RequestFilters {
  status?: RequestStatus | '';
  q?: string;
  componentId?: string | null;
  requesterType?: RequesterType | '';
  limit?: number;
  offset?: number;
}

function queryString(f: RequestFilters): string {
  const params = new URLSearchParams({ limit: String(f.limit ?? 50), offset: String(f.offset ?? 0) });
  if (f.status) params.set('status', f.status);
  if (f.q?.trim()) params.set('q', f.q.trim());
  if (f.componentId) params.set('componentId', f.componentId);
  if (f.requesterType) params.set('requesterType', f.requesterType);
  return params.toString();
}

export function useRequests(workspaceId: string, filters: RequestFilters) {
  return useQuery({
    queryKey: [...requestsKey(workspaceId), 'list', filters],
    queryFn: () => api<RequestList>(wsPath(workspaceId, `/requests?${queryString(filters)}`)),
    placeholderData: keepPreviousData,
  });
}

export function useRequest(workspaceId: string, requestId: string) {
  return useQuery({ queryKey: [...requestsKey(workspaceId), 'item', requestId], queryFn: () => api<RequestDetail>(wsPath(workspaceId, `/requests/${requestId}`)) });
}

/** Rationale templates (another module's route): an empty list when it is not there or fails. */
export function useRationaleTemplates(workspaceId: string, enabled = true) {
  return useQuery({
    queryKey: ['rationales', workspaceId],
    queryFn: () => api<RationaleList>(wsPath(workspaceId, '/rationales')),
    enabled,
    retry: false,
  });
}

/** Features matching words in their title, for the accept picker. */
export function useFeatureSearch(workspaceId: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['features', workspaceId, 'request-picker', q],
    queryFn: () => api<FeatureList>(wsPath(workspaceId, `/features?limit=30${q.trim() ? `&q=${encodeURIComponent(q.trim())}` : ''}`)),
    enabled,
    placeholderData: keepPreviousData,
  });
}

function useInvalidate(workspaceId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: requestsKey(workspaceId) });
    // Decisions feed the log, the won't-do registry, features and notifications.
    void qc.invalidateQueries({ queryKey: ['decisions', workspaceId] });
    void qc.invalidateQueries({ queryKey: ['wont-do', workspaceId] });
    void qc.invalidateQueries({ queryKey: ['features', workspaceId] });
    void qc.invalidateQueries({ queryKey: ['notifications'] });
  };
}

export function useCreateRequest(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({ mutationFn: (body: CreateRequest) => api<RequestDetail>(wsPath(workspaceId, '/requests'), { method: 'POST', body }), onSuccess: invalidate });
}

export function useUpdateRequest(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ requestId, ...body }: UpdateRequest & { requestId: string }) => api<RequestDetail>(wsPath(workspaceId, `/requests/${requestId}`), { method: 'PATCH', body }),
    onSettled: invalidate,
  });
}

export function useDeleteRequest(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({ mutationFn: (requestId: string) => api<void>(wsPath(workspaceId, `/requests/${requestId}`), { method: 'DELETE' }), onSuccess: invalidate });
}

export function useDecideRequest(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ requestId, decision }: { requestId: string; decision: DecideRequest }) =>
      api<RequestDetail>(wsPath(workspaceId, `/requests/${requestId}/decision`), { method: 'POST', body: decision }),
    onSettled: invalidate,
  });
}

export const STATUS_LABELS: Record<RequestStatus, string> = { new: 'In triage', accepted: 'Accepted', merged: 'Merged', deferred: 'Deferred', declined: 'Declined' };
export const STATUS_COLORS: Record<RequestStatus, string> = { new: 'blue', accepted: 'teal', merged: 'grape', deferred: 'yellow', declined: 'gray' };
export const REQUESTER_TYPE_LABELS: Record<RequesterType, string> = { executive: 'Executive', internal: 'Internal team', customer: 'Customer', partner: 'Partner' };
export const URGENCY_COLORS: Record<string, string> = { low: 'gray', medium: 'blue', high: 'red' };
