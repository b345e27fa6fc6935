import type { ReactNode } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { errorMessage } from '../lib/errors';
import { AuthLayout } from './AuthLayout';
import { ButtonLink } from './links';
import { PageHeader } from './PageHeader';

/** Anything a route could not load: most often the server is unreachable. */
export function RootErrorPage({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const qc = useQueryClient();
  return (
    <AuthLayout title="Sextant could not load this page" description="The server may be restarting or unreachable.">
      <Stack>
        <Text size="sm" role="alert">
          {errorMessage(error)}
        </Text>
        <Group>
          <Button
            onClick={() => {
              void qc.invalidateQueries();
              reset();
              void router.invalidate();
            }}
          >
            Try again
          </Button>
          <Button variant="default" component="a" href="/">
            Go to the start page
          </Button>
        </Group>
      </Stack>
    </AuthLayout>
  );
}

export function NotFoundPage() {
  return (
    <AuthLayout title="Page not found" description="The address may be mistyped, or the page was moved.">
      <ButtonLink to="/">Go to the start page</ButtonLink>
    </AuthLayout>
  );
}

/** A workspace id the caller is not a member of (or that does not exist). */
export function WorkspaceNotFoundPage() {
  return (
    <AuthLayout title="Workspace not found" description="It does not exist, or you are not a member of it. Ask an admin of the workspace for an invitation.">
      <ButtonLink to="/">Go to your workspaces</ButtonLink>
    </AuthLayout>
  );
}

/** A record inside a workspace that is gone (deleted or never existed). */
export function RecordNotFound({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <>
      <PageHeader title={title} description="It may have been deleted, or the link is wrong." />
      {children}
    </>
  );
}
