import { ActionIcon, Badge, Button, Collapse, Divider, Group, Menu, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconCalendarDue, IconCheck, IconChevronDown, IconChevronUp, IconDots, IconMessagePlus, IconPencil, IconTarget, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { GrowthGoal } from '../../../../shared/contracts.js';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { formatRelative } from '../../../lib/format';
import { ChallengeLink } from './ChallengeLink';
import { CheckInForm, CheckInTimeline } from './CheckIns';
import { GoalFormModal } from './GoalFormModal';
import { GOAL_STATUS_COLORS, GOAL_STATUS_LABELS, formatDay } from './labels';
import { useCreateCheckIn, useDeleteGoal } from './use-growth';

/** One goal of a plan: competency, due date, status, the next bigger challenge live, progress and check-ins. */
export function GoalCard({ workspaceId, planId, goal, memberId, canEdit }: { workspaceId: string; planId: string; goal: GrowthGoal; memberId: string; canEdit: boolean }) {
  const [checkingIn, setCheckingIn] = useState(false);
  const [history, setHistory] = useState(false);
  const [editing, setEditing] = useState(false);
  const del = useDeleteGoal(workspaceId);
  const markDone = useCreateCheckIn(workspaceId, goal.id);
  const closed = goal.status === 'done' || goal.status === 'dropped';

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete the goal “${goal.title}”?`,
      children: <Text size="sm">The goal and its {goal.checkInCount === 1 ? 'check-in' : `${goal.checkInCount} check-ins`} are removed. To keep the history, set it to dropped instead.</Text>,
      labels: { confirm: 'Delete goal', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => del.mutate(goal.id, { onSuccess: () => notifySuccess('Goal deleted.'), onError: (e) => notifyError(e, 'Could not delete the goal') }),
    });
  const done = () =>
    markDone.mutate(
      { note: 'Marked done.', progress: 100, status: 'done' },
      { onSuccess: () => notifySuccess('Goal done. Well earned.'), onError: (e) => notifyError(e, 'Could not mark the goal done') },
    );

  return (
    <Paper withBorder radius="md" p="md" style={goal.overdue ? { borderColor: 'var(--mantine-color-red-filled)' } : undefined}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} miw={0}>
            <Group gap="xs">
              <Title order={3} fz="md" td={goal.status === 'dropped' ? 'line-through' : undefined}>
                {goal.title}
              </Title>
              <Badge color={GOAL_STATUS_COLORS[goal.status]} component="span">
                {GOAL_STATUS_LABELS[goal.status]}
              </Badge>
              {goal.overdue ? (
                <Badge color="red" variant="filled" component="span">
                  Overdue
                </Badge>
              ) : null}
            </Group>
            <Group gap="md">
              <Group gap={4}>
                <IconTarget size={14} aria-hidden />
                <Text size="sm" c={goal.competency ? undefined : 'dimmed'}>
                  {goal.competency?.name ?? 'No competency'}
                </Text>
              </Group>
              <Group gap={4}>
                <IconCalendarDue size={14} aria-hidden />
                <Text size="sm" c={goal.overdue ? 'red' : goal.dueOn ? undefined : 'dimmed'}>
                  {goal.dueOn ? `Due ${formatDay(goal.dueOn)}` : 'No due date'}
                </Text>
              </Group>
            </Group>
          </Stack>
          {canEdit ? (
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon variant="subtle" aria-label={`Actions for goal ${goal.title}`}>
                  <IconDots size={18} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                  Edit goal
                </Menu.Item>
                {!closed ? (
                  <Menu.Item leftSection={<IconCheck size={16} aria-hidden />} onClick={done}>
                    Mark done
                  </Menu.Item>
                ) : null}
                <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirmDelete}>
                  Delete goal
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>

        {goal.description ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {goal.description}
          </Text>
        ) : null}

        {goal.challenge ? (
          <Paper radius="md" p="sm" bg="var(--mantine-color-default-hover)">
            <ChallengeLink workspaceId={workspaceId} challenge={goal.challenge} />
          </Paper>
        ) : null}

        {goal.progress !== null ? (
          <Group gap="sm" wrap="nowrap">
            <Progress value={goal.progress} size="md" radius="xl" color={goal.status === 'done' ? 'teal' : 'blue'} style={{ flex: 1 }} aria-label={`Progress of ${goal.title}`} />
            <Text size="sm" fw={550} w={44} ta="right">
              {goal.progress}%
            </Text>
          </Group>
        ) : null}

        {goal.latestCheckIn && !history ? (
          <Text size="sm" c="dimmed" lineClamp={2}>
            <Text span fw={550} c="var(--mantine-color-text)">
              {goal.latestCheckIn.author?.id === memberId ? 'You' : (goal.latestCheckIn.author?.name ?? 'Former member')}, {formatRelative(goal.latestCheckIn.createdAt)}:
            </Text>{' '}
            {goal.latestCheckIn.note}
          </Text>
        ) : null}

        <Group gap="xs">
          {canEdit && !checkingIn ? (
            <Button size="xs" variant="light" leftSection={<IconMessagePlus size={14} aria-hidden />} onClick={() => setCheckingIn(true)}>
              Check in
            </Button>
          ) : null}
          {goal.checkInCount ? (
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              rightSection={history ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
              onClick={() => setHistory((h) => !h)}
              aria-expanded={history}
            >
              {history ? 'Hide check-ins' : `Check-ins (${goal.checkInCount})`}
            </Button>
          ) : (
            <Text size="xs" c="dimmed">
              No check-ins yet
            </Text>
          )}
        </Group>

        {checkingIn ? (
          <>
            <Divider />
            <CheckInForm workspaceId={workspaceId} goal={goal} onDone={() => setCheckingIn(false)} />
          </>
        ) : null}
        <Collapse expanded={history} keepMounted={false}>
          <CheckInTimeline workspaceId={workspaceId} goal={goal} memberId={memberId} />
        </Collapse>
      </Stack>
      <GoalFormModal opened={editing} onClose={() => setEditing(false)} planId={planId} goal={goal} />
    </Paper>
  );
}
