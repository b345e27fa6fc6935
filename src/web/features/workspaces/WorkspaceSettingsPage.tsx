import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconDownload, IconDoorExit } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { LIMITS } from '../../../shared/limits.js';
import { ROLE_LABELS } from '../../../shared/roles.js';
import { wsPath } from '../../lib/api/client';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingRows } from '../../components/QueryState';
import { notifyError, notifySuccess, showFormError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { ImportWorkspace } from './ImportWorkspace';
import { useLeaveWorkspace, useRenameWorkspace, useWorkspace } from './use-workspaces';

/** Rename (admin), export (admin), import into a new workspace, and leave the workspace (anyone). */
export function WorkspaceSettingsPage() {
  const { workspaceId, can, role } = useCurrentWorkspace();
  const workspace = useWorkspace(workspaceId);
  const rename = useRenameWorkspace(workspaceId);
  const leave = useLeaveWorkspace(workspaceId);
  const navigate = useNavigate();
  const canRename = can('workspace.update');
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (v) => (v.trim() ? null : 'Give the workspace a name.') },
  });

  useEffect(() => {
    if (workspace.data) {
      form.setValues({ name: workspace.data.name });
      form.resetDirty();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspace.data?.id, workspace.data?.version]);

  const confirmLeave = () =>
    modals.openConfirmModal({
      title: `Leave ${workspace.data?.name ?? 'this workspace'}?`,
      children: <Text size="sm">You lose access to its products and people until someone invites you again.</Text>,
      labels: { confirm: 'Leave workspace', cancel: 'Stay' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        leave.mutate(undefined, {
          onSuccess: () => {
            notifySuccess('You left the workspace.');
            void navigate({ to: '/' });
          },
          onError: (e) => notifyError(e, 'Could not leave the workspace'),
        }),
    });

  return (
    <>
      <PageHeader title="Workspace settings" description={`You are ${ROLE_LABELS[role].toLowerCase()} in this workspace.`} />
      {workspace.isPending ? (
        <LoadingRows rows={3} />
      ) : workspace.isError ? (
        <ErrorState error={workspace.error} onRetry={() => void workspace.refetch()} />
      ) : (
        <Stack gap="lg" maw={640}>
          <Paper withBorder radius="md" p="lg">
            <Title order={2} fz="lg" mb="sm">
              General
            </Title>
            <form
              onSubmit={form.onSubmit((values) =>
                rename.mutate(
                  { name: values.name.trim(), version: workspace.data.version },
                  { onSuccess: () => notifySuccess('Workspace renamed.'), onError: (e) => showFormError(form, e) },
                ),
              )}
            >
              <Stack>
                <TextInput
                  label="Workspace name"
                  maxLength={LIMITS.nameMax}
                  readOnly={!canRename}
                  description={canRename ? undefined : 'Only admins can rename the workspace.'}
                  {...form.getInputProps('name')}
                />
                <Text size="sm" c="dimmed">
                  {workspace.data.memberCount} members · created {formatDate(workspace.data.createdAt)}
                </Text>
                {canRename ? (
                  <Group justify="flex-end">
                    <Button type="submit" loading={rename.isPending} disabled={!form.isDirty()}>
                      Save
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </form>
          </Paper>

          {can('workspace.export') ? (
            <Paper withBorder radius="md" p="lg">
              <Title order={2} fz="lg" mb={4}>
                Export
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                Download everything in this workspace as one JSON file, for backups or to move elsewhere.
              </Text>
              <Button component="a" href={wsPath(workspaceId, '/export')} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
                Export as JSON
              </Button>
            </Paper>
          ) : null}

          <ImportWorkspace />

          <Paper withBorder radius="md" p="lg">
            <Title order={2} fz="lg" mb={4}>
              Leave workspace
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              You stop being a member. The last admin cannot leave; make someone else admin first.
            </Text>
            <Button color="red" variant="light" leftSection={<IconDoorExit size={16} aria-hidden />} onClick={confirmLeave} loading={leave.isPending}>
              Leave workspace
            </Button>
          </Paper>
        </Stack>
      )}
    </>
  );
}
