import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateKeyResult,
  CreateKeyResultCheckIn,
  CreateObjective,
  CreateOkrPeriod,
  CreatedKeyResultCheckIn,
  FeatureList,
  KeyResult,
  KeyResultCheckInList,
  Objective,
  OkrPeriod,
  OkrPeriodList,
  OkrTree,
  PillarList,
  UpdateKeyResult,
  UpdateObjective,
  UpdateOkrPeriod,
} from '../../../../shared/contracts.js';
import { api, wsPath } from '../../../lib/api/client';

/** Everything OKR-shaped of a workspace sits under one key, so any change refreshes trees, objectives and key results. */
export const okrsKey = (workspaceId: string) => ['okrs', workspaceId] as const;

export function usePeriods(workspaceId: string) {
  return useQuery({ queryKey: [...okrsKey(workspaceId), 'periods'], queryFn: () => api<OkrPeriodList>(wsPath(workspaceId, '/periods')) });
}

export function useOkrTree(workspaceId: string, productId: string | null, periodId: string | null) {
  return useQuery({
    queryKey: [...okrsKey(workspaceId), 'tree', productId, periodId],
    queryFn: () => api<OkrTree>(wsPath(workspaceId, `/okrs/tree?productId=${productId}&periodId=${periodId}`)),
    enabled: Boolean(productId && periodId),
  });
}

export function useObjective(workspaceId: string, objectiveId: string) {
  return useQuery({ queryKey: [...okrsKey(workspaceId), 'objective', objectiveId], queryFn: () => api<Objective>(wsPath(workspaceId, `/objectives/${objectiveId}`)) });
}

export function useKeyResult(workspaceId: string, keyResultId: string) {
  return useQuery({ queryKey: [...okrsKey(workspaceId), 'key-result', keyResultId], queryFn: () => api<KeyResult>(wsPath(workspaceId, `/key-results/${keyResultId}`)) });
}

export function useCheckIns(workspaceId: string, keyResultId: string) {
  return useQuery({
    queryKey: [...okrsKey(workspaceId), 'check-ins', keyResultId],
    queryFn: () => api<KeyResultCheckInList>(wsPath(workspaceId, `/key-results/${keyResultId}/check-ins`)),
  });
}

/** The product's pillars (for the pillar picker); an empty list when the product has none. */
export function usePillars(workspaceId: string, productId: string | null) {
  return useQuery({
    queryKey: ['pillars', workspaceId, productId],
    queryFn: () => api<PillarList>(wsPath(workspaceId, `/pillars?productId=${productId}`)),
    enabled: Boolean(productId),
  });
}

/** The product's features (for the driving-features picker). */
export function useProductFeatures(workspaceId: string, productId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['features', workspaceId, 'okr-picker', productId],
    queryFn: () => api<FeatureList>(wsPath(workspaceId, `/features?productId=${productId}&limit=200`)),
    enabled: enabled && Boolean(productId),
  });
}

function useInvalidate(workspaceId: string) {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: okrsKey(workspaceId) });
}

export function useCreatePeriod(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({ mutationFn: (body: CreateOkrPeriod) => api<OkrPeriod>(wsPath(workspaceId, '/periods'), { method: 'POST', body }), onSuccess: invalidate });
}

export function useUpdatePeriod(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateOkrPeriod & { id: string }) => api<OkrPeriod>(wsPath(workspaceId, `/periods/${id}`), { method: 'PATCH', body }),
    onSuccess: invalidate,
    onError: invalidate,
  });
}

export function useDeletePeriod(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ id, force }: { id: string; force: boolean }) => api<void>(wsPath(workspaceId, `/periods/${id}${force ? '?force=true' : ''}`), { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useCreateObjective(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({ mutationFn: (body: CreateObjective) => api<Objective>(wsPath(workspaceId, '/objectives'), { method: 'POST', body }), onSuccess: invalidate });
}

export function useUpdateObjective(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateObjective & { id: string }) => api<Objective>(wsPath(workspaceId, `/objectives/${id}`), { method: 'PATCH', body }),
    onSuccess: invalidate,
    onError: invalidate,
  });
}

export function useDeleteObjective(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({ mutationFn: (id: string) => api<void>(wsPath(workspaceId, `/objectives/${id}`), { method: 'DELETE' }), onSuccess: invalidate });
}

export function useCreateKeyResult(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({ mutationFn: (body: CreateKeyResult) => api<KeyResult>(wsPath(workspaceId, '/key-results'), { method: 'POST', body }), onSuccess: invalidate });
}

export function useUpdateKeyResult(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateKeyResult & { id: string }) => api<KeyResult>(wsPath(workspaceId, `/key-results/${id}`), { method: 'PATCH', body }),
    onSuccess: invalidate,
    onError: invalidate,
  });
}

export function useDeleteKeyResult(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({ mutationFn: (id: string) => api<void>(wsPath(workspaceId, `/key-results/${id}`), { method: 'DELETE' }), onSuccess: invalidate });
}

export function useCheckIn(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ keyResultId, ...body }: CreateKeyResultCheckIn & { keyResultId: string }) =>
      api<CreatedKeyResultCheckIn>(wsPath(workspaceId, `/key-results/${keyResultId}/check-ins`), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useSetDrivingFeatures(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ keyResultId, featureIds }: { keyResultId: string; featureIds: string[] }) =>
      api<KeyResult>(wsPath(workspaceId, `/key-results/${keyResultId}/features`), { method: 'PUT', body: { featureIds } }),
    onSuccess: invalidate,
  });
}
