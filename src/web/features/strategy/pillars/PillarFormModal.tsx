import { Button, Group, Modal, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { PILLAR_STATUSES, type Pillar, type PillarStatus } from '../../../../shared/contracts.js';
import { LIMITS } from '../../../../shared/limits.js';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { useCreatePillar, useUpdatePillar } from './use-pillars';

export const PILLAR_STATUS_LABELS: Record<PillarStatus, string> = { active: 'Active', paused: 'Paused', retired: 'Retired' };
export const PILLAR_STATUS_COLORS: Record<PillarStatus, string> = { active: 'teal', paused: 'yellow', retired: 'gray' };

/** Creates a pillar of the product, or edits one; says how much share is left to allocate. */
export function PillarFormModal({
  workspaceId,
  productId,
  pillar,
  remainingShare,
  opened,
  onClose,
}: {
  workspaceId: string;
  productId: string;
  pillar?: Pillar;
  /** What the product's active pillars leave, before this form. */
  remainingShare: number;
  opened: boolean;
  onClose: () => void;
}) {
  const create = useCreatePillar(workspaceId);
  const update = useUpdatePillar(workspaceId);
  const form = useForm({
    initialValues: { name: '', description: '', targetShare: 0 as number | string, status: 'active' as string },
    validate: {
      name: (v) => (v.trim() ? null : 'Name the pillar.'),
      targetShare: (v) => (v === '' || Number(v) < 0 || Number(v) > 100 ? 'Between 0 and 100 %.' : null),
    },
  });
  useEffect(() => {
    if (!opened) return;
    form.setValues({ name: pillar?.name ?? '', description: pillar?.description ?? '', targetShare: pillar?.targetShare ?? Math.max(0, Math.min(remainingShare, 20)), status: pillar?.status ?? 'active' });
    form.clearErrors();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, pillar?.id, pillar?.version]);

  // What this pillar may take: what is left, plus what it already holds when it is active.
  const available = Math.round((remainingShare + (pillar?.status === 'active' ? pillar.targetShare : 0)) * 100) / 100;
  const submit = form.onSubmit((v) => {
    const body = { name: v.name.trim(), description: v.description.trim(), targetShare: Number(v.targetShare), status: v.status as PillarStatus };
    const done = (message: string) => () => (notifySuccess(message), onClose());
    if (pillar) update.mutate({ pillarId: pillar.id, version: pillar.version, ...body }, { onSuccess: done('Pillar saved.'), onError: (e) => showFormError(form, e) });
    else create.mutate({ productId, ...body }, { onSuccess: done('Pillar created. Link features and objectives to it.'), onError: (e) => showFormError(form, e) });
  });

  return (
    <Modal opened={opened} onClose={onClose} title={pillar ? 'Edit pillar' : 'New pillar'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Name" description="A lasting theme the strategy invests in." required maxLength={LIMITS.nameMax} data-autofocus {...form.getInputProps('name')} />
          <Textarea label="Description" description="What it covers and why it matters (Markdown)." autosize minRows={3} maxRows={10} maxLength={LIMITS.descriptionMax} {...form.getInputProps('description')} />
          <Group grow align="flex-start">
            <NumberInput
              label="Target share of effort"
              description={form.values.status === 'active' ? `${available} % is left for this pillar.` : 'Paused and retired pillars do not count towards the 100 %.'}
              suffix=" %"
              min={0}
              max={100}
              decimalScale={2}
              required
              {...form.getInputProps('targetShare')}
            />
            <Select label="Status" data={PILLAR_STATUSES.map((s) => ({ value: s, label: PILLAR_STATUS_LABELS[s] }))} allowDeselect={false} {...form.getInputProps('status')} />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {pillar ? 'Save' : 'Create pillar'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
