import { ActionIcon, Badge, Button, Group, Menu, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { CoachingJournalEntry, CoachingSessionDetail } from '../../../../shared/contracts.js';
import { COACHING_SESSION_LIMITS } from '../../../../shared/contracts.js';
import { AnchorLink } from '../../../components/links';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { formatRelative } from '../../../lib/format';
import { useAskQuestion, useDeleteJournalEntry, useUpdateJournalEntry } from './use-sessions';

/** The coachee's answer: editable by them, read-only for the coach. */
function Answer({ workspaceId, session, entry }: { workspaceId: string; session: CoachingSessionDetail; entry: CoachingJournalEntry }) {
  const update = useUpdateJournalEntry(workspaceId, session.id);
  const [value, setValue] = useState(entry.answer);
  // A newer version from the server (a save, a refetch after the other person's edit) replaces the draft.
  const [seenVersion, setSeenVersion] = useState(entry.version);
  if (seenVersion !== entry.version) {
    setSeenVersion(entry.version);
    setValue(entry.answer);
  }
  const dirty = value.trim() !== entry.answer;

  if (session.myRole === 'coach') {
    return entry.answer ? (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {entry.answer}
      </Text>
    ) : (
      <Text size="sm" c="dimmed" fs="italic">
        Waiting for {session.coachee.name}’s answer.
      </Text>
    );
  }
  const save = () =>
    update.mutate({ entryId: entry.id, version: entry.version, answer: value.trim() }, { onSuccess: () => notifySuccess('Answer saved.'), onError: (e) => notifyError(e, 'Could not save your answer') });
  return (
    <Stack gap={6}>
      <Textarea
        label="Your answer"
        description="Think out loud: how you reason matters more than being right."
        autosize
        minRows={2}
        maxRows={12}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        maxLength={COACHING_SESSION_LIMITS.answerMax}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey) && dirty) save();
        }}
      />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {entry.answeredAt ? `Saved ${formatRelative(entry.answeredAt)}` : 'Not answered yet'}
        </Text>
        <Group gap="xs">
          {dirty ? (
            <Button size="xs" variant="subtle" color="gray" onClick={() => setValue(entry.answer)}>
              Discard
            </Button>
          ) : null}
          <Button size="xs" onClick={save} disabled={!dirty} loading={update.isPending} title="Save (Ctrl+Enter)">
            Save answer
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

function Entry({ workspaceId, session, entry, index }: { workspaceId: string; session: CoachingSessionDetail; entry: CoachingJournalEntry; index: number }) {
  const update = useUpdateJournalEntry(workspaceId, session.id);
  const remove = useDeleteJournalEntry(workspaceId);
  const [editing, setEditing] = useState(false);
  const [question, setQuestion] = useState(entry.question);
  const isCoach = session.myRole === 'coach';

  const saveQuestion = () =>
    update.mutate(
      { entryId: entry.id, version: entry.version, question: question.trim() },
      { onSuccess: () => setEditing(false), onError: (e) => notifyError(e, 'Could not rephrase the question') },
    );
  const confirmRemove = () =>
    modals.openConfirmModal({
      title: 'Remove this question?',
      children: <Text size="sm">The question {entry.answer ? `and ${session.coachee.name}’s answer are` : 'is'} removed from the journal. This cannot be undone.</Text>,
      labels: { confirm: 'Remove', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(entry.id, { onError: (e) => notifyError(e, 'Could not remove the question') }),
    });

  return (
    <Paper withBorder radius="sm" p="sm" component="article" aria-label={`Question ${index + 1}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          {editing ? (
            <Stack gap={6} flex={1}>
              <Textarea label="Question" autosize minRows={1} value={question} onChange={(e) => setQuestion(e.currentTarget.value)} maxLength={COACHING_SESSION_LIMITS.questionMax} data-autofocus />
              <Group gap="xs" justify="flex-end">
                <Button size="xs" variant="default" onClick={() => (setEditing(false), setQuestion(entry.question))}>
                  Cancel
                </Button>
                <Button size="xs" onClick={saveQuestion} loading={update.isPending} disabled={!question.trim()}>
                  Save question
                </Button>
              </Group>
            </Stack>
          ) : (
            <Stack gap={4} miw={0}>
              <Text size="sm" fw={600}>
                {index + 1}. {entry.question}
              </Text>
              {entry.competency ? (
                <Badge size="xs" variant="light" color="gray" style={{ alignSelf: 'flex-start' }}>
                  {entry.competency.name}
                </Badge>
              ) : null}
            </Stack>
          )}
          {isCoach && !editing ? (
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={`Actions for question ${index + 1}`}>
                  <IconDots size={16} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={() => (setQuestion(entry.question), setEditing(true))}>
                  Rephrase
                </Menu.Item>
                <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={confirmRemove}>
                  Remove
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>
        <Answer workspaceId={workspaceId} session={session} entry={entry} />
      </Stack>
    </Paper>
  );
}

/** The reasoning journal of this 1:1: the questions asked and the coachee's answers. */
export function JournalPanel({ workspaceId, session }: { workspaceId: string; session: CoachingSessionDetail }) {
  const ask = useAskQuestion(workspaceId, session.id);
  const [question, setQuestion] = useState('');
  const isCoach = session.myRole === 'coach';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = question.trim();
    if (!q) return;
    ask.mutate({ question: q }, { onSuccess: () => setQuestion(''), onError: (err) => notifyError(err, 'Could not add the question') });
  };
  const answered = session.journal.filter((j) => j.answer).length;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="journal-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="md" id="journal-title">
          Reasoning journal
        </Title>
        <Group gap="sm">
          {session.journal.length ? (
            <Text size="sm" c="dimmed">
              {answered} of {session.journal.length} answered
            </Text>
          ) : null}
          <AnchorLink to="/w/$workspaceId/coaching/journal" params={{ workspaceId }} size="sm">
            All sessions
          </AnchorLink>
        </Group>
      </Group>
      <Stack gap="sm">
        {session.journal.length === 0 ? (
          <Text size="sm" c="dimmed">
            {isCoach
              ? `No questions yet. Ask one of the suggestions, or your own; ${session.coachee.name} answers in their words, and the journal keeps how their thinking moves from session to session.`
              : 'No questions yet. The questions your coach asks land here for you to answer in your own words.'}
          </Text>
        ) : (
          session.journal.map((entry, i) => <Entry key={entry.id} workspaceId={workspaceId} session={session} entry={entry} index={i} />)
        )}
      </Stack>
      <form onSubmit={submit}>
        <Group gap="xs" mt="sm" wrap="nowrap" align="flex-end">
          <TextInput
            flex={1}
            label={isCoach ? 'Ask your own question' : 'Add a question you are working through'}
            placeholder={isCoach ? 'Start with what, how or why…' : 'e.g. How do I know this is the right problem?'}
            value={question}
            onChange={(e) => setQuestion(e.currentTarget.value)}
            maxLength={COACHING_SESSION_LIMITS.questionMax}
          />
          <Button type="submit" variant="light" leftSection={<IconPlus size={16} aria-hidden />} loading={ask.isPending} disabled={!question.trim()}>
            Ask
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
