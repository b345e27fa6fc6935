import { Select } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { useProducts } from '../products/use-products';

/**
 * The product a planning page shows: remembered per workspace across the releases and capacity pages,
 * and the first product when none was chosen yet (or the chosen one is gone).
 */
export function usePlanningProduct(workspaceId: string) {
  const products = useProducts(workspaceId);
  const [stored, setStored] = useLocalStorage<string | null>({ key: `sextant:${workspaceId}:planning-product`, defaultValue: null, getInitialValueInEffect: false });
  const items = products.data?.items ?? [];
  const productId = items.some((p) => p.id === stored) ? stored : (items[0]?.id ?? null);

  return { products, productId, product: items.find((p) => p.id === productId) ?? null, setProductId: setStored };
}

/** The product selector of the planning pages. */
export function ProductPicker({ products, value, onChange }: { products: { id: string; name: string }[]; value: string | null; onChange: (id: string) => void }) {
  return (
    <Select
      label="Product"
      data={products.map((p) => ({ value: p.id, label: p.name }))}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      w={220}
    />
  );
}
