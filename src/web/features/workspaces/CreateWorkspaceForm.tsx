import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { LIMITS } from '../../../shared/limits.js';
import { notifySuccess, showFormError } from '../../lib/errors';
import { useCreateWorkspace } from './use-workspaces';

/** Names a new workspace, creates it and opens it. */
export function CreateWorkspaceForm({ onDone, autoFocus }: { onDone?: () => void; autoFocus?: boolean }) {
  const navigate = useNavigate();
  const create = useCreateWorkspace();
  const form = useForm({
    initialValues: { name: '' },
    validate: {
      name: (v) => (v.trim() ? (v.trim().length > LIMITS.nameMax ? `At most ${LIMITS.nameMax} characters.` : null) : 'Give the workspace a name.'),
    },
  });

  return (
    <form
      onSubmit={form.onSubmit((values) =>
        create.mutate(
          { name: values.name.trim() },
          {
            onSuccess: (ws) => {
              notifySuccess(`${ws.name} is ready.`, 'Workspace created');
              onDone?.();
              void navigate({ to: '/w/$workspaceId', params: { workspaceId: ws.id } });
            },
            onError: (error) => showFormError(form, error),
          },
        ),
      )}
    >
      <Stack>
        <TextInput
          label="Workspace name"
          description="Usually your company or product group."
          placeholder="Acme Product"
          data-autofocus={autoFocus ? true : undefined}
          maxLength={LIMITS.nameMax}
          {...form.getInputProps('name')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Create workspace
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
