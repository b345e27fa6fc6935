import { Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { KEY_RESULT_TYPES, type KeyResultDirection, type KeyResultSummary, type KeyResultType } from '../../../../shared/contracts.js';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { useMembers } from '../../members/use-members';
import { TYPE_LABELS } from './okr-format';
import { useCreateKeyResult, useUpdateKeyResult } from './use-okrs';

type Values = { title: string; type: KeyResultType; direction: KeyResultDirection; start: number | string; target: number | string; unit: string; ownerId: string | null };

/** Adds or edits a key result, with fields that follow its type (a milestone is done or not; a currency takes a code). */
export function KeyResultFormModal({
  workspaceId,
  objective,
  opened,
  onClose,
  keyResult,
}: {
  workspaceId: string;
  objective: { id: string; title: string; ownerId: string | null };
  opened: boolean;
  onClose: () => void;
  keyResult?: KeyResultSummary;
}) {
  const members = useMembers(workspaceId);
  const create = useCreateKeyResult(workspaceId);
  const update = useUpdateKeyResult(workspaceId);
  const initial = (): Values => ({
    title: keyResult?.title ?? '',
    type: keyResult?.type ?? 'number',
    direction: keyResult?.direction ?? 'increase',
    start: keyResult?.start ?? 0,
    target: keyResult?.target ?? '',
    unit: keyResult?.unit ?? '',
    ownerId: keyResult ? keyResult.ownerId : objective.ownerId,
  });
  const form = useForm<Values>({
    initialValues: initial(),
    validate: {
      title: (v) => (v.trim() ? null : 'Say what you will measure'),
      start: (v, all) => (all.type !== 'milestone' && (v === '' || Number.isNaN(Number(v))) ? 'Enter a start value' : null),
      target: (v, all) => {
        if (all.type === 'milestone') return null;
        if (v === '' || Number.isNaN(Number(v))) return 'Enter a target';
        if (Number(v) === Number(all.start)) return 'Must differ from the start';
        return null;
      },
      direction: (v, all) => {
        if (all.type === 'milestone' || all.target === '' || all.start === '') return null;
        if (v === 'increase' && Number(all.target) < Number(all.start)) return 'The target is below the start: choose decrease';
        if (v === 'decrease' && Number(all.target) > Number(all.start)) return 'The target is above the start: choose increase';
        return null;
      },
    },
  });
  useEffect(() => {
    if (opened) form.setValues(initial());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, keyResult?.id, keyResult?.version]);

  const v = form.getValues();
  const milestone = v.type === 'milestone';
  const submit = (x: Values) => {
    const shape = milestone
      ? { start: 0, target: 1, direction: 'increase' as const, unit: '' }
      : { start: Number(x.start), target: Number(x.target), direction: x.direction, unit: x.type === 'percentage' ? '%' : x.type === 'currency' ? x.unit.trim().toUpperCase() : x.unit.trim() };
    if (keyResult) {
      update.mutate(
        { id: keyResult.id, version: keyResult.version, title: x.title.trim(), type: x.type, ownerId: x.ownerId, ...shape },
        {
          onSuccess: () => {
            notifySuccess('Key result saved');
            onClose();
          },
          onError: (e) => showFormError(form, e, 'Could not save the key result'),
        },
      );
      return;
    }
    create.mutate(
      { objectiveId: objective.id, title: x.title.trim(), type: x.type, ...(x.ownerId ? { ownerId: x.ownerId } : {}), ...shape },
      {
        onSuccess: (kr) => {
          notifySuccess(`“${kr.title}” added`);
          onClose();
        },
        onError: (e) => showFormError(form, e, 'Could not add the key result'),
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={keyResult ? 'Edit key result' : `Add a key result to “${objective.title}”`} size="lg">
      <form onSubmit={form.onSubmit(submit)}>
        <Stack gap="sm">
          <TextInput label="Key result" placeholder="Weekly active teams" data-autofocus required {...form.getInputProps('title')} />
          <Select label="Type" data={KEY_RESULT_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))} allowDeselect={false} {...form.getInputProps('type')} />
          {milestone ? (
            <Text size="sm" c="dimmed">
              A milestone is done or not done: check in with “done” when it is reached.
            </Text>
          ) : (
            <>
              <Stack gap={4}>
                <Text size="sm" fw={500} id="kr-direction-label">
                  Direction
                </Text>
                <SegmentedControl
                  aria-labelledby="kr-direction-label"
                  data={[
                    { value: 'increase', label: 'Increase' },
                    { value: 'decrease', label: 'Decrease' },
                  ]}
                  {...form.getInputProps('direction')}
                />
                {form.errors.direction ? (
                  <Text size="xs" c="red" role="alert">
                    {form.errors.direction}
                  </Text>
                ) : null}
              </Stack>
              <Group grow align="flex-start">
                <NumberInput label="Start" required {...form.getInputProps('start')} />
                <NumberInput label="Target" required {...form.getInputProps('target')} />
                {v.type === 'percentage' ? null : (
                  <TextInput
                    label={v.type === 'currency' ? 'Currency code' : 'Unit'}
                    placeholder={v.type === 'currency' ? 'EUR' : 'teams'}
                    maxLength={v.type === 'currency' ? 3 : 20}
                    {...form.getInputProps('unit')}
                  />
                )}
              </Group>
            </>
          )}
          <Select
            label="Owner"
            description="Who checks in on it"
            data={(members.data?.items ?? []).filter((m) => m.role !== 'viewer').map((m) => ({ value: m.id, label: m.name }))}
            searchable
            clearable
            {...form.getInputProps('ownerId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {keyResult ? 'Save' : 'Add key result'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
