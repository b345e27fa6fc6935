import { AreaChart } from '@mantine/charts';
import { ActionIcon, Badge, Button, Code, CopyButton, Group, Menu, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconCheck, IconCopy, IconDots, IconFileImport, IconPencil, IconTrash } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import type { MetricDetail } from '../../../../shared/contracts.js';
import { AnchorLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { StatCard } from '../../../components/StatCard';
import { notifyError, notifySuccess, showFormError } from '../../../lib/errors';
import { formatDateTime, formatRelative, plural } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { MetricFormModal } from './MetricFormModal';
import { MetricImportModal } from './MetricImportModal';
import { formatMetricValue, useAddPoint, useDeleteMetric, useDeletePoint, useMetric } from './use-metrics';

const RANGES = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '180', label: '6 months' },
  { value: '365', label: '1 year' },
  { value: 'all', label: 'All' },
];
const TABLE_ROWS = 100;
const dayFmt = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' });

/** Today at the start of the minute, as a datetime-local input value (local time). */
const nowLocal = () => {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** A metric: its series as a chart over a range, its points, the key results following it, and how to feed it. */
export function MetricPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const { metricId } = useParams({ strict: false }) as { metricId: string };
  const navigate = useNavigate();
  // The start is fixed when a range is picked, so the query key stays stable while the page is open;
  // the default (the last 180 days) is the server's.
  const [range, setRangeState] = useState<{ key: string; from?: string }>({ key: '180' });
  const setRange = (key: string) =>
    setRangeState({ key, from: key === '180' ? undefined : key === 'all' ? '1970-01-01T00:00:00Z' : new Date(Math.floor(Date.now() / 60_000) * 60_000 - Number(key) * 86_400_000).toISOString() });
  const metric = useMetric(workspaceId, metricId, { from: range.from });
  const remove = useDeleteMetric(workspaceId);
  const [editing, setEditing] = useState(false);
  const [importing, setImporting] = useState(false);
  const write = can('metric.write');
  const m = metric.data;

  if (metric.isPending) return <LoadingRows rows={5} height={90} />;
  if (metric.isError || !m) return <ErrorState error={metric.error} onRetry={() => void metric.refetch()} title="Could not load this metric" />;

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete the metric “${m.name}”?`,
      children: <Text size="sm">Its {plural(m.pointCount, 'point')} are deleted with it. Key results that follow it keep their current value and stop following it.</Text>,
      labels: { confirm: 'Delete', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(m.id, {
          onSuccess: () => (notifySuccess('Metric deleted.'), void navigate({ to: '/w/$workspaceId/metrics', params: { workspaceId } })),
          onError: (e) => notifyError(e),
        }),
    });

  return (
    <>
      <PageHeader
        above={
          <AnchorLink to="/w/$workspaceId/metrics" params={{ workspaceId }} size="sm">
            ← Metrics
          </AnchorLink>
        }
        title={m.name}
        description={m.description || (m.product ? `A metric of ${m.product.name}.` : 'A workspace-wide metric.')}
        actions={
          write ? (
            <Group gap="xs">
              <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={() => setImporting(true)}>
                Import CSV
              </Button>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="default" size="lg" aria-label="Metric actions">
                    <IconDots size={18} aria-hidden />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)}>
                    Edit
                  </Menu.Item>
                  <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={confirmDelete}>
                    Delete
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          ) : undefined
        }
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <StatCard label="Latest" value={formatMetricValue(m.latestValue, m.unit)} hint={m.latestAt ? formatDateTime(m.latestAt) : 'No points yet'} />
          <StatCard label="Points" value={m.pointCount.toLocaleString('en')} hint={`${m.points.length.toLocaleString('en')} in the range`} />
          <StatCard label="Product" value={m.product?.name ?? 'Workspace'} />
          <StatCard label="Key results following" value={String(m.keyResults.length)} />
        </SimpleGrid>

        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Title order={2} fz="md">
              Series
            </Title>
            <SegmentedControl size="xs" data={RANGES} value={range.key} onChange={setRange} aria-label="Range" />
          </Group>
          <SeriesChart metric={m} />
          {m.truncated ? (
            <Text size="xs" c="dimmed" mt="xs">
              The range holds more points than a chart shows: the latest ones are drawn.
            </Text>
          ) : null}
        </Paper>

        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {write ? <AddPointForm workspaceId={workspaceId} metric={m} /> : null}
          <KeyResultsPanel workspaceId={workspaceId} metric={m} />
        </SimpleGrid>

        <PointsTable workspaceId={workspaceId} metric={m} canDelete={write} />
        {write ? <ScriptPanel workspaceId={workspaceId} metric={m} /> : null}
      </Stack>
      <MetricFormModal workspaceId={workspaceId} metric={m} opened={editing} onClose={() => setEditing(false)} />
      <MetricImportModal workspaceId={workspaceId} metricId={m.id} unit={m.unit} opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}

function SeriesChart({ metric: m }: { metric: MetricDetail }) {
  const data = useMemo(() => m.points.map((p) => ({ at: new Date(p.at).getTime(), day: dayFmt.format(new Date(p.at)), [m.name]: p.value })), [m.points, m.name]);
  if (data.length === 0) {
    return (
      <EmptyState title="No points in this range" description={m.pointCount ? 'Pick a longer range to see older points.' : 'Add a point, import a CSV file or send points from a script.'} />
    );
  }
  const first = m.points[0]!;
  const last = m.points[m.points.length - 1]!;
  const values = m.points.map((p) => p.value);
  const label = `Line chart of ${m.name}: ${plural(m.points.length, 'point')} from ${formatDateTime(first.at)} (${formatMetricValue(first.value, m.unit)}) to ${formatDateTime(last.at)} (${formatMetricValue(last.value, m.unit)}); lowest ${formatMetricValue(Math.min(...values), m.unit)}, highest ${formatMetricValue(Math.max(...values), m.unit)}.`;
  return (
    <div role="img" aria-label={label}>
      <AreaChart
        h={280}
        data={data}
        dataKey="day"
        series={[{ name: m.name, color: 'indigo.6' }]}
        curveType="monotone"
        withDots={data.length <= 60}
        valueFormatter={(v) => formatMetricValue(v, m.unit)}
        gridAxis="xy"
        tickLine="none"
      />
    </div>
  );
}

function AddPointForm({ workspaceId, metric }: { workspaceId: string; metric: MetricDetail }) {
  const add = useAddPoint(workspaceId, metric.id);
  const form = useForm({
    initialValues: { value: '' as number | string, at: nowLocal() },
    validate: {
      value: (v) => (v === '' || !Number.isFinite(Number(v)) ? 'Enter a number.' : null),
      at: (v) => (v && !Number.isNaN(new Date(v).getTime()) ? null : 'Pick a date and time.'),
    },
  });
  const submit = form.onSubmit((v) =>
    add.mutate(
      { value: Number(v.value), at: new Date(v.at).toISOString() },
      {
        onSuccess: (r) => {
          notifySuccess(r.replaced ? 'Point replaced: that time already had a value.' : 'Point added.');
          form.setValues({ value: '', at: nowLocal() });
        },
        onError: (e) => showFormError(form, e),
      },
    ),
  );
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="add-point">
      <Title order={2} fz="md" mb="sm" id="add-point">
        Add a point
      </Title>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" wrap="wrap">
          <NumberInput label="Value" suffix={metric.unit ? ` ${metric.unit}` : undefined} decimalScale={6} required w={160} {...form.getInputProps('value')} />
          <TextInput label="When" type="datetime-local" required w={220} {...form.getInputProps('at')} />
          <Button type="submit" loading={add.isPending}>
            Add point
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

function KeyResultsPanel({ workspaceId, metric: m }: { workspaceId: string; metric: MetricDetail }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="following-krs">
      <Title order={2} fz="md" mb="sm" id="following-krs">
        Key results following this metric
      </Title>
      {m.keyResults.length === 0 ? (
        <Text size="sm" c="dimmed">
          None yet. A key result can take its current value from this metric: pick it when editing the key result.
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {m.keyResults.map((k) => (
            <Group key={k.id} component="li" justify="space-between" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={550} truncate>
                  {k.title}
                </Text>
                <AnchorLink size="xs" to="/w/$workspaceId/okrs/$objectiveId" params={{ workspaceId, objectiveId: k.objective.id }}>
                  {k.objective.title}
                </AnchorLink>
              </div>
              <Badge variant="light" component="span">
                {formatMetricValue(k.currentValue, m.unit)}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function PointsTable({ workspaceId, metric: m, canDelete }: { workspaceId: string; metric: MetricDetail; canDelete: boolean }) {
  const remove = useDeletePoint(workspaceId, m.id);
  const rows = useMemo(() => [...m.points].reverse().slice(0, TABLE_ROWS), [m.points]);
  const sourceLabel = { manual: 'Entered', csv: 'CSV', api: 'API' } as const;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="points-heading">
      <Title order={2} fz="md" mb="sm" id="points-heading">
        Points in the range
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No points in this range.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-labelledby="points-heading" verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th ta="right">Value</Table.Th>
                <Table.Th>Source</Table.Th>
                <Table.Th>By</Table.Th>
                {canDelete ? (
                  <Table.Th w={50}>
                    <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>Actions</span>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{formatDateTime(p.at)}</Table.Td>
                  <Table.Td ta="right">{formatMetricValue(p.value, m.unit)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={p.source === 'api' ? 'grape' : p.source === 'csv' ? 'cyan' : 'gray'} component="span">
                      {sourceLabel[p.source]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={`Written ${formatRelative(p.createdAt)}`}>
                      <Text size="sm" c={p.createdBy ? undefined : 'dimmed'} span>
                        {p.createdBy?.name ?? 'Unknown'}
                      </Text>
                    </Tooltip>
                  </Table.Td>
                  {canDelete ? (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Delete the point of ${formatDateTime(p.at)}`}
                        loading={remove.isPending && remove.variables === p.id}
                        onClick={() => remove.mutate(p.id, { onSuccess: () => notifySuccess('Point deleted.'), onError: (e) => notifyError(e) })}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {m.points.length > TABLE_ROWS ? (
        <Text size="xs" c="dimmed" mt="xs">
          The latest {TABLE_ROWS} of {m.points.length.toLocaleString('en')} points in the range.
        </Text>
      ) : null}
    </Paper>
  );
}

function ScriptPanel({ workspaceId, metric: m }: { workspaceId: string; metric: MetricDetail }) {
  const url = `${window.location.origin}/api/v1/workspaces/${workspaceId}/metrics/${m.id}/points`;
  const curl = `curl -X POST '${url}' \\\n  -H "Authorization: Bearer $SEXTANT_TOKEN" \\\n  -H 'Content-Type: application/json' \\\n  -d '{"value": 42, "at": "${new Date().toISOString().slice(0, 10)}T00:00:00Z"}'`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="script-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="md" id="script-heading">
          Send points from a script
        </Title>
        <CopyButton value={curl}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" onClick={copy} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm" mb="xs">
        Make an API token under{' '}
        <AnchorLink to="/w/$workspaceId/settings/tokens" params={{ workspaceId }} underline="always">
          API tokens
        </AnchorLink>
        , put it in <Code>SEXTANT_TOKEN</Code>, then post a value. Leave out <Code>at</Code> for now; send <Code>{'{"points": [{"value": …, "at": …}, …]}'}</Code> for up to 10,000 at once. A point at a time the metric already has replaces its value.
      </Text>
      <Code block aria-label="curl command">
        {curl}
      </Code>
    </Paper>
  );
}
