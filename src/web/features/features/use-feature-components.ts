import { useMemo } from 'react';
import { can, type Action } from '../../../shared/policy.js';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { useProducts } from '../products/use-products';

export interface FeatureComponentOption {
  id: string;
  name: string;
  productId: string;
  productName: string;
  ownerId: string | null;
  ownerName: string | null;
}

/**
 * The components a member may put features in for `action` (a PM: the ones they own), as grouped
 * select options, with a lookup by id.
 */
export function useFeatureComponents(workspaceId: string, action: Action) {
  const products = useProducts(workspaceId);
  const { role, memberId } = useCurrentWorkspace();
  return useMemo(() => {
    const all: FeatureComponentOption[] = (products.data?.items ?? []).flatMap((p) =>
      p.components.map((c) => ({ id: c.id, name: c.name, productId: p.id, productName: p.name, ownerId: c.ownerId, ownerName: c.owner?.name ?? null })),
    );
    const allowed = all.filter((c) => can({ role, memberId }, action, { ownerIds: [c.ownerId] }));
    const grouped: { group: string; items: { value: string; label: string }[] }[] = [];
    for (const c of allowed) {
      const group = grouped.find((g) => g.group === c.productName);
      if (group) group.items.push({ value: c.id, label: c.name });
      else grouped.push({ group: c.productName, items: [{ value: c.id, label: c.name }] });
    }
    return { all, allowed, grouped, byId: new Map(all.map((c) => [c.id, c])), loading: products.isPending };
  }, [products.data, products.isPending, action, role, memberId]);
}
