import { Button, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { IconCalendarPlus, IconCalendarTime, IconPlus, IconTargetArrow } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { OkrPeriod, OkrTreeNode } from '../../../../shared/contracts.js';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { StatCard } from '../../../components/StatCard';
import { formatDate } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { ProductPicker, usePlanningProduct } from '../../releases/ProductPicker';
import { KeyResultFormModal } from './KeyResultFormModal';
import { ObjectiveFormModal } from './ObjectiveFormModal';
import { OkrTreeView } from './OkrTreeView';
import { PeriodsModal } from './PeriodsModal';
import { defaultPeriod, percent } from './okr-format';
import { useOkrTree, usePeriods } from './use-okrs';

/**
 * OKRs of a product for a period: the alignment tree from product objectives down to component ones,
 * with progress, owners, pillars and the worst confidence of each objective's key results.
 */
export function OkrsPage() {
  const { workspaceId, memberId, can } = useCurrentWorkspace();
  const search = useSearch({ strict: false }) as { productId?: string; periodId?: string };
  const navigate = useNavigate();
  const planning = usePlanningProduct(workspaceId);
  const products = planning.products.data?.items ?? [];
  const productId = search.productId && products.some((p) => p.id === search.productId) ? search.productId : planning.productId;
  const product = products.find((p) => p.id === productId) ?? null;
  const periods = usePeriods(workspaceId);
  const periodItems = periods.data?.items ?? [];
  const period = periodItems.find((p) => p.id === search.periodId) ?? defaultPeriod(periodItems);
  const tree = useOkrTree(workspaceId, productId, period?.id ?? null);
  const [managing, setManaging] = useState(false);
  const [creating, setCreating] = useState<{ parentId: string | null } | null>(null);
  const [addingTo, setAddingTo] = useState<OkrTreeNode | null>(null);

  const go = (next: { productId?: string | null; periodId?: string | null }) =>
    void navigate({
      to: '/w/$workspaceId/okrs',
      params: { workspaceId },
      search: { productId: (next.productId ?? productId) || undefined, periodId: (next.periodId ?? period?.id) || undefined },
    });
  const pickProduct = (id: string) => {
    planning.setProductId(id);
    go({ productId: id });
  };
  const componentOwner = useMemo(() => new Map((product?.components ?? []).map((c) => [c.id, c.ownerId])), [product]);
  const canWriteNode = (n: OkrTreeNode) => can('objective.write', { ownerIds: [n.ownerId, n.componentId ? componentOwner.get(n.componentId) : null] });
  // A PM may always create an objective they own.
  const canCreate = can('objective.write', { ownerIds: [memberId] });
  const canManagePeriods = can('period.manage');
  const parents = (tree.data?.nodes ?? []).map((n) => ({ id: n.id, title: n.title, depth: n.depth }));

  const loading = planning.products.isPending || periods.isPending;
  const error = planning.products.error ?? periods.error;

  return (
    <>
      <PageHeader
        title={product ? `OKRs: ${product.name}` : 'OKRs'}
        description="Objectives and key results, aligned from the product down to its components."
        actions={
          <Group gap="xs" align="flex-end" wrap="nowrap">
            {products.length > 1 ? <ProductPicker products={products} value={productId} onChange={pickProduct} /> : null}
            {periodItems.length ? (
              <Select
                label="Period"
                data={periodItems.map((p) => ({ value: p.id, label: p.name }))}
                value={period?.id ?? null}
                onChange={(v) => v && go({ periodId: v })}
                allowDeselect={false}
                w={170}
              />
            ) : null}
            {canManagePeriods ? (
              <Button variant="default" leftSection={<IconCalendarTime size={16} aria-hidden />} onClick={() => setManaging(true)}>
                Manage periods
              </Button>
            ) : null}
            {canCreate && period && product ? (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating({ parentId: null })}>
                New objective
              </Button>
            ) : null}
          </Group>
        }
      />
      {loading ? (
        <LoadingRows rows={6} height={64} />
      ) : error ? (
        <ErrorState
          error={error}
          onRetry={() => {
            void planning.products.refetch();
            void periods.refetch();
          }}
        />
      ) : !product ? (
        <EmptyState title="No products yet" description="OKRs belong to a product. Create a product first, then set its objectives." />
      ) : !period ? (
        <EmptyState
          icon={<IconCalendarPlus size={24} aria-hidden />}
          title="No OKR periods yet"
          description={canManagePeriods ? 'Create a quarter (or a custom range) to set objectives for.' : 'A lead creates the first period; objectives are set per period.'}
          action={canManagePeriods ? <Button onClick={() => setManaging(true)}>Create a period</Button> : undefined}
        />
      ) : tree.isPending ? (
        <LoadingRows rows={6} height={64} />
      ) : tree.isError ? (
        <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />
      ) : !tree.data.nodes.length ? (
        <EmptyState
          icon={<IconTargetArrow size={24} aria-hidden />}
          title={`No objectives for ${product.name} in ${period.name}`}
          description="Start with a product objective, then align component objectives under it."
          action={canCreate ? <Button onClick={() => setCreating({ parentId: null })}>New objective</Button> : undefined}
        />
      ) : (
        <Stack gap="lg">
          <Text size="sm" c="dimmed">
            {period.name}: {formatDate(period.start)} – {formatDate(period.end)}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }}>
            <StatCard label="Progress" value={percent(tree.data.progress)} hint="Mean of the top objectives" />
            <StatCard label="Objectives" value={String(tree.data.counts.objectives)} />
            <StatCard label="Key results" value={String(tree.data.counts.keyResults)} hint={`${tree.data.counts.noCheckIn} without a check-in`} />
            <StatCard label="At risk" value={String(tree.data.counts.atRisk)} tone={tree.data.counts.atRisk ? 'orange.9' : undefined} />
            <StatCard label="Off track" value={String(tree.data.counts.offTrack)} tone={tree.data.counts.offTrack ? 'red' : undefined} />
          </SimpleGrid>
          <OkrTreeView workspaceId={workspaceId} tree={tree.data} canWrite={canWriteNode} onAddKeyResult={setAddingTo} onAddChild={(n) => setCreating({ parentId: n.id })} />
        </Stack>
      )}
      {canManagePeriods ? (
        <PeriodsModal
          workspaceId={workspaceId}
          periods={periodItems}
          opened={managing}
          onClose={() => setManaging(false)}
          onCreated={(p: OkrPeriod) => {
            setManaging(false);
            go({ periodId: p.id });
          }}
        />
      ) : null}
      {product && period ? (
        <ObjectiveFormModal
          workspaceId={workspaceId}
          productId={product.id}
          periodId={period.id}
          opened={creating !== null}
          onClose={() => setCreating(null)}
          parents={parents}
          defaultParentId={creating?.parentId ?? null}
        />
      ) : null}
      {addingTo ? <KeyResultFormModal workspaceId={workspaceId} objective={addingTo} opened onClose={() => setAddingTo(null)} /> : null}
    </>
  );
}
