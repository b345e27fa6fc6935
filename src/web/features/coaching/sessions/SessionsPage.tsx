import { Avatar, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconBook2, IconCalendarPlus, IconMessages } from '@tabler/icons-react';
import { useState } from 'react';
import type { CoachingSessionSummary } from '../../../../shared/contracts.js';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { plural } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { useMembers } from '../../members/use-members';
import { SESSION_STATUS_COLORS, SESSION_STATUS_LABELS, formatSessionTime } from './labels';
import { ScheduleSessionModal } from './ScheduleSessionModal';
import { useCoachingSessions } from './use-sessions';

const PAGE = 20;

/** The other person in the room, from the caller's side. */
function OtherPerson({ s }: { s: CoachingSessionSummary }) {
  const other = s.myRole === 'coach' ? s.coachee : s.coach;
  return (
    <Group gap="sm" wrap="nowrap">
      <Avatar size="sm" radius="xl" color="initials" name={other.name} aria-hidden />
      <div>
        <Text size="sm" fw={550}>
          {other.name}
        </Text>
        <Text size="xs" c="dimmed">
          {s.myRole === 'coach' ? 'You coach' : 'Your coach'}
        </Text>
      </div>
    </Group>
  );
}

function SessionTable({ workspaceId, rows, label }: { workspaceId: string; rows: CoachingSessionSummary[]; label: string }) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={680}>
        <Table aria-label={label} highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>With</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Open actions</Table.Th>
              <Table.Th ta="right">Agenda</Table.Th>
              <Table.Th ta="right">Questions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <AnchorLink to="/w/$workspaceId/coaching/sessions/$sessionId" params={{ workspaceId, sessionId: s.id }} fw={550}>
                    {formatSessionTime(s.scheduledAt)}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <OtherPerson s={s} />
                </Table.Td>
                <Table.Td>
                  <Badge color={SESSION_STATUS_COLORS[s.status]} variant="light">
                    {SESSION_STATUS_LABELS[s.status]}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  {s.openActionCount ? (
                    <Badge color="orange" variant="light">
                      {s.openActionCount}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed" span>
                      0
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" span c={s.openAgendaCount ? undefined : 'dimmed'}>
                    {s.openAgendaCount ? `${s.openAgendaCount} open` : '—'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" span c={s.journalCount ? undefined : 'dimmed'}>
                    {s.journalCount || '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

type SessionsQuery = ReturnType<typeof useCoachingSessions>;

/** One list of sessions (upcoming or past) with its own loading, empty and error states. */
function SessionSection({ workspaceId, query, id, title, empty, onMore }: { workspaceId: string; query: SessionsQuery; id: string; title: string; empty: string; onMore: () => void }) {
  const total = query.data?.total ?? 0;
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Group justify="space-between">
        <Title order={2} fz="lg" id={id}>
          {title}
        </Title>
        {query.data ? (
          <Text size="sm" c="dimmed">
            {plural(total, 'session')}
          </Text>
        ) : null}
      </Group>
      {query.isPending ? (
        <LoadingRows rows={3} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <Text size="sm" c="dimmed" ta="center">
            {empty}
          </Text>
        </Paper>
      ) : (
        <>
          <SessionTable workspaceId={workspaceId} rows={query.data.items} label={title} />
          {query.data.items.length < total ? (
            <Group justify="center">
              <Button variant="default" size="xs" loading={query.isFetching} onClick={onMore}>
                Show {Math.min(PAGE, total - query.data.items.length)} more
              </Button>
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}

/** The caller's 1:1s, upcoming then past; coaches schedule new ones from here. */
export function SessionsPage() {
  const { workspaceId, can, memberId } = useCurrentWorkspace();
  const members = useMembers(workspaceId);
  const [personId, setPersonId] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const canSchedule = can('coaching-session.create');
  const [limits, setLimits] = useState({ upcoming: PAGE, past: PAGE });
  const filter = personId ?? undefined;
  const upcoming = useCoachingSessions(workspaceId, { when: 'upcoming', personId: filter, limit: limits.upcoming });
  const past = useCoachingSessions(workspaceId, { when: 'past', personId: filter, limit: limits.past });
  const people = (members.data?.items ?? []).filter((m) => m.id !== memberId && m.role !== 'viewer' && m.role !== 'contributor').map((m) => ({ value: m.id, label: m.name }));

  const header = (
    <PageHeader
      title="1:1 sessions"
      description="Coaching conversations built on questions: the agenda carries over, the PM’s answers become a reasoning journal, and private notes stay with their author."
      actions={
        <>
          <ButtonLink to="/w/$workspaceId/coaching/journal" params={{ workspaceId }} variant="default" leftSection={<IconBook2 size={16} aria-hidden />}>
            Reasoning journal
          </ButtonLink>
          {canSchedule ? (
            <Button leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => setScheduling(true)}>
              Schedule session
            </Button>
          ) : null}
        </>
      }
    />
  );

  // With no filter and nothing either side, this is a first visit: explain instead of two empty lists.
  const none = !personId && upcoming.data?.total === 0 && past.data?.total === 0;
  let body;
  if (none)
    body = (
      <EmptyState
        icon={<IconMessages size={24} aria-hidden />}
        title="No 1:1s yet"
        description={
          canSchedule
            ? 'Schedule a session with a PM you coach. Sextant suggests questions from their assessment gaps and recent work, and keeps their answers as a journal.'
            : 'When your coach schedules a 1:1 with you, it appears here with its agenda, questions and notes.'
        }
        action={
          canSchedule ? (
            <Button leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => setScheduling(true)}>
              Schedule session
            </Button>
          ) : null
        }
      />
    );
  else
    body = (
      <Stack gap="xl">
        <Select
          label="With"
          placeholder="Everyone"
          data={people}
          value={personId}
          onChange={setPersonId}
          clearable
          searchable
          maw={320}
          nothingFoundMessage="Nobody by that name"
        />
        <SessionSection
          workspaceId={workspaceId}
          query={upcoming}
          id="sessions-upcoming"
          title="Upcoming"
          empty={personId ? 'Nothing scheduled ahead with this person.' : 'Nothing scheduled ahead.'}
          onMore={() => setLimits((l) => ({ ...l, upcoming: l.upcoming + PAGE }))}
        />
        <SessionSection
          workspaceId={workspaceId}
          query={past}
          id="sessions-past"
          title="Past"
          empty={personId ? 'No earlier sessions with this person.' : 'No earlier sessions.'}
          onMore={() => setLimits((l) => ({ ...l, past: l.past + PAGE }))}
        />
      </Stack>
    );

  return (
    <>
      {header}
      {body}
      <ScheduleSessionModal opened={scheduling} onClose={() => setScheduling(false)} />
    </>
  );
}
