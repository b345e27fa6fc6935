import { ActionIcon, Group, Select, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useMembers } from '../members/use-members';
import { useProducts } from '../products/use-products';
import { FEATURE_STATUS_LABELS, HORIZON_LABELS, type FeatureHorizon, type FeatureStatus } from './types';
import { useReleaseOptions, type FeatureFilters } from './use-features';

const options = <K extends string>(labels: Record<K, string>) => (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

/** The features list's search box and filters; the search applies after a short pause in typing. */
export function FeatureFilterBar({ workspaceId, filters, onChange }: { workspaceId: string; filters: FeatureFilters; onChange: (next: FeatureFilters) => void }) {
  const products = useProducts(workspaceId);
  const members = useMembers(workspaceId);
  const releases = useReleaseOptions(workspaceId, filters.productId);
  const [q, setQ] = useState(filters.q ?? '');
  const applySearch = useDebouncedCallback((value: string) => onChange({ ...filters, q: value }), 300);
  const active = Object.values(filters).some((v) => typeof v === 'string' && v !== '');

  const productOptions = (products.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  // Components of the chosen product, or all of them grouped by product.
  const componentOptions = useMemo(() => {
    const list = (products.data?.items ?? []).filter((p) => !filters.productId || p.id === filters.productId);
    return list.flatMap((p) => (p.components.length ? [{ group: p.name, items: p.components.map((c) => ({ value: c.id, label: c.name })) }] : []));
  }, [products.data, filters.productId]);

  const clear = () => {
    applySearch.cancel();
    setQ('');
    onChange({});
  };

  return (
    <Group gap="xs" align="flex-end" wrap="wrap" mb="sm" role="search" aria-label="Filter features">
      <TextInput
        label="Search titles"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          applySearch(e.currentTarget.value);
        }}
        w={{ base: '100%', sm: 200 }}
      />
      <Select
        label="Product"
        placeholder="All products"
        data={productOptions}
        value={filters.productId ?? null}
        // A component or release of another product would filter everything out.
        onChange={(v) => onChange({ ...filters, productId: v, componentId: null, releaseId: null })}
        clearable
        w={150}
      />
      <Select label="Component" placeholder="All components" data={componentOptions} value={filters.componentId ?? null} onChange={(v) => onChange({ ...filters, componentId: v })} clearable searchable w={170} />
      <Select label="Status" placeholder="Any status" data={options(FEATURE_STATUS_LABELS)} value={filters.status ?? null} onChange={(v) => onChange({ ...filters, status: v as FeatureStatus | null })} clearable w={130} />
      <Select label="Horizon" placeholder="Any horizon" data={options(HORIZON_LABELS)} value={filters.horizon ?? null} onChange={(v) => onChange({ ...filters, horizon: v as FeatureHorizon | null })} clearable w={130} />
      <Select
        label="Owner"
        placeholder="Anyone"
        data={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
        value={filters.ownerId ?? null}
        onChange={(v) => onChange({ ...filters, ownerId: v })}
        clearable
        searchable
        w={150}
      />
      <Tooltip label="Pick a product first" disabled={Boolean(filters.productId)}>
        <Select
          label="Release"
          placeholder="Any release"
          data={(releases.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
          value={filters.releaseId ?? null}
          onChange={(v) => onChange({ ...filters, releaseId: v })}
          disabled={!filters.productId}
          clearable
          w={140}
        />
      </Tooltip>
      {active ? (
        <Tooltip label="Clear filters">
          <ActionIcon variant="default" size="lg" mb={1} onClick={clear} aria-label="Clear filters">
            <IconFilterOff size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      ) : null}
    </Group>
  );
}
