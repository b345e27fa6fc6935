import { ActionIcon, Badge, Button, CopyButton, Group, Paper, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorState, LoadingRows } from '../../../components/QueryState';
import { errorMessage } from '../../../lib/errors';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { useCreateShareLink, useRevokeShareLink, useShareLinks } from './use-reports';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Share links of a report: create one with an expiry, copy its URL (shown once), revoke, see views. */
export function ShareLinksPanel({ workspaceId, reportId, mayShare }: { workspaceId: string; reportId: string; mayShare: boolean }) {
  const links = useShareLinks(workspaceId, reportId);
  const create = useCreateShareLink(workspaceId, reportId);
  const revoke = useRevokeShareLink(workspaceId);
  const [expires, setExpires] = useState(inDays(14));
  const [fresh, setFresh] = useState<string | null>(null);
  const items = links.data?.items ?? [];

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} fz="md">
          Share links
        </Title>
        <Text size="sm" c="dimmed">
          Read-only links that need no login. Every view is counted and audited.
        </Text>
        {mayShare ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate(new Date(`${expires}T23:59:59`).toISOString(), { onSuccess: (l) => setFresh(`${window.location.origin}${l.url}`) });
            }}
          >
            <Group align="flex-end">
              <TextInput label="Expires on" type="date" value={expires} min={inDays(0)} onChange={(e) => setExpires(e.currentTarget.value)} required />
              <Button type="submit" loading={create.isPending}>
                Create link
              </Button>
            </Group>
          </form>
        ) : null}
        {create.error ? (
          <Text c="red" size="sm" role="alert">
            {errorMessage(create.error)}
          </Text>
        ) : null}
        {fresh ? (
          <Group gap="xs" wrap="nowrap">
            <TextInput readOnly value={fresh} aria-label="New share link URL" flex={1} description="Copy it now: it is not shown again." />
            <CopyButton value={fresh}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}>
                  {copied ? 'Copied' : 'Copy URL'}
                </Button>
              )}
            </CopyButton>
          </Group>
        ) : null}
        {links.isPending ? (
          <LoadingRows rows={2} />
        ) : links.isError ? (
          <ErrorState error={links.error} onRetry={() => void links.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm">No share links yet.</Text>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Status</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Views</Table.Th>
                {mayShare ? <Table.Th aria-label="Actions" /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>
                    {/* max-content: in the narrow side panel the table squeezed the badge to "ACTI…". */}
                    <Badge variant="light" color={l.active ? 'green' : 'gray'} style={{ minWidth: 'max-content' }}>
                      {l.revokedAt ? 'revoked' : l.active ? 'active' : 'expired'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDateTime(l.expiresAt)}</Table.Td>
                  <Table.Td>
                    {l.viewCount}
                    {l.lastViewedAt ? <Text span size="xs" c="dimmed">{` · last ${formatRelative(l.lastViewedAt)}`}</Text> : null}
                  </Table.Td>
                  {mayShare ? (
                    <Table.Td>
                      {l.active ? (
                        <Tooltip label="Revoke link">
                          <ActionIcon variant="subtle" color="red" aria-label="Revoke link" loading={revoke.isPending && revoke.variables === l.id} onClick={() => revoke.mutate(l.id)}>
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
