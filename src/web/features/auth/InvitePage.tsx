import { Alert, Badge, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconMailOpened } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../../shared/roles.js';
import { api } from '../../lib/api/client';
import type { AcceptedInvitationT, InvitationPreviewT } from '../../lib/api/types';
import { useMe } from '../../lib/api/use-session';
import { AuthLayout } from '../../components/AuthLayout';
import { ButtonLink } from '../../components/links';
import { ErrorState } from '../../components/QueryState';
import { notifySuccess, notifyError } from '../../lib/errors';

const STATUS_TEXT: Record<InvitationPreviewT['status'], string> = {
  pending: '',
  accepted: 'This invitation has already been accepted.',
  revoked: 'This invitation was revoked. Ask the workspace admin for a new one.',
  expired: 'This invitation has expired. Ask the workspace admin for a new one.',
};

/** Public page behind an invitation link: what it offers, then accept (after sign-in or sign-up). */
export function InvitePage() {
  const { token } = useParams({ from: '/invite/$token' });
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMe();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api<InvitationPreviewT>(`/api/v1/invitations/${encodeURIComponent(token)}`),
  });
  const accept = useMutation({
    mutationFn: () => api<AcceptedInvitationT>(`/api/v1/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body: {} }),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: ['me'] });
      notifySuccess('You are now a member of the workspace.', 'Invitation accepted');
      void navigate({ to: '/w/$workspaceId', params: { workspaceId: r.workspaceId } });
    },
    onError: (e) => notifyError(e, 'Could not accept the invitation'),
  });

  const here = `/invite/${token}`;
  const signedIn = Boolean(me.data);

  return (
    <AuthLayout title="You are invited" description="Join a workspace on Sextant." signedIn={signedIn}>
      {preview.isPending || me.isPending ? (
        <Stack>
          <Skeleton height={20} width="70%" />
          <Skeleton height={20} width="50%" />
          <Skeleton height={36} />
        </Stack>
      ) : preview.isError ? (
        <ErrorState error={preview.error} title="This invitation cannot be opened" onRetry={() => void preview.refetch()} />
      ) : (
        <Stack>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <IconMailOpened size={28} aria-hidden />
            <Stack gap={4}>
              <Text>
                <strong>{preview.data.invitedBy}</strong> invited <strong>{preview.data.email}</strong> to join{' '}
                <strong>{preview.data.workspaceName}</strong>.
              </Text>
              <Group gap="xs">
                <Text size="sm">Role:</Text>
                <Badge>{ROLE_LABELS[preview.data.role]}</Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {ROLE_DESCRIPTIONS[preview.data.role]}
              </Text>
            </Stack>
          </Group>
          {preview.data.status !== 'pending' ? (
            <Alert color="orange" title="Not available">
              {STATUS_TEXT[preview.data.status]}
            </Alert>
          ) : signedIn ? (
            <>
              {me.data && me.data.user.email.toLowerCase() !== preview.data.email.toLowerCase() ? (
                <Alert color="yellow" title="Different email">
                  You are signed in as {me.data.user.email}, but the invitation was sent to {preview.data.email}.
                </Alert>
              ) : null}
              <Button onClick={() => accept.mutate()} loading={accept.isPending} fullWidth>
                Accept invitation
              </Button>
            </>
          ) : (
            <Stack gap="xs">
              <Text size="sm">Sign in or create an account to accept. You will come back here afterwards.</Text>
              <Group grow>
                <ButtonLink to="/sign-up" search={{ redirect: here }}>
                  Create account
                </ButtonLink>
                <ButtonLink to="/sign-in" search={{ redirect: here }} variant="default">
                  Sign in
                </ButtonLink>
              </Group>
            </Stack>
          )}
        </Stack>
      )}
    </AuthLayout>
  );
}
