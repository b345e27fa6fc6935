import { ActionIcon, Avatar, Badge, Box, Button, Collapse, Group, Paper, SimpleGrid, Spoiler, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCash, IconChevronDown, IconChevronUp, IconPencil } from '@tabler/icons-react';
import type { Competency, CompetencyFramework, LadderLevel, LadderTrack } from '../../../../shared/contracts.js';
import { formatDate } from '../../../lib/format';
import { TRACK_COLORS, formatMoney, scaleLabel } from './labels';

const MAX_AVATARS = 5;

/** The people placed at a level: avatars with their names on hover, and the names in words for screen readers. */
function People({ people }: { people: LadderLevel['people'] }) {
  if (!people.length) {
    return (
      <Text size="xs" c="dimmed">
        Nobody at this level yet
      </Text>
    );
  }
  const names = people.map((p) => p.name).join(', ');
  return (
    <Group gap="xs" wrap="nowrap" role="group" aria-label={`People at this level: ${names}`}>
      <Tooltip.Group openDelay={200} closeDelay={100}>
        <Avatar.Group spacing="xs">
          {people.slice(0, MAX_AVATARS).map((p) => (
            <Tooltip key={p.id} label={p.name} withArrow>
              <Avatar size="sm" radius="xl" color="initials" name={p.name} aria-hidden />
            </Tooltip>
          ))}
          {people.length > MAX_AVATARS ? (
            <Tooltip label={people.slice(MAX_AVATARS).map((p) => p.name).join(', ')} withArrow>
              <Avatar size="sm" radius="xl" aria-hidden>
                +{people.length - MAX_AVATARS}
              </Avatar>
            </Tooltip>
          ) : null}
        </Avatar.Group>
      </Tooltip.Group>
      <Text size="xs" c="dimmed" lineClamp={1} aria-hidden>
        {names}
      </Text>
    </Group>
  );
}

/** The band of a level, for the roles that see salaries: range, midpoint, sample mark and source. */
function Salary({ salary }: { salary: NonNullable<LadderLevel['salary']> }) {
  const hasBand = salary.min !== null || salary.mid !== null || salary.max !== null;
  if (!hasBand) {
    return (
      <Group gap={6}>
        <IconCash size={16} aria-hidden color="var(--mantine-color-dimmed)" />
        <Text size="xs" c="dimmed">
          No salary band yet
        </Text>
      </Group>
    );
  }
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="wrap">
        <IconCash size={16} aria-hidden />
        <Text size="sm" fw={600}>
          {formatMoney(salary.min, salary.currency)} – {formatMoney(salary.max, salary.currency)}
        </Text>
        {salary.mid !== null ? (
          <Text size="sm" c="dimmed">
            midpoint {formatMoney(salary.mid, salary.currency)}
          </Text>
        ) : null}
        {salary.sample ? (
          <Tooltip label="Quoted in the reference text as an example; not advice. Editing the band removes this mark." withArrow multiline w={260}>
            <Badge size="sm" color="yellow" variant="light" tabIndex={0}>
              Sample figures
            </Badge>
          </Tooltip>
        ) : null}
      </Group>
      {salary.source || salary.effectiveOn ? (
        <Text size="xs" c="dimmed" lineClamp={2} title={salary.source}>
          {salary.effectiveOn ? `From ${formatDate(salary.effectiveOn)}. ` : ''}
          {salary.source}
        </Text>
      ) : null}
    </Stack>
  );
}

/** What the level expects on each competency of the default framework, folded away until asked for. */
function Expectations({ level, competencies, framework }: { level: LadderLevel; competencies: Competency[]; framework: CompetencyFramework }) {
  const [opened, { toggle }] = useDisclosure(false);
  const expected = new Map(level.expectations.map((e) => [e.competencyId, e.expected]));
  const rows = competencies.filter((c) => expected.has(c.id));
  if (!rows.length) return null;
  const id = `expectations-${level.id}`;
  return (
    <Box>
      <Button
        variant="subtle"
        size="compact-xs"
        px={0}
        onClick={toggle}
        aria-expanded={opened}
        aria-controls={id}
        rightSection={opened ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
      >
        Expected on {framework.name}
      </Button>
      <Collapse expanded={opened} id={id}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} verticalSpacing={2} mt={4} component="dl" m={0}>
          {rows.map((c) => (
            <Group key={c.id} gap={6} justify="space-between" wrap="nowrap">
              <Text component="dt" size="xs" c="dimmed" lineClamp={1}>
                {c.name}
              </Text>
              <Text component="dd" size="xs" fw={600} m={0} style={{ whiteSpace: 'nowrap' }}>
                {scaleLabel(framework.scale, expected.get(c.id)!)}
              </Text>
            </Group>
          ))}
        </SimpleGrid>
      </Collapse>
    </Box>
  );
}

/** One level of the ladder as a card: title, scope, description, band when visible, expectations and who stands there. */
export function LevelCard({
  level,
  onEdit,
  competencies = [],
  framework,
}: {
  level: LadderLevel;
  onEdit?: (level: LadderLevel) => void;
  competencies?: Competency[];
  framework?: CompetencyFramework;
}) {
  const color = TRACK_COLORS[level.track as LadderTrack] ?? 'gray';
  return (
    <Paper
      component="article"
      aria-labelledby={`level-${level.id}`}
      withBorder
      radius="md"
      p="md"
      h="100%"
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-filled)` }}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Box miw={0}>
            <Title order={3} fz="md" id={`level-${level.id}`}>
              {level.title}
            </Title>
            <Text size="xs" c="dimmed">
              Rank {level.rank}
            </Text>
          </Box>
          {onEdit ? (
            <Tooltip label={`Edit ${level.title}`} withArrow>
              <ActionIcon variant="subtle" color="gray" onClick={() => onEdit(level)} aria-label={`Edit ${level.title}`}>
                <IconPencil size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          ) : null}
        </Group>
        {level.scope ? (
          <Text size="sm" fw={500}>
            {level.scope}
          </Text>
        ) : null}
        {level.description ? (
          <Spoiler maxHeight={62} showLabel="Show more" hideLabel="Show less" styles={{ control: { fontSize: 'var(--mantine-font-size-xs)' } }}>
            <Text size="sm" c="dimmed">
              {level.description}
            </Text>
          </Spoiler>
        ) : null}
        {level.salary ? <Salary salary={level.salary} /> : null}
        {framework ? <Expectations level={level} competencies={competencies} framework={framework} /> : null}
        <People people={level.people} />
      </Stack>
    </Paper>
  );
}
