import { ActionIcon, Badge, Button, Group, MultiSelect, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { SIGNAL_KEYS, type SignalKey } from '../../../../shared/coaching.js';
import { CAREER_LIMITS } from '../../../../shared/contracts.js';
import { ErrorState, LoadingRows } from '../../../components/QueryState';
import { notifyError, notifySuccess, showFormError } from '../../../lib/errors';
import { SIGNAL_LABELS } from './labels';
import { useCreateQuestion, useDeleteQuestion, useQuestions } from './use-frameworks';

/** A competency's Socratic questions, with the signals each probes; managers add and remove questions. */
export function QuestionBank({ workspaceId, competencyId, competencyName, canManage }: { workspaceId: string; competencyId: string; competencyName: string; canManage: boolean }) {
  const questions = useQuestions(workspaceId, competencyId, true);
  const create = useCreateQuestion(workspaceId, competencyId);
  const del = useDeleteQuestion(workspaceId);
  const form = useForm({
    initialValues: { text: '', signals: [] as string[] },
    validate: {
      text: (v) => (!v.trim() ? 'Write the question.' : v.trim().endsWith('?') ? null : 'Make it a question (end with “?”): the bank asks, it does not answer.'),
    },
  });

  const submit = form.onSubmit((v) =>
    create.mutate(
      { text: v.text.trim(), signals: v.signals as SignalKey[] },
      { onSuccess: () => (notifySuccess('Question added to the bank.'), form.reset()), onError: (e) => showFormError(form, e, 'Could not add the question') },
    ),
  );

  if (questions.isPending) return <LoadingRows rows={3} height={24} />;
  if (questions.isError) return <ErrorState error={questions.error} onRetry={() => void questions.refetch()} />;

  return (
    <Stack gap="sm">
      {questions.data.items.length ? (
        <Stack component="ol" gap={6} m={0} pl="lg" aria-label={`Questions for ${competencyName}`}>
          {questions.data.items.map((q) => (
            <li key={q.id}>
              <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
                <Stack gap={2} miw={0}>
                  <Text size="sm">{q.text}</Text>
                  {q.signals.length ? (
                    <Group gap={4}>
                      {q.signals.map((s) => (
                        <Badge key={s} size="xs" variant="light" color="gray">
                          {SIGNAL_LABELS[s as SignalKey] ?? s}
                        </Badge>
                      ))}
                    </Group>
                  ) : null}
                </Stack>
                {canManage ? (
                  <Tooltip label="Remove from the bank" withArrow>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={`Remove the question “${q.text}”`}
                      loading={del.isPending && del.variables === q.id}
                      onClick={() => del.mutate(q.id, { onSuccess: () => notifySuccess('Question removed.'), onError: (e) => notifyError(e, 'Could not remove the question') })}
                    >
                      <IconTrash size={14} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                ) : null}
              </Group>
            </li>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          No questions yet. Good ones make the PM reason: “What would have to be true for…?”, “How did you learn…?”
        </Text>
      )}
      {canManage ? (
        <form onSubmit={submit}>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              flex={1}
              miw={240}
              label="New question"
              placeholder="What would have to be true for…?"
              maxLength={CAREER_LIMITS.questionMax}
              {...form.getInputProps('text')}
            />
            <MultiSelect
              w={260}
              label="Signals it probes"
              placeholder="Optional"
              data={SIGNAL_KEYS.map((s) => ({ value: s, label: SIGNAL_LABELS[s] }))}
              clearable
              {...form.getInputProps('signals')}
            />
            <Button type="submit" variant="light" loading={create.isPending}>
              Add question
            </Button>
          </Group>
        </form>
      ) : null}
    </Stack>
  );
}
