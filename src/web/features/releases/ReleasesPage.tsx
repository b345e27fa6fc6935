import { Badge, Button, Group, Paper, Progress, SegmentedControl, Stack, Table, Text, Timeline, VisuallyHidden } from '@mantine/core';
import { IconCalendarEvent, IconCheck, IconPackage, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReleaseSummary, ReleaseStatus } from '../../../shared/contracts.js';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../components/QueryState';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { RELEASE_STATUS_COLORS, RELEASE_STATUS_LABELS, formatDay } from './labels';
import { ProductPicker, usePlanningProduct } from './ProductPicker';
import { ReleaseFormModal } from './ReleaseFormModal';
import { useReleases } from './use-releases';

type View = 'list' | 'timeline';
type StatusFilter = 'all' | ReleaseStatus;

/** "3 of 5 shipped" with a bar; the bar is decoration, the words carry the numbers. */
function ShippedProgress({ r }: { r: ReleaseSummary }) {
  const pct = r.featureCount ? Math.round((r.shippedCount / r.featureCount) * 100) : 0;
  return (
    <Stack gap={4} miw={120}>
      <Text size="sm">{r.featureCount ? `${r.shippedCount} of ${r.featureCount} shipped` : 'No features yet'}</Text>
      {r.featureCount ? <Progress value={pct} size="sm" color="teal" aria-hidden /> : null}
    </Stack>
  );
}

function ComponentBadges({ ids, names }: { ids: string[]; names: Map<string, string> }) {
  if (!ids.length) return <Text size="sm" c="dimmed">None</Text>;
  return (
    <Group gap={4}>
      {ids.map((id) => (
        <Badge key={id} color="gray" variant="outline" component="span">
          {names.get(id) ?? 'Component'}
        </Badge>
      ))}
    </Group>
  );
}

function ReleaseTable({ workspaceId, rows, names }: { workspaceId: string; rows: ReleaseSummary[]; names: Map<string, string> }) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={760}>
        <Table aria-label="Releases">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Release</Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Components</Table.Th>
              <Table.Th>Features</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td maw={360}>
                  <AnchorLink to="/w/$workspaceId/releases/$releaseId" params={{ workspaceId, releaseId: r.id }} fw={550}>
                    {r.name}
                  </AnchorLink>
                  {r.description ? (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {r.description}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(r.date)}</Table.Td>
                <Table.Td>
                  <Badge color={RELEASE_STATUS_COLORS[r.status]}>{RELEASE_STATUS_LABELS[r.status]}</Badge>
                </Table.Td>
                <Table.Td>
                  <ComponentBadges ids={r.componentIds} names={names} />
                </Table.Td>
                <Table.Td>
                  <ShippedProgress r={r} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** Releases in date order on a line: released ones are done, the next planned one is where we are. */
function ReleaseTimeline({ workspaceId, rows, names }: { workspaceId: string; rows: ReleaseSummary[]; names: Map<string, string> }) {
  const active = rows.findIndex((r) => r.status !== 'released');
  return (
    <Paper withBorder radius="md" p="lg">
      <Timeline active={active === -1 ? rows.length - 1 : active - 1} bulletSize={26} lineWidth={2} aria-label="Release timeline">
        {rows.map((r) => (
          <Timeline.Item
            key={r.id}
            bullet={r.status === 'released' ? <IconCheck size={14} aria-hidden /> : <IconCalendarEvent size={14} aria-hidden />}
            title={
              <Group gap="xs">
                <AnchorLink to="/w/$workspaceId/releases/$releaseId" params={{ workspaceId, releaseId: r.id }} fw={600}>
                  {r.name}
                </AnchorLink>
                <Badge size="sm" color={RELEASE_STATUS_COLORS[r.status]}>
                  {RELEASE_STATUS_LABELS[r.status]}
                </Badge>
              </Group>
            }
          >
            <Text size="sm" c="dimmed">
              {formatDay(r.date)} · {r.featureCount ? `${r.shippedCount} of ${r.featureCount} features shipped` : 'no features yet'}
            </Text>
            <Group mt={6}>
              <ComponentBadges ids={r.componentIds} names={names} />
            </Group>
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

/** The releases of a product: date, status, components and how much of each has shipped. */
export function ReleasesPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const { products, productId, product, setProductId } = usePlanningProduct(workspaceId);
  const releases = useReleases(workspaceId, productId);
  const [creating, setCreating] = useState(false);
  const [view, setView] = useState<View>('list');
  const [status, setStatus] = useState<StatusFilter>('all');
  const canCreate = can('release.create');
  const names = new Map((product?.components ?? []).map((c) => [c.id, c.name]));
  const rows = (releases.data?.items ?? []).filter((r) => status === 'all' || r.status === status);

  const header = (
    <PageHeader
      title="Releases"
      description="What ships when, by product: the components in each release and how many of its features have shipped."
      actions={
        canCreate && product ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            New release
          </Button>
        ) : null
      }
    />
  );

  if (products.isPending) {
    return (
      <>
        {header}
        <LoadingRows rows={5} />
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
          description="Releases belong to a product. Add a product and its components first."
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

  return (
    <>
      {header}
      <Group gap="md" mb="md" align="flex-end" wrap="wrap">
        <ProductPicker products={products.data.items} value={productId} onChange={setProductId} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="release-status-filter">
            Status
          </Text>
          <SegmentedControl
            aria-labelledby="release-status-filter"
            value={status}
            onChange={(v) => setStatus(v as StatusFilter)}
            data={[
              { value: 'all', label: 'All' },
              { value: 'planned', label: 'Planned' },
              { value: 'released', label: 'Released' },
            ]}
          />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="release-view">
            View
          </Text>
          <SegmentedControl
            aria-labelledby="release-view"
            value={view}
            onChange={(v) => setView(v as View)}
            data={[
              { value: 'list', label: 'List' },
              { value: 'timeline', label: 'Timeline' },
            ]}
          />
        </Stack>
      </Group>
      {releases.isPending ? (
        <LoadingRows rows={5} />
      ) : releases.isError ? (
        <ErrorState error={releases.error} onRetry={() => void releases.refetch()} />
      ) : releases.data.items.length === 0 ? (
        <EmptyState
          icon={<IconCalendarEvent size={24} aria-hidden />}
          title={`No releases of ${product.name} yet`}
          description={canCreate ? 'Create a release with its date and components, then assign features to it.' : 'PMs and leads plan releases.'}
          action={
            canCreate ? (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                New release
              </Button>
            ) : null
          }
        />
      ) : rows.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <Text size="sm" c="dimmed" ta="center">
            No {status} release of {product.name}.
          </Text>
        </Paper>
      ) : view === 'list' ? (
        <ReleaseTable workspaceId={workspaceId} rows={rows} names={names} />
      ) : (
        <ReleaseTimeline workspaceId={workspaceId} rows={rows} names={names} />
      )}
      <VisuallyHidden aria-live="polite">{releases.data ? `${rows.length} releases shown` : ''}</VisuallyHidden>
      <ReleaseFormModal workspaceId={workspaceId} product={product} opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
