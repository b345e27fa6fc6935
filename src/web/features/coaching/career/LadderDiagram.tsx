import { Box, Divider, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowsSplit2 } from '@tabler/icons-react';
import type { Competency, CompetencyFramework, LadderLevel } from '../../../../shared/contracts.js';
import { LevelCard } from './LevelCard';

const byRankDesc = (a: LadderLevel, b: LadderLevel) => b.rank - a.rank || a.title.localeCompare(b.title);

function TrackHeading({ title, description, color }: { title: string; description: string; color: string }) {
  return (
    <Box pl="sm" style={{ borderLeft: `4px solid var(--mantine-color-${color}-filled)` }}>
      <Title order={2} fz="sm" tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }}>
        {title}
      </Title>
      <Text size="xs" c="dimmed">
        {description}
      </Text>
    </Box>
  );
}

const IC_HEADING = { title: 'Individual contributor track', description: 'More scope and craft, coaching without managing.', color: 'indigo' };
const MANAGEMENT_HEADING = { title: 'Management track', description: 'Leading people: hiring, growing and evaluating PMs.', color: 'teal' };

/**
 * The career ladder drawn as it is climbed: the shared trunk at the bottom, then the split into the
 * individual-contributor and management tracks, most senior at the top. Levels of the two tracks at
 * the same rank sit on the same row. On narrow screens each track is its own column, one after another.
 */
export function LadderDiagram({
  levels,
  onEdit,
  competencies,
  framework,
}: {
  levels: LadderLevel[];
  onEdit?: (level: LadderLevel) => void;
  /** The default framework and its competencies, to show each level's expectations. */
  competencies?: Competency[];
  framework?: CompetencyFramework;
}) {
  const shared = levels.filter((l) => l.track === 'shared').sort(byRankDesc);
  const ic = levels.filter((l) => l.track === 'ic').sort(byRankDesc);
  const management = levels.filter((l) => l.track === 'management').sort(byRankDesc);
  const ranks = [...new Set([...ic, ...management].map((l) => l.rank))].sort((a, b) => b - a);
  const row = (rank: number) => ranks.indexOf(rank) + 2;
  const card = (l: LadderLevel) => <LevelCard level={l} onEdit={onEdit} competencies={competencies} framework={framework} />;
  // Where a branch has no level at a rank below its first one, say where that branch starts instead of leaving a hole.
  const gaps = (track: LadderLevel[], other: LadderLevel[], column: 1 | 2) => {
    const first = track[track.length - 1];
    if (!first) return [];
    return [...new Set(other.map((l) => l.rank))]
      .filter((rank) => rank < first.rank && !track.some((l) => l.rank === rank))
      .map((rank) => (
        <Box
          key={`gap-${column}-${rank}`}
          p="md"
          style={{ gridColumn: column, gridRow: row(rank), border: '1px dashed var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)', alignSelf: 'start' }}
        >
          <Text size="xs" c="dimmed">
            {column === 2
              ? `The management track starts at ${first.title}, for those who choose to lead people rather than grow as individual contributors.`
              : `The individual-contributor track starts at ${first.title}.`}
          </Text>
        </Box>
      ));
  };

  return (
    <Stack gap="lg">
      {ranks.length ? (
        <>
          {/* Wide screens: one grid, the two tracks side by side and aligned by rank. */}
          <Box visibleFrom="sm" style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 'var(--mantine-spacing-lg)', rowGap: 'var(--mantine-spacing-md)' }}>
            <Box style={{ gridColumn: 1, gridRow: 1 }}>
              <TrackHeading {...IC_HEADING} />
            </Box>
            <Box style={{ gridColumn: 2, gridRow: 1 }}>
              <TrackHeading {...MANAGEMENT_HEADING} />
            </Box>
            {ic.map((l) => (
              <Box key={l.id} style={{ gridColumn: 1, gridRow: row(l.rank) }}>
                {card(l)}
              </Box>
            ))}
            {management.map((l) => (
              <Box key={l.id} style={{ gridColumn: 2, gridRow: row(l.rank) }}>
                {card(l)}
              </Box>
            ))}
            {gaps(ic, management, 1)}
            {gaps(management, ic, 2)}
          </Box>
          {/* Narrow screens: each track in turn. */}
          <Stack hiddenFrom="sm" gap="md">
            {ic.length ? <TrackHeading {...IC_HEADING} /> : null}
            {ic.map((l) => (
              <Box key={l.id}>{card(l)}</Box>
            ))}
            {management.length ? <TrackHeading {...MANAGEMENT_HEADING} /> : null}
            {management.map((l) => (
              <Box key={l.id}>{card(l)}</Box>
            ))}
          </Stack>
          {shared.length ? (
            <Divider
              labelPosition="center"
              label={
                <Group gap={6}>
                  <ThemeIcon size="sm" variant="light" color="gray" radius="xl">
                    <IconArrowsSplit2 size={14} aria-hidden />
                  </ThemeIcon>
                  <Text size="xs" c="dimmed">
                    The path splits after {shared[0]!.title}: stay an individual contributor, or start leading people
                  </Text>
                </Group>
              }
            />
          ) : null}
        </>
      ) : null}
      {shared.length ? (
        <Stack gap="md">
          <TrackHeading title="Shared trunk" description="Every product manager climbs these levels first." color="gray" />
          <Box style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: 'var(--mantine-spacing-md)' }} maw={{ base: '100%', sm: '75%' }} mx="auto" w="100%">
            {shared.map((l) => (
              <Box key={l.id}>{card(l)}</Box>
            ))}
          </Box>
        </Stack>
      ) : null}
    </Stack>
  );
}
