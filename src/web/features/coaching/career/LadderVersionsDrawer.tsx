import { Badge, Drawer, Group, Paper, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { LadderChange } from '../../../../shared/contracts.js';
import { ErrorState, LoadingRows } from '../../../components/QueryState';
import { formatDateTime, plural } from '../../../lib/format';
import { useLadderVersion, useLadderVersions } from './use-career';

const FIELD_LABELS: Record<string, string> = {
  name: 'Ladder name',
  description: 'Description',
  title: 'Title',
  track: 'Track',
  rank: 'Rank',
  scope: 'Scope',
  'salary.min': 'Salary minimum',
  'salary.mid': 'Salary midpoint',
  'salary.max': 'Salary maximum',
  'salary.currency': 'Currency',
  'salary.source': 'Salary source',
  'salary.effectiveOn': 'Salary effective from',
  'salary.sample': 'Sample figures',
};

function fieldLabel(field: string): string {
  if (field.startsWith('expectation:')) return `Expectation: ${field.slice('expectation:'.length)}`;
  return FIELD_LABELS[field] ?? field;
}

function show(v: LadderChange['before']): string {
  if (v === null || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return v.toLocaleString('en');
  return v;
}

/** The changes of one version as a table; added and removed levels read as such. */
function ChangeTable({ changes }: { changes: LadderChange[] }) {
  if (!changes.length) {
    return (
      <Text size="sm" c="dimmed">
        Nothing you can see changed in this version.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table aria-label="Changes in this version" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Level</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th>Before</Table.Th>
            <Table.Th>After</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((c, i) => (
            <Table.Tr key={`${c.levelId}-${c.field}-${i}`}>
              <Table.Td>{c.level}</Table.Td>
              {c.field === 'level' ? (
                <Table.Td colSpan={3}>
                  <Badge color={c.before === null ? 'teal' : 'red'} variant="light">
                    {c.before === null ? 'Level added' : 'Level removed'}
                  </Badge>
                </Table.Td>
              ) : (
                <>
                  <Table.Td>{fieldLabel(c.field)}</Table.Td>
                  <Table.Td maw={220}>
                    <Text size="sm" c="dimmed" lineClamp={3} td="line-through">
                      {show(c.before)}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={220}>
                    <Text size="sm" lineClamp={3}>
                      {show(c.after)}
                    </Text>
                  </Table.Td>
                </>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Every version of the ladder, newest first; picking one shows what changed from the version before. */
export function LadderVersionsDrawer({ workspaceId, ladderId, opened, onClose }: { workspaceId: string; ladderId: string; opened: boolean; onClose: () => void }) {
  const list = useLadderVersions(workspaceId, ladderId, opened);
  const [chosen, setChosen] = useState<number | null>(null);
  const selected = chosen ?? list.data?.items[0]?.version ?? null;
  const detail = useLadderVersion(workspaceId, ladderId, opened ? selected : null);
  const close = () => {
    setChosen(null);
    onClose();
  };

  return (
    <Drawer opened={opened} onClose={close} title="Ladder history" position="right" size="xl">
      {list.isPending ? (
        <LoadingRows rows={5} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Stack>
          <Text size="sm" c="dimmed">
            Every edit of the ladder, its levels, bands or expectations is kept as a version. {plural(list.data.total, 'version')} so far.
          </Text>
          <Stack gap={4} component="ul" aria-label="Versions" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {list.data.items.map((v) => (
              <li key={v.version}>
                <UnstyledButton
                  w="100%"
                  p="xs"
                  onClick={() => setChosen(v.version)}
                  aria-current={selected === v.version ? 'true' : undefined}
                  style={{
                    borderRadius: 'var(--mantine-radius-sm)',
                    border: '1px solid var(--mantine-color-default-border)',
                    background: selected === v.version ? 'var(--mantine-primary-color-light)' : undefined,
                  }}
                >
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Stack gap={0} miw={0}>
                      <Text size="sm" fw={600}>
                        Version {v.version}
                      </Text>
                      <Text size="sm" lineClamp={2}>
                        {v.summary}
                      </Text>
                    </Stack>
                    <Text size="xs" c="dimmed" ta="right" style={{ flexShrink: 0 }}>
                      {v.createdBy?.name ?? 'Sextant'}
                      <br />
                      {formatDateTime(v.createdAt)}
                    </Text>
                  </Group>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
          {selected !== null ? (
            <Paper withBorder radius="md" p="md">
              <Title order={3} fz="sm" mb="sm">
                What changed in version {selected}
              </Title>
              {detail.isPending ? (
                <LoadingRows rows={3} height={28} />
              ) : detail.isError ? (
                <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
              ) : detail.data ? (
                <ChangeTable changes={detail.data.changes ?? []} />
              ) : null}
            </Paper>
          ) : null}
        </Stack>
      )}
    </Drawer>
  );
}
