import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateReport, CreatedShareLink, Report, ReportList, ShareLinkList, SharedReport } from '../../../../shared/contracts.js';
import { api, wsPath } from '../../../lib/api/client';

export const reportsKey = (workspaceId: string) => ['reports', workspaceId] as const;

export function useReports(workspaceId: string, filter: { productId?: string | null; audience?: string | null }) {
  const qs = new URLSearchParams();
  if (filter.productId) qs.set('productId', filter.productId);
  if (filter.audience) qs.set('audience', filter.audience);
  return useQuery({ queryKey: [...reportsKey(workspaceId), 'list', filter], queryFn: () => api<ReportList>(wsPath(workspaceId, `/reports?${qs}`)) });
}

export function useReport(workspaceId: string, reportId: string) {
  return useQuery({ queryKey: [...reportsKey(workspaceId), 'one', reportId], queryFn: () => api<Report>(wsPath(workspaceId, `/reports/${reportId}`)) });
}

export function useShareLinks(workspaceId: string, reportId: string) {
  return useQuery({ queryKey: [...reportsKey(workspaceId), 'links', reportId], queryFn: () => api<ShareLinkList>(wsPath(workspaceId, `/reports/${reportId}/share-links`)) });
}

function useInvalidate(workspaceId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: reportsKey(workspaceId) });
}

export function useCreateReport(workspaceId: string) {
  const done = useInvalidate(workspaceId);
  return useMutation({ mutationFn: (body: CreateReport) => api<Report>(wsPath(workspaceId, '/reports'), { method: 'POST', body }), onSuccess: done });
}

export function usePublishReport(workspaceId: string) {
  const done = useInvalidate(workspaceId);
  return useMutation({ mutationFn: (r: { id: string; version: number }) => api<Report>(wsPath(workspaceId, `/reports/${r.id}/publish`), { method: 'POST', body: { version: r.version } }), onSuccess: done });
}

export function useDeleteReport(workspaceId: string) {
  const done = useInvalidate(workspaceId);
  return useMutation({ mutationFn: (id: string) => api<void>(wsPath(workspaceId, `/reports/${id}`), { method: 'DELETE' }), onSuccess: done });
}

export function useCreateShareLink(workspaceId: string, reportId: string) {
  const done = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (expiresAt: string) => api<CreatedShareLink>(wsPath(workspaceId, `/reports/${reportId}/share-links`), { method: 'POST', body: { expiresAt } }),
    onSuccess: done,
  });
}

export function useRevokeShareLink(workspaceId: string) {
  const done = useInvalidate(workspaceId);
  return useMutation({ mutationFn: (linkId: string) => api<void>(wsPath(workspaceId, `/share-links/${linkId}`), { method: 'DELETE' }), onSuccess: done });
}

export function useSharedReport(token: string) {
  return useQuery({ queryKey: ['shared-report', token], queryFn: () => api<SharedReport>(`/api/v1/shared/${encodeURIComponent(token)}`), retry: false });
}

export const AUDIENCE_LABEL: Record<string, string> = { executive: 'Executive', team: 'Product team', company: 'Company-wide', customer: 'Customer' };
