import { Badge, Button, Group, NumberInput, Paper, Progress, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { CAPACITY_MAX, type CapacityReport, type ComponentCapacity } from '../../../shared/contracts.js';
import { notifyError, notifySuccess } from '../../lib/errors';
import { plural } from '../../lib/format';
import { UNIT_LABELS, formatEffort, formatNumber } from './labels';
import { useUpdateCapacity } from './use-releases';

type Draft = Record<string, number | ''>;

/**
 * Planned effort against capacity as a bar: the part within capacity, then the part beyond it in red.
 * Decoration only (aria-hidden): the row's text says the same in words.
 */
function Bar({ planned, capacity }: { planned: number; capacity: number | null }) {
  const scale = Math.max(planned, capacity ?? 0, 1);
  const within = capacity === null ? planned : Math.min(planned, capacity);
  const over = capacity === null ? 0 : Math.max(planned - capacity, 0);
  return (
    <Progress.Root size={14} radius="sm" aria-hidden>
      <Progress.Section value={(within / scale) * 100} color={capacity === null ? 'gray' : 'indigo'} />
      {over > 0 ? <Progress.Section value={(over / scale) * 100} color="red" striped /> : null}
    </Progress.Root>
  );
}

/** Over-allocated, fits, or no capacity: in colour, with an icon and in words. */
function Flag({ row, unit }: { row: ComponentCapacity; unit: CapacityReport['unit'] }) {
  if (row.capacity === null) {
    return (
      <Text size="sm" c="dimmed">
        No capacity set
      </Text>
    );
  }
  if (row.overAllocated) {
    return (
      <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={14} aria-hidden />}>
        Over-allocated by {formatEffort(row.planned - row.capacity, unit)}
      </Badge>
    );
  }
  return (
    <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={14} aria-hidden />}>
      Fits · {formatEffort(row.capacity - row.planned, unit)} free
    </Badge>
  );
}

/** The components of a product with planned effort against capacity, and the capacity inputs for leads. */
export function CapacityBars({ workspaceId, report, owners, canEdit }: { workspaceId: string; report: CapacityReport; owners: Map<string, string>; canEdit: boolean }) {
  // Only the inputs touched here: the others follow the report as it is refetched.
  const [edits, setEdits] = useState<Draft>({});
  const save = useUpdateCapacity(workspaceId);
  const valueOf = (c: ComponentCapacity): number | '' => edits[c.componentId] ?? c.capacity ?? '';
  const changed = report.components.filter((c) => valueOf(c) !== (c.capacity ?? ''));
  const dirty = changed.length > 0;

  const submit = () =>
    save.mutate(
      {
        productId: report.productId,
        quarter: report.quarter,
        capacities: changed.map((c) => {
          const v = valueOf(c);
          return { componentId: c.componentId, capacity: v === '' ? null : v };
        }),
      },
      {
        onSuccess: () => {
          setEdits({});
          notifySuccess(`Capacity for ${report.quarter} saved.`);
        },
        onError: (e) => notifyError(e, 'Could not save the capacities'),
      },
    );

  const unit = UNIT_LABELS[report.unit];
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={820}>
        <Table aria-label={`Planned effort against capacity, ${report.quarter}`} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Component</Table.Th>
              <Table.Th w="38%">Planned against capacity</Table.Th>
              <Table.Th w={170}>Capacity ({unit})</Table.Th>
              <Table.Th>Allocation</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.components.map((row) => (
              <Table.Tr key={row.componentId} data-over-allocated={row.overAllocated || undefined}>
                <Table.Td>
                  <Text fw={550}>{row.name}</Text>
                  <Text size="xs" c="dimmed">
                    {row.ownerId ? `Owner: ${owners.get(row.ownerId) ?? 'a PM'}` : 'No owner PM'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Bar planned={row.planned} capacity={row.capacity} />
                  <Text size="sm" mt={4}>
                    {formatNumber(row.planned)} planned of {row.capacity === null ? 'no capacity' : formatEffort(row.capacity, report.unit)}
                    {row.utilisation !== null ? ` (${Math.round(row.utilisation * 100)}%)` : ''}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {plural(row.featureCount, 'feature')}
                    {row.unestimatedCount ? `, ${row.unestimatedCount} without an estimate` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {canEdit ? (
                    <NumberInput
                      aria-label={`Capacity of ${row.name} in ${report.quarter}, ${unit}`}
                      placeholder="Not set"
                      min={0}
                      max={CAPACITY_MAX}
                      decimalScale={2}
                      allowNegative={false}
                      value={valueOf(row)}
                      onChange={(v) => setEdits((d) => ({ ...d, [row.componentId]: typeof v === 'number' ? v : v === '' ? '' : Number(v) }))}
                      w={140}
                    />
                  ) : (
                    <Text size="sm">{row.capacity === null ? '—' : formatNumber(row.capacity)}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Flag row={row} unit={report.unit} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canEdit ? (
        <Group justify="space-between" p="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Text size="sm" c="dimmed" aria-live="polite">
            {dirty ? plural(changed.length, 'unsaved change') : `Capacities in ${unit}; empty means not set.`}
          </Text>
          <Group gap="xs">
            <Button variant="default" disabled={!dirty} onClick={() => setEdits({})}>
              Reset
            </Button>
            <Button disabled={!dirty} loading={save.isPending} onClick={submit}>
              Save capacities
            </Button>
          </Group>
        </Group>
      ) : null}
    </Paper>
  );
}
