import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ProposalComment,
  ProposalStatus,
  StrategyDiff,
  StrategyDoc,
  StrategyProposalDetail,
  StrategyProposalList,
  StrategySectionKey,
  StrategyVersionList,
  UpdateStrategy,
} from '../../../../shared/contracts.js';
import { api, wsPath } from '../../../lib/api/client';

/** Every query of one product's strategy shares this prefix, so a change refreshes them all. */
export const strategyKey = (workspaceId: string, productId: string) => ['strategy', workspaceId, productId] as const;
const path = (workspaceId: string, productId: string, rest = '') => wsPath(workspaceId, `/products/${productId}/strategy${rest}`);

export function useStrategy(workspaceId: string, productId: string | null) {
  return useQuery({
    queryKey: [...strategyKey(workspaceId, productId ?? ''), 'doc'],
    queryFn: () => api<StrategyDoc>(path(workspaceId, productId!)),
    enabled: !!productId,
  });
}

export function useStrategyVersions(workspaceId: string, productId: string) {
  return useQuery({ queryKey: [...strategyKey(workspaceId, productId), 'versions'], queryFn: () => api<StrategyVersionList>(path(workspaceId, productId, '/versions')) });
}

/** The diff from `a` to `b` (version numbers or "draft"); off until both are chosen. */
export function useStrategyDiff(workspaceId: string, productId: string, a: string | null, b: string | null) {
  return useQuery({
    queryKey: [...strategyKey(workspaceId, productId), 'diff', a, b],
    queryFn: () => api<StrategyDiff>(path(workspaceId, productId, `/versions/${encodeURIComponent(a!)}/diff/${encodeURIComponent(b!)}`)),
    enabled: !!a && !!b,
  });
}

export function useProposals(workspaceId: string, productId: string, enabled: boolean) {
  return useQuery({ queryKey: [...strategyKey(workspaceId, productId), 'proposals'], queryFn: () => api<StrategyProposalList>(path(workspaceId, productId, '/proposals')), enabled });
}

export function useProposal(workspaceId: string, productId: string, proposalId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...strategyKey(workspaceId, productId), 'proposal', proposalId],
    queryFn: () => api<StrategyProposalDetail>(path(workspaceId, productId, `/proposals/${proposalId}`)),
    enabled,
  });
}

function useRefresh(workspaceId: string, productId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: strategyKey(workspaceId, productId) });
}

export function useSaveStrategy(workspaceId: string, productId: string) {
  const qc = useQueryClient();
  const refresh = useRefresh(workspaceId, productId);
  return useMutation({
    mutationFn: (body: UpdateStrategy) => api<StrategyDoc>(path(workspaceId, productId), { method: 'PUT', body }),
    onSuccess: (doc) => {
      qc.setQueryData([...strategyKey(workspaceId, productId), 'doc'], doc);
      void refresh();
    },
  });
}

export function usePublishStrategy(workspaceId: string, productId: string) {
  const refresh = useRefresh(workspaceId, productId);
  return useMutation({
    mutationFn: (body: { note?: string }) => api<StrategyDoc>(path(workspaceId, productId, '/publish'), { method: 'POST', body }),
    onSuccess: () => void refresh(),
  });
}

export function useCreateProposal(workspaceId: string, productId: string) {
  const refresh = useRefresh(workspaceId, productId);
  return useMutation({
    mutationFn: (body: { section: StrategySectionKey; text: string; rationale: string }) => api<StrategyProposalDetail>(path(workspaceId, productId, '/proposals'), { method: 'POST', body }),
    onSuccess: () => void refresh(),
  });
}

export function useCommentOnProposal(workspaceId: string, productId: string, proposalId: string) {
  const refresh = useRefresh(workspaceId, productId);
  return useMutation({
    mutationFn: (body: { body: string }) => api<ProposalComment>(path(workspaceId, productId, `/proposals/${proposalId}/comments`), { method: 'POST', body }),
    onSuccess: () => void refresh(),
  });
}

export function useDecideProposal(workspaceId: string, productId: string, proposalId: string) {
  const refresh = useRefresh(workspaceId, productId);
  return useMutation({
    mutationFn: (body: { accept: boolean; comment?: string }) => api<StrategyProposalDetail>(path(workspaceId, productId, `/proposals/${proposalId}/decision`), { method: 'POST', body }),
    onSuccess: () => void refresh(),
  });
}

export function useWithdrawProposal(workspaceId: string, productId: string, proposalId: string) {
  const refresh = useRefresh(workspaceId, productId);
  return useMutation({
    mutationFn: () => api<StrategyProposalDetail>(path(workspaceId, productId, `/proposals/${proposalId}/withdraw`), { method: 'POST', body: {} }),
    onSuccess: () => void refresh(),
  });
}

export type { ProposalStatus };
