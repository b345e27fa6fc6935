import { ActionIcon, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconMailForward, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { ROLE_LABELS, type Role } from '../../../shared/roles.js';
import type { MemberT } from '../../lib/api/types';
import { NotAllowed } from '../../components/AdminOnly';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../components/QueryState';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatDate, formatRelative } from '../../lib/format';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { InviteMemberModal, ROLE_OPTIONS } from './InviteMemberModal';
import { useInvitations, useMembers, useRemoveMember, useRevokeInvitation, useUpdateMember } from './use-members';

/** Admin: members and their roles, invitations. */
export function MembersSettingsPage() {
  const { workspaceId, can, memberId, role } = useCurrentWorkspace();
  const allowed = can('invitation.read');
  const members = useMembers(workspaceId);
  const invitations = useInvitations(workspaceId, allowed);
  const updateMember = useUpdateMember(workspaceId);
  const removeMember = useRemoveMember(workspaceId);
  const revoke = useRevokeInvitation(workspaceId);
  const [inviteOpen, invite] = useDisclosure(false);

  if (!allowed) return <NotAllowed title="Members">Only admins manage members and invitations. You are {ROLE_LABELS[role].toLowerCase()} here.</NotAllowed>;

  const changeRole = (m: MemberT, next: Role) =>
    updateMember.mutate(
      { memberId: m.id, role: next, version: m.version },
      { onSuccess: () => notifySuccess(`${m.name} is now ${ROLE_LABELS[next].toLowerCase()}.`), onError: (e) => notifyError(e, 'Could not change the role') },
    );

  const confirmRemove = (m: MemberT) =>
    modals.openConfirmModal({
      title: `Remove ${m.name}?`,
      children: (
        <Text size="sm">
          {m.name} loses access to this workspace.{' '}
          {m.ownedComponents.length ? `The ${m.ownedComponents.length} components they own will have no owner.` : ''}
        </Text>
      ),
      labels: { confirm: 'Remove member', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => removeMember.mutate(m.id, { onSuccess: () => notifySuccess(`${m.name} removed.`), onError: (e) => notifyError(e, 'Could not remove the member') }),
    });

  const pending = (invitations.data?.items ?? []).filter((i) => i.status === 'pending');

  return (
    <>
      <PageHeader
        title="Members"
        description="Who is in the workspace and what each may do."
        actions={
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={invite.open}>
            Invite member
          </Button>
        }
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="lg">
          <Title order={2} fz="lg" mb="sm">
            Members {members.data ? <Text span c="dimmed" fz="md">({members.data.total})</Text> : null}
          </Title>
          {members.isPending ? (
            <LoadingRows rows={4} />
          ) : members.isError ? (
            <ErrorState error={members.error} onRetry={() => void members.refetch()} />
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Title</Table.Th>
                    <Table.Th w={200}>Role</Table.Th>
                    <Table.Th>Joined</Table.Th>
                    <Table.Th w={60}>
                      <span className="sr-only">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.data.items.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>
                        <Group gap={6}>
                          <Text size="sm" fw={600}>
                            {m.name}
                          </Text>
                          {m.id === memberId ? <Badge size="xs">You</Badge> : null}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {m.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{m.title || '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={`Role of ${m.name}`}
                          data={ROLE_OPTIONS}
                          value={m.role}
                          allowDeselect={false}
                          size="xs"
                          disabled={updateMember.isPending && updateMember.variables.memberId === m.id}
                          onChange={(v) => {
                            if (v && v !== m.role) changeRole(m, v as Role);
                          }}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDate(m.joinedAt)}</Text>
                      </Table.Td>
                      <Table.Td>
                        {m.id !== memberId ? (
                          <Tooltip label="Remove from workspace">
                            <ActionIcon variant="subtle" color="red" aria-label={`Remove ${m.name}`} onClick={() => confirmRemove(m)}>
                              <IconUserMinus size={18} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>

        <Paper withBorder radius="md" p="lg">
          <Title order={2} fz="lg" mb="sm">
            Pending invitations
          </Title>
          {invitations.isPending ? (
            <LoadingRows rows={2} />
          ) : invitations.isError ? (
            <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />
          ) : pending.length === 0 ? (
            <EmptyState
              icon={<IconMailForward size={24} aria-hidden />}
              title="No pending invitations"
              description="Invite PMs, leads and stakeholders by email; you get a link to send them."
            />
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Email</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Invited by</Table.Th>
                    <Table.Th>Expires</Table.Th>
                    <Table.Th w={100}>
                      <span className="sr-only">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {pending.map((inv) => (
                    <Table.Tr key={inv.id}>
                      <Table.Td>
                        <Text size="sm">{inv.email}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge color="gray">{ROLE_LABELS[inv.role]}</Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{inv.invitedBy}</Text>
                        <Text size="xs" c="dimmed">
                          {formatRelative(inv.createdAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDate(inv.expiresAt)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={`Revoke invitation for ${inv.email}`}
                          loading={revoke.isPending && revoke.variables === inv.id}
                          onClick={() =>
                            revoke.mutate(inv.id, { onSuccess: () => notifySuccess(`Invitation for ${inv.email} revoked.`), onError: (e) => notifyError(e) })
                          }
                        >
                          Revoke
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      </Stack>
      <InviteMemberModal workspaceId={workspaceId} opened={inviteOpen} onClose={invite.close} />
    </>
  );
}
