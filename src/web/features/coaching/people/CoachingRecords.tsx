import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { AnchorLink } from '../../../components/links';
import { ErrorState, LoadingRows } from '../../../components/QueryState';
import { LEARNING_TYPE_COLORS, LEARNING_TYPE_LABELS, PLAN_STATUS_COLORS, PLAN_STATUS_LABELS, formatDay } from '../growth/labels';
import { SESSION_STATUS_COLORS, SESSION_STATUS_LABELS, formatSessionTime } from '../sessions/labels';
import { usePersonAssessments, usePersonLearning, usePersonPlans, usePersonSessions } from './use-person-coaching';

const SHOWN = 5;

/** A card listing a few of the person's records, with its loading, empty and error states. */
function RecordCard<T>({ title, all, query, empty, render }: { title: string; all: ReactNode; query: UseQueryResult<{ items: T[]; total: number }, unknown>; empty: string; render: (item: T) => ReactNode }) {
  const items = query.data?.items ?? [];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="xs">
        <Title order={3} fz="sm">
          {title}
          {query.data ? (
            <Text span c="dimmed" fz="sm" fw={400}>
              {' '}
              · {query.data.total}
            </Text>
          ) : null}
        </Title>
        {all}
      </Group>
      {query.isPending ? (
        <LoadingRows rows={3} height={28} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} title={`Could not load ${title.toLowerCase()}`} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap={8}>{items.slice(0, SHOWN).map(render)}</Stack>
      )}
    </Paper>
  );
}

const Row = ({ children }: { children: ReactNode }) => (
  <Group justify="space-between" wrap="nowrap" gap="xs">
    {children}
  </Group>
);

/** The person's assessments, sessions with the caller, growth plans and learning, each linking onward. */
export function CoachingRecords({ workspaceId, personId, self, enabled }: { workspaceId: string; personId: string; self: boolean; enabled: boolean }) {
  const assessments = usePersonAssessments(workspaceId, personId, enabled);
  const sessions = usePersonSessions(workspaceId, personId, enabled);
  const plans = usePersonPlans(workspaceId, personId, enabled);
  const learning = usePersonLearning(workspaceId, personId, enabled);
  const seeAll = (to: '/w/$workspaceId/coaching/assessments' | '/w/$workspaceId/coaching/sessions') => (
    <AnchorLink to={to} params={{ workspaceId }} size="sm">
      See all
    </AnchorLink>
  );
  // Growth plans and learning open on this person's records.
  const seeTheirs = (to: '/w/$workspaceId/coaching/growth' | '/w/$workspaceId/coaching/learning') => (
    <AnchorLink to={to} params={{ workspaceId }} search={{ personId }} size="sm">
      See all
    </AnchorLink>
  );

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <RecordCard
        title="Assessments"
        all={seeAll('/w/$workspaceId/coaching/assessments')}
        query={assessments}
        empty={self ? 'No assessment yet. Your coach opens one per period, or you can start your own self-assessment.' : 'No assessment yet. Open one for a period to compare their view with yours.'}
        render={(a) => (
          <Row key={a.id}>
            <AnchorLink to="/w/$workspaceId/coaching/assessments/$assessmentId" params={{ workspaceId, assessmentId: a.id }} size="sm" truncate>
              {a.period} · {a.framework.name}
            </AnchorLink>
            <Group gap={4} wrap="nowrap">
              <Badge size="xs" variant={a.selfStatus === 'submitted' ? 'light' : 'outline'} color={a.selfStatus === 'submitted' ? 'teal' : 'gray'}>
                Self {a.selfStatus === 'submitted' ? 'submitted' : 'draft'}
              </Badge>
              <Badge size="xs" variant={a.coachStatus === 'submitted' ? 'light' : 'outline'} color={a.coachStatus === 'submitted' ? 'teal' : 'gray'}>
                Coach {a.coachStatus === 'submitted' ? 'submitted' : 'draft'}
              </Badge>
            </Group>
          </Row>
        )}
      />
      <RecordCard
        title={self ? 'Coaching sessions' : 'Your sessions together'}
        all={seeAll('/w/$workspaceId/coaching/sessions')}
        query={sessions}
        empty={self ? 'No session yet. Your coach schedules your 1:1s.' : 'No session with them yet. Schedule a 1:1 from the sessions page.'}
        render={(s) => (
          <Row key={s.id}>
            <AnchorLink to="/w/$workspaceId/coaching/sessions/$sessionId" params={{ workspaceId, sessionId: s.id }} size="sm" truncate>
              {formatSessionTime(s.scheduledAt)}
              {self ? ` with ${s.coach.name}` : ''}
            </AnchorLink>
            <Group gap={4} wrap="nowrap">
              {s.openActionCount ? (
                <Badge size="xs" variant="outline" color="orange">
                  {s.openActionCount} open {s.openActionCount === 1 ? 'action' : 'actions'}
                </Badge>
              ) : null}
              <Badge size="xs" variant="light" color={SESSION_STATUS_COLORS[s.status]}>
                {SESSION_STATUS_LABELS[s.status]}
              </Badge>
            </Group>
          </Row>
        )}
      />
      <RecordCard
        title="Growth plans"
        all={seeTheirs('/w/$workspaceId/coaching/growth')}
        query={plans}
        empty={self ? 'No growth plan yet. Agree one with your coach: goals tied to competencies, with a next bigger challenge.' : 'No growth plan you can see yet.'}
        render={(p) => (
          <Row key={p.id}>
            <Group gap={6} wrap="nowrap" miw={0}>
              {p.private ? <IconLock size={14} aria-label="Private plan" /> : null}
              <AnchorLink to="/w/$workspaceId/coaching/growth/$planId" params={{ workspaceId, planId: p.id }} size="sm" truncate>
                {p.title}
              </AnchorLink>
            </Group>
            <Group gap={4} wrap="nowrap">
              <Text size="xs" c="dimmed">
                {p.doneCount}/{p.goalCount} goals
              </Text>
              {p.overdueCount ? (
                <Badge size="xs" color="red" variant="light">
                  {p.overdueCount} overdue
                </Badge>
              ) : null}
              <Badge size="xs" variant="light" color={PLAN_STATUS_COLORS[p.status]}>
                {PLAN_STATUS_LABELS[p.status]}
              </Badge>
            </Group>
          </Row>
        )}
      />
      <RecordCard
        title="Learning log"
        all={seeTheirs('/w/$workspaceId/coaching/learning')}
        query={learning}
        empty={self ? 'Nothing logged yet. Record what you read, watch or learn from a mentor, and what you took away.' : 'Nothing logged yet.'}
        render={(l) => (
          <Row key={l.id}>
            <Stack gap={0} miw={0}>
              <Text size="sm" truncate>
                {l.resource}
              </Text>
              {l.competency ? (
                <Text size="xs" c="dimmed" truncate>
                  {l.competency.name}
                </Text>
              ) : null}
            </Stack>
            <Group gap={4} wrap="nowrap">
              <Badge size="xs" variant="light" color={LEARNING_TYPE_COLORS[l.type]}>
                {LEARNING_TYPE_LABELS[l.type]}
              </Badge>
              <Text size="xs" c="dimmed">
                {formatDay(l.learnedOn)}
              </Text>
            </Group>
          </Row>
        )}
      />
    </SimpleGrid>
  );
}
