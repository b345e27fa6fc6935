import { useMemo } from 'react';
import { useProducts } from '../products/use-products';

/** The workspace's components as select options ("Product · Component") and a map to their owner PM. */
export function useComponentOptions(workspaceId: string) {
  const products = useProducts(workspaceId);
  return useMemo(() => {
    const options: { group: string; items: { value: string; label: string }[] }[] = [];
    const flat: { value: string; label: string }[] = [];
    const names = new Map<string, string>();
    const owners = new Map<string, string | null>();
    for (const p of products.data?.items ?? []) {
      const items = p.components.map((c) => ({ value: c.id, label: c.name }));
      if (items.length) options.push({ group: p.name, items });
      for (const c of p.components) {
        flat.push({ value: c.id, label: `${p.name} · ${c.name}` });
        names.set(c.id, c.name);
        owners.set(c.id, c.ownerId);
      }
    }
    /** Owner ids of the given components, for the PM ownership check of feedback.update. */
    const ownerIdsOf = (componentIds: string[]) => componentIds.map((id) => owners.get(id)).filter((o): o is string => Boolean(o));
    return { grouped: options, flat, names, ownerIdsOf };
  }, [products.data]);
}
