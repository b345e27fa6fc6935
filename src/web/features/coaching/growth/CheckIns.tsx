import { ActionIcon, Badge, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, Timeline, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconMessageCircle, IconTrash } from '@tabler/icons-react';
import { GROWTH_GOAL_STATUSES, GROWTH_NOTE_MAX, type GrowthGoal, type GrowthGoalStatus } from '../../../../shared/contracts.js';
import { ErrorState, LoadingRows } from '../../../components/QueryState';
import { notifyError, notifySuccess, showFormError } from '../../../lib/errors';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { GOAL_STATUS_COLORS, GOAL_STATUS_LABELS } from './labels';
import { useCreateCheckIn, useDeleteCheckIn, useGoalCheckIns } from './use-growth';

/** A check-in on a goal: what happened, how far along, and optionally a new status for the goal. */
export function CheckInForm({ workspaceId, goal, onDone }: { workspaceId: string; goal: GrowthGoal; onDone: () => void }) {
  const create = useCreateCheckIn(workspaceId, goal.id);
  const form = useForm({
    initialValues: { note: '', progress: (goal.progress ?? '') as number | string, status: null as string | null },
    validate: {
      note: (v) => (v.trim() ? null : 'Say what happened since the last check-in.'),
      progress: (v) => (v === '' || (Number(v) >= 0 && Number(v) <= 100) ? null : 'Between 0 and 100.'),
    },
  });
  const submit = form.onSubmit((v) => {
    const body = {
      note: v.note.trim(),
      ...(v.progress === '' ? {} : { progress: Math.round(Number(v.progress)) }),
      ...(v.status && v.status !== goal.status ? { status: v.status as GrowthGoalStatus } : {}),
    };
    create.mutate(body, {
      onSuccess: () => {
        notifySuccess(body.status ? `Checked in; the goal is now ${GOAL_STATUS_LABELS[body.status].toLowerCase()}.` : 'Checked in.');
        form.reset();
        onDone();
      },
      onError: (e) => showFormError(form, e, 'Could not check in'),
    });
  });
  return (
    <form onSubmit={submit} aria-label={`Check in on ${goal.title}`}>
      <Stack gap="sm">
        <Textarea
          label="What happened"
          description="Progress, a setback, or what you learned. Your coach reads it before your next 1:1."
          autosize
          minRows={2}
          maxRows={8}
          maxLength={GROWTH_NOTE_MAX}
          data-autofocus
          {...form.getInputProps('note')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <NumberInput label="Progress" description="Your estimate, 0-100." min={0} max={100} step={10} suffix="%" clampBehavior="strict" {...form.getInputProps('progress')} />
          <Select
            label="Move the goal to"
            description={`Now ${GOAL_STATUS_LABELS[goal.status].toLowerCase()}.`}
            placeholder="Keep the status"
            data={GROWTH_GOAL_STATUSES.filter((s) => s !== goal.status).map((s) => ({ value: s, label: GOAL_STATUS_LABELS[s] }))}
            clearable
            {...form.getInputProps('status')}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" size="xs" loading={create.isPending}>
            Check in
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The check-ins of a goal, newest first; the author may take one back. */
export function CheckInTimeline({ workspaceId, goal, memberId }: { workspaceId: string; goal: GrowthGoal; memberId: string }) {
  const checkIns = useGoalCheckIns(workspaceId, goal.id, true);
  const del = useDeleteCheckIn(workspaceId);
  if (checkIns.isPending) return <LoadingRows rows={2} height={36} />;
  if (checkIns.isError) return <ErrorState error={checkIns.error} onRetry={() => void checkIns.refetch()} title="Could not load the check-ins" />;
  const items = checkIns.data.items;
  if (!items.length) {
    return (
      <Text size="sm" c="dimmed">
        No check-ins yet.
      </Text>
    );
  }
  const confirmDelete = (id: string) =>
    modals.openConfirmModal({
      title: 'Delete this check-in?',
      children: <Text size="sm">The note is removed from the goal’s history. The goal keeps its current status.</Text>,
      labels: { confirm: 'Delete check-in', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => del.mutate(id, { onSuccess: () => notifySuccess('Check-in deleted.'), onError: (e) => notifyError(e, 'Could not delete the check-in') }),
    });
  return (
    <Timeline bulletSize={22} lineWidth={2} active={items.length - 1} aria-label={`Check-ins on ${goal.title}`}>
      {items.map((c) => (
        <Timeline.Item
          key={c.id}
          bullet={<IconMessageCircle size={12} aria-hidden />}
          title={
            <Group gap="xs" justify="space-between" wrap="nowrap">
              <Group gap="xs">
                <Text size="sm" fw={550}>
                  {c.author ? (c.author.id === memberId ? 'You' : c.author.name) : 'Former member'}
                </Text>
                <Tooltip label={formatDateTime(c.createdAt)}>
                  <Text size="xs" c="dimmed" tabIndex={0}>
                    {formatRelative(c.createdAt)}
                  </Text>
                </Tooltip>
                {c.progress !== null ? (
                  <Badge size="xs" variant="light" color="gray" component="span">
                    {c.progress}%
                  </Badge>
                ) : null}
                {c.status ? (
                  <Badge size="xs" color={GOAL_STATUS_COLORS[c.status]} component="span">
                    → {GOAL_STATUS_LABELS[c.status]}
                  </Badge>
                ) : null}
              </Group>
              {c.author?.id === memberId ? (
                <Tooltip label="Delete check-in">
                  <ActionIcon variant="subtle" color="red" size="sm" aria-label="Delete check-in" onClick={() => confirmDelete(c.id)}>
                    <IconTrash size={14} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              ) : null}
            </Group>
          }
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.note}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
