import { Badge, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import type { CoachingTeamView } from '../../../../shared/contracts.js';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { formatDate, formatRelative } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { TREND_LABELS, formatScore } from '../assessments/labels';
import { useFrameworkOptions } from '../assessments/use-assessments';
import { TeamHeatmap } from './TeamHeatmap';
import { useCoachingTeam } from './use-coaching-team';
import { StatCard } from '../../../components/StatCard';

type Person = CoachingTeamView['people'][number];


function LastSession({ p }: { p: Person }) {
  const c = p.cadence;
  if (!c.lastSessionAt) return <Text size="sm" c="dimmed">No session yet</Text>;
  return (
    <Tooltip label={formatDate(c.lastSessionAt)} withArrow>
      <Text size="sm" tabIndex={0}>
        {formatRelative(c.lastSessionAt)}
      </Text>
    </Tooltip>
  );
}

/** Coaching cadence and progress per person: sessions from their dates only, gaps from submitted sides. */
function CadenceTable({ workspaceId, view }: { workspaceId: string; view: CoachingTeamView }) {
  // Overdue people first, then the longest since their last session.
  const rows = [...view.people].sort(
    (a, b) => Number(b.cadence.overdue) - Number(a.cadence.overdue) || (b.cadence.daysSinceLast ?? Infinity) - (a.cadence.daysSinceLast ?? Infinity) || a.name.localeCompare(b.name),
  );
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="md" mb="sm">
        Cadence and progress
      </Title>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm">
          <Table.Caption>Overdue when no session took place in the last {view.cadenceDays} days (the workspace’s cadence). Gaps compare the latest submitted assessment with the one before.</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Person</Table.Th>
              <Table.Th scope="col">Last session</Table.Th>
              <Table.Th scope="col">Next session</Table.Th>
              <Table.Th scope="col" ta="right">
                Last 90 days
              </Table.Th>
              <Table.Th scope="col">Cadence</Table.Th>
              <Table.Th scope="col">Gaps</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => {
              const trend = TREND_LABELS[p.gaps.trend];
              return (
                <Table.Tr key={p.personId}>
                  <Table.Th scope="row" fw={500}>
                    <AnchorLink to="/w/$workspaceId/coaching/people/$personId" params={{ workspaceId, personId: p.personId }} fw={600} size="sm">
                      {p.name}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>
                    <LastSession p={p} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={p.cadence.nextSessionAt ? undefined : 'dimmed'}>
                      {p.cadence.nextSessionAt ? formatDate(p.cadence.nextSessionAt) : 'None scheduled'}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{p.cadence.sessionsLast90Days}</Table.Td>
                  <Table.Td>
                    {p.cadence.overdue ? (
                      <Badge color="orange" variant="light">
                        Overdue{p.cadence.daysSinceLast !== null ? ` · ${p.cadence.daysSinceLast} days` : ''}
                      </Badge>
                    ) : (
                      <Badge color="teal" variant="light">
                        On track
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Badge color={trend.color} variant="light">
                        {trend.label}
                      </Badge>
                      {p.gaps.trend !== 'n/a' ? (
                        <Text size="xs" c="dimmed">
                          {formatScore(p.gaps.previousTotal)} ({p.gaps.previousPeriod}) → {formatScore(p.gaps.latestTotal)} ({p.gaps.latestPeriod})
                        </Text>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/**
 * The lead's view of the team: where each PM stands on every competency of the framework against
 * their level, how regularly they are coached, and whether their gaps are closing.
 */
export function CoachingTeamPage() {
  const { workspaceId, can, me } = useCurrentWorkspace();
  const [frameworkId, setFrameworkId] = useState<string | null>(null);
  const frameworks = useFrameworkOptions(workspaceId);
  const allowed = can('coaching.team');
  const team = useCoachingTeam(workspaceId, frameworkId, Boolean(me) && allowed);

  const header = (
    <PageHeader
      title="Team coaching"
      description="Competencies across your PMs from their latest assessments, coaching cadence, and whether gaps are closing."
      actions={
        frameworks.data && frameworks.data.items.length > 1 ? (
          <Select
            aria-label="Framework"
            placeholder="Default framework"
            data={frameworks.data.items.map((f) => ({ value: f.id, label: f.isDefault ? `${f.name} (default)` : f.name }))}
            value={frameworkId ?? team.data?.framework.id ?? null}
            onChange={setFrameworkId}
            allowDeselect={false}
            w={260}
          />
        ) : null
      }
    />
  );

  if (me && !allowed) {
    return (
      <>
        {header}
        <EmptyState title="For leads and admins" description="The team view shows every PM’s coaching; your own is on your coaching page." />
      </>
    );
  }
  if (!me || team.isPending) {
    return (
      <>
        {header}
        <LoadingRows rows={8} />
      </>
    );
  }
  if (team.isError) {
    return (
      <>
        {header}
        <ErrorState error={team.error} onRetry={() => void team.refetch()} />
      </>
    );
  }
  const view = team.data;
  if (!view.people.length) {
    return (
      <>
        {header}
        <EmptyState
          icon={<IconUsersGroup size={24} aria-hidden />}
          title="No PMs to coach yet"
          description="The team view lists members with the PM role, and anyone with an assessment or a coaching session. Invite PMs, or open an assessment."
          action={
            <ButtonLink to="/w/$workspaceId/coaching/assessments" params={{ workspaceId }}>
              Go to assessments
            </ButtonLink>
          }
        />
      </>
    );
  }

  const assessed = view.people.filter((p) => p.assessment).length;
  const overdue = view.people.filter((p) => p.cadence.overdue).length;
  const closed = view.people.filter((p) => p.gaps.trend === 'closed').length;
  const compared = view.people.filter((p) => p.gaps.trend !== 'n/a').length;

  return (
    <>
      {header}
      <Stack gap="lg" style={{ opacity: team.isPlaceholderData ? 0.6 : 1 }} aria-busy={team.isFetching}>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <StatCard label="People" value={String(view.people.length)} hint={`${assessed} with a submitted assessment`} />
          <StatCard label="Overdue" value={String(overdue)} hint={`Cadence: every ${view.cadenceDays} days`} />
          <StatCard label="Gaps closed" value={compared ? `${closed} of ${compared}` : '—'} hint="Latest vs previous assessment" />
          <StatCard label="Framework" value={view.framework.name} hint={`Scale ${view.scale.min}–${view.scale.max}`} />
        </SimpleGrid>
        {assessed ? (
          <TeamHeatmap workspaceId={workspaceId} view={view} />
        ) : (
          <EmptyState
            title="No submitted assessments yet"
            description={`The heatmap fills in as assessments on “${view.framework.name}” are submitted. Drafts stay private to their authors.`}
            action={
              <ButtonLink to="/w/$workspaceId/coaching/assessments" params={{ workspaceId }}>
                Open an assessment
              </ButtonLink>
            }
          />
        )}
        <CadenceTable workspaceId={workspaceId} view={view} />
      </Stack>
    </>
  );
}
