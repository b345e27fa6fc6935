import { Button, Group, Modal, MultiSelect, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useMemo } from 'react';
import { LIMITS } from '../../../shared/limits.js';
import { ROLE_LABELS } from '../../../shared/roles.js';
import type { ComponentT, MemberT } from '../../lib/api/types';
import { notifySuccess, showFormError } from '../../lib/errors';
import { useCreateComponent, useUpdateComponent } from './use-products';

/** Adds a component to a product, or edits one when `component` is given. */
export function ComponentFormModal({
  workspaceId,
  productId,
  component,
  members,
  opened,
  onClose,
}: {
  workspaceId: string;
  productId: string;
  component?: ComponentT;
  members: MemberT[];
  opened: boolean;
  onClose: () => void;
}) {
  const create = useCreateComponent(workspaceId);
  const update = useUpdateComponent(workspaceId);
  const form = useForm({
    initialValues: { name: '', description: '', ownerId: null as string | null, teamMemberIds: [] as string[] },
    validate: {
      name: (v) => (v.trim() ? null : 'Give the component a name.'),
      description: (v) => (v.length > LIMITS.descriptionMax ? `At most ${LIMITS.descriptionMax} characters.` : null),
    },
  });

  useEffect(() => {
    if (opened) {
      form.setValues({
        name: component?.name ?? '',
        description: component?.description ?? '',
        ownerId: component?.ownerId ?? null,
        teamMemberIds: component?.teamMemberIds ?? [],
      });
      form.resetDirty();
      form.clearErrors();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, component?.id, component?.version]);

  const ownerOptions = useMemo(() => {
    // PMs and leads first: they are who usually owns a component.
    const rank = { pm: 0, lead: 1, admin: 2, contributor: 3, viewer: 4 } as const;
    return [...members]
      .sort((a, b) => rank[a.role] - rank[b.role] || a.name.localeCompare(b.name))
      .map((m) => ({ value: m.id, label: `${m.name} · ${ROLE_LABELS[m.role]}` }));
  }, [members]);
  const teamOptions = useMemo(() => members.map((m) => ({ value: m.id, label: m.name })).sort((a, b) => a.label.localeCompare(b.label)), [members]);

  const pending = create.isPending || update.isPending;

  return (
    <Modal opened={opened} onClose={onClose} title={component ? `Edit ${component.name}` : 'Add component'} size="lg">
      <form
        onSubmit={form.onSubmit((values) => {
          const body = { name: values.name.trim(), description: values.description.trim(), ownerId: values.ownerId, teamMemberIds: values.teamMemberIds };
          if (component) {
            update.mutate(
              { productId, componentId: component.id, version: component.version, ...body },
              {
                onSuccess: () => {
                  notifySuccess(`${body.name} saved.`);
                  onClose();
                },
                onError: (e) => showFormError(form, e),
              },
            );
          } else {
            create.mutate(
              { productId, ...body },
              {
                onSuccess: (c) => {
                  notifySuccess(`${c.name} added.`, 'Component added');
                  onClose();
                },
                onError: (e) => showFormError(form, e),
              },
            );
          }
        })}
      >
        <Stack>
          <TextInput label="Name" data-autofocus maxLength={LIMITS.nameMax} {...form.getInputProps('name')} />
          <Textarea label="Description" description="The app or area this team is responsible for." autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
          <Select
            label="Owner PM"
            description="The product manager who owns this component."
            placeholder="No owner yet"
            data={ownerOptions}
            searchable
            clearable
            nothingFoundMessage="No member matches"
            {...form.getInputProps('ownerId')}
          />
          <MultiSelect
            label="Team"
            description="Who builds it: engineers, designers, analysts."
            placeholder="Pick members"
            data={teamOptions}
            searchable
            clearable
            nothingFoundMessage="No member matches"
            {...form.getInputProps('teamMemberIds')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {component ? 'Save' : 'Add component'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
