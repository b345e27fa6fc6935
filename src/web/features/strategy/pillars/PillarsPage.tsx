import { ActionIcon, Badge, Button, Card, Group, Menu, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconArrowDown, IconArrowUp, IconColumns3, IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import type { Pillar, PillarList, PillarStatus } from '../../../../shared/contracts.js';
import { AnchorLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { StatCard } from '../../../components/StatCard';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { plural } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { MarkdownView } from '../../features/MarkdownView';
import { useProducts } from '../../products/use-products';
import { ProductPicker } from '../../releases/ProductPicker';
import { PILLAR_STATUS_COLORS, PILLAR_STATUS_LABELS, PillarFormModal } from './PillarFormModal';
import { ShareBar } from './ShareBar';
import { useDeletePillar, usePillars, useUpdatePillar } from './use-pillars';

const pct = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)} %`;
const effort = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * A product's strategic pillars: each with its target share of the planned effort against the share
 * it actually gets, and what links to it. Leads and admins create, edit, reorder and delete them.
 */
export function PillarsPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const search = useSearch({ strict: false }) as { productId?: string };
  const navigate = useNavigate();
  const products = useProducts(workspaceId);
  const items = products.data?.items ?? [];
  const productId = items.some((p) => p.id === search.productId) ? search.productId! : (items[0]?.id ?? null);
  const pillars = usePillars(workspaceId, productId);
  const manage = can('pillar.manage');
  const [editing, setEditing] = useState<Pillar | 'new' | null>(null);
  const setProduct = (id: string) => void navigate({ to: '/w/$workspaceId/strategy/pillars', params: { workspaceId }, search: { productId: id } });
  const data = pillars.data;

  return (
    <>
      <PageHeader
        title="Strategic pillars"
        description="The lasting themes the strategy invests in, and the share of the planned effort each should get."
        actions={
          <Group gap="xs" align="flex-end" wrap="nowrap">
            {items.length > 1 ? <ProductPicker products={items} value={productId} onChange={setProduct} /> : null}
            {manage && productId ? (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                New pillar
              </Button>
            ) : null}
          </Group>
        }
      />
      {products.isPending || (productId && pillars.isPending) ? (
        <LoadingRows rows={4} height={120} />
      ) : products.isError ? (
        <ErrorState error={products.error} onRetry={() => void products.refetch()} />
      ) : !productId ? (
        <EmptyState icon={<IconColumns3 size={24} aria-hidden />} title="No products yet" description="Pillars belong to a product. Leads add products and components in the settings." />
      ) : pillars.isError ? (
        <ErrorState error={pillars.error} onRetry={() => void pillars.refetch()} />
      ) : data ? (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <StatCard label="Allocated" value={pct(data.allocatedShare)} hint="Target shares of the active pillars" />
            <StatCard label="Left to allocate" value={pct(data.remainingShare)} />
            <StatCard label="Planned effort" value={effort(data.plannedEffort)} hint="Features planned or on the board" />
            <StatCard
              label="Not on a pillar"
              value={data.plannedEffort > 0 ? pct(Math.round((1000 * data.unalignedEffort) / data.plannedEffort) / 10) : '—'}
              hint={`${effort(data.unalignedEffort)} of the planned effort`}
            />
          </SimpleGrid>
          {data.items.length === 0 ? (
            <EmptyState
              icon={<IconColumns3 size={24} aria-hidden />}
              title="No pillars yet"
              description="Name the few themes this product invests in, with the share of the effort each should get; then link features, objectives and opportunities to them."
              action={
                manage ? (
                  <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                    New pillar
                  </Button>
                ) : undefined
              }
            />
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Pillars">
              {data.items.map((p, i) => (
                <PillarCard key={p.id} workspaceId={workspaceId} pillar={p} list={data} index={i} manage={manage} onEdit={() => setEditing(p)} />
              ))}
            </SimpleGrid>
          )}
        </Stack>
      ) : null}
      {productId && data ? (
        <PillarFormModal
          workspaceId={workspaceId}
          productId={productId}
          pillar={editing && editing !== 'new' ? editing : undefined}
          remainingShare={data.remainingShare}
          opened={editing !== null}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

function PillarCard({ workspaceId, pillar: p, list, index, manage, onEdit }: { workspaceId: string; pillar: Pillar; list: PillarList; index: number; manage: boolean; onEdit: () => void }) {
  const update = useUpdatePillar(workspaceId);
  const remove = useDeletePillar(workspaceId);
  const move = (to: number) => update.mutate({ pillarId: p.id, version: p.version, position: to }, { onError: (e) => notifyError(e) });
  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete the pillar “${p.name}”?`,
      children: (
        <Text size="sm">
          Its {plural(p.featureCount, 'feature')}, {plural(p.objectiveCount, 'objective')} and {plural(p.opportunityCount, 'opportunity', 'opportunities')} stay, linked to no pillar.
        </Text>
      ),
      labels: { confirm: 'Delete', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(p.id, { onSuccess: () => notifySuccess('Pillar deleted.'), onError: (e) => notifyError(e) }),
    });
  const headingId = `pillar-${p.id}`;
  return (
    <Card withBorder radius="md" padding="lg" component="li" aria-labelledby={headingId}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs" miw={0}>
            <Title order={2} fz="lg" id={headingId}>
              {p.name}
            </Title>
            <Badge color={PILLAR_STATUS_COLORS[p.status as PillarStatus]} variant="light" component="span">
              {PILLAR_STATUS_LABELS[p.status as PillarStatus]}
            </Badge>
          </Group>
          {manage ? (
            <Group gap={4} wrap="nowrap">
              <ActionIcon variant="subtle" color="gray" aria-label={`Move ${p.name} up`} disabled={index === 0 || update.isPending} onClick={() => move(index - 1)}>
                <IconArrowUp size={16} aria-hidden />
              </ActionIcon>
              <ActionIcon variant="subtle" color="gray" aria-label={`Move ${p.name} down`} disabled={index === list.items.length - 1 || update.isPending} onClick={() => move(index + 1)}>
                <IconArrowDown size={16} aria-hidden />
              </ActionIcon>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${p.name}`}>
                    <IconDots size={16} aria-hidden />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit}>
                    Edit
                  </Menu.Item>
                  <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={confirmDelete}>
                    Delete
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          ) : null}
        </Group>
        {p.description ? <MarkdownView>{p.description}</MarkdownView> : <Text size="sm" c="dimmed">No description.</Text>}
        <ShareBar target={p.targetShare} actual={p.actualShare} active={p.status === 'active'} />
        <Text size="xs" c="dimmed">
          {effort(p.plannedEffort)} of {effort(list.plannedEffort)} planned effort
        </Text>
        <Group gap="md" mt="auto">
          <AnchorLink size="sm" to="/w/$workspaceId/roadmap" params={{ workspaceId }} search={{ productId: p.productId, pillarIds: [p.id] }}>
            {plural(p.featureCount, 'feature')}
          </AnchorLink>
          <AnchorLink size="sm" to="/w/$workspaceId/okrs" params={{ workspaceId }} search={{ productId: p.productId }}>
            {plural(p.objectiveCount, 'objective')}
          </AnchorLink>
          <AnchorLink size="sm" to="/w/$workspaceId/opportunities" params={{ workspaceId }}>
            {plural(p.opportunityCount, 'opportunity', 'opportunities')}
          </AnchorLink>
        </Group>
      </Stack>
    </Card>
  );
}
