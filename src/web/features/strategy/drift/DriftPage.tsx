import { Group, NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChartDonut } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { DRIFT_LIMITS } from '../../../../shared/contracts.js';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { StatCard } from '../../../components/StatCard';
import { formatDateTime } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { useProducts } from '../../products/use-products';
import { CoverageChart } from './CoverageChart';
import { AtRiskSection, SlippingSection, StaleSection, UnalignedSection } from './DriftSections';
import { formatShare } from './drift-format';
import { useDrift } from './use-drift';

/**
 * Coverage and drift of a product: planned effort by pillar against each pillar's target, the work that
 * serves no pillar, objectives nobody checks in on, key results at risk, and key results whose driving
 * features slipped or conflict. Read-only: every row links to the feature or objective to fix.
 */
export function DriftPage() {
  const { workspaceId } = useCurrentWorkspace();
  const search = useSearch({ strict: false }) as { productId?: string };
  const navigate = useNavigate();
  const products = useProducts(workspaceId);
  const items = products.data?.items ?? [];
  const productId = items.some((p) => p.id === search.productId) ? search.productId! : (items[0]?.id ?? null);
  const [periodId, setPeriodId] = useState<string | null>(null);
  const [staleInput, setStaleInput] = useState<number>(DRIFT_LIMITS.staleDaysDefault);
  const [staleDays] = useDebouncedValue(staleInput, 400);
  const drift = useDrift(workspaceId, productId, periodId, staleDays);
  const report = drift.data;

  const pickProduct = (id: string) => {
    setPeriodId(null);
    void navigate({ to: '/w/$workspaceId/strategy/drift', params: { workspaceId }, search: { productId: id } });
  };

  return (
    <>
      <PageHeader
        title="Coverage & drift"
        description="Is the plan serving the strategy? Effort by pillar against its target, and the goals drifting away."
        actions={
          <Group gap="xs" align="flex-end" wrap="nowrap">
            {items.length > 1 ? (
              <Select label="Product" data={items.map((p) => ({ value: p.id, label: p.name }))} value={productId} onChange={(v) => v && pickProduct(v)} allowDeselect={false} w={200} />
            ) : null}
            {report && report.periods.length ? (
              <Select
                label="OKR period"
                data={report.periods.map((p) => ({ value: p.id, label: p.name }))}
                value={periodId ?? report.period?.id ?? null}
                onChange={(v) => v && setPeriodId(v)}
                allowDeselect={false}
                w={180}
              />
            ) : null}
            <NumberInput
              label="Stale after (days)"
              value={staleInput}
              onChange={(v) => typeof v === 'number' && setStaleInput(v)}
              min={1}
              max={DRIFT_LIMITS.staleDaysMax}
              clampBehavior="strict"
              allowDecimal={false}
              w={140}
            />
          </Group>
        }
      />
      {products.isPending ? (
        <LoadingRows rows={5} height={90} />
      ) : products.isError ? (
        <ErrorState error={products.error} onRetry={() => void products.refetch()} />
      ) : !productId ? (
        <EmptyState icon={<IconChartDonut size={24} aria-hidden />} title="No products yet" description="Coverage compares a product’s planned features with its strategic pillars. Leads add products in the settings." />
      ) : drift.isPending ? (
        <LoadingRows rows={5} height={90} />
      ) : drift.isError && !report ? (
        <ErrorState error={drift.error} onRetry={() => void drift.refetch()} />
      ) : report ? (
        <Stack gap="md" aria-busy={drift.isFetching}>
          <Text size="sm" c="dimmed" aria-live="polite">
            {drift.isFetching
              ? 'Loading…'
              : `${report.product.name}${report.period ? ` · ${report.period.name} (${Math.round(report.expectedProgress * 100)}% elapsed)` : ' · no OKR period yet'} · computed ${formatDateTime(report.generatedAt)}`}
          </Text>
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            <StatCard label="No pillar" value={formatShare(report.coverage.rows[report.coverage.rows.length - 1]!.actualShare)} hint="of planned effort" tone={report.counts.unalignedFeatures ? 'orange.9' : undefined} />
            <StatCard label="Unaligned objectives" value={String(report.counts.unalignedObjectives)} />
            <StatCard label="Stale objectives" value={String(report.counts.staleObjectives)} hint={`no check-in in ${report.staleDays} days`} tone={report.counts.staleObjectives ? 'orange.9' : undefined} />
            <StatCard label="Key results at risk" value={String(report.counts.atRisk)} tone={report.counts.atRisk ? 'orange.9' : undefined} />
            <StatCard label="Slipping key results" value={String(report.counts.slipping)} tone={report.counts.slipping ? 'orange.9' : undefined} />
          </SimpleGrid>
          {report.coverage.rows.length === 1 && report.coverage.featureCount === 0 ? (
            <EmptyState icon={<IconChartDonut size={24} aria-hidden />} title="Nothing planned yet" description="Coverage appears once the product has pillars and planned features (on the board, or planned or in progress)." />
          ) : (
            <CoverageChart coverage={report.coverage} />
          )}
          <UnalignedSection workspaceId={workspaceId} report={report} />
          {report.period ? (
            <>
              <StaleSection workspaceId={workspaceId} report={report} />
              <AtRiskSection workspaceId={workspaceId} report={report} />
              <SlippingSection workspaceId={workspaceId} report={report} />
            </>
          ) : (
            <EmptyState title="No OKR period yet" description="Stale objectives, key results at risk and slipping key results appear once the workspace has an OKR period with objectives." />
          )}
        </Stack>
      ) : null}
    </>
  );
}
