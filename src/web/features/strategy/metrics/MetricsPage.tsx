import { Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { Sparkline } from '@mantine/charts';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChartLine, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { Metric } from '../../../../shared/contracts.js';
import { AnchorLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { formatRelative, plural } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { useProducts } from '../../products/use-products';
import { MetricFormModal } from './MetricFormModal';
import { formatMetricValue, useMetrics } from './use-metrics';

/** The last points as a small line, described for screen readers by its first and last value. */
export function MetricSparkline({ metric, w = 140, h = 36 }: { metric: Metric; w?: number; h?: number }) {
  const values = metric.sparkline.map((p) => p.value);
  if (values.length < 2) {
    return (
      <Text size="xs" c="dimmed">
        {values.length ? 'One point' : 'No points'}
      </Text>
    );
  }
  const first = formatMetricValue(values[0], metric.unit);
  const last = formatMetricValue(values[values.length - 1], metric.unit);
  const trend = values[values.length - 1]! > values[0]! ? 'up' : values[values.length - 1]! < values[0]! ? 'down' : 'flat';
  return (
    <div role="img" aria-label={`Trend of the last ${values.length} points: ${trend}, from ${first} to ${last}`}>
      <Sparkline w={w} h={h} data={values} curveType="linear" color={trend === 'down' ? 'orange.6' : 'indigo.6'} fillOpacity={0.25} strokeWidth={1.5} />
    </div>
  );
}

/** The workspace's metrics: latest value, trend, point count and product; search and a new-metric button. */
export function MetricsPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const products = useProducts(workspaceId);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [productId, setProductId] = useState<string | null>(null);
  const list = useMetrics(workspaceId, { productId, q: debounced });
  const [creating, setCreating] = useState(false);
  const write = can('metric.write');
  const filtered = Boolean(productId || debounced.trim());

  return (
    <>
      <PageHeader
        title="Metrics"
        description="Named time series: entered by hand, imported from CSV or sent by scripts. Key results can follow one."
        actions={
          write ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              New metric
            </Button>
          ) : undefined
        }
      />
      <Group gap="xs" align="flex-end" mb="md" role="search" aria-label="Filter the metrics">
        <TextInput label="Search" placeholder="Name or description" leftSection={<IconSearch size={16} aria-hidden />} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={260} />
        {products.data && products.data.items.length > 0 ? (
          <Select label="Product" placeholder="All products" data={products.data.items.map((p) => ({ value: p.id, label: p.name }))} value={productId} onChange={setProductId} clearable w={220} />
        ) : null}
      </Group>
      {list.isPending ? (
        <LoadingRows rows={5} height={52} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        filtered ? (
          <EmptyState icon={<IconSearch size={24} aria-hidden />} title="No metric matches" description="Try other words, or another product." />
        ) : (
          <EmptyState
            icon={<IconChartLine size={24} aria-hidden />}
            title="No metrics yet"
            description="Track what your key results measure: activation, retention, latency… Points come from the app, a CSV file or a script."
            action={
              write ? (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                  New metric
                </Button>
              ) : undefined
            }
          />
        )
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label="Metrics" verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Metric</Table.Th>
                <Table.Th w={150} ta="right">
                  Latest
                </Table.Th>
                <Table.Th w={170}>Trend</Table.Th>
                <Table.Th w={90} ta="right">
                  Points
                </Table.Th>
                <Table.Th w={170}>Product</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td maw={360}>
                    <AnchorLink to="/w/$workspaceId/metrics/$metricId" params={{ workspaceId, metricId: m.id }} fw={550}>
                      {m.name}
                    </AnchorLink>
                    {m.description ? (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {m.description}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text fw={600} size="sm">
                      {formatMetricValue(m.latestValue, m.unit)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {m.latestAt ? formatRelative(m.latestAt) : 'No points yet'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <MetricSparkline metric={m} />
                  </Table.Td>
                  <Table.Td ta="right">{m.pointCount.toLocaleString('en')}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c={m.product ? undefined : 'dimmed'}>
                      {m.product?.name ?? 'Workspace-wide'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt="xs" aria-live="polite">
            {list.isFetching ? 'Loading…' : plural(list.data.total, 'metric')}
          </Text>
        </Table.ScrollContainer>
      )}
      <MetricFormModal workspaceId={workspaceId} opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
