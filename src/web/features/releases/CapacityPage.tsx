import { ActionIcon, Alert, Button, Group, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPackage } from '@tabler/icons-react';
import { useState } from 'react';
import { quarterBounds, quarterOf, shiftQuarter } from '../../../shared/contracts.js';
import { ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../components/QueryState';
import { plural } from '../../lib/format';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { useMembers } from '../members/use-members';
import { CapacityBars } from './CapacityBars';
import { UNIT_LABELS, formatEffort, quarterLabel } from './labels';
import { ProductPicker, usePlanningProduct } from './ProductPicker';
import { useCapacity } from './use-releases';
import { StatCard } from '../../components/StatCard';


/** Previous / this / next quarter, with the quarter's months in words. */
function QuarterNav({ quarter, onChange }: { quarter: string; onChange: (q: string) => void }) {
  const current = quarterOf(new Date());
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="capacity-quarter">
        Quarter
      </Text>
      <Group gap={6} wrap="nowrap" role="group" aria-labelledby="capacity-quarter">
        <Tooltip label="Previous quarter">
          <ActionIcon variant="default" size="lg" aria-label="Previous quarter" onClick={() => onChange(shiftQuarter(quarter, -1))}>
            <IconChevronLeft size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Text fw={600} miw={150} ta="center" aria-live="polite">
          {quarterLabel(quarter, quarterBounds(quarter))}
        </Text>
        <Tooltip label="Next quarter">
          <ActionIcon variant="default" size="lg" aria-label="Next quarter" onClick={() => onChange(shiftQuarter(quarter, 1))}>
            <IconChevronRight size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        {quarter !== current ? (
          <Button variant="subtle" size="xs" onClick={() => onChange(current)}>
            This quarter
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}

/** Planned effort against each component's capacity in a quarter; leads and admins set the capacities. */
export function CapacityPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const { products, productId, product, setProductId } = usePlanningProduct(workspaceId);
  const [quarter, setQuarter] = useState(() => quarterOf(new Date()));
  const canRead = can('capacity.read');
  const report = useCapacity(workspaceId, productId, quarter, canRead);
  const members = useMembers(workspaceId);
  const owners = new Map((members.data?.items ?? []).map((m) => [m.id, m.name]));

  const header = <PageHeader title="Capacity" description="Planned effort against each component’s capacity, quarter by quarter. Over-allocated components are flagged." />;

  if (!canRead) {
    return (
      <>
        {header}
        <Alert color="gray" variant="light" title="Capacity is for the product team">
          Your role can read the roadmap and releases, not the team’s capacity.
        </Alert>
      </>
    );
  }
  if (products.isPending) {
    return (
      <>
        {header}
        <LoadingRows rows={4} height={64} />
      </>
    );
  }
  if (products.isError) {
    return (
      <>
        {header}
        <ErrorState error={products.error} onRetry={() => void products.refetch()} />
      </>
    );
  }
  if (!product) {
    return (
      <>
        {header}
        <EmptyState
          icon={<IconPackage size={24} aria-hidden />}
          title="No products yet"
          description="Capacity is planned per component of a product. Add a product and its components first."
          action={
            can('product.create') ? (
              <ButtonLink to="/w/$workspaceId/settings/products" params={{ workspaceId }}>
                Add a product
              </ButtonLink>
            ) : null
          }
        />
      </>
    );
  }

  const data = report.data;
  return (
    <>
      {header}
      <Group gap="md" mb="md" align="flex-end" wrap="wrap">
        <ProductPicker products={products.data.items} value={productId} onChange={setProductId} />
        <QuarterNav quarter={quarter} onChange={setQuarter} />
      </Group>
      {report.isPending ? (
        <LoadingRows rows={4} height={64} />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : !data ? null : data.components.length === 0 ? (
        <EmptyState
          icon={<IconPackage size={24} aria-hidden />}
          title={`${product.name} has no components yet`}
          description="Capacity is set per component. Add components to the product first."
        />
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <StatCard label="Capacity" value={formatEffort(data.totals.capacity, data.unit)} hint={`Unit: ${UNIT_LABELS[data.unit]}`} />
            <StatCard label="Planned" value={formatEffort(data.totals.planned, data.unit)} hint={plural(data.totals.featureCount, 'planned or in-progress feature')} />
            <StatCard
              label="Utilisation"
              value={data.totals.utilisation === null ? '—' : `${Math.round(data.totals.utilisation * 100)}%`}
              hint="Of the components with a capacity"
            />
            <StatCard
              label="Over-allocated"
              value={String(data.totals.overAllocatedCount)}
              hint={data.totals.overAllocatedCount ? 'Components planned beyond capacity' : 'Every component fits'}
              tone={data.totals.overAllocatedCount ? 'red' : undefined}
            />
          </SimpleGrid>
          <CapacityBars key={`${data.productId}:${data.quarter}`} workspaceId={workspaceId} report={data} owners={owners} canEdit={can('capacity.update')} />
        </Stack>
      )}
    </>
  );
}
