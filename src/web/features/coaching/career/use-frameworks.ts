import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SignalKey } from '../../../../shared/coaching.js';
import type { CoachingQuestion, Competency, CompetencyFramework } from '../../../../shared/contracts.js';
import { api, wsPath } from '../../../lib/api/client';

export const frameworksKey = (workspaceId: string) => ['frameworks', workspaceId] as const;

/** The framework library. */
export function useFrameworks(workspaceId: string) {
  return useQuery({
    queryKey: [...frameworksKey(workspaceId), 'list'],
    queryFn: () => api<{ items: CompetencyFramework[]; total: number }>(wsPath(workspaceId, '/frameworks')),
    enabled: Boolean(workspaceId),
  });
}

export function useFramework(workspaceId: string, frameworkId: string) {
  return useQuery({
    queryKey: [...frameworksKey(workspaceId), 'item', frameworkId],
    queryFn: () => api<CompetencyFramework>(wsPath(workspaceId, `/frameworks/${frameworkId}`)),
    enabled: Boolean(workspaceId && frameworkId),
  });
}

export function useCompetencies(workspaceId: string, frameworkId: string | null) {
  return useQuery({
    queryKey: [...frameworksKey(workspaceId), 'competencies', frameworkId],
    queryFn: () => api<{ items: Competency[]; total: number }>(wsPath(workspaceId, `/frameworks/${frameworkId}/competencies`)),
    enabled: Boolean(workspaceId && frameworkId),
  });
}

/** A competency's question bank, loaded when its panel opens. */
export function useQuestions(workspaceId: string, competencyId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...frameworksKey(workspaceId), 'questions', competencyId],
    queryFn: () => api<{ items: CoachingQuestion[]; total: number }>(wsPath(workspaceId, `/competencies/${competencyId}/questions`)),
    enabled: Boolean(workspaceId && competencyId && enabled),
  });
}

function useInvalidateFrameworks(workspaceId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: frameworksKey(workspaceId) });
    // Levels carry expectations on the default framework's competencies.
    void qc.invalidateQueries({ queryKey: ['ladders', workspaceId] });
  };
}

export interface ScaleInput {
  min: number;
  max: number;
  labels?: string[];
}

export function useCreateFramework(workspaceId: string) {
  const invalidate = useInvalidateFrameworks(workspaceId);
  return useMutation({
    mutationFn: (body: { copyOf?: string; name?: string; description?: string; source?: string; scale?: ScaleInput; ratesImportance?: boolean }) =>
      api<CompetencyFramework>(wsPath(workspaceId, '/frameworks'), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateFramework(workspaceId: string) {
  const invalidate = useInvalidateFrameworks(workspaceId);
  return useMutation({
    mutationFn: ({ frameworkId, ...body }: { frameworkId: string; version: number; name?: string; description?: string; source?: string; scale?: ScaleInput; ratesImportance?: boolean }) =>
      api<CompetencyFramework>(wsPath(workspaceId, `/frameworks/${frameworkId}`), { method: 'PATCH', body }),
    onSettled: invalidate,
  });
}

export function useDeleteFramework(workspaceId: string) {
  const invalidate = useInvalidateFrameworks(workspaceId);
  return useMutation({
    mutationFn: (frameworkId: string) => api<void>(wsPath(workspaceId, `/frameworks/${frameworkId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}

export interface CompetencyInput {
  name?: string;
  area?: string;
  description?: string;
  descriptors?: string[];
  position?: number;
}

export function useCreateCompetency(workspaceId: string, frameworkId: string) {
  const invalidate = useInvalidateFrameworks(workspaceId);
  return useMutation({
    mutationFn: (body: CompetencyInput & { name: string }) => api<Competency>(wsPath(workspaceId, `/frameworks/${frameworkId}/competencies`), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateCompetency(workspaceId: string) {
  const invalidate = useInvalidateFrameworks(workspaceId);
  return useMutation({
    mutationFn: ({ competencyId, ...body }: CompetencyInput & { competencyId: string; version: number }) =>
      api<Competency>(wsPath(workspaceId, `/competencies/${competencyId}`), { method: 'PATCH', body }),
    onSettled: invalidate,
  });
}

export function useDeleteCompetency(workspaceId: string) {
  const invalidate = useInvalidateFrameworks(workspaceId);
  return useMutation({
    mutationFn: (competencyId: string) => api<void>(wsPath(workspaceId, `/competencies/${competencyId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}

export function useCreateQuestion(workspaceId: string, competencyId: string) {
  const invalidate = useInvalidateFrameworks(workspaceId);
  return useMutation({
    mutationFn: (body: { text: string; signals?: SignalKey[] }) => api<CoachingQuestion>(wsPath(workspaceId, `/competencies/${competencyId}/questions`), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useDeleteQuestion(workspaceId: string) {
  const invalidate = useInvalidateFrameworks(workspaceId);
  return useMutation({
    mutationFn: (questionId: string) => api<void>(wsPath(workspaceId, `/questions/${questionId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}
