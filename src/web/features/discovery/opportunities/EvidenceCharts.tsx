import { AreaChart, BarChart } from '@mantine/charts';
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { SOURCE_LABELS, formatMoneyCompact } from '../labels';
import type { FeedbackSource, OpportunityDetail } from '../types';

const monthFmt = new Intl.DateTimeFormat('en', { month: 'short', year: '2-digit', timeZone: 'UTC' });

function monthLabel(month: string): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? month : monthFmt.format(d);
}

/** One chart in a card, described for screen readers, or a word when there is nothing to chart. */
function ChartCard({ title, label, empty, children }: { title: string; label: string; empty: boolean; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={3} fz="sm" mb="sm">
        {title}
      </Title>
      {empty ? (
        <Text size="sm" c="dimmed">
          No evidence yet.
        </Text>
      ) : (
        <div role="img" aria-label={label}>
          {children}
        </div>
      )}
    </Paper>
  );
}

/** ARR by segment, feedback by source, and the monthly trend of an opportunity's evidence. */
export function EvidenceCharts({ evidence }: { evidence: OpportunityDetail['evidence'] }) {
  const bySegment = evidence.bySegment.map((s) => ({ segment: s.segment ?? 'No segment', ARR: Number(s.arr), Feedback: s.feedbackCount }));
  const bySource = evidence.bySource.map((s) => ({ source: SOURCE_LABELS[s.source as FeedbackSource] ?? s.source, Feedback: s.feedbackCount, Customers: s.customerCount }));
  const trend = evidence.trend.map((t) => ({ month: monthLabel(t.month), Feedback: t.feedbackCount }));
  const barHeight = (n: number) => Math.max(140, n * 40 + 40);

  return (
    <SimpleGrid cols={{ base: 1, lg: 3 }}>
      <ChartCard title="ARR by segment" label="Customer ARR behind the evidence, by segment" empty={bySegment.length === 0}>
        <BarChart
          h={barHeight(bySegment.length)}
          data={bySegment}
          dataKey="segment"
          orientation="vertical"
          yAxisProps={{ width: 110 }}
          valueFormatter={(v) => formatMoneyCompact(v)}
          series={[{ name: 'ARR', color: 'indigo.6' }]}
        />
      </ChartCard>
      <ChartCard title="Feedback by source" label="Linked feedback by source" empty={bySource.length === 0}>
        <BarChart
          h={barHeight(bySource.length)}
          data={bySource}
          dataKey="source"
          orientation="vertical"
          yAxisProps={{ width: 130 }}
          series={[{ name: 'Feedback', color: 'teal.6' }]}
        />
      </ChartCard>
      <ChartCard title="Trend by month" label="Linked feedback per month" empty={trend.length === 0}>
        <AreaChart
          h={200}
          data={trend}
          dataKey="month"
          curveType="monotone"
          series={[{ name: 'Feedback', color: 'indigo.6' }]}
          withDots={trend.length < 24}
        />
      </ChartCard>
    </SimpleGrid>
  );
}
