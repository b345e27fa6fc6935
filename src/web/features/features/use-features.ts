import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../../lib/api/client';
import type {
  FeatureDetail,
  FeatureHistoryEntry,
  FeatureHorizon,
  FeatureList,
  FeatureRequirements,
  FeatureStatus,
  ReleaseOption,
  RequirementRevision,
  RequirementRevisionMeta,
} from './types';

export const featuresKey = (workspaceId: string) => ['features', workspaceId] as const;
const featureKey = (workspaceId: string, featureId: string) => [...featuresKey(workspaceId), 'item', featureId] as const;

/** The list filters; each maps to a query parameter of GET /features. */
export interface FeatureFilters {
  productId?: string | null;
  componentId?: string | null;
  status?: FeatureStatus | null;
  horizon?: FeatureHorizon | null;
  ownerId?: string | null;
  releaseId?: string | null;
  q?: string;
}

const PAGE_SIZE = 100;

function queryString(filters: FeatureFilters, cursor: string | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value.trim()) params.set(key, value.trim());
  }
  if (cursor) params.set('cursor', cursor);
  params.set('limit', String(PAGE_SIZE));
  return params.toString();
}

/** Features page by page by cursor, most recently changed first. */
export function useFeaturePages(workspaceId: string, filters: FeatureFilters) {
  return useInfiniteQuery({
    queryKey: [...featuresKey(workspaceId), 'list', filters],
    queryFn: ({ pageParam, signal }) => api<FeatureList>(wsPath(workspaceId, `/features?${queryString(filters, pageParam)}`), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useFeature(workspaceId: string, featureId: string) {
  return useQuery({ queryKey: featureKey(workspaceId, featureId), queryFn: () => api<FeatureDetail>(wsPath(workspaceId, `/features/${featureId}`)) });
}

/** The releases of a product, for the release pickers. */
export function useReleaseOptions(workspaceId: string, productId: string | null | undefined) {
  return useQuery({
    queryKey: ['releases', workspaceId, 'options', productId],
    queryFn: () => api<{ items: ReleaseOption[] }>(wsPath(workspaceId, `/releases?productId=${productId}`)),
    enabled: Boolean(productId),
    staleTime: 30_000,
  });
}

function useInvalidate(workspaceId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: featuresKey(workspaceId) });
    // Features show on the roadmap, in rankings and releases; evidence links change feedback's status.
    for (const key of ['roadmap', 'prioritization', 'releases', 'dependencies', 'feedback', 'opportunities']) void qc.invalidateQueries({ queryKey: [key, workspaceId] });
  };
}

/** What the create and edit forms send. */
export interface FeatureInput {
  componentId: string;
  title: string;
  description?: string;
  ownerId?: string | null;
  status?: FeatureStatus;
  horizon?: FeatureHorizon | null;
  startDate?: string | null;
  endDate?: string | null;
  effort?: number | null;
  releaseId?: string | null;
  pillarId?: string | null;
  internal?: boolean;
  public?: boolean;
}

export function useCreateFeature(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (body: FeatureInput) => api<FeatureDetail>(wsPath(workspaceId, '/features'), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateFeature(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ featureId, ...body }: Partial<FeatureInput> & { featureId: string; version: number }) =>
      api<FeatureDetail>(wsPath(workspaceId, `/features/${featureId}`), { method: 'PATCH', body }),
    onSuccess: (detail) => qc.setQueryData(featureKey(workspaceId, detail.id), detail),
    onSettled: invalidate,
  });
}

export function useDeleteFeature(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (featureId: string) => api<void>(wsPath(workspaceId, `/features/${featureId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}

/** Evidence to link: a feedback item (with an optional quote) or an opportunity. */
export type EvidenceLinkInput = { importance?: number } & ({ feedbackId: string; quote?: { start: number; end: number } } | { opportunityId: string });

export function useLinkFeatureEvidence(workspaceId: string, featureId: string) {
  const invalidate = useInvalidate(workspaceId);
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EvidenceLinkInput) => api<FeatureDetail>(wsPath(workspaceId, `/features/${featureId}/evidence`), { method: 'POST', body }),
    onSuccess: (detail) => qc.setQueryData(featureKey(workspaceId, featureId), detail),
    onSettled: invalidate,
  });
}

export function useUnlinkFeatureEvidence(workspaceId: string, featureId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (evidenceId: string) => api<void>(wsPath(workspaceId, `/features/${featureId}/evidence/${evidenceId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}

export function useLinkFeatureExperiment(workspaceId: string, featureId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (experimentId: string) => api<FeatureDetail>(wsPath(workspaceId, `/features/${featureId}/experiments`), { method: 'POST', body: { experimentId } }),
    onSettled: invalidate,
  });
}

export function useUnlinkFeatureExperiment(workspaceId: string, featureId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (experimentId: string) => api<void>(wsPath(workspaceId, `/features/${featureId}/experiments/${experimentId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}

const requirementsKey = (workspaceId: string, featureId: string) => [...featureKey(workspaceId, featureId), 'requirements'] as const;

export function useRequirements(workspaceId: string, featureId: string, enabled = true) {
  return useQuery({
    queryKey: requirementsKey(workspaceId, featureId),
    queryFn: () => api<FeatureRequirements>(wsPath(workspaceId, `/features/${featureId}/requirements`)),
    enabled,
  });
}

export function useSaveRequirements(workspaceId: string, featureId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { body: string; revision: number }) =>
      api<FeatureRequirements>(wsPath(workspaceId, `/features/${featureId}/requirements`), { method: 'PUT', body }),
    onSuccess: (saved) => qc.setQueryData(requirementsKey(workspaceId, featureId), saved),
    // The revision list, the feature's requirements meta and its history all moved. Not awaited: the
    // save is done once the server answered, and the editor stays usable while these refresh.
    onSettled: () => void qc.invalidateQueries({ queryKey: featureKey(workspaceId, featureId) }),
  });
}

export function useRevisions(workspaceId: string, featureId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...requirementsKey(workspaceId, featureId), 'revisions'],
    queryFn: () => api<{ items: RequirementRevisionMeta[] }>(wsPath(workspaceId, `/features/${featureId}/requirements/revisions`)),
    enabled,
  });
}

export function useRevision(workspaceId: string, featureId: string, revision: number | null) {
  return useQuery({
    queryKey: [...requirementsKey(workspaceId, featureId), 'revision', revision],
    queryFn: () => api<RequirementRevision>(wsPath(workspaceId, `/features/${featureId}/requirements/revisions/${revision}`)),
    enabled: revision !== null,
    // A saved revision never changes.
    staleTime: Infinity,
  });
}

export function useFeatureHistory(workspaceId: string, featureId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...featureKey(workspaceId, featureId), 'history'],
    queryFn: () => api<{ items: FeatureHistoryEntry[] }>(wsPath(workspaceId, `/features/${featureId}/history`)),
    enabled,
  });
}
