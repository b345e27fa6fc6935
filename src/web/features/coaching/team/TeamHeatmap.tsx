import { Box, Group, Paper, Table, Text, Title, Tooltip } from '@mantine/core';
import type { CoachingTeamView } from '../../../../shared/contracts.js';
import { AnchorLink } from '../../../components/links';
import { deltaColor, formatScore } from '../assessments/labels';

type Person = CoachingTeamView['people'][number];
type Cell = Person['cells'][number];

const LEGEND: { delta: number | null; label: string }[] = [
  { delta: 2, label: '2+ above' },
  { delta: 1, label: '1 above' },
  { delta: 0, label: 'At expectation' },
  { delta: -1, label: '1 below' },
  { delta: -2, label: '2+ below' },
  { delta: null, label: 'No rating or expectation' },
];

function cellWords(person: string, competency: string, c: Cell): string {
  if (c.rating === null) return `${person}, ${competency}: not rated${c.expected !== null ? `; the level expects ${c.expected}` : ''}`;
  const source = c.source === 'self' ? 'self rating, coach side not submitted' : 'coach rating';
  const vs = c.delta === null ? 'no expectation for the level' : c.delta === 0 ? `at the expected ${c.expected}` : `${Math.abs(c.delta)} ${c.delta > 0 ? 'above' : 'below'} the expected ${c.expected}`;
  return `${person}, ${competency}: ${c.rating} (${source}), ${vs}`;
}

/** The colour key of the heatmap; every cell also prints its number. */
export function HeatmapLegend() {
  return (
    <Group gap="md" wrap="wrap" aria-label="Heatmap legend" role="list">
      {LEGEND.map((l) => (
        <Group key={l.label} gap={6} role="listitem">
          <Box w={16} h={16} style={{ borderRadius: 4, background: deltaColor(l.delta), border: '1px solid var(--mantine-color-default-border)' }} aria-hidden />
          <Text size="xs">{l.label}</Text>
        </Group>
      ))}
      <Group gap={6} role="listitem">
        <Box w={16} h={16} style={{ borderRadius: 4, border: '1px dashed var(--mantine-color-dimmed)' }} aria-hidden />
        <Text size="xs">Dashed, with “s”: self rating only</Text>
      </Group>
    </Group>
  );
}

/**
 * Competencies across people: each cell the latest submitted rating (coach, else self) coloured by how
 * it stands against the person's level, with the number in it. A row's name opens their coaching page.
 */
export function TeamHeatmap({ workspaceId, view }: { workspaceId: string; view: CoachingTeamView }) {
  const names = new Map(view.competencies.map((c) => [c.competencyId, c.name]));
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap" gap="sm">
        <Title order={2} fz="md">
          Competency heatmap · {view.framework.name}
        </Title>
        <HeatmapLegend />
      </Group>
      <Table.ScrollContainer minWidth={220 + view.competencies.length * 48}>
        <Table withColumnBorders={false} verticalSpacing={4} horizontalSpacing={4} style={{ borderCollapse: 'separate', borderSpacing: 3 }}>
          <Table.Caption>
            Latest assessment with a submitted side per person, against the expectations of their level. Drafts are never shown.
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" style={{ verticalAlign: 'bottom', minWidth: 200 }}>
                Person
              </Table.Th>
              {view.competencies.map((c) => (
                <Table.Th key={c.competencyId} scope="col" style={{ verticalAlign: 'bottom', height: 176, width: 44, padding: 0 }}>
                  <Tooltip label={c.area ? `${c.name} · ${c.area}` : c.name} withArrow>
                    <Text
                      size="xs"
                      fw={600}
                      tabIndex={0}
                      style={{ writingMode: 'vertical-rl', transform: 'rotate(180deg)', whiteSpace: 'nowrap', margin: '0 auto', maxHeight: 172, overflow: 'hidden', textOverflow: 'ellipsis' }}
                    >
                      {c.name}
                    </Text>
                  </Tooltip>
                </Table.Th>
              ))}
              <Table.Th scope="col" style={{ verticalAlign: 'bottom' }}>
                Period
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.people.map((p) => (
              <Table.Tr key={p.personId}>
                <Table.Th scope="row" fw={500}>
                  <AnchorLink to="/w/$workspaceId/coaching/people/$personId" params={{ workspaceId, personId: p.personId }} fw={600} size="sm">
                    {p.name}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {p.level?.title ?? 'Not placed'}
                  </Text>
                </Table.Th>
                {p.cells.map((c) => {
                  const words = cellWords(p.name, names.get(c.competencyId) ?? '', c);
                  return (
                    <Table.Td key={c.competencyId} p={0}>
                      <Tooltip label={words} withArrow multiline w={260}>
                        <Box
                          tabIndex={0}
                          role="img"
                          aria-label={words}
                          h={36}
                          style={{
                            display: 'flex',
                            alignItems: 'center',
                            justifyContent: 'center',
                            borderRadius: 6,
                            background: deltaColor(c.rating === null ? null : c.delta),
                            border: c.source === 'self' ? '1px dashed var(--mantine-color-dimmed)' : '1px solid transparent',
                            fontVariantNumeric: 'tabular-nums',
                          }}
                        >
                          <Text size="sm" fw={600} c={c.rating === null ? 'dimmed' : undefined} aria-hidden>
                            {c.rating === null ? '—' : formatScore(c.rating)}
                            {c.source === 'self' ? (
                              <Text span size="xs" c="dimmed" fw={500}>
                                s
                              </Text>
                            ) : null}
                          </Text>
                        </Box>
                      </Tooltip>
                    </Table.Td>
                  );
                })}
                <Table.Td>
                  {p.assessment ? (
                    <AnchorLink to="/w/$workspaceId/coaching/assessments/$assessmentId" params={{ workspaceId, assessmentId: p.assessment.id }} size="sm">
                      {p.assessment.period}
                    </AnchorLink>
                  ) : (
                    <Text size="sm" c="dimmed">
                      None yet
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
