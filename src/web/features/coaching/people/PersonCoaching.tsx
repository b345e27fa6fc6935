import { Badge, Breadcrumbs, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconClipboardCheck, IconLock } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { isApiError } from '../../../lib/api/client';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { useMembers } from '../../members/use-members';
import { CoachingRecords } from './CoachingRecords';
import { InsightList } from './InsightList';
import { PeriodPicker } from './PeriodPicker';
import { quarterRange, rangeOf, todayUtc, type DayRange, type PeriodChoice } from './periods';
import { SignalCards } from './SignalCards';
import { useCoachingInsights, useCoachingSignals, usePersonLevel } from './use-person-coaching';

function Section({ title, description, actions, children }: { title: string; description: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={0}>
          <Title order={2} fz="lg">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </Stack>
        {actions}
      </Group>
      {children}
    </Stack>
  );
}

/** The person's level on the ladder, or a word when they are not placed (or the ladder is not readable). */
function LevelBadge({ workspaceId, personId, enabled }: { workspaceId: string; personId: string; enabled: boolean }) {
  const level = usePersonLevel(workspaceId, personId, enabled);
  if (level.isPending) return null;
  const placed = level.data?.level;
  if (!placed) {
    return (
      <AnchorLink to="/w/$workspaceId/coaching/ladder" params={{ workspaceId }} size="sm" c="dimmed">
        Not placed on the ladder
      </AnchorLink>
    );
  }
  return (
    <AnchorLink to="/w/$workspaceId/coaching/ladder" params={{ workspaceId }} underline="never">
      <Badge variant="light" color="indigo" tt="none" component="span" style={{ cursor: 'pointer' }}>
        {placed.title}
        {placed.track !== 'shared' ? ` · ${placed.track === 'ic' ? 'IC track' : 'management track'}` : ''}
      </Badge>
    </AnchorLink>
  );
}

/**
 * One person's coaching page: who they are and where they stand, the signals from their work in a
 * period, the insights drawn from them, and their assessments, sessions, plans and learning. Someone
 * the caller may not see (the API answers 404) gets a plain explanation instead.
 */
export function PersonCoaching({ personId, self }: { personId: string; self: boolean }) {
  const { workspaceId, memberId, role, can } = useCurrentWorkspace();
  const members = useMembers(workspaceId);
  const [choice, setChoice] = useState<PeriodChoice>('this-quarter');
  const today = todayUtc();
  const [custom, setCustom] = useState<DayRange>(() => quarterRange(today, -1));
  const range = rangeOf(choice, today, custom);
  const allowed = can('coaching.read');
  const signals = useCoachingSignals(workspaceId, personId, range, allowed);
  const insights = useCoachingInsights(workspaceId, allowed ? personId : '');
  // The API answers 404 for someone the caller may not see (or who is not a member): both reads say so.
  const hidden = [signals.error, insights.error].some((e) => isApiError(e) && e.status === 404);
  // The level and the records load once the person is known to be visible.
  const visible = allowed && !hidden && Boolean(signals.data ?? insights.data);
  const person = members.data?.items.find((m) => m.id === personId);
  const name = person?.name ?? (members.isPending ? '…' : 'Unknown person');
  const coaches = !self && memberId !== personId && (role === 'lead' || role === 'admin');

  const crumbs = self ? null : (
    <Breadcrumbs>
      {can('coaching.team') ? (
        <AnchorLink to="/w/$workspaceId/coaching/team" params={{ workspaceId }} size="sm">
          Team
        </AnchorLink>
      ) : (
        <AnchorLink to="/w/$workspaceId/coaching/me" params={{ workspaceId }} size="sm">
          Coaching
        </AnchorLink>
      )}
      <Text size="sm" c="dimmed" truncate maw={360}>
        {name}
      </Text>
    </Breadcrumbs>
  );

  if (!allowed) {
    return (
      <>
        <PageHeader above={crumbs} title={self ? 'My coaching' : name} />
        <EmptyState
          icon={<IconLock size={24} aria-hidden />}
          title="Coaching is not part of your role"
          description="Coaching records belong to product managers and their coaches. Ask an admin if you should have a PM or lead role."
        />
      </>
    );
  }
  if (hidden || (members.isSuccess && !person)) {
    return (
      <>
        <PageHeader above={crumbs} title={person ? name : 'Person not found'} />
        <EmptyState
          icon={<IconLock size={24} aria-hidden />}
          title={person ? 'You can’t see this person’s coaching' : 'No such person in this workspace'}
          description={
            person
              ? 'Coaching is private to the person and their coach: leads and admins see every PM’s coaching page, a PM sees only their own.'
              : 'They may have left the workspace, or the link is wrong.'
          }
          action={
            <ButtonLink to="/w/$workspaceId/coaching/me" params={{ workspaceId }} variant="default">
              Open my coaching
            </ButtonLink>
          }
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        above={crumbs}
        title={self ? 'My coaching' : name}
        description={
          <Group gap="xs" component="span">
            <span>{self ? `${name}${person?.title ? ` · ${person.title}` : ''}` : person?.title || 'No title on their profile'}</span>
            <LevelBadge workspaceId={workspaceId} personId={personId} enabled={visible} />
          </Group>
        }
        actions={
          coaches ? (
            <>
              <ButtonLink to="/w/$workspaceId/coaching/assessments" params={{ workspaceId }} variant="default" leftSection={<IconClipboardCheck size={16} aria-hidden />}>
                New assessment
              </ButtonLink>
              <ButtonLink to="/w/$workspaceId/coaching/sessions" params={{ workspaceId }} leftSection={<IconCalendarPlus size={16} aria-hidden />}>
                Schedule session
              </ButtonLink>
            </>
          ) : null
        }
      />
      <Stack gap="xl">
        <Section
          title="Signals from real work"
          description={`What ${self ? 'you' : 'they'} did in Sextant over the period, against the period of the same length before it.`}
          actions={<PeriodPicker choice={choice} onChoice={setChoice} custom={custom} onCustom={setCustom} range={range} />}
        >
          {range.from > range.to ? (
            <Paper withBorder radius="md" p="md">
              <Text size="sm" c="dimmed">
                Pick a start on or before the end to see the signals.
              </Text>
            </Paper>
          ) : signals.isPending ? (
            <LoadingRows rows={2} height={150} />
          ) : signals.isError ? (
            <ErrorState error={signals.error} onRetry={() => void signals.refetch()} title="Could not load the signals" />
          ) : (
            <div style={{ opacity: signals.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={signals.isPlaceholderData}>
              <SignalCards signals={signals.data.signals} />
            </div>
          )}
        </Section>

        <Section title="Insights" description="Questions the last 90 days of work raise: for the coaching conversation, not a scorecard.">
          {insights.isPending ? (
            <LoadingRows rows={3} height={96} />
          ) : insights.isError ? (
            <ErrorState error={insights.error} onRetry={() => void insights.refetch()} title="Could not load the insights" />
          ) : (
            <InsightList workspaceId={workspaceId} items={insights.data.items} self={self || memberId === personId} />
          )}
        </Section>

        <Section title="Coaching records" description={self ? 'Your assessments, 1:1s, growth plans and learning.' : 'Their assessments, your 1:1s with them, their growth plans and learning.'}>
          <CoachingRecords workspaceId={workspaceId} personId={personId} self={self || memberId === personId} enabled={visible} />
        </Section>
      </Stack>
    </>
  );
}
