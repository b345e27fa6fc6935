import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { useCreateContact } from './use-customers';

/** Adds a person at the customer. */
export function AddContactModal({ workspaceId, customerId, opened, onClose }: { workspaceId: string; customerId: string; opened: boolean; onClose: () => void }) {
  const create = useCreateContact(workspaceId);
  const form = useForm({
    initialValues: { name: '', email: '', title: '' },
    validate: {
      name: (v) => (v.trim() ? null : 'Give the contact a name.'),
      email: (v) => (!v.trim() || /^[^\s@]+@[^\s@]+$/.test(v.trim()) ? null : 'An email address, or leave it empty.'),
    },
  });
  useEffect(() => {
    if (opened) form.reset();
    // Reset only when the modal opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  return (
    <Modal opened={opened} onClose={onClose} title="Add contact">
      <form
        onSubmit={form.onSubmit((v) =>
          create.mutate(
            { customerId, name: v.name.trim(), email: v.email.trim() || null, title: v.title.trim() },
            { onSuccess: () => (notifySuccess('Contact added.'), onClose()), onError: (e) => showFormError(form, e) },
          ),
        )}
      >
        <Stack>
          <TextInput label="Name" data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Email" type="email" {...form.getInputProps('email')} />
          <TextInput label="Job title" {...form.getInputProps('title')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add contact
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
