import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CapacityReport, ReleaseDetail, ReleaseList, ReleaseNotesDraft, ReleaseStatus } from '../../../shared/contracts.js';
import { api, wsPath } from '../../lib/api/client';

export const releasesKey = (workspaceId: string) => ['releases', workspaceId] as const;
export const capacityKey = (workspaceId: string) => ['capacity', workspaceId] as const;

/** The releases of a product (all products when none is given). */
export function useReleases(workspaceId: string, productId: string | null) {
  return useQuery({
    queryKey: [...releasesKey(workspaceId), 'list', productId],
    queryFn: () => api<ReleaseList>(wsPath(workspaceId, `/releases${productId ? `?productId=${encodeURIComponent(productId)}` : ''}`)),
    enabled: Boolean(productId),
  });
}

export function useRelease(workspaceId: string, releaseId: string) {
  return useQuery({
    queryKey: [...releasesKey(workspaceId), 'item', releaseId],
    queryFn: () => api<ReleaseDetail>(wsPath(workspaceId, `/releases/${releaseId}`)),
  });
}

function useInvalidate(workspaceId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: releasesKey(workspaceId) });
    // Features show their release; a deleted release leaves them without one.
    void qc.invalidateQueries({ queryKey: ['features', workspaceId] });
  };
}

export interface ReleaseInput {
  name: string;
  date: string | null;
  description: string;
  componentIds: string[];
  status?: ReleaseStatus;
  notes?: string;
}

export function useCreateRelease(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (body: ReleaseInput & { productId: string }) => api<ReleaseDetail>(wsPath(workspaceId, '/releases'), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateRelease(workspaceId: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ releaseId, ...body }: Partial<ReleaseInput> & { releaseId: string; version: number }) =>
      api<ReleaseDetail>(wsPath(workspaceId, `/releases/${releaseId}`), { method: 'PATCH', body }),
    // The saved release shows at once, before the refetch: an editor that lets go of its text shows the saved one.
    onSuccess: (r) => qc.setQueryData([...releasesKey(workspaceId), 'item', r.id], r),
    // Also on a 409: the page then shows the latest version.
    onSettled: invalidate,
  });
}

export function useDeleteRelease(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (releaseId: string) => api<void>(wsPath(workspaceId, `/releases/${releaseId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}

/** Drafts notes from the shipped features; nothing is saved. */
export function useDraftNotes(workspaceId: string) {
  return useMutation({
    mutationFn: (releaseId: string) => api<ReleaseNotesDraft>(wsPath(workspaceId, `/releases/${releaseId}/notes/draft`), { method: 'POST' }),
  });
}

const capacityPath = (workspaceId: string, productId: string, quarter: string) =>
  wsPath(workspaceId, `/capacity?productId=${encodeURIComponent(productId)}&quarter=${encodeURIComponent(quarter)}`);

export function useCapacity(workspaceId: string, productId: string | null, quarter: string, enabled = true) {
  return useQuery({
    queryKey: [...capacityKey(workspaceId), productId, quarter],
    queryFn: () => api<CapacityReport>(capacityPath(workspaceId, productId!, quarter)),
    enabled: enabled && Boolean(productId),
  });
}

export function useUpdateCapacity(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ productId, quarter, capacities }: { productId: string; quarter: string; capacities: { componentId: string; capacity: number | null }[] }) =>
      api<CapacityReport>(capacityPath(workspaceId, productId, quarter), { method: 'PUT', body: { capacities } }),
    onSuccess: (report) => qc.setQueryData([...capacityKey(workspaceId), report.productId, report.quarter], report),
    onSettled: () => qc.invalidateQueries({ queryKey: capacityKey(workspaceId) }),
  });
}
