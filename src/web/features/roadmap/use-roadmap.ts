import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api, isApiError, wsPath } from '../../lib/api/client';
import { notifyError } from '../../lib/errors';
import { applyMove, type BoardMove } from './board-model';
import type { Roadmap, RoadmapCard, RoadmapFilters, RoadmapSettings, RoadmapViewFilters, RoadmapViewKind, SavedView } from './types';

// Keys start with ['roadmap', workspaceId]: the features pages invalidate that prefix after their edits.
export const roadmapKey = (workspaceId: string) => ['roadmap', workspaceId] as const;
/** The key of one roadmap answer: the board's optimistic moves write to it. */
export const boardKey = (workspaceId: string, productId: string, view: RoadmapViewKind, filters: RoadmapFilters) =>
  [...roadmapKey(workspaceId), 'board', productId, view, filters] as const;
const viewsKey = (workspaceId: string) => [...roadmapKey(workspaceId), 'views'] as const;
const settingsKey = (workspaceId: string) => [...roadmapKey(workspaceId), 'settings'] as const;

/** The query string of GET /roadmap: lists comma-separated, empty filters left out. */
export function roadmapSearch(productId: string, view: RoadmapViewKind, filters: RoadmapFilters): string {
  const params = new URLSearchParams({ productId, view });
  for (const [key, values] of Object.entries(filters)) if (Array.isArray(values) && values.length) params.set(key, values.join(','));
  return params.toString();
}

/** The roadmap of a product; the previous answer stays on screen while another filter loads. */
export function useRoadmap(workspaceId: string, productId: string | null, view: RoadmapViewKind, filters: RoadmapFilters) {
  return useQuery({
    queryKey: boardKey(workspaceId, productId ?? '', view, filters),
    queryFn: ({ signal }) => api<Roadmap>(wsPath(workspaceId, `/roadmap?${roadmapSearch(productId!, view, filters)}`), { signal }),
    enabled: Boolean(productId),
    placeholderData: keepPreviousData,
  });
}

/**
 * Moves a card, optimistically: the board shows it in place at once; an error (a 409 when someone
 * changed the feature meanwhile) puts it back and says why. `onMoved` runs once the server agreed.
 */
export function useMoveCard(workspaceId: string, queryKey: QueryKey) {
  const qc = useQueryClient();
  return useMutation({
    // Moves run one after another, each with the version the previous one left: quick successive moves
    // of one card would otherwise race each other into a 409.
    scope: { id: `roadmap-move:${workspaceId}` },
    mutationFn: (move: BoardMove) => {
      const version = qc.getQueryData<Roadmap>(queryKey)?.features.find((c) => c.id === move.featureId)?.version ?? 1;
      return api<RoadmapCard>(wsPath(workspaceId, '/roadmap/move'), { method: 'POST', body: { ...move, version } });
    },
    onMutate: async (move) => {
      await qc.cancelQueries({ queryKey });
      const before = qc.getQueryData<Roadmap>(queryKey);
      if (before) qc.setQueryData<Roadmap>(queryKey, { ...before, features: applyMove(before.features, move) });
      return { before };
    },
    onError: (error, _vars, context) => {
      if (context?.before) qc.setQueryData(queryKey, context.before);
      if (isApiError(error) && error.code === 'version_conflict') {
        notifyError(error);
        void qc.invalidateQueries({ queryKey });
      } else notifyError(error, 'The card could not be moved');
    },
    onSuccess: (card) => {
      // The server's card carries the new version and rank; its place in the list is already right.
      qc.setQueryData<Roadmap>(queryKey, (cur) => (cur ? { ...cur, features: cur.features.map((c) => (c.id === card.id ? { ...c, ...card } : c)) } : cur));
      // Other filters and the timeline read it again when next shown; this board need not reload 2,000 cards.
      void qc.invalidateQueries({ queryKey: roadmapKey(workspaceId), refetchType: 'none' });
      void qc.invalidateQueries({ queryKey: ['features', workspaceId] });
    },
  });
}

export function useSavedViews(workspaceId: string) {
  return useQuery({ queryKey: viewsKey(workspaceId), queryFn: () => api<{ items: SavedView[] }>(wsPath(workspaceId, '/roadmap/views')) });
}

function useInvalidateViews(workspaceId: string) {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: viewsKey(workspaceId) });
}

export function useCreateView(workspaceId: string) {
  const invalidate = useInvalidateViews(workspaceId);
  return useMutation({
    mutationFn: (body: { name: string; filters: RoadmapViewFilters; shared?: boolean }) => api<SavedView>(wsPath(workspaceId, '/roadmap/views'), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateView(workspaceId: string) {
  const invalidate = useInvalidateViews(workspaceId);
  return useMutation({
    mutationFn: ({ viewId, ...body }: { viewId: string; name?: string; filters?: RoadmapViewFilters; version: number }) =>
      api<SavedView>(wsPath(workspaceId, `/roadmap/views/${viewId}`), { method: 'PATCH', body }),
    onSettled: invalidate,
  });
}

export function useShareView(workspaceId: string) {
  const invalidate = useInvalidateViews(workspaceId);
  return useMutation({
    mutationFn: ({ viewId, ...body }: { viewId: string; shared: boolean; version: number }) =>
      api<SavedView>(wsPath(workspaceId, `/roadmap/views/${viewId}/shared`), { method: 'PUT', body }),
    onSettled: invalidate,
  });
}

export function useDeleteView(workspaceId: string) {
  const invalidate = useInvalidateViews(workspaceId);
  return useMutation({
    mutationFn: (viewId: string) => api<void>(wsPath(workspaceId, `/roadmap/views/${viewId}`), { method: 'DELETE' }),
    onSettled: invalidate,
  });
}

export function useRoadmapSettings(workspaceId: string) {
  return useQuery({ queryKey: settingsKey(workspaceId), queryFn: () => api<RoadmapSettings>(wsPath(workspaceId, '/roadmap/settings')) });
}

export function useUpdateRoadmapSettings(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<RoadmapSettings, 'version'> & { version: number }) => api<RoadmapSettings>(wsPath(workspaceId, '/roadmap/settings'), { method: 'PUT', body }),
    onSuccess: (saved) => qc.setQueryData(settingsKey(workspaceId), saved),
    // What stakeholders see and the capacity unit change: every roadmap and capacity view reads them again.
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: roadmapKey(workspaceId) });
      void qc.invalidateQueries({ queryKey: ['capacity', workspaceId] });
    },
  });
}
