import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatePillar, Pillar, PillarList, UpdatePillar } from '../../../../shared/contracts.js';
import { api, wsPath } from '../../../lib/api/client';

export const pillarsKey = (workspaceId: string, productId?: string | null) => (productId ? (['pillars', workspaceId, productId] as const) : (['pillars', workspaceId] as const));

/** A product's pillars with their live shares and counts. */
export function usePillars(workspaceId: string, productId: string | null | undefined) {
  return useQuery({
    queryKey: pillarsKey(workspaceId, productId),
    queryFn: () => api<PillarList>(wsPath(workspaceId, `/pillars?productId=${productId}`)),
    enabled: Boolean(workspaceId && productId),
  });
}

/** Pillars of several products (an opportunity may span products), as select options grouped by product. */
export function usePillarOptions(workspaceId: string, products: { id: string; name: string }[]) {
  const results = useQueries({
    queries: products.map((p) => ({ queryKey: pillarsKey(workspaceId, p.id), queryFn: () => api<PillarList>(wsPath(workspaceId, `/pillars?productId=${p.id}`)) })),
  });
  const groups = products
    .map((p, i) => ({ group: p.name, items: (results[i]?.data?.items ?? []).map((x) => ({ value: x.id, label: x.status === 'active' ? x.name : `${x.name} (${x.status})` })) }))
    .filter((g) => g.items.length > 0);
  return { groups, loading: results.some((r) => r.isPending) };
}

function useInvalidate(workspaceId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: pillarsKey(workspaceId) });
    // The roadmap, features and drift read pillars too.
    void qc.invalidateQueries({ queryKey: ['roadmap', workspaceId] });
    void qc.invalidateQueries({ queryKey: ['strategy-drift', workspaceId] });
  };
}

export function useCreatePillar(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({ mutationFn: (body: CreatePillar) => api<Pillar>(wsPath(workspaceId, '/pillars'), { method: 'POST', body }), onSuccess: invalidate });
}

export function useUpdatePillar(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ pillarId, ...body }: UpdatePillar & { pillarId: string }) => api<Pillar>(wsPath(workspaceId, `/pillars/${pillarId}`), { method: 'PATCH', body }),
    onSettled: invalidate,
  });
}

export function useDeletePillar(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({ mutationFn: (pillarId: string) => api<void>(wsPath(workspaceId, `/pillars/${pillarId}`), { method: 'DELETE' }), onSuccess: invalidate });
}
