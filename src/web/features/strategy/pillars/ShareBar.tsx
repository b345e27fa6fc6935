import { Box, Group, Text, Tooltip } from '@mantine/core';

const fmt = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)} %`;

/**
 * A pillar's actual share of the planned effort as a bar, with its target marked by a line. Screen
 * readers get the two figures and how far apart they are as text.
 */
export function ShareBar({ target, actual, active }: { target: number; actual: number | null; active: boolean }) {
  const shown = actual ?? 0;
  const gap = actual === null ? null : Math.round((actual - target) * 10) / 10;
  const tone = !active ? 'gray' : gap === null ? 'gray' : Math.abs(gap) <= 5 ? 'teal' : gap < 0 ? 'orange' : 'blue';
  const summary =
    actual === null
      ? `Target ${fmt(target)} of the planned effort; nothing is planned in the product yet.`
      : `Target ${fmt(target)}, actual ${fmt(actual)} of the planned effort${gap === 0 ? ', on target' : `, ${fmt(Math.abs(gap!))} ${gap! < 0 ? 'below' : 'above'} target`}.`;
  return (
    <Box>
      <Group justify="space-between" gap="xs" mb={4}>
        <Text size="xs" c="dimmed">
          Actual <b>{actual === null ? '—' : fmt(actual)}</b>
        </Text>
        <Text size="xs" c="dimmed">
          Target <b>{fmt(target)}</b>
        </Text>
      </Group>
      <Tooltip label={summary} multiline w={260}>
        <Box
          aria-hidden
          pos="relative"
          h={12}
          style={{ borderRadius: 6, background: 'var(--mantine-color-default-border)', overflow: 'visible' }}
        >
          <Box h="100%" w={`${Math.min(100, shown)}%`} style={{ borderRadius: 6, background: `var(--mantine-color-${tone}-filled)`, transition: 'width 200ms ease' }} />
          <Box
            pos="absolute"
            top={-3}
            h={18}
            w={3}
            style={{ left: `calc(${Math.min(100, target)}% - 1.5px)`, borderRadius: 2, background: 'var(--mantine-color-text)' }}
          />
        </Box>
      </Tooltip>
      <Text className="sr-only" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' }}>
        {summary}
      </Text>
    </Box>
  );
}
