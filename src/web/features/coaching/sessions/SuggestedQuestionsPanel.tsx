import { Badge, Button, Group, Paper, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconActivity, IconChartRadar, IconCompass, IconMessageQuestion } from '@tabler/icons-react';
import type { CoachingSessionDetail, SuggestedQuestion } from '../../../../shared/contracts.js';
import { notifyError } from '../../../lib/errors';
import { useAskQuestion } from './use-sessions';

const SOURCE = {
  gap: { icon: IconChartRadar, color: 'orange', label: 'From an assessment gap' },
  signal: { icon: IconActivity, color: 'cyan', label: 'From their recent work in Sextant' },
  framework: { icon: IconCompass, color: 'gray', label: 'From the competency framework' },
} as const;

function Suggestion({ q, onAsk, asking, cta }: { q: SuggestedQuestion; onAsk: () => void; asking: boolean; cta: string }) {
  const source = SOURCE[q.source];
  const Icon = source.icon;
  return (
    <Paper withBorder radius="sm" p="sm">
      <Stack gap={6}>
        <Badge size="sm" variant="light" color="gray" style={{ alignSelf: 'flex-start' }}>
          {q.competencyName}
        </Badge>
        <Text size="sm" fw={550}>
          {q.text}
        </Text>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Tooltip label={source.label}>
            <ThemeIcon size={18} variant="light" color={source.color} radius="xl" aria-label={source.label} role="img">
              <Icon size={12} aria-hidden />
            </ThemeIcon>
          </Tooltip>
          <Text size="xs" c="dimmed">
            {q.reason}
          </Text>
        </Group>
        <Group justify="flex-end">
          <Button size="xs" variant="light" onClick={onAsk} loading={asking} aria-label={`${cta}: ${q.text}`}>
            {cta}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * Questions Sextant suggests for this 1:1, each with the reason it was picked. Asking one adds it to
 * the reasoning journal for the coachee to answer; it then leaves the suggestions.
 */
export function SuggestedQuestionsPanel({ workspaceId, session }: { workspaceId: string; session: CoachingSessionDetail }) {
  const ask = useAskQuestion(workspaceId, session.id);
  const isCoach = session.myRole === 'coach';
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="suggested-title">
      <Group gap="xs" mb={4}>
        <IconMessageQuestion size={18} aria-hidden />
        <Title order={2} fz="md" id="suggested-title">
          Suggested questions
        </Title>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {isCoach
          ? `Open questions that make ${session.coachee.name} reason, picked from their gaps and recent work. Ask rather than tell.`
          : 'Questions worth thinking through before or during the session, picked from your gaps and recent work.'}
      </Text>
      {session.suggestedQuestions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No suggestions right now: the question bank has nothing new for this session. Ask your own question in the journal.
        </Text>
      ) : (
        <Stack gap="xs">
          {session.suggestedQuestions.map((q) => (
            <Suggestion
              key={q.questionId}
              q={q}
              cta={isCoach ? 'Ask' : 'Add to journal'}
              asking={ask.isPending && ask.variables?.questionId === q.questionId}
              onAsk={() =>
                ask.mutate({ question: q.text, questionId: q.questionId, competencyId: q.competencyId }, { onError: (e) => notifyError(e, 'Could not add the question') })
              }
            />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
