import { LineChart } from '@mantine/charts';
import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import type { AssessmentHistory } from '../../../../shared/contracts.js';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { TREND_LABELS, formatScore } from './labels';
import { useAssessmentHistory } from './use-assessments';

function averagesSummary(h: AssessmentHistory): string {
  const parts = h.periods.map((p) => `${p.period}: self ${formatScore(p.selfAverage)}, coach ${formatScore(p.coachAverage)}, expected ${formatScore(p.expectedAverage)}`);
  return `Line chart of average ratings per period. ${parts.join('; ')}.`;
}

/** Averages across periods as a line chart, and per competency the first rating against the latest. */
export function HistoryTab({ workspaceId, personId, frameworkId, personName }: { workspaceId: string; personId: string; frameworkId: string; personName: string }) {
  const history = useAssessmentHistory(workspaceId, personId, frameworkId);
  if (history.isPending) return <LoadingRows rows={5} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const h = history.data;
  if (!h.periods.length) {
    return (
      <EmptyState
        icon={<IconChartLine size={24} aria-hidden />}
        title="No history yet"
        description={`History shows submitted sides of ${personName}’s assessments on “${h.framework.name}”, period after period. Submit a side to start it.`}
      />
    );
  }
  const data = h.periods.map((p) => ({ period: p.period, Self: p.selfAverage, Coach: p.coachAverage, Expected: p.expectedAverage }));
  const names = new Map(h.competencies.map((c) => [c.competencyId, c.name]));
  const firstPeriod = h.periods[0]!.period;
  const lastPeriod = h.periods[h.periods.length - 1]!.period;

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Title order={2} fz="md" mb="sm">
          Average rating by period
        </Title>
        {h.periods.length < 2 ? (
          <Text size="sm" c="dimmed" mb="sm">
            One period so far ({firstPeriod}); the line grows with the next assessment.
          </Text>
        ) : null}
        <div role="img" aria-label={averagesSummary(h)}>
          <LineChart
            h={260}
            data={data}
            dataKey="period"
            series={[
              { name: 'Self', color: 'indigo.5' },
              { name: 'Coach', color: 'teal.5' },
              { name: 'Expected', color: 'gray.5', strokeDasharray: '5 5' },
            ]}
            yAxisProps={{ domain: [h.scale.min, h.scale.max], allowDecimals: false }}
            connectNulls
            withLegend
            withDots
            curveType="linear"
          />
        </div>
      </Paper>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm">
            <Table.Caption>
              Per competency, the rating (coach, else self) in the first period that has one against the latest ({firstPeriod} → {lastPeriod}), and whether the gap to the
              level’s expectation closed.
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Competency</Table.Th>
                <Table.Th scope="col" ta="right">
                  First
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Latest
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Change
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Gap then → now
                </Table.Th>
                <Table.Th scope="col">Trend</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {h.changes.map((c) => (
                <Table.Tr key={c.competencyId}>
                  <Table.Th scope="row" fw={500}>
                    {names.get(c.competencyId)}
                  </Table.Th>
                  <Table.Td ta="right">{formatScore(c.first)}</Table.Td>
                  <Table.Td ta="right">{formatScore(c.latest)}</Table.Td>
                  <Table.Td ta="right" c={c.change === null || c.change === 0 ? undefined : c.change > 0 ? 'teal' : 'orange'}>
                    {formatScore(c.change, true)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {formatScore(c.firstGap)} → {formatScore(c.latestGap)}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={TREND_LABELS[c.trend].color}>
                      {TREND_LABELS[c.trend].label}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
