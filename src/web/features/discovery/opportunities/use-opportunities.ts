import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../../../lib/api/client';
import type { ListOf, Opportunity, OpportunityDetail, OpportunityStatus } from '../types';

export const opportunitiesKey = (workspaceId: string) => ['opportunities', workspaceId] as const;

export function useOpportunities(workspaceId: string, enabled = true) {
  return useQuery({
    queryKey: [...opportunitiesKey(workspaceId), 'list'],
    queryFn: () => api<ListOf<Opportunity>>(wsPath(workspaceId, '/opportunities?limit=200')),
    enabled,
  });
}

export function useOpportunity(workspaceId: string, opportunityId: string) {
  return useQuery({
    queryKey: [...opportunitiesKey(workspaceId), 'item', opportunityId],
    queryFn: () => api<OpportunityDetail>(wsPath(workspaceId, `/opportunities/${opportunityId}`)),
  });
}

function useInvalidate(workspaceId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: opportunitiesKey(workspaceId) });
    // Linking changes the feedback's status and its linked opportunities.
    void qc.invalidateQueries({ queryKey: ['feedback', workspaceId] });
  };
}

export interface OpportunityInput {
  title: string;
  problem?: string;
  componentIds?: string[];
  ownerId?: string | null;
  status?: OpportunityStatus;
  pillarId?: string | null;
}

export function useCreateOpportunity(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (body: OpportunityInput) => api<OpportunityDetail>(wsPath(workspaceId, '/opportunities'), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateOpportunity(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ opportunityId, ...body }: Partial<OpportunityInput> & { opportunityId: string; version: number }) =>
      api<OpportunityDetail>(wsPath(workspaceId, `/opportunities/${opportunityId}`), { method: 'PATCH', body }),
    onSettled: invalidate,
  });
}

export function useDeleteOpportunity(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (opportunityId: string) => api<void>(wsPath(workspaceId, `/opportunities/${opportunityId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}

export interface EvidenceInput {
  opportunityId: string;
  feedbackId: string;
  quote?: { start: number; end: number };
  importance?: number;
}

/** Links a feedback item to an opportunity, optionally with a quote (a range of the text). */
export function linkEvidence(workspaceId: string, { opportunityId, ...body }: EvidenceInput) {
  return api<OpportunityDetail>(wsPath(workspaceId, `/opportunities/${opportunityId}/evidence`), { method: 'POST', body });
}

export function useLinkEvidence(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({ mutationFn: (input: EvidenceInput) => linkEvidence(workspaceId, input), onSettled: invalidate });
}

export function useUnlinkEvidence(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ opportunityId, feedbackId }: { opportunityId: string; feedbackId: string }) =>
      api<void>(wsPath(workspaceId, `/opportunities/${opportunityId}/evidence/${feedbackId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}

/** Creates an opportunity from a theme, then links each of its feedback items as evidence. */
export function useCreateFromTheme(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: async ({ title, feedbackIds }: { title: string; feedbackIds: string[] }) => {
      const opp = await api<OpportunityDetail>(wsPath(workspaceId, '/opportunities'), { method: 'POST', body: { title } });
      // One at a time: the embedded database runs one query at a time anyway.
      for (const feedbackId of feedbackIds) await linkEvidence(workspaceId, { opportunityId: opp.id, feedbackId });
      return opp;
    },
    onSettled: invalidate,
  });
}
