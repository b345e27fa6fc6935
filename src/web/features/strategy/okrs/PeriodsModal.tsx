import { ActionIcon, Badge, Button, Divider, Group, Modal, Stack, Table, Text, TextInput, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconCalendarPlus, IconTrash } from '@tabler/icons-react';
import type { OkrPeriod } from '../../../../shared/contracts.js';
import { isApiError } from '../../../lib/api/client';
import { notifyError, notifySuccess, showFormError } from '../../../lib/errors';
import { formatDate, plural } from '../../../lib/format';
import { suggestQuarter } from './okr-format';
import { useCreatePeriod, useDeletePeriod } from './use-okrs';

/**
 * Periods for leads: create the suggested quarter in one click (the current quarter when none covers
 * it, else the one after the last period), a custom range, or delete a period (with its objectives only
 * after a second confirmation).
 */
export function PeriodsModal({ workspaceId, periods, opened, onClose, onCreated }: { workspaceId: string; periods: OkrPeriod[]; opened: boolean; onClose: () => void; onCreated: (p: OkrPeriod) => void }) {
  const create = useCreatePeriod(workspaceId);
  const remove = useDeletePeriod(workspaceId);
  const suggested = suggestQuarter(periods);
  const taken = periods.some((p) => p.name.toLowerCase() === suggested.name.toLowerCase());
  const form = useForm({
    initialValues: { name: '', start: '', end: '' },
    validate: {
      name: (v) => (v.trim() ? null : 'Name the period'),
      start: (v) => (v ? null : 'Pick the first day'),
      end: (v, all) => (!v ? 'Pick the last day' : all.start && v < all.start ? 'Must be on or after the start' : null),
    },
  });

  const createQuarter = () =>
    create.mutate(
      { name: suggested.name, start: suggested.start, end: suggested.end },
      {
        onSuccess: (p) => {
          notifySuccess(`${p.name} created`);
          onCreated(p);
        },
        onError: (e) => notifyError(e, 'Could not create the quarter'),
      },
    );

  const askDelete = (p: OkrPeriod) => {
    const go = (force: boolean) =>
      remove.mutate(
        { id: p.id, force },
        {
          onSuccess: () => notifySuccess(`${p.name} deleted`),
          onError: (e) => (isApiError(e) && e.status === 409 ? askDelete({ ...p, objectiveCount: Math.max(1, p.objectiveCount) }) : notifyError(e, 'Could not delete the period')),
        },
      );
    modals.openConfirmModal({
      title: `Delete ${p.name}?`,
      children: (
        <Text size="sm">
          {p.objectiveCount
            ? `This also deletes its ${plural(p.objectiveCount, 'objective')} with their key results and check-ins. This cannot be undone.`
            : 'The period has no objectives.'}
        </Text>
      ),
      labels: { confirm: p.objectiveCount ? 'Delete with its objectives' : 'Delete', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => go(p.objectiveCount > 0),
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="OKR periods" size="lg">
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">
            Next up: <b>{suggested.name}</b> ({formatDate(suggested.start)} – {formatDate(suggested.end)})
          </Text>
          <Button leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={createQuarter} loading={create.isPending} disabled={taken}>
            Create {suggested.name}
          </Button>
        </Group>
        <Divider label="or a custom range" labelPosition="center" />
        <form
          onSubmit={form.onSubmit((v) =>
            create.mutate(
              { name: v.name.trim(), start: v.start, end: v.end },
              {
                onSuccess: (p) => {
                  notifySuccess(`${p.name} created`);
                  form.reset();
                  onCreated(p);
                },
                onError: (e) => showFormError(form, e, 'Could not create the period'),
              },
            ),
          )}
        >
          <Group align="flex-end" gap="sm">
            <TextInput label="Name" placeholder="Launch sprint" {...form.getInputProps('name')} w={180} />
            <TextInput type="date" label="First day" {...form.getInputProps('start')} />
            <TextInput type="date" label="Last day" {...form.getInputProps('end')} />
            <Button type="submit" variant="default" loading={create.isPending}>
              Create
            </Button>
          </Group>
        </form>
        <Title order={3} fz="sm">
          Periods
        </Title>
        {periods.length ? (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Dates</Table.Th>
                <Table.Th scope="col">Objectives</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {periods.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" fw={500}>
                    {p.name}{' '}
                    <Badge size="xs" variant="light" color={p.kind === 'quarter' ? 'indigo' : 'gray'}>
                      {p.kind}
                    </Badge>
                  </Table.Th>
                  <Table.Td>
                    {formatDate(p.start)} – {formatDate(p.end)}
                  </Table.Td>
                  <Table.Td>{p.objectiveCount}</Table.Td>
                  <Table.Td ta="right">
                    <Tooltip label={`Delete ${p.name}`}>
                      <ActionIcon variant="subtle" color="red" aria-label={`Delete ${p.name}`} onClick={() => askDelete(p)}>
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            No periods yet.
          </Text>
        )}
      </Stack>
    </Modal>
  );
}
