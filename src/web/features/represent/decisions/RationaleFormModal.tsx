import { Button, Group, Modal, Select, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { RATIONALE_BODY_MAX, type Rationale } from '../../../../shared/contracts.js';
import { LIMITS } from '../../../../shared/limits.js';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { useCreateRationale, useUpdateRationale } from './use-decisions';

/** Creates a rationale template, or edits one. */
export function RationaleFormModal({
  workspaceId,
  rationale,
  pillarGroups,
  opened,
  onClose,
}: {
  workspaceId: string;
  rationale?: Rationale;
  pillarGroups: { group: string; items: { value: string; label: string }[] }[];
  opened: boolean;
  onClose: () => void;
}) {
  const create = useCreateRationale(workspaceId);
  const update = useUpdateRationale(workspaceId);
  const form = useForm({
    initialValues: { title: '', body: '', pillarId: null as string | null, active: true },
    validate: { title: (v) => (v.trim() ? null : 'Give the reason a short title.') },
  });
  useEffect(() => {
    if (!opened) return;
    form.setValues({ title: rationale?.title ?? '', body: rationale?.body ?? '', pillarId: rationale?.pillarId ?? null, active: rationale?.active ?? true });
    form.clearErrors();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, rationale?.id, rationale?.version]);

  const submit = form.onSubmit((v) => {
    const body = { title: v.title.trim(), body: v.body.trim(), pillarId: v.pillarId, active: v.active };
    const done = (message: string) => () => (notifySuccess(message), onClose());
    if (rationale) update.mutate({ rationaleId: rationale.id, version: rationale.version, ...body }, { onSuccess: done('Rationale saved.'), onError: (e) => showFormError(form, e) });
    else create.mutate(body, { onSuccess: done('Rationale added. It is offered when declining a request.'), onError: (e) => showFormError(form, e) });
  });

  return (
    <Modal opened={opened} onClose={onClose} title={rationale ? 'Edit rationale' : 'New rationale'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Title" description="The reason in a few words, e.g. “Not enough evidence yet”." required maxLength={LIMITS.titleMax} data-autofocus {...form.getInputProps('title')} />
          <Textarea
            label="Explanation"
            description="What the requester reads; the decider can add to it (Markdown)."
            autosize
            minRows={3}
            maxRows={10}
            maxLength={RATIONALE_BODY_MAX}
            {...form.getInputProps('body')}
          />
          <Select label="Pillar" description="When the reason is about a pillar." placeholder="None" clearable searchable data={pillarGroups} {...form.getInputProps('pillarId')} />
          <Switch label="Offered when declining" {...form.getInputProps('active', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {rationale ? 'Save' : 'Add rationale'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
