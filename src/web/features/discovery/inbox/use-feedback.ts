import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, wsPath } from '../../../lib/api/client';
import type { Feedback, FeedbackPage, FeedbackSource, FeedbackStatus, SimilarItem, Suggestions, Theme } from '../types';

export const feedbackKey = (workspaceId: string) => ['feedback', workspaceId] as const;

/** The inbox filters; each maps to a query parameter of GET /feedback. */
export interface FeedbackFilters {
  q?: string;
  source?: FeedbackSource | null;
  status?: FeedbackStatus | null;
  segment?: string | null;
  tag?: string | null;
  customerId?: string | null;
  componentId?: string | null;
  from?: string | null;
  to?: string | null;
}

const PAGE_SIZE = 50;

function feedbackQueryString(filters: FeedbackFilters, cursor?: string | null, limit = PAGE_SIZE): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value.trim()) params.set(key, value.trim());
  }
  if (cursor) params.set('cursor', cursor);
  params.set('limit', String(limit));
  return params.toString();
}

/** The inbox, page by page by cursor. */
export function useFeedbackPages(workspaceId: string, filters: FeedbackFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...feedbackKey(workspaceId), 'list', filters],
    queryFn: ({ pageParam, signal }) => api<FeedbackPage>(wsPath(workspaceId, `/feedback?${feedbackQueryString(filters, pageParam)}`), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useFeedbackItem(workspaceId: string, feedbackId: string | null) {
  return useQuery({
    queryKey: [...feedbackKey(workspaceId), 'item', feedbackId],
    queryFn: () => api<Feedback>(wsPath(workspaceId, `/feedback/${feedbackId}`)),
    enabled: Boolean(feedbackId),
  });
}

export function useSimilarFeedback(workspaceId: string, feedbackId: string | null) {
  return useQuery({
    queryKey: [...feedbackKey(workspaceId), 'similar', feedbackId],
    queryFn: () => api<{ items: SimilarItem[] }>(wsPath(workspaceId, `/feedback/${feedbackId}/similar`)),
    enabled: Boolean(feedbackId),
    staleTime: 60_000,
  });
}

export function useFeedbackSuggestions(workspaceId: string, feedbackId: string | null) {
  return useQuery({
    queryKey: [...feedbackKey(workspaceId), 'suggestions', feedbackId],
    queryFn: () => api<Suggestions>(wsPath(workspaceId, `/feedback/${feedbackId}/suggestions`)),
    enabled: Boolean(feedbackId),
    staleTime: 60_000,
  });
}

function useInvalidateDiscovery(workspaceId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: feedbackKey(workspaceId) });
    // Links and counts show on opportunities and customers.
    void qc.invalidateQueries({ queryKey: ['opportunities', workspaceId] });
    void qc.invalidateQueries({ queryKey: ['customers', workspaceId] });
  };
}

export interface FeedbackInput {
  text: string;
  source: FeedbackSource;
  customerId?: string;
  capturedAt?: string;
  tags?: string[];
  componentIds?: string[];
  importance?: number;
}

export function useCreateFeedback(workspaceId: string) {
  const invalidate = useInvalidateDiscovery(workspaceId);
  return useMutation({
    mutationFn: (body: FeedbackInput) => api<Feedback>(wsPath(workspaceId, '/feedback'), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export interface FeedbackPatch {
  status?: FeedbackStatus;
  tags?: string[];
  importance?: number;
  customerId?: string | null;
  componentIds?: string[];
  text?: string;
  source?: FeedbackSource;
}

export function useUpdateFeedback(workspaceId: string) {
  const invalidate = useInvalidateDiscovery(workspaceId);
  return useMutation({
    mutationFn: ({ feedbackId, ...body }: FeedbackPatch & { feedbackId: string; version: number }) =>
      api<Feedback>(wsPath(workspaceId, `/feedback/${feedbackId}`), { method: 'PATCH', body }),
    onSettled: invalidate,
  });
}

export function useDeleteFeedback(workspaceId: string) {
  const invalidate = useInvalidateDiscovery(workspaceId);
  return useMutation({
    mutationFn: (feedbackId: string) => api<void>(wsPath(workspaceId, `/feedback/${feedbackId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}

export type BulkAction = 'archive' | 'triage' | 'tag' | 'untag';

export function useBulkFeedback(workspaceId: string) {
  const invalidate = useInvalidateDiscovery(workspaceId);
  return useMutation({
    mutationFn: (body: { ids: string[]; action: BulkAction; tag?: string }) =>
      api<{ updated?: number }>(wsPath(workspaceId, '/feedback/bulk'), { method: 'POST', body }),
    onSettled: invalidate,
  });
}

export function useMergeFeedback(workspaceId: string) {
  const invalidate = useInvalidateDiscovery(workspaceId);
  return useMutation({
    mutationFn: ({ feedbackId, duplicateIds }: { feedbackId: string; duplicateIds: string[] }) =>
      api<Feedback>(wsPath(workspaceId, `/feedback/${feedbackId}/merge`), { method: 'POST', body: { duplicateIds } }),
    onSettled: invalidate,
  });
}

/** Clusters unlinked feedback (or the given items) into candidate opportunities. */
export function useFindThemes(workspaceId: string) {
  return useMutation({
    mutationFn: (feedbackIds?: string[]) =>
      api<{ themes: Theme[] }>(wsPath(workspaceId, '/feedback/themes'), { method: 'POST', body: feedbackIds ? { feedbackIds } : {} }),
  });
}
