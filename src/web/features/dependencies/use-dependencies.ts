import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Dependency,
  DependencyConflictList,
  DependencyGraph,
  DependencyPreview,
  DependencyPreviewInput,
  FeatureDependencies,
  FeatureList,
} from '../../../shared/contracts.js';
import { api, wsPath } from '../../lib/api/client';

export const dependenciesKey = (workspaceId: string) => ['dependencies', workspaceId] as const;

export function useFeatureDependencies(workspaceId: string, featureId: string) {
  return useQuery({
    queryKey: [...dependenciesKey(workspaceId), 'feature', featureId],
    queryFn: () => api<FeatureDependencies>(wsPath(workspaceId, `/dependencies?featureId=${encodeURIComponent(featureId)}`)),
  });
}

export function useDependencyGraph(workspaceId: string, productId: string | null) {
  return useQuery({
    queryKey: [...dependenciesKey(workspaceId), 'graph', productId],
    queryFn: () => api<DependencyGraph>(wsPath(workspaceId, `/dependencies/graph?productId=${encodeURIComponent(productId!)}`)),
    enabled: Boolean(productId),
  });
}

export function useDependencyConflicts(workspaceId: string, productId: string | null) {
  return useQuery({
    queryKey: [...dependenciesKey(workspaceId), 'conflicts', productId],
    queryFn: () => api<DependencyConflictList>(wsPath(workspaceId, `/dependencies/conflicts?productId=${encodeURIComponent(productId!)}`)),
    enabled: Boolean(productId),
  });
}

/** Features whose title matches `q`, for the dependency picker (the features module's list endpoint). */
export function useFeatureSearch(workspaceId: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['features', workspaceId, 'search', q],
    queryFn: () => api<FeatureList>(wsPath(workspaceId, `/features?limit=20${q ? `&q=${encodeURIComponent(q)}` : ''}`)),
    enabled,
    placeholderData: keepPreviousData,
  });
}

function useInvalidate(workspaceId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: dependenciesKey(workspaceId) });
    // The feature page's history lists dependency changes.
    void qc.invalidateQueries({ queryKey: ['features', workspaceId] });
  };
}

export function useAddDependency(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (body: { featureId: string; dependsOnId: string; note?: string }) => api<Dependency>(wsPath(workspaceId, '/dependencies'), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useRemoveDependency(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (dependencyId: string) => api<void>(wsPath(workspaceId, `/dependencies/${dependencyId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}

/** What-if: nothing is saved, so it is a mutation only in that it POSTs; it invalidates nothing. */
export function usePreviewChange(workspaceId: string) {
  return useMutation({
    mutationFn: (body: DependencyPreviewInput) => api<DependencyPreview>(wsPath(workspaceId, '/dependencies/preview'), { method: 'POST', body }),
  });
}
