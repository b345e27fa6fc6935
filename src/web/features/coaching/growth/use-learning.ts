import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LearningType } from '../../../../shared/coaching.js';
import type { LearningEntry, LearningList, LearningSuggestions } from '../../../../shared/contracts.js';
import { api, wsPath } from '../../../lib/api/client';

export const learningKey = (workspaceId: string) => ['learning', workspaceId] as const;

export interface LearningFilters {
  personId: string | null;
  competencyId: string | null;
  type: LearningType | null;
}

/** The learning log, newest first: one person's or everyone's the caller may see. */
export function useLearning(workspaceId: string, filters: LearningFilters) {
  const params = new URLSearchParams({ limit: '200' });
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  return useQuery({
    queryKey: [...learningKey(workspaceId), 'list', filters],
    queryFn: () => api<LearningList>(wsPath(workspaceId, `/learning?${params.toString()}`)),
  });
}

/** What to learn next for the person, from their latest assessment's gaps. */
export function useLearningSuggestions(workspaceId: string, personId: string | null) {
  return useQuery({
    queryKey: [...learningKey(workspaceId), 'suggestions', personId],
    queryFn: () => api<LearningSuggestions>(wsPath(workspaceId, `/learning/suggestions?personId=${encodeURIComponent(personId!)}`)),
    enabled: Boolean(personId),
  });
}

export interface LearningInput {
  resource: string;
  url: string | null;
  type: LearningType;
  competencyId: string | null;
  takeaway: string;
  learnedOn: string;
}

export function useCreateLearning(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LearningInput & { personId?: string }) => api<LearningEntry>(wsPath(workspaceId, '/learning'), { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: learningKey(workspaceId) }),
  });
}

export function useUpdateLearning(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ entryId, ...body }: Partial<LearningInput> & { entryId: string; version: number }) =>
      api<LearningEntry>(wsPath(workspaceId, `/learning/${entryId}`), { method: 'PATCH', body }),
    onSettled: () => qc.invalidateQueries({ queryKey: learningKey(workspaceId) }),
  });
}

export function useDeleteLearning(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (entryId: string) => api<void>(wsPath(workspaceId, `/learning/${entryId}`), { method: 'DELETE' }),
    onSettled: () => qc.invalidateQueries({ queryKey: learningKey(workspaceId) }),
  });
}
