import { Badge, Button, Group, List, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconBulb, IconPlus } from '@tabler/icons-react';
import type { LearningType } from '../../../../shared/coaching.js';
import type { LearningSuggestion } from '../../../../shared/contracts.js';
import { ErrorState, LoadingRows } from '../../../components/QueryState';
import { LEARNING_TYPE_COLORS, LEARNING_TYPE_LABELS, formatDay } from './labels';
import { useLearningSuggestions } from './use-learning';

function ratingLine(s: LearningSuggestion): string {
  const parts = [s.expected !== null ? `level expects ${s.expected}` : null, s.coach !== null ? `coach rates ${s.coach}` : null, s.self !== null ? `self ${s.self}` : null];
  return parts.filter(Boolean).join(' · ');
}

/** "What to learn next": the biggest gaps, the kind of resource that fits each, and why. */
export function SuggestionsPanel({
  workspaceId,
  personId,
  personLabel,
  canLog,
  onLog,
}: {
  workspaceId: string;
  /** Whose suggestions; null when no one is chosen, undefined while the caller is not known yet. */
  personId: string | null | undefined;
  personLabel: string;
  canLog: boolean;
  onLog: (s: { competencyId: string; type: LearningType }) => void;
}) {
  const suggestions = useLearningSuggestions(workspaceId, personId ?? null);
  let body;
  if (personId === undefined) body = <LoadingRows rows={3} height={64} />;
  else if (!personId) {
    body = (
      <Text size="sm" c="dimmed">
        Choose a person in “Whose log” to see their biggest gaps, the kind of resource that fits each, and what they already studied.
      </Text>
    );
  } else if (suggestions.isPending) body = <LoadingRows rows={3} height={64} />;
  else if (suggestions.isError) body = <ErrorState error={suggestions.error} onRetry={() => void suggestions.refetch()} title="Could not load suggestions" />;
  else {
    const s = suggestions.data;
    body = (
      <Stack gap="md">
        {s.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {s.basis === 'assessment'
              ? 'No competency is below what the level expects in the latest assessment. Keep current, and pick a bigger challenge.'
              : s.basis === 'unavailable'
                ? 'Assessments cannot be read right now, so there are no gaps to suggest from. Try again later.'
                : `No submitted assessment with ratings against a level yet. Once ${personLabel === 'you' ? 'you or your coach submit one' : 'one is submitted'}, the biggest gaps show here.`}
          </Text>
        ) : (
          s.items.map((item) => (
            <Stack key={item.competencyId} gap={6}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={0} miw={0}>
                  <Text fw={600} size="sm">
                    {item.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {item.gap > 0 ? `${item.gap} below expectation` : 'At expectation'}
                    {ratingLine(item) ? ` · ${ratingLine(item)}` : ''}
                  </Text>
                </Stack>
                <Badge size="sm" variant="light" color={item.kind === 'judgement' ? 'grape' : 'indigo'} component="span" style={{ flexShrink: 0, overflow: 'visible' }}>
                  {item.kind === 'judgement' ? 'Judgement' : 'Technique'}
                </Badge>
              </Group>
              <Group gap={4}>
                {item.suggestedTypes.map((t) => (
                  <Badge key={t} size="sm" color={LEARNING_TYPE_COLORS[t]} component="span">
                    {LEARNING_TYPE_LABELS[t]}
                  </Badge>
                ))}
              </Group>
              <Text size="sm">{item.why}</Text>
              {item.pastEntries.length ? (
                <Stack gap={2}>
                  <Text size="xs" c="dimmed" fw={600}>
                    Already logged
                  </Text>
                  <List size="xs" spacing={2}>
                    {item.pastEntries.map((p) => (
                      <List.Item key={p.id}>
                        {p.resource} ({LEARNING_TYPE_LABELS[p.type].toLowerCase()}, {formatDay(p.learnedOn)})
                      </List.Item>
                    ))}
                  </List>
                </Stack>
              ) : null}
              {canLog ? (
                <Group>
                  <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} aria-hidden />} onClick={() => onLog({ competencyId: item.competencyId, type: item.suggestedTypes[0]! })}>
                    Log learning on {item.name}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          ))
        )}
        <Tooltip label="From the product lead role's advice on continuous learning" multiline w={260}>
          <Text size="xs" c="dimmed" tabIndex={0}>
            {s.advice}
          </Text>
        </Tooltip>
      </Stack>
    );
  }
  return (
    <Paper withBorder radius="md" p="md">
      <Group gap="xs" mb="sm">
        <IconBulb size={18} aria-hidden />
        <Title order={2} fz="md">
          What to learn next{personId && personLabel !== 'you' ? ` for ${personLabel}` : ''}
        </Title>
      </Group>
      {body}
    </Paper>
  );
}
