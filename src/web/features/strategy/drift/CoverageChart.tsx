import { BarChart } from '@mantine/charts';
import { Badge, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { DriftReport } from '../../../../shared/contracts.js';
import { formatShare, formatEffort, formatGap, gapColor } from './drift-format';

type Coverage = DriftReport['coverage'];

/** One sentence a screen reader hears for the chart: each pillar's actual share against its target. */
export function coverageSummary(coverage: Coverage): string {
  if (coverage.featureCount === 0) return 'Coverage chart: no planned features yet.';
  const parts = coverage.rows.map((r) => (r.targetShare === null ? `${r.name}: ${formatShare(r.actualShare)}` : `${r.name}: ${formatShare(r.actualShare)} against a target of ${formatShare(r.targetShare)}`));
  return `Coverage chart, share of planned effort by pillar. ${parts.join('; ')}.`;
}

/** Target against actual share per pillar, as a bar chart with a table beside it for exact figures. */
export function CoverageChart({ coverage }: { coverage: Coverage }) {
  const data = coverage.rows.map((r) => ({ pillar: r.name, Target: r.targetShare ?? 0, Actual: r.actualShare }));
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} fz="lg">
            Planned effort by pillar
          </Title>
          <Text size="sm" c="dimmed">
            {formatEffort(coverage.totalEffort)} planned over {coverage.featureCount} features
            {coverage.unestimatedCount ? `, ${coverage.unestimatedCount} not estimated (counted as 0)` : ''}
          </Text>
        </Group>
        {coverage.targetTotal !== 100 && coverage.rows.length > 1 ? (
          <Text size="xs" c="dimmed">
            The pillars’ targets add up to {formatShare(coverage.targetTotal)}.
          </Text>
        ) : null}
        <div role="img" aria-label={coverageSummary(coverage)}>
          <BarChart
            h={Math.max(180, data.length * 56 + 40)}
            data={data}
            dataKey="pillar"
            orientation="vertical"
            yAxisProps={{ width: 150 }}
            valueFormatter={(v) => `${v}%`}
            withLegend
            series={[
              { name: 'Target', color: 'gray.5' },
              { name: 'Actual', color: 'indigo.6' },
            ]}
          />
        </div>
        <Table striped withTableBorder fz="sm" aria-label="Planned effort by pillar">
          <VisuallyHidden component="caption">Target and actual share of the planned effort per pillar</VisuallyHidden>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Pillar</Table.Th>
              <Table.Th scope="col" ta="right">
                Target
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Actual
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Gap
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Effort
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Features
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {coverage.rows.map((r) => (
              <Table.Tr key={r.pillarId ?? 'none'}>
                <Table.Th scope="row" fw={500}>
                  <Group gap={6} wrap="nowrap">
                    {r.name}
                    {r.status && r.status !== 'active' ? (
                      <Badge size="xs" variant="light" color="gray">
                        {r.status}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Th>
                <Table.Td ta="right">{r.targetShare === null ? '—' : formatShare(r.targetShare)}</Table.Td>
                <Table.Td ta="right">{formatShare(r.actualShare)}</Table.Td>
                <Table.Td ta="right">
                  {gapColor(r.gap) ? (
                    <Badge size="sm" variant="light" color={gapColor(r.gap)} title="More than 10 points off its target">
                      {formatGap(r.gap)}
                    </Badge>
                  ) : (
                    formatGap(r.gap)
                  )}
                </Table.Td>
                <Table.Td ta="right">{formatEffort(r.plannedEffort)}</Table.Td>
                <Table.Td ta="right">
                  {r.featureCount}
                  {r.unestimatedCount ? (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({r.unestimatedCount} unestimated)
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
