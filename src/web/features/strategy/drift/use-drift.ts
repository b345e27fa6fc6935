import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DriftReport } from '../../../../shared/contracts.js';
import { api, wsPath } from '../../../lib/api/client';

export const driftKey = (workspaceId: string, productId: string, periodId: string | null, staleDays: number) => ['drift', workspaceId, productId, periodId ?? 'default', staleDays] as const;

/** The coverage and drift report of a product; the previous answer stays on screen while another loads. */
export function useDrift(workspaceId: string, productId: string | null, periodId: string | null, staleDays: number) {
  return useQuery({
    queryKey: driftKey(workspaceId, productId ?? '', periodId, staleDays),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ productId: productId!, staleDays: String(staleDays) });
      if (periodId) params.set('periodId', periodId);
      return api<DriftReport>(wsPath(workspaceId, `/strategy/drift?${params.toString()}`), { signal });
    },
    enabled: Boolean(productId),
    placeholderData: keepPreviousData,
  });
}
