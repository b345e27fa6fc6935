import { ActionIcon, Badge, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { CoachingSessionDetail, CoachingSessionItem } from '../../../../shared/contracts.js';
import { COACHING_SESSION_LIMITS } from '../../../../shared/contracts.js';
import { notifyError } from '../../../lib/errors';
import { CarriedBadge } from './AgendaPanel';
import { useCreateItem, useDeleteItem, useUpdateItem } from './use-sessions';

const today = () => new Date().toISOString().slice(0, 10);

/** What someone will do before the next 1:1: owner, due date, done. Open ones carry over. */
export function ActionItemsPanel({ workspaceId, session }: { workspaceId: string; session: CoachingSessionDetail }) {
  const create = useCreateItem(workspaceId, session.id);
  const update = useUpdateItem(workspaceId, session.id);
  const remove = useDeleteItem(workspaceId);
  const owners = [
    { value: session.coachee.id, label: session.myRole === 'coachee' ? `${session.coachee.name} (you)` : session.coachee.name },
    { value: session.coach.id, label: session.myRole === 'coach' ? `${session.coach.name} (you)` : session.coach.name },
  ];
  const [draft, setDraft] = useState<{ text: string; ownerId: string | null; dueOn: string }>({ text: '', ownerId: session.coachee.id, dueOn: '' });
  const open = session.actions.filter((a) => !a.done).length;

  const change = (item: CoachingSessionItem, patch: { done?: boolean; ownerId?: string | null; dueOn?: string | null }) =>
    update.mutate({ itemId: item.id, version: item.version, ...patch }, { onError: (err) => notifyError(err, 'Could not update the action') });

  const add = (e: FormEvent) => {
    e.preventDefault();
    const text = draft.text.trim();
    if (!text) return;
    create.mutate(
      { kind: 'action', text, ownerId: draft.ownerId, dueOn: draft.dueOn || null },
      { onSuccess: () => setDraft((d) => ({ ...d, text: '', dueOn: '' })), onError: (err) => notifyError(err, 'Could not add the action') },
    );
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="actions-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="md" id="actions-title">
          Action items
        </Title>
        <Text size="sm" c="dimmed">
          {session.actions.length ? `${open} open` : 'None yet'}
        </Text>
      </Group>
      {session.actions.length ? (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Action items" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Action</Table.Th>
                <Table.Th w={190}>Owner</Table.Th>
                <Table.Th w={160}>Due</Table.Th>
                <Table.Th w={40}>
                  <VisuallyHidden>Remove</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {session.actions.map((a) => {
                const overdue = !a.done && a.dueOn !== null && a.dueOn < today();
                return (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Checkbox
                          checked={a.done}
                          onChange={(e) => change(a, { done: e.currentTarget.checked })}
                          label={
                            <Text size="sm" td={a.done ? 'line-through' : undefined} c={a.done ? 'dimmed' : undefined}>
                              {a.text}
                            </Text>
                          }
                        />
                        <CarriedBadge item={a} />
                        {overdue ? (
                          <Badge size="xs" color="red" variant="light">
                            Overdue
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        aria-label={`Owner of “${a.text}”`}
                        data={owners}
                        value={a.ownerId}
                        onChange={(v) => change(a, { ownerId: v })}
                        placeholder="Nobody"
                        clearable
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        type="date"
                        aria-label={`Due date of “${a.text}”`}
                        value={a.dueOn ?? ''}
                        onChange={(e) => {
                          const v = e.currentTarget.value;
                          if (v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v)) change(a, { dueOn: v || null });
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label="Remove action">
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Remove action “${a.text}”`}
                          onClick={() => remove.mutate(a.id, { onError: (err) => notifyError(err, 'Could not remove the action') })}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text size="sm" c="dimmed">
          Agree on what happens before the next 1:1: one concrete step, one owner, one date.
        </Text>
      )}
      <form onSubmit={add}>
        <Stack gap="xs" mt="md">
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              flex={1}
              miw={220}
              label="New action"
              placeholder="e.g. Interview three customers who churned"
              value={draft.text}
              onChange={(e) => {
                const text = e.currentTarget.value;
                setDraft((d) => ({ ...d, text }));
              }}
              maxLength={COACHING_SESSION_LIMITS.itemTextMax}
            />
            <Select label="Owner" data={owners} value={draft.ownerId} onChange={(v) => setDraft((d) => ({ ...d, ownerId: v }))} w={190} clearable placeholder="Nobody" />
            <TextInput
              label="Due"
              type="date"
              w={160}
              value={draft.dueOn}
              onChange={(e) => {
                const dueOn = e.currentTarget.value;
                setDraft((d) => ({ ...d, dueOn }));
              }}
            />
            <Button type="submit" variant="light" leftSection={<IconPlus size={16} aria-hidden />} loading={create.isPending} disabled={!draft.text.trim()}>
              Add
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
