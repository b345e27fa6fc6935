import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateRationale, Decision, DecisionList, Rationale, RationaleList, RecordDecision, UpdateRationale, WontDo } from '../../../../shared/contracts.js';
import { api, wsPath } from '../../../lib/api/client';

export interface DecisionFilters {
  q?: string;
  action?: string;
  from?: string;
  to?: string;
  decidedById?: string;
  pillarId?: string;
  componentId?: string;
  limit: number;
  offset: number;
}

const queryString = (params: Record<string, string | number | undefined | null>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
};

/** The decision log, searched and filtered. */
export function useDecisions(workspaceId: string, filters: DecisionFilters) {
  return useQuery({
    queryKey: ['decisions', workspaceId, filters],
    queryFn: ({ signal }) => api<DecisionList>(wsPath(workspaceId, `/decisions${queryString({ ...filters })}`), { signal }),
    enabled: Boolean(workspaceId),
    placeholderData: keepPreviousData,
  });
}

/** The decisions about one feature (roadmap decisions and accepted requests), newest first. */
export function useFeatureDecisions(workspaceId: string, featureId: string, enabled = true) {
  return useQuery({
    queryKey: ['decisions', workspaceId, 'feature', featureId],
    queryFn: ({ signal }) => api<DecisionList>(wsPath(workspaceId, `/features/${featureId}/decisions?limit=100`), { signal }),
    enabled: Boolean(workspaceId && featureId) && enabled,
  });
}

/** Records a roadmap decision about a feature. */
export function useRecordDecision(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordDecision) => api<Decision>(wsPath(workspaceId, '/decisions'), { method: 'POST', body }),
    onSuccess: () => {
      // The log (every page and filter, and each feature's list) and the templates' usage counts.
      void qc.invalidateQueries({ queryKey: ['decisions', workspaceId] });
      void qc.invalidateQueries({ queryKey: rationalesKey(workspaceId) });
    },
  });
}

/** The won't-do registry and the deferred list. */
export function useWontDo(workspaceId: string, q: string, limit: number, offset: number) {
  return useQuery({
    queryKey: ['wont-do', workspaceId, q, limit, offset],
    queryFn: ({ signal }) => api<WontDo>(wsPath(workspaceId, `/wont-do${queryString({ q, limit, offset })}`), { signal }),
    enabled: Boolean(workspaceId),
    placeholderData: keepPreviousData,
  });
}

export const rationalesKey = (workspaceId: string) => ['rationales', workspaceId] as const;

/** Rationale templates (all of them with `all`). */
export function useRationales(workspaceId: string, all = false) {
  return useQuery({
    queryKey: [...rationalesKey(workspaceId), all],
    queryFn: () => api<RationaleList>(wsPath(workspaceId, `/rationales${all ? '?all=true' : ''}`)),
    enabled: Boolean(workspaceId),
  });
}

function useInvalidate(workspaceId: string) {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: rationalesKey(workspaceId) });
}

export function useCreateRationale(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({ mutationFn: (body: CreateRationale) => api<Rationale>(wsPath(workspaceId, '/rationales'), { method: 'POST', body }), onSuccess: invalidate });
}

export function useUpdateRationale(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ rationaleId, ...body }: UpdateRationale & { rationaleId: string }) => api<Rationale>(wsPath(workspaceId, `/rationales/${rationaleId}`), { method: 'PATCH', body }),
    onSettled: invalidate,
  });
}

export function useDeleteRationale(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({ mutationFn: (rationaleId: string) => api<void>(wsPath(workspaceId, `/rationales/${rationaleId}`), { method: 'DELETE' }), onSuccess: invalidate });
}
