import { ActionIcon, Breadcrumbs, Button, Grid, Group, Menu, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconCalendarTime, IconChevronLeft, IconDots, IconTrash } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import type { CoachingSessionDetail, CoachingSessionStatus } from '../../../../shared/contracts.js';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { RecordState } from '../../discovery/RecordState';
import { ActionItemsPanel } from './ActionItemsPanel';
import { AgendaPanel } from './AgendaPanel';
import { JournalPanel } from './JournalPanel';
import { NotesPanel } from './NotesPanel';
import { SuggestedQuestionsPanel } from './SuggestedQuestionsPanel';
import { SESSION_STATUS_LABELS, formatClock, formatSessionDay, formatShortDay, formatSessionTime, toLocalInput } from './labels';
import { useCoachingSession, useDeleteSession, useUpdateSession } from './use-sessions';

function RescheduleModal({ workspaceId, session, opened, onClose }: { workspaceId: string; session: CoachingSessionDetail; opened: boolean; onClose: () => void }) {
  const update = useUpdateSession(workspaceId);
  const [value, setValue] = useState(() => toLocalInput(new Date(session.scheduledAt)));
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const d = new Date(value);
    if (!value || Number.isNaN(d.getTime())) return setError('Pick a date and time.');
    update.mutate(
      { sessionId: session.id, version: session.version, scheduledAt: d.toISOString() },
      { onSuccess: () => (notifySuccess(`Moved to ${formatSessionTime(d.toISOString())}.`), onClose()), onError: (err) => notifyError(err, 'Could not reschedule') },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Reschedule this 1:1">
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label="Date and time"
            description="In your time zone."
            type="datetime-local"
            value={value}
            onChange={(e) => (setValue(e.currentTarget.value), setError(null))}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Reschedule
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** One 1:1: agenda, the questions asked and answered, actions, notes, and questions to ask next. */
export function SessionPage() {
  const { sessionId } = useParams({ from: '/authed/w/$workspaceId/coaching/sessions/$sessionId' });
  const { workspaceId } = useCurrentWorkspace();
  const session = useCoachingSession(workspaceId, sessionId);
  const update = useUpdateSession(workspaceId);
  const del = useDeleteSession(workspaceId);
  const navigate = useNavigate();
  const [rescheduling, setRescheduling] = useState(false);

  const crumbs = (
    <Breadcrumbs>
      <AnchorLink to="/w/$workspaceId/coaching/sessions" params={{ workspaceId }} size="sm">
        1:1 sessions
      </AnchorLink>
      <Text size="sm" c="dimmed">
        {session.data ? formatShortDay(session.data.scheduledAt) : '…'}
      </Text>
    </Breadcrumbs>
  );

  if (!session.data) {
    return (
      <RecordState
        query={session}
        noun="Session"
        crumbs={crumbs}
        back={
          <ButtonLink to="/w/$workspaceId/coaching/sessions" params={{ workspaceId }}>
            See your sessions
          </ButtonLink>
        }
      />
    );
  }

  const s = session.data;
  const other = s.myRole === 'coach' ? s.coachee : s.coach;
  const setStatus = (status: CoachingSessionStatus) =>
    update.mutate(
      { sessionId: s.id, version: s.version, status },
      { onSuccess: () => notifySuccess(`Marked ${SESSION_STATUS_LABELS[status].toLowerCase()}.`), onError: (e) => notifyError(e, 'Could not change the status') },
    );
  const confirmDelete = () =>
    modals.openConfirmModal({
      title: 'Delete this 1:1?',
      children: (
        <Text size="sm">
          The agenda, actions, journal and every note go with it, {s.coachee.name}’s private notes included. To keep the record of a session that did not happen, mark it
          cancelled instead.
        </Text>
      ),
      labels: { confirm: 'Delete session', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        del.mutate(s.id, {
          onSuccess: () => (notifySuccess('Session deleted.'), void navigate({ to: '/w/$workspaceId/coaching/sessions', params: { workspaceId } })),
          onError: (e) => notifyError(e, 'Could not delete the session'),
        }),
    });

  return (
    <>
      <PageHeader
        above={crumbs}
        title={`1:1 with ${other.name}`}
        description={`${formatSessionDay(s.scheduledAt)} at ${formatClock(s.scheduledAt)} · ${s.coach.name} coaching ${s.coachee.name}`}
        actions={
          <>
            <Stack gap={2}>
              <Text size="xs" c="dimmed" id="session-status-label">
                Status
              </Text>
              <SegmentedControl
                aria-labelledby="session-status-label"
                size="xs"
                value={s.status}
                disabled={update.isPending}
                onChange={(v) => setStatus(v as CoachingSessionStatus)}
                data={(['scheduled', 'held', 'cancelled'] as const).map((v) => ({ value: v, label: SESSION_STATUS_LABELS[v] }))}
              />
            </Stack>
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label="Session actions">
                  <IconDots size={18} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconCalendarTime size={16} aria-hidden />} onClick={() => setRescheduling(true)}>
                  Reschedule
                </Menu.Item>
                {s.myRole === 'coach' ? (
                  <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirmDelete}>
                    Delete session
                  </Menu.Item>
                ) : null}
              </Menu.Dropdown>
            </Menu>
          </>
        }
      />
      {s.previousSession ? (
        <Group mb="md" mt={-8}>
          <AnchorLink to="/w/$workspaceId/coaching/sessions/$sessionId" params={{ workspaceId, sessionId: s.previousSession.id }} size="sm">
            <Group gap={4} component="span">
              <IconChevronLeft size={14} aria-hidden />
              Previous 1:1, {formatShortDay(s.previousSession.scheduledAt)}
            </Group>
          </AnchorLink>
        </Group>
      ) : null}
      <Grid gap="lg" key={s.id}>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <AgendaPanel workspaceId={workspaceId} session={s} />
            <JournalPanel workspaceId={workspaceId} session={s} />
            <ActionItemsPanel workspaceId={workspaceId} session={s} />
            <NotesPanel workspaceId={workspaceId} session={s} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <SuggestedQuestionsPanel workspaceId={workspaceId} session={s} />
        </Grid.Col>
      </Grid>
      {rescheduling ? <RescheduleModal workspaceId={workspaceId} session={s} opened onClose={() => setRescheduling(false)} /> : null}
    </>
  );
}
