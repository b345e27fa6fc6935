import { Avatar, Badge, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch, IconUsers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { ROLE_LABELS } from '../../../shared/roles.js';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../components/QueryState';
import { formatDate, initials } from '../../lib/format';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { useMembers } from './use-members';

const ROLE_COLORS = { admin: 'grape', lead: 'indigo', pm: 'teal', contributor: 'cyan', viewer: 'gray' } as const;

/** The member directory: who is who, their title and role, and what they own. */
export function PeoplePage() {
  const { workspaceId, memberId, can } = useCurrentWorkspace();
  const members = useMembers(workspaceId);
  const [query, setQuery] = useState('');
  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    const items = [...(members.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    if (!q) return items;
    return items.filter((m) => [m.name, m.title, m.email, ROLE_LABELS[m.role], ...m.ownedComponents.map((c) => c.name)].some((s) => s.toLowerCase().includes(q)));
  }, [members.data, query]);

  const invite = can('invitation.create') ? (
    <ButtonLink to="/w/$workspaceId/settings/members" params={{ workspaceId }}>
      Invite member
    </ButtonLink>
  ) : null;

  return (
    <>
      <PageHeader title="People" description="Everyone in the workspace, their role and the components they own." actions={invite} />
      {members.isPending ? (
        <LoadingRows rows={4} height={96} />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <Stack>
          <TextInput
            label="Search people"
            placeholder="Name, title, role or component"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            maw={420}
          />
          {filtered.length === 0 ? (
            <EmptyState
              icon={<IconUsers size={24} aria-hidden />}
              title={query ? 'Nobody matches' : 'Only you so far'}
              description={query ? 'Try another name, title or component.' : 'Invite your product managers and stakeholders.'}
              action={query ? null : invite}
            />
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
              {filtered.map((m) => (
                <Card key={m.id} id={`member-${m.id}`} withBorder radius="md" padding="lg">
                  <Group wrap="nowrap" align="flex-start">
                    <Avatar radius="xl" size={44} color={ROLE_COLORS[m.role]} aria-hidden>
                      {initials(m.name)}
                    </Avatar>
                    <Stack gap={4} miw={0}>
                      <Group gap={6}>
                        <Title order={2} fz="md">
                          {m.name}
                        </Title>
                        {m.id === memberId ? <Badge size="xs">You</Badge> : null}
                      </Group>
                      <Text size="sm" c="dimmed">
                        {m.title || 'No title yet'}
                      </Text>
                      <Group gap={6}>
                        <Badge color={ROLE_COLORS[m.role]}>{ROLE_LABELS[m.role]}</Badge>
                        <Text size="xs" c="dimmed">
                          joined {formatDate(m.joinedAt)}
                        </Text>
                      </Group>
                      <Text size="sm" component="a" href={`mailto:${m.email}`} c="var(--mantine-color-anchor)">
                        {m.email}
                      </Text>
                      {m.ownedComponents.length > 0 ? (
                        <Stack gap={2} mt={4}>
                          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                            Owns
                          </Text>
                          <Group gap={4}>
                            {m.ownedComponents.map((c) => (
                              <Badge key={c.id} variant="outline" color="gray" tt="none">
                                <AnchorLink to="/w/$workspaceId/products/$productId" params={{ workspaceId, productId: c.productId }} c="inherit" size="xs">
                                  {c.name}
                                </AnchorLink>
                              </Badge>
                            ))}
                          </Group>
                        </Stack>
                      ) : null}
                    </Stack>
                  </Group>
                </Card>
              ))}
            </SimpleGrid>
          )}
        </Stack>
      )}
    </>
  );
}
