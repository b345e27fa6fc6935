import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FeatureScoreCard,
  NormalizeMethod,
  PrioritizationFrameworkInput,
  PrioritizationFrameworkSet,
  PrioritizationFrameworksSaved,
  RankedFeatureList,
  ScoreCalibration,
} from '../../../shared/contracts.js';
import { api, wsPath } from '../../lib/api/client';

/** Every prioritization query of a workspace starts with this key, so one invalidation refreshes them all. */
export const prioritizationKey = (workspaceId: string) => ['prioritization', workspaceId] as const;

const frameworksKey = (workspaceId: string) => [...prioritizationKey(workspaceId), 'frameworks'] as const;

export function useFrameworks(workspaceId: string, enabled = true) {
  return useQuery({
    queryKey: frameworksKey(workspaceId),
    queryFn: () => api<PrioritizationFrameworkSet>(wsPath(workspaceId, '/prioritization/frameworks')),
    enabled,
  });
}

/** A framework as the settings page sends it back (config as the API gave it). */
export type FrameworkDraft = Omit<PrioritizationFrameworkInput, 'config'> & { config: PrioritizationFrameworkInput['config'] };

export function useSaveFrameworks(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { frameworks: FrameworkDraft[]; version: number }) =>
      api<PrioritizationFrameworksSaved>(wsPath(workspaceId, '/prioritization/frameworks'), { method: 'PUT', body }),
    // The saved set at once, so the page does not show the old one until the refetch lands.
    onSuccess: ({ rescored: _rescored, ...saved }) => qc.setQueryData<PrioritizationFrameworkSet>(frameworksKey(workspaceId), saved),
    onSettled: () => qc.invalidateQueries({ queryKey: prioritizationKey(workspaceId) }),
  });
}

export interface RankedParams {
  productId: string | null;
  componentId: string | null;
  frameworkId: string | null;
  normalize: boolean;
  method: NormalizeMethod;
  limit: number;
}

function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function useRankedFeatures(workspaceId: string, p: RankedParams, enabled = true) {
  return useQuery({
    queryKey: [...prioritizationKey(workspaceId), 'ranked', p],
    queryFn: () =>
      api<RankedFeatureList>(
        wsPath(
          workspaceId,
          `/features/ranked${query({ productId: p.productId, componentId: p.componentId, frameworkId: p.frameworkId, normalize: p.normalize ? 'pm' : 'none', method: p.method, limit: p.limit })}`,
        ),
      ),
    // Keep the old ranking on screen while a toggled one loads, so the table does not flash.
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCalibration(workspaceId: string, p: { productId: string | null; frameworkId: string | null }, enabled = true) {
  return useQuery({
    queryKey: [...prioritizationKey(workspaceId), 'calibration', p],
    queryFn: () => api<ScoreCalibration>(wsPath(workspaceId, `/prioritization/calibration${query({ productId: p.productId, frameworkId: p.frameworkId })}`)),
    enabled,
  });
}

const scoresKey = (workspaceId: string, featureId: string) => [...prioritizationKey(workspaceId), 'feature', featureId] as const;

export function useFeatureScores(workspaceId: string, featureId: string) {
  return useQuery({
    queryKey: scoresKey(workspaceId, featureId),
    queryFn: () => api<FeatureScoreCard>(wsPath(workspaceId, `/features/${featureId}/scores`)),
    retry: (count, error) => count < 2 && !(error && 'status' in error && (error.status === 403 || error.status === 404)),
  });
}

export function useSaveFeatureScores(workspaceId: string, featureId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { inputs: Record<string, Record<string, number | null>>; version: number }) =>
      api<FeatureScoreCard>(wsPath(workspaceId, `/features/${featureId}/scores`), { method: 'PUT', body }),
    onSuccess: (card) => qc.setQueryData(scoresKey(workspaceId, featureId), card),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: prioritizationKey(workspaceId) });
      // Saving inputs bumps the feature's version: the feature page must read it again before its next edit.
      void qc.invalidateQueries({ queryKey: ['features', workspaceId] });
    },
  });
}
