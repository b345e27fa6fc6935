import { Badge, Button, Group, Paper, SegmentedControl, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import {
  conflictLine,
  declineLine,
  keyResultLine,
  movedLine,
  shippedLine,
  slippedLine,
  type StatusFacts,
  type StatusHealth,
} from '../../../../shared/contracts.js';
import { MarkdownView } from '../../features/MarkdownView';

export const HEALTH_LABEL: Record<StatusHealth, string> = { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' };
export const HEALTH_COLOR: Record<StatusHealth, string> = { on_track: 'teal', at_risk: 'yellow', off_track: 'red' };
export const HEALTH_OPTIONS = (Object.keys(HEALTH_LABEL) as StatusHealth[]).map((value) => ({ value, label: HEALTH_LABEL[value] }));

export function HealthBadge({ health }: { health: StatusHealth }) {
  return (
    <Badge color={HEALTH_COLOR[health]} variant="light" aria-label={`Health: ${HEALTH_LABEL[health]}`}>
      {HEALTH_LABEL[health]}
    </Badge>
  );
}

/** A Markdown field with a Write / Preview switch. */
export function MarkdownField({ label, value, onChange, error, minRows = 3, required }: { label: string; value: string; onChange: (v: string) => void; error?: string; minRows?: number; required?: boolean }) {
  const [tab, setTab] = useState<string | null>('write');
  return (
    <Stack gap={4}>
      <Tabs value={tab} onChange={setTab} variant="pills" radius="sm">
        <Group justify="space-between" align="center">
          <Text size="sm" fw={500} component="span">
            {label}
            {required ? ' *' : ''}
          </Text>
          <Tabs.List aria-label={`${label}: write or preview`}>
            <Tabs.Tab value="write" size="xs">
              Write
            </Tabs.Tab>
            <Tabs.Tab value="preview" size="xs">
              Preview
            </Tabs.Tab>
          </Tabs.List>
        </Group>
        <Tabs.Panel value="write" pt={4}>
          <Textarea aria-label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)} autosize minRows={minRows} maxRows={12} error={error} required={required} />
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt={4}>
          <Paper withBorder p="sm" radius="sm" mih={60}>
            {value.trim() ? <MarkdownView label={`${label} preview`}>{value}</MarkdownView> : <Text c="dimmed" size="sm">Nothing to preview.</Text>}
          </Paper>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export type InsertTarget = 'highlights' | 'risks' | 'asks';

interface FactLine {
  key: string;
  text: string;
  suggested: InsertTarget;
}

/** Every fact as the Markdown line it inserts, with the section it fits best. */
export function factLines(facts: StatusFacts): { title: string; lines: FactLine[] }[] {
  return [
    { title: 'Shipped', lines: facts.shipped.map((f) => ({ key: `s${f.id}`, text: shippedLine(f), suggested: 'highlights' as const })) },
    { title: 'Moved', lines: facts.moved.map((f, i) => ({ key: `m${f.id}${i}`, text: movedLine(f), suggested: 'highlights' as const })) },
    { title: 'Slipped', lines: facts.slipped.map((f) => ({ key: `l${f.id}`, text: slippedLine(f), suggested: 'risks' as const })) },
    {
      title: 'Key results',
      lines: facts.keyResults.map((f) => ({ key: `k${f.id}`, text: keyResultLine(f), suggested: f.status === 'at_risk' || f.status === 'off_track' ? ('risks' as const) : ('highlights' as const) })),
    },
    { title: 'Dependency conflicts', lines: facts.conflicts.map((f) => ({ key: `c${f.dependencyId}`, text: conflictLine(f), suggested: 'risks' as const })) },
    { title: 'Declines', lines: facts.declines.map((f) => ({ key: `d${f.id}`, text: declineLine(f), suggested: 'highlights' as const })) },
  ].filter((g) => g.lines.length > 0);
}

/** The facts a draft came from, each line insertable into the chosen section. */
export function FactsPanel({ facts, onInsert }: { facts: StatusFacts; onInsert: (target: InsertTarget, line: string) => void }) {
  const [target, setTarget] = useState<InsertTarget | 'auto'>('auto');
  const groups = factLines(facts);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="facts-title">
      <Stack gap="sm">
        <Title order={2} fz="md" id="facts-title">
          Live facts
        </Title>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" id="insert-into">
            Insert into
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby="insert-into"
            value={target}
            onChange={(v) => setTarget(v as InsertTarget | 'auto')}
            data={[
              { value: 'auto', label: 'Best fit' },
              { value: 'highlights', label: 'Highlights' },
              { value: 'risks', label: 'Risks' },
              { value: 'asks', label: 'Asks' },
            ]}
          />
        </Stack>
        {groups.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing recorded in this period: no feature shipped, moved or slipped, no key result check-in, conflict or decline.
          </Text>
        ) : (
          groups.map((g) => (
            <Stack key={g.title} gap={4}>
              <Text size="sm" fw={600}>
                {g.title}
              </Text>
              {g.lines.map((l) => (
                <Group key={l.key} gap="xs" wrap="nowrap" align="flex-start">
                  <Button
                    size="compact-xs"
                    variant="light"
                    leftSection={<IconPlus size={12} aria-hidden />}
                    aria-label={`Insert into ${target === 'auto' ? l.suggested : target}: ${l.text.replace(/^- /, '').replace(/\*\*/g, '')}`}
                    onClick={() => onInsert(target === 'auto' ? l.suggested : target, l.text)}
                  >
                    Insert
                  </Button>
                  <Text size="sm" style={{ minWidth: 0 }}>
                    {l.text.replace(/^- /, '').replace(/\*\*/g, '')}
                  </Text>
                </Group>
              ))}
            </Stack>
          ))
        )}
      </Stack>
    </Paper>
  );
}
