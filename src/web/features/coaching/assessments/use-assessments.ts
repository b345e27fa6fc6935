import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Assessment,
  AssessmentArtifacts,
  AssessmentComparison,
  AssessmentHistory,
  AssessmentList,
  AssessmentRatings,
  AssessmentSide,
  CompetencyFrameworkList,
  CreateAssessment,
  PutAssessmentRatings,
} from '../../../../shared/contracts.js';
import { api, wsPath } from '../../../lib/api/client';

/** Everything of the assessments module lives under this key, so one invalidation refreshes it all. */
export const assessmentsKey = (workspaceId: string) => ['assessments', workspaceId] as const;

const query = (params: Record<string, string | undefined>) => {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
  const s = q.toString();
  return s ? `?${s}` : '';
};

/** The assessments the caller may see: a PM's own, everyone's for leads and admins. */
export function useAssessments(workspaceId: string, filter: { personId?: string; period?: string } = {}) {
  return useQuery({
    queryKey: [...assessmentsKey(workspaceId), 'list', filter],
    queryFn: () => api<AssessmentList>(wsPath(workspaceId, `/assessments${query({ ...filter, limit: '200' })}`)),
    enabled: Boolean(workspaceId),
  });
}

export function useAssessment(workspaceId: string, assessmentId: string) {
  return useQuery({
    queryKey: [...assessmentsKey(workspaceId), 'item', assessmentId],
    queryFn: () => api<Assessment>(wsPath(workspaceId, `/assessments/${assessmentId}`)),
    enabled: Boolean(workspaceId && assessmentId),
  });
}

export function useAssessmentRatings(workspaceId: string, assessmentId: string) {
  return useQuery({
    queryKey: [...assessmentsKey(workspaceId), 'ratings', assessmentId],
    queryFn: () => api<AssessmentRatings>(wsPath(workspaceId, `/assessments/${assessmentId}/ratings`)),
    enabled: Boolean(workspaceId && assessmentId),
  });
}

export function useAssessmentComparison(workspaceId: string, assessmentId: string, enabled = true) {
  return useQuery({
    queryKey: [...assessmentsKey(workspaceId), 'comparison', assessmentId],
    queryFn: () => api<AssessmentComparison>(wsPath(workspaceId, `/assessments/${assessmentId}/comparison`)),
    enabled: enabled && Boolean(workspaceId && assessmentId),
  });
}

export function useAssessmentHistory(workspaceId: string, personId: string | undefined, frameworkId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...assessmentsKey(workspaceId), 'history', personId, frameworkId],
    queryFn: () => api<AssessmentHistory>(wsPath(workspaceId, `/people/${personId}/assessment-history${query({ frameworkId })}`)),
    enabled: enabled && Boolean(workspaceId && personId),
  });
}

/** The person's recent work, to link as evidence; searched by title. */
export function usePersonArtifacts(workspaceId: string, personId: string | undefined, q: string, enabled = true) {
  return useQuery({
    queryKey: [...assessmentsKey(workspaceId), 'artifacts', personId, q],
    queryFn: () => api<AssessmentArtifacts>(wsPath(workspaceId, `/people/${personId}/artifacts${query({ q: q.trim() || undefined })}`)),
    enabled: enabled && Boolean(workspaceId && personId),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The workspace's competency frameworks (from the frameworks module), for pickers. */
export function useFrameworkOptions(workspaceId: string) {
  return useQuery({
    queryKey: ['frameworks', workspaceId, 'options'],
    queryFn: () => api<CompetencyFrameworkList>(wsPath(workspaceId, '/frameworks')),
    enabled: Boolean(workspaceId),
    staleTime: 60_000,
  });
}

function useInvalidate(workspaceId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: assessmentsKey(workspaceId) });
}

export function useCreateAssessment(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ personId, ...body }: CreateAssessment & { personId: string }) => api<Assessment>(wsPath(workspaceId, `/people/${personId}/assessments`), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useSaveRatings(workspaceId: string, assessmentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PutAssessmentRatings) => api<AssessmentRatings>(wsPath(workspaceId, `/assessments/${assessmentId}/ratings`), { method: 'PUT', body }),
    onSuccess: (view) => {
      qc.setQueryData([...assessmentsKey(workspaceId), 'ratings', assessmentId], view);
      // The coach side may just have been claimed, and the comparison moved.
      void qc.invalidateQueries({ queryKey: [...assessmentsKey(workspaceId), 'item', assessmentId] });
      void qc.invalidateQueries({ queryKey: [...assessmentsKey(workspaceId), 'comparison', assessmentId] });
    },
  });
}

export function useSubmitSide(workspaceId: string, assessmentId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (side: AssessmentSide) => api<Assessment>(wsPath(workspaceId, `/assessments/${assessmentId}/submit`), { method: 'POST', body: { side } }),
    onSettled: invalidate,
  });
}

export function useDeleteAssessment(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (assessmentId: string) => api<void>(wsPath(workspaceId, `/assessments/${assessmentId}`), { method: 'DELETE' }),
    onSuccess: (_v, assessmentId) => {
      qc.removeQueries({ queryKey: [...assessmentsKey(workspaceId), 'item', assessmentId] });
      void qc.invalidateQueries({ queryKey: [...assessmentsKey(workspaceId), 'list'] });
    },
  });
}
