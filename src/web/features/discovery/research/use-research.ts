import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateExperiment, CreateInterview, UpdateExperiment, UpdateInterview } from '../../../../shared/contracts.js';
import { api, wsPath } from '../../../lib/api/client';
import type { Experiment, Interview, InterviewSummary, ListOf } from '../types';

export const interviewsKey = (workspaceId: string) => ['interviews', workspaceId] as const;
export const experimentsKey = (workspaceId: string) => ['experiments', workspaceId] as const;

export type InterviewInput = z.input<typeof CreateInterview>;
export type InterviewPatch = Omit<z.input<typeof UpdateInterview>, 'version'>;
export type ExperimentInput = z.input<typeof CreateExperiment>;
export type ExperimentPatch = Omit<z.input<typeof UpdateExperiment>, 'version'>;

export function useInterviews(workspaceId: string, enabled = true) {
  return useQuery({
    queryKey: [...interviewsKey(workspaceId), 'list'],
    queryFn: () => api<ListOf<InterviewSummary>>(wsPath(workspaceId, '/interviews?limit=200')),
    enabled,
  });
}

export function useInterview(workspaceId: string, interviewId: string) {
  return useQuery({
    queryKey: [...interviewsKey(workspaceId), 'item', interviewId],
    queryFn: () => api<Interview>(wsPath(workspaceId, `/interviews/${interviewId}`)),
  });
}

function useInvalidate(workspaceId: string, ...keys: (readonly unknown[])[]) {
  const qc = useQueryClient();
  return () => {
    for (const key of keys) void qc.invalidateQueries({ queryKey: key });
  };
}

export function useCreateInterview(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId, interviewsKey(workspaceId));
  return useMutation({
    mutationFn: (body: InterviewInput) => api<Interview>(wsPath(workspaceId, '/interviews'), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateInterview(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId, interviewsKey(workspaceId));
  return useMutation({
    mutationFn: ({ interviewId, ...body }: InterviewPatch & { interviewId: string; version: number }) =>
      api<Interview>(wsPath(workspaceId, `/interviews/${interviewId}`), { method: 'PATCH', body }),
    onSettled: invalidate,
  });
}

export function useDeleteInterview(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId, interviewsKey(workspaceId));
  return useMutation({
    mutationFn: (interviewId: string) => api<void>(wsPath(workspaceId, `/interviews/${interviewId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}

/** Saves a range of the notes as a feedback item (source interview), optionally linked to an opportunity. */
export function useCreateHighlight(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId, interviewsKey(workspaceId), ['feedback', workspaceId], ['opportunities', workspaceId]);
  return useMutation({
    mutationFn: ({ interviewId, ...body }: { interviewId: string; start: number; end: number; importance?: number; opportunityId?: string }) =>
      api<{ feedbackId: string; opportunityId: string | null }>(wsPath(workspaceId, `/interviews/${interviewId}/highlights`), { method: 'POST', body }),
    onSettled: invalidate,
  });
}

export function useExperiments(workspaceId: string, enabled = true) {
  return useQuery({
    queryKey: [...experimentsKey(workspaceId), 'list'],
    queryFn: () => api<ListOf<Experiment>>(wsPath(workspaceId, '/experiments?limit=200')),
    enabled,
  });
}

export function useExperiment(workspaceId: string, experimentId: string) {
  return useQuery({
    queryKey: [...experimentsKey(workspaceId), 'item', experimentId],
    queryFn: () => api<Experiment>(wsPath(workspaceId, `/experiments/${experimentId}`)),
  });
}

export function useCreateExperiment(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId, experimentsKey(workspaceId), ['opportunities', workspaceId]);
  return useMutation({
    mutationFn: (body: ExperimentInput) => api<Experiment>(wsPath(workspaceId, '/experiments'), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateExperiment(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId, experimentsKey(workspaceId), ['opportunities', workspaceId]);
  return useMutation({
    mutationFn: ({ experimentId, ...body }: ExperimentPatch & { experimentId: string; version: number }) =>
      api<Experiment>(wsPath(workspaceId, `/experiments/${experimentId}`), { method: 'PATCH', body }),
    onSettled: invalidate,
  });
}

export function useDeleteExperiment(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId, experimentsKey(workspaceId), ['opportunities', workspaceId]);
  return useMutation({
    mutationFn: (experimentId: string) => api<void>(wsPath(workspaceId, `/experiments/${experimentId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}
