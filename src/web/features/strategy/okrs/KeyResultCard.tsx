import { ActionIcon, Button, Collapse, Grid, Group, Menu, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconChevronDown, IconChevronUp, IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { KeyResultSummary, Objective } from '../../../../shared/contracts.js';
import { ErrorState, LoadingRows } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { CheckInModal } from './CheckInModal';
import { DrivingFeatures } from './DrivingFeatures';
import { KeyResultChart } from './KeyResultChart';
import { KeyResultFormModal } from './KeyResultFormModal';
import { ConfidenceBadge, OwnerChip, ProgressBar } from './okr-bits';
import { STATUS_LABELS, formatValue } from './okr-format';
import { useCheckIns, useDeleteKeyResult, useKeyResult } from './use-okrs';

/** One key result: progress, current against target, confidence, check-in, the chart over time, driving features and history. */
export function KeyResultCard({ workspaceId, kr, objective, componentOwnerId }: { workspaceId: string; kr: KeyResultSummary; objective: Objective; componentOwnerId: string | null }) {
  const { can } = useCurrentWorkspace();
  const detail = useKeyResult(workspaceId, kr.id);
  const history = useCheckIns(workspaceId, kr.id);
  const remove = useDeleteKeyResult(workspaceId);
  const [checkingIn, setCheckingIn] = useState(false);
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const owners = [kr.ownerId, objective.ownerId, componentOwnerId];
  const canCheckIn = can('key-result.check-in', { ownerIds: owners });
  const canEdit = can('objective.write', { ownerIds: owners });
  const headingId = `kr-${kr.id}`;
  const checkIns = history.data?.items ?? [];

  const askDelete = () =>
    modals.openConfirmModal({
      title: `Delete “${kr.title}”?`,
      children: <Text size="sm">Its check-ins go with it. This cannot be undone.</Text>,
      labels: { confirm: 'Delete', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(kr.id, { onSuccess: () => notifySuccess('Key result deleted'), onError: (e) => notifyError(e, 'Could not delete the key result') }),
    });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} data-key-result={kr.title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} miw={0}>
            <Title order={3} fz="md" id={headingId}>
              {kr.title}
            </Title>
            <Text size="sm" c="dimmed">
              {kr.type === 'milestone' ? (
                <>Milestone: {formatValue(kr, kr.current ?? 0).toLowerCase()}</>
              ) : (
                <>
                  {kr.current === null ? `No value yet; target ${formatValue(kr, kr.target)}` : `Now ${formatValue(kr, kr.current)}; target ${formatValue(kr, kr.target)}`} (from {formatValue(kr, kr.start)},{' '}
                  {kr.direction === 'increase' ? 'increasing' : 'decreasing'})
                </>
              )}
              {kr.metricId ? ' · follows a metric' : ''}
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            {canCheckIn ? (
              <Button size="xs" onClick={() => setCheckingIn(true)} aria-label={`Check in on ${kr.title}`}>
                Check in
              </Button>
            ) : null}
            {canEdit ? (
              <Menu position="bottom-end">
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label={`More actions for ${kr.title}`}>
                    <IconDots size={16} aria-hidden />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)}>
                    Edit
                  </Menu.Item>
                  <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={askDelete}>
                    Delete
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : null}
          </Group>
        </Group>
        <Group gap="lg" wrap="wrap">
          <ProgressBar value={kr.progress} label={`Progress of ${kr.title}`} w={200} />
          <ConfidenceBadge confidence={kr.confidence} status={kr.status} />
          <OwnerChip owner={kr.owner} />
          {kr.lastCheckInAt ? (
            <Text size="xs" c="dimmed">
              Last check-in {formatDateTime(kr.lastCheckInAt)}
            </Text>
          ) : null}
        </Group>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Text size="sm" fw={600} mb={4}>
              Over time
            </Text>
            {history.isPending ? <LoadingRows rows={1} height={180} /> : history.isError ? <ErrorState error={history.error} onRetry={() => void history.refetch()} /> : <KeyResultChart title={kr.title} checkIns={checkIns} />}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Text size="sm" fw={600} mb={4}>
              Driving features
            </Text>
            {detail.isPending ? (
              <LoadingRows rows={2} height={24} />
            ) : detail.isError ? (
              <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
            ) : (
              <DrivingFeatures workspaceId={workspaceId} keyResultId={kr.id} productId={objective.productId} features={detail.data.features} canEdit={canEdit} />
            )}
          </Grid.Col>
        </Grid>
        {checkIns.length ? (
          <Stack gap="xs">
            <Group>
              <Button
                size="compact-sm"
                variant="subtle"
                rightSection={showHistory ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
                aria-expanded={showHistory}
                onClick={() => setShowHistory((s) => !s)}
              >
                Check-in history ({checkIns.length})
              </Button>
            </Group>
            <Collapse expanded={showHistory}>
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing="xs" fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">When</Table.Th>
                      <Table.Th scope="col">Value</Table.Th>
                      <Table.Th scope="col">Progress</Table.Th>
                      <Table.Th scope="col">Confidence</Table.Th>
                      <Table.Th scope="col">By</Table.Th>
                      <Table.Th scope="col">Note</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[...checkIns].reverse().map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>{formatDateTime(c.at)}</Table.Td>
                        <Table.Td>{formatValue(kr, c.value)}</Table.Td>
                        <Table.Td>{Math.round(c.progress * 100)} %</Table.Td>
                        <Table.Td>
                          {c.confidence}/10, {STATUS_LABELS[c.status].label.toLowerCase()}
                        </Table.Td>
                        <Table.Td>{c.author?.name ?? '—'}</Table.Td>
                        <Table.Td>{c.note || '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Collapse>
          </Stack>
        ) : null}
      </Stack>
      {canCheckIn ? <CheckInModal workspaceId={workspaceId} keyResult={kr} opened={checkingIn} onClose={() => setCheckingIn(false)} /> : null}
      {canEdit && editing ? <KeyResultFormModal workspaceId={workspaceId} objective={objective} keyResult={kr} opened onClose={() => setEditing(false)} /> : null}
    </Paper>
  );
}
