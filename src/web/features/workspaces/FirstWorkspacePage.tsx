import { Button, Divider, Stack, Text } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { AuthLayout } from '../../components/AuthLayout';
import { notifyError, notifySuccess } from '../../lib/errors';
import { CreateWorkspaceForm } from './CreateWorkspaceForm';
import { useCreateDemo } from './use-workspaces';

/** Shown at / to a signed-in person who belongs to no workspace yet. */
export function FirstWorkspacePage() {
  const navigate = useNavigate();
  const demo = useCreateDemo();
  return (
    <AuthLayout
      title="Create your first workspace"
      description="A workspace holds one organization's products, people and plans. If a colleague already uses Sextant, ask them for an invitation link instead."
      signedIn
      width={480}
    >
      <Stack>
        <CreateWorkspaceForm autoFocus />
        <Divider label="or" labelPosition="center" />
        <Text size="sm" c="dimmed">
          Look around first: a demo workspace comes with a realistic product, its components and a team.
        </Text>
        <Button
          variant="light"
          leftSection={<IconSparkles size={16} aria-hidden />}
          loading={demo.isPending}
          onClick={() =>
            demo.mutate(
              {},
              {
                onSuccess: (r) => {
                  notifySuccess('You are its admin: change anything.', 'Demo workspace created');
                  void navigate({ to: '/w/$workspaceId', params: { workspaceId: r.workspaceId } });
                },
                onError: (e) => notifyError(e),
              },
            )
          }
        >
          Explore a demo workspace
        </Button>
      </Stack>
    </AuthLayout>
  );
}
