import { LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { KeyResultCheckIn } from '../../../../shared/contracts.js';
import { formatDate } from '../../../lib/format';

/** What the chart shows, in words, for screen readers (and the browser test). */
export function chartSummary(title: string, checkIns: readonly KeyResultCheckIn[]): string {
  if (!checkIns.length) return `No check-ins on ${title} yet.`;
  const points = checkIns.map((c) => `${formatDate(c.at)}: ${Math.round(c.progress * 100)} % progress, confidence ${c.confidence}/10`);
  return `Progress and confidence of ${title} over ${checkIns.length} check-in${checkIns.length === 1 ? '' : 's'}. ${points.join('; ')}.`;
}

/** Progress (%) and confidence (0-10, on a right axis) over time, one point per check-in. */
export function KeyResultChart({ title, checkIns }: { title: string; checkIns: readonly KeyResultCheckIn[] }) {
  if (!checkIns.length) {
    return (
      <Text size="sm" c="dimmed">
        The chart starts with the first check-in.
      </Text>
    );
  }
  const data = checkIns.map((c) => ({ at: formatDate(c.at), Progress: Math.round(c.progress * 100), Confidence: c.confidence }));
  return (
    <div role="img" aria-label={chartSummary(title, checkIns)} data-chart="key-result" data-points={checkIns.length}>
      <LineChart
        h={200}
        data={data}
        dataKey="at"
        series={[
          { name: 'Progress', color: 'indigo.5', label: 'Progress (%)' },
          { name: 'Confidence', color: 'orange.5', yAxisId: 'right', label: 'Confidence (0-10)' },
        ]}
        withRightYAxis
        yAxisProps={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100] }}
        rightYAxisProps={{ domain: [0, 10], ticks: [0, 2, 4, 6, 8, 10] }}
        withLegend
        withDots
        curveType="linear"
      />
    </div>
  );
}
