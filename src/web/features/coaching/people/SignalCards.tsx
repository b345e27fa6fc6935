import { BarChart } from '@mantine/charts';
import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight, IconClockHour4 } from '@tabler/icons-react';
import type { CoachingSignal } from '../../../../shared/contracts.js';
import { formatRelative } from '../../../lib/format';

/** The change against the previous period, as an arrow, a signed figure and words for screen readers. */
function Trend({ now, before }: { now: number; before: number }) {
  const delta = now - before;
  const Icon = delta > 0 ? IconArrowUpRight : delta < 0 ? IconArrowDownRight : IconArrowRight;
  const color = delta > 0 ? 'teal' : delta < 0 ? 'orange' : 'dimmed';
  const words = delta === 0 ? 'same as the previous period' : `${delta > 0 ? 'up' : 'down'} ${Math.abs(delta)} on the previous period (${before})`;
  return (
    <Tooltip label={`Previous period: ${before}`} withArrow>
      <Group gap={2} c={color} role="img" aria-label={words} tabIndex={0} style={{ cursor: 'default' }}>
        <Icon size={16} aria-hidden />
        <Text size="xs" fw={600} c={color} aria-hidden>
          {delta === 0 ? '±0' : `${delta > 0 ? '+' : '−'}${Math.abs(delta)}`}
        </Text>
      </Group>
    </Tooltip>
  );
}

/** "Last on 3 Mar": the most recent occurrence, which the insights read for quiet spells. */
function LastAt({ at }: { at: string | null }) {
  return (
    <Group gap={4} c="dimmed">
      <IconClockHour4 size={14} aria-hidden />
      <Text size="xs" c="dimmed">
        {at ? `Last ${formatRelative(at.length === 10 ? `${at}T12:00:00Z` : at)}` : 'Never yet'}
      </Text>
    </Group>
  );
}

function Competencies({ signal }: { signal: CoachingSignal }) {
  return (
    <Group gap={4} mt="auto">
      {signal.competencies.map((c) => (
        <Badge key={c.key} size="xs" variant="light" color={signal.available ? 'indigo' : 'gray'} tt="none">
          {c.name}
        </Badge>
      ))}
    </Group>
  );
}

/** One signal: its count, its quality share, the trend and the competencies it speaks to. */
function SignalCard({ signal }: { signal: CoachingSignal }) {
  if (!signal.available) {
    return (
      <Paper withBorder radius="md" p="md" bg="var(--mantine-color-default-hover)" style={{ borderStyle: 'dashed' }} role="group" aria-label={`${signal.label}: not available yet`}>
        <Stack gap={6} h="100%">
          <Text size="sm" fw={600} c="dimmed">
            {signal.label}
          </Text>
          <Text size="sm" c="dimmed">
            Not available yet — arrives with the {signal.availableWith ?? 'upcoming'} module.
          </Text>
          <Competencies signal={signal} />
        </Stack>
      </Paper>
    );
  }
  const count = signal.count ?? 0;
  const quality = signal.quality;
  const share = quality && count > 0 ? Math.round((quality.count / count) * 100) : null;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap={6} h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={600}>
            {signal.label}
          </Text>
          {signal.previous ? <Trend now={count} before={signal.previous.count} /> : null}
        </Group>
        <Text fz={30} fw={700} lh={1}>
          {count}
        </Text>
        {quality ? (
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {quality.count} {quality.label}
              {share !== null ? ` (${share}%)` : ''}
            </Text>
            <Progress value={share ?? 0} size="sm" color="teal" aria-label={`${quality.count} of ${count} ${quality.label}`} />
          </Stack>
        ) : null}
        <LastAt at={signal.lastAt} />
        <Competencies signal={signal} />
      </Stack>
    </Paper>
  );
}

/** Every signal as a card, the unavailable ones greyed (never a zero), and a chart of this period against the last. */
export function SignalCards({ signals }: { signals: CoachingSignal[] }) {
  const measured = signals.filter((s) => s.available);
  const chart = measured.map((s) => ({ signal: s.label, 'This period': s.count ?? 0, 'Previous period': s.previous?.count ?? 0 }));
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        {signals.map((s) => (
          <SignalCard key={s.key} signal={s} />
        ))}
      </SimpleGrid>
      {measured.some((s) => (s.count ?? 0) > 0 || (s.previous?.count ?? 0) > 0) ? (
        <Paper withBorder radius="md" p="md">
          <Title order={3} fz="sm" mb="sm">
            This period against the previous one
          </Title>
          <div role="img" aria-label={`Counts this period against the previous period: ${chart.map((c) => `${c.signal} ${c['This period']} (was ${c['Previous period']})`).join('; ')}`}>
            <BarChart
              h={Math.max(160, chart.length * 48 + 40)}
              data={chart}
              dataKey="signal"
              orientation="vertical"
              yAxisProps={{ width: 190 }}
              withLegend
              series={[
                { name: 'This period', color: 'indigo.6' },
                { name: 'Previous period', color: 'gray.5' },
              ]}
            />
          </div>
        </Paper>
      ) : null}
    </Stack>
  );
}
