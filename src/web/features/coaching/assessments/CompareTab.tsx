import { RadarChart } from '@mantine/charts';
import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconEyeOff } from '@tabler/icons-react';
import type { Assessment, AssessmentComparison } from '../../../../shared/contracts.js';
import { ErrorState, LoadingRows } from '../../../components/QueryState';
import { deltaColor, formatScore, gapWords } from './labels';
import { useAssessmentComparison } from './use-assessments';
import { StatCard } from '../../../components/StatCard';


/** A side the caller may not see: said in words, never as an empty number. */
function NotShared() {
  return (
    <Text span size="sm" c="dimmed" fs="italic">
      Not shared yet
    </Text>
  );
}

/** Self, coach and expectation on a radar, described in words for screen readers (the table below holds every value). */
function Radar({ cmp }: { cmp: AssessmentComparison }) {
  // Framework order keeps each competency at the same angle from one assessment to the next.
  const data = [...cmp.competencies].sort((x, y) => x.position - y.position).map((c) => ({ competency: c.name, Self: c.self ?? 0, Coach: c.coach ?? 0, Expected: c.expected ?? 0 }));
  const hasSelf = cmp.competencies.some((c) => c.self !== null);
  const hasCoach = cmp.competencies.some((c) => c.coach !== null);
  const hasExpected = cmp.competencies.some((c) => c.expected !== null);
  const series = [
    ...(hasExpected ? [{ name: 'Expected', color: 'gray.6', opacity: 0.06 }] : []),
    ...(hasSelf ? [{ name: 'Self', color: 'indigo.5', opacity: 0.22 }] : []),
    ...(hasCoach ? [{ name: 'Coach', color: 'teal.5', opacity: 0.22 }] : []),
  ];
  const t = cmp.totals;
  const summary = [
    'Radar chart of the ratings per competency.',
    hasSelf ? `Self average ${formatScore(t.selfAverage)}.` : 'Self side not shown.',
    hasCoach ? `Coach average ${formatScore(t.coachAverage)}.` : 'Coach side not shown.',
    hasExpected ? `Expected average ${formatScore(t.expectedAverage)}.` : 'No expectations for this level.',
    'The table that follows lists every value.',
  ].join(' ');
  if (!series.length || (!hasSelf && !hasCoach)) {
    return (
      <Text size="sm" c="dimmed">
        Nothing to chart yet: no side you can see has ratings.
      </Text>
    );
  }
  return (
    <div role="img" aria-label={summary}>
      <RadarChart
        h={420}
        data={data}
        dataKey="competency"
        series={series}
        withLegend
        withPolarRadiusAxis
        polarRadiusAxisProps={{ domain: [0, cmp.scale.max], tickCount: Math.min(cmp.scale.max, 5) + 1, angle: 90 }}
        withTooltip
        // The expectation is a yardstick, not a score: a dashed outline under the two ratings.
        radarProps={(s) => (s.name === 'Expected' ? { strokeDasharray: '5 4', strokeWidth: 2 } : { strokeWidth: 2 })}
        accessibilityLayer={false}
      />
    </div>
  );
}

/**
 * The side-by-side view: per competency the self rating, the coach rating, what the level expects and
 * the gap weighted by importance, biggest first; a radar of the same, and totals.
 */
export function CompareTab({ workspaceId, assessment }: { workspaceId: string; assessment: Assessment }) {
  const comparison = useAssessmentComparison(workspaceId, assessment.id);
  if (comparison.isPending) return <LoadingRows rows={6} />;
  if (comparison.isError) return <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} />;
  const cmp = comparison.data;
  const t = cmp.totals;
  const hidden = (['self', 'coach'] as const).filter((s) => !cmp.sides[s].visible);
  const weighted = cmp.scale.ratesImportance;

  return (
    <Stack gap="md">
      {hidden.length ? (
        <Alert variant="light" color="gray" icon={<IconEyeOff size={18} aria-hidden />}>
          {hidden.map((s) => (s === 'self' ? `${assessment.person.name}’s self-assessment` : 'The coach’s assessment')).join(' and ')} {hidden.length > 1 ? 'are' : 'is'} not shared yet: it
          shows here once submitted. Gaps use what is shared.
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <StatCard label="Below expectation" value={`${t.below} of ${t.competencies}`} hint={t.measured < t.competencies ? `${t.measured} measured` : undefined} />
        <StatCard label="Total gap" value={formatScore(t.totalGap)} hint="Sum of shortfalls" />
        <StatCard label="Weighted gap" value={formatScore(t.totalWeightedGap)} hint={weighted ? 'By importance' : 'Equal weights'} />
        <StatCard label="Averages" value={`${formatScore(t.selfAverage)} / ${formatScore(t.coachAverage)}`} hint={`Self / coach · expected ${formatScore(t.expectedAverage)}`} />
      </SimpleGrid>
      <Paper withBorder radius="md" p="md">
        <Title order={2} fz="md" mb="sm">
          Competency radar
        </Title>
        <Radar cmp={cmp} />
      </Paper>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm">
            <Table.Caption>
              Gap = expected − (coach rating, else self rating).{' '}
              {weighted ? 'Weighted gap = gap × importance ÷ 10 (importance: the coach’s, else the self rating’s, else 5).' : 'This framework weighs every competency alike.'} Biggest weighted gap first.
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Competency</Table.Th>
                <Table.Th scope="col" ta="right">
                  Self
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Coach
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Expected
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Gap
                </Table.Th>
                {weighted ? (
                  <Table.Th scope="col" ta="right">
                    Importance
                  </Table.Th>
                ) : null}
                <Table.Th scope="col" ta="right">
                  Weighted gap
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cmp.competencies.map((c) => (
                <Table.Tr key={c.competencyId}>
                  <Table.Th scope="row" fw={500}>
                    <Text size="sm" fw={550}>
                      {c.name}
                    </Text>
                    {c.area ? (
                      <Text size="xs" c="dimmed">
                        {c.area}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td ta="right">{cmp.sides.self.visible ? formatScore(c.self) : <NotShared />}</Table.Td>
                  <Table.Td ta="right">{cmp.sides.coach.visible ? formatScore(c.coach) : <NotShared />}</Table.Td>
                  <Table.Td ta="right">{formatScore(c.expected)}</Table.Td>
                  <Table.Td ta="right">
                    {c.gap === null ? (
                      '—'
                    ) : (
                      <Tooltip label={gapWords(c.gap)} withArrow>
                        <Badge variant="light" tabIndex={0} aria-label={gapWords(c.gap)} style={{ background: deltaColor(-c.gap), color: 'var(--mantine-color-text)' }}>
                          {formatScore(c.gap, true)}
                        </Badge>
                      </Tooltip>
                    )}
                  </Table.Td>
                  {weighted ? <Table.Td ta="right">{formatScore(c.importance)}</Table.Td> : null}
                  <Table.Td ta="right" fw={c.weightedGap !== null && c.weightedGap > 0 ? 650 : undefined}>
                    {formatScore(c.weightedGap, true)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          Positive gaps are below what {assessment.level ? `a ${assessment.level.title}` : 'the level'} is expected to show; negative ones above.
        </Text>
      </Group>
    </Stack>
  );
}
