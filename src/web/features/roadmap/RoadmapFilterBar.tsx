import { Button, Group, MultiSelect } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useMembers } from '../members/use-members';
import { FEATURE_STATUS_LABELS } from '../features/types';
import { useReleaseOptions } from '../features/use-features';
import { usePillars } from '../strategy/pillars/use-pillars';
import { FEATURE_STATUSES, type FeatureStatus, type RoadmapFilters } from './types';

interface RoadmapFilterBarProps {
  workspaceId: string;
  productId: string | null;
  components: { id: string; name: string }[];
  filters: RoadmapFilters;
  onChange: (next: RoadmapFilters) => void;
  /** The owner is internal for the caller (the stakeholder version): no owner filter. */
  ownerHidden: boolean;
}

/** True when any filter narrows the roadmap. */
export const hasFilters = (f: RoadmapFilters) => Object.values(f).some((v) => Array.isArray(v) && v.length > 0);

/** The roadmap's filters: component, pillar, status, owner and release, each with several values. */
export function RoadmapFilterBar({ workspaceId, productId, components, filters, onChange, ownerHidden }: RoadmapFilterBarProps) {
  const members = useMembers(workspaceId);
  const releases = useReleaseOptions(workspaceId, productId);
  const pillars = usePillars(workspaceId, productId);
  const pillarOptions = (pillars.data?.items ?? []).map((p) => ({ value: p.id, label: p.status === 'active' ? p.name : `${p.name} (${p.status})` }));
  const owners = useMemo(() => (members.data?.items ?? []).filter((m) => m.role !== 'viewer').map((m) => ({ value: m.id, label: m.name })), [members.data]);
  const set = (key: keyof RoadmapFilters) => (values: string[]) => onChange({ ...filters, [key]: values.length ? values : undefined });
  const common = { clearable: true, searchable: true, w: 200, maxDropdownHeight: 280, comboboxProps: { withinPortal: true } } as const;
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" mb="sm" role="search" aria-label="Filter the roadmap">
      <MultiSelect {...common} label="Component" placeholder={filters.componentIds?.length ? undefined : 'All components'} data={components.map((c) => ({ value: c.id, label: c.name }))} value={filters.componentIds ?? []} onChange={set('componentIds')} />
      <MultiSelect
        {...common}
        label="Pillar"
        placeholder={filters.pillarIds?.length ? undefined : pillars.isPending ? 'Loading…' : pillarOptions.length ? 'Any pillar' : 'No pillars yet'}
        data={pillarOptions}
        value={filters.pillarIds ?? []}
        onChange={set('pillarIds')}
        disabled={!pillarOptions.length && !filters.pillarIds?.length}
      />
      <MultiSelect
        {...common}
        label="Status"
        placeholder={filters.statuses?.length ? undefined : 'Any status'}
        data={FEATURE_STATUSES.filter((s) => s !== 'wont_do').map((s) => ({ value: s, label: FEATURE_STATUS_LABELS[s] }))}
        value={filters.statuses ?? []}
        onChange={(v) => set('statuses')(v as FeatureStatus[])}
      />
      {ownerHidden ? null : <MultiSelect {...common} label="Owner" placeholder={filters.ownerIds?.length ? undefined : 'Anyone'} data={owners} value={filters.ownerIds ?? []} onChange={set('ownerIds')} />}
      <MultiSelect
        {...common}
        label="Release"
        placeholder={filters.releaseIds?.length ? undefined : 'Any release'}
        data={(releases.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
        value={filters.releaseIds ?? []}
        onChange={set('releaseIds')}
      />
      {hasFilters(filters) ? (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={() => onChange({})}>
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
