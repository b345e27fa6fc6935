import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { useMembers } from '../../members/use-members';
import { nextSlot, toLocalInput } from './labels';
import { useCreateSession } from './use-sessions';

/**
 * Schedules a 1:1 with the caller as the coach, then opens it. Open agenda and action items of the
 * pair's previous session come along; the notification says how many.
 */
export function ScheduleSessionModal({ opened, onClose, coacheeId }: { opened: boolean; onClose: () => void; coacheeId?: string }) {
  const { workspaceId, memberId } = useCurrentWorkspace();
  const members = useMembers(workspaceId);
  const create = useCreateSession(workspaceId);
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { coacheeId: '', scheduledAt: '' },
    validate: {
      coacheeId: (v) => (v ? null : 'Pick the person you will coach.'),
      scheduledAt: (v) => (v && !Number.isNaN(new Date(v).getTime()) ? null : 'Pick a date and time.'),
    },
  });

  useEffect(() => {
    if (opened) {
      form.setValues({ coacheeId: coacheeId ?? '', scheduledAt: toLocalInput(nextSlot()) });
      form.clearErrors();
    }
    // Reset only when the modal opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  // PMs first, then leads: the people a lead coaches. Contributors and viewers have no coaching.
  const people = (members.data?.items ?? [])
    .filter((m) => m.id !== memberId && (m.role === 'pm' || m.role === 'lead'))
    .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'pm' ? -1 : 1))
    .map((m) => ({ value: m.id, label: m.title ? `${m.name} · ${m.title}` : m.name, group: m.role === 'pm' ? 'Product managers' : 'Leads' }));
  const groups = ['Product managers', 'Leads']
    .map((group) => ({ group, items: people.filter((p) => p.group === group).map(({ value, label }) => ({ value, label })) }))
    .filter((g) => g.items.length);

  const submit = form.onSubmit((v) =>
    create.mutate(
      { coacheeId: v.coacheeId, scheduledAt: new Date(v.scheduledAt).toISOString() },
      {
        onSuccess: (s) => {
          notifySuccess(
            s.carriedOverCount
              ? `${s.carriedOverCount} open item${s.carriedOverCount === 1 ? '' : 's'} carried over from your last 1:1 with ${s.coachee.name}.`
              : `Your 1:1 with ${s.coachee.name} is scheduled.`,
            'Session scheduled',
          );
          onClose();
          void navigate({ to: '/w/$workspaceId/coaching/sessions/$sessionId', params: { workspaceId, sessionId: s.id } });
        },
        onError: (e) => showFormError(form, e, 'Could not schedule the session'),
      },
    ),
  );

  return (
    <Modal opened={opened} onClose={onClose} title="Schedule a 1:1">
      <form onSubmit={submit}>
        <Stack>
          <Select
            label="Coachee"
            description="You are the coach."
            placeholder={members.isPending ? 'Loading people…' : 'Pick a person'}
            data={groups}
            searchable
            nothingFoundMessage="No PM or lead by that name"
            data-autofocus
            {...form.getInputProps('coacheeId')}
          />
          <TextInput label="Date and time" description="In your time zone." type="datetime-local" {...form.getInputProps('scheduledAt')} />
          <Text size="xs" c="dimmed">
            Open agenda topics and action items from your previous 1:1 with this person carry over to the new one.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Schedule
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
