import { ActionIcon, Badge, Checkbox, Group, Paper, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconArrowForwardUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { CoachingSessionDetail, CoachingSessionItem } from '../../../../shared/contracts.js';
import { COACHING_SESSION_LIMITS } from '../../../../shared/contracts.js';
import { notifyError } from '../../../lib/errors';
import { formatShortDay } from './labels';
import { useCreateItem, useDeleteItem, useUpdateItem } from './use-sessions';

/** "Carried over" with the date of the session it came from. */
export function CarriedBadge({ item }: { item: CoachingSessionItem }) {
  if (!item.carriedFrom) return null;
  return (
    <Tooltip label={`Still open from the 1:1 of ${formatShortDay(item.carriedFrom.scheduledAt)}`}>
      <Badge size="xs" variant="light" color="grape" leftSection={<IconArrowForwardUp size={11} aria-hidden />} tabIndex={0}>
        Carried over
      </Badge>
    </Tooltip>
  );
}

/** The topics for this 1:1: add one, check it off once covered. Open ones carry over to the next session. */
export function AgendaPanel({ workspaceId, session }: { workspaceId: string; session: CoachingSessionDetail }) {
  const create = useCreateItem(workspaceId, session.id);
  const update = useUpdateItem(workspaceId, session.id);
  const remove = useDeleteItem(workspaceId);
  const [text, setText] = useState('');
  const open = session.agenda.filter((i) => !i.done).length;

  const add = (e: FormEvent) => {
    e.preventDefault();
    const t = text.trim();
    if (!t) return;
    create.mutate({ kind: 'agenda', text: t }, { onSuccess: () => setText(''), onError: (err) => notifyError(err, 'Could not add the topic') });
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="agenda-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="md" id="agenda-title">
          Agenda
        </Title>
        <Text size="sm" c="dimmed">
          {session.agenda.length ? `${open} of ${session.agenda.length} open` : 'No topics yet'}
        </Text>
      </Group>
      <Stack gap={6}>
        {session.agenda.length === 0 ? (
          <Text size="sm" c="dimmed">
            Add the topics either of you wants to cover. Those not checked off carry over to your next 1:1.
          </Text>
        ) : null}
        {session.agenda.map((item) => (
          <Group key={item.id} gap="xs" wrap="nowrap" justify="space-between">
            <Group gap="xs" wrap="nowrap" miw={0}>
              <Checkbox
                checked={item.done}
                onChange={(e) =>
                  update.mutate({ itemId: item.id, version: item.version, done: e.currentTarget.checked }, { onError: (err) => notifyError(err, 'Could not update the topic') })
                }
                label={
                  <Text size="sm" td={item.done ? 'line-through' : undefined} c={item.done ? 'dimmed' : undefined}>
                    {item.text}
                  </Text>
                }
              />
              <CarriedBadge item={item} />
            </Group>
            <Tooltip label="Remove topic">
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Remove topic “${item.text}”`}
                onClick={() => remove.mutate(item.id, { onError: (err) => notifyError(err, 'Could not remove the topic') })}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        ))}
      </Stack>
      <form onSubmit={add}>
        <Group gap="xs" mt="sm" wrap="nowrap" align="flex-end">
          <TextInput
            flex={1}
            label="Add a topic"
            placeholder="What do you want to talk about?"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            maxLength={COACHING_SESSION_LIMITS.itemTextMax}
          />
          <ActionIcon type="submit" size="lg" variant="filled" aria-label="Add topic" loading={create.isPending} disabled={!text.trim()}>
            <IconPlus size={18} aria-hidden />
          </ActionIcon>
        </Group>
      </form>
    </Paper>
  );
}
