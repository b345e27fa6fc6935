import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { LIMITS } from '../../../shared/limits.js';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../../shared/roles.js';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingRows } from '../../components/QueryState';
import { notifySuccess, showFormError } from '../../lib/errors';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { useMembers, useUpdateProfile } from './use-members';

/** Your own name and title in this workspace. */
export function ProfilePage() {
  const { workspaceId, member, me, workspaceName } = useCurrentWorkspace();
  const members = useMembers(workspaceId);
  const update = useUpdateProfile(workspaceId);
  const form = useForm({
    initialValues: { name: '', title: '' },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter your name.'),
      title: (v) => (v.length > LIMITS.titleMax ? `At most ${LIMITS.titleMax} characters.` : null),
    },
  });

  useEffect(() => {
    if (member) {
      form.setValues({ name: member.name, title: member.title });
      form.resetDirty();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [member?.id, member?.version]);

  return (
    <>
      <PageHeader title="Your profile" description={`How you appear to others in ${workspaceName}.`} />
      {members.isPending ? (
        <LoadingRows rows={3} />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : !member ? (
        <ErrorState error={new Error('Your membership could not be found. Reload the page.')} onRetry={() => void members.refetch()} />
      ) : (
        <Paper withBorder radius="md" p="lg" maw={560}>
          <form
            onSubmit={form.onSubmit((values) =>
              update.mutate(
                { name: values.name.trim(), title: values.title.trim() },
                { onSuccess: () => notifySuccess('Profile saved.'), onError: (e) => showFormError(form, e) },
              ),
            )}
          >
            <Stack>
              <TextInput label="Name" autoComplete="name" maxLength={LIMITS.nameMax} {...form.getInputProps('name')} />
              <TextInput label="Title" description="Your job title, e.g. Senior PM, Payments." maxLength={LIMITS.titleMax} {...form.getInputProps('title')} />
              <TextInput label="Email" value={me?.user.email ?? member.email} readOnly disabled />
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  Role
                </Text>
                <Group gap="xs">
                  <Badge>{ROLE_LABELS[member.role]}</Badge>
                  <Text size="sm" c="dimmed">
                    {ROLE_DESCRIPTIONS[member.role]}
                  </Text>
                </Group>
              </Stack>
              <Group justify="flex-end">
                <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
                  Save
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </>
  );
}
