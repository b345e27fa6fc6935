import { Badge, Code, Group, Pagination, Paper, Popover, Select, Stack, Table, Text, Button } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { AuditEntryT } from '../../lib/api/types';
import { NotAllowed } from '../../components/AdminOnly';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../components/QueryState';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { useAuditLog } from './use-audit';

const PAGE_SIZE = 25;
const ENTITY_TYPES = [
  { value: 'workspace', label: 'Workspace' },
  { value: 'member', label: 'Members' },
  { value: 'invitation', label: 'Invitations' },
  { value: 'product', label: 'Products' },
  { value: 'component', label: 'Components' },
  { value: 'api_token', label: 'API tokens' },
];

function Changes({ entry }: { entry: AuditEntryT }) {
  if (!entry.changes || Object.keys(entry.changes).length === 0) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Popover width={360} position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <Button size="compact-xs" variant="subtle" aria-label={`Show changes: ${entry.summary}`}>
          {Object.keys(entry.changes).length} fields
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6}>
          {Object.entries(entry.changes).map(([field, value]) => {
            const pair = Array.isArray(value) && value.length === 2 ? value : null;
            return (
              <div key={field}>
                <Text size="xs" fw={600}>
                  {field}
                </Text>
                {pair ? (
                  <Text size="xs">
                    <Code>{JSON.stringify(pair[0])}</Code> → <Code>{JSON.stringify(pair[1])}</Code>
                  </Text>
                ) : (
                  <Code block>{JSON.stringify(value, null, 2)}</Code>
                )}
              </div>
            );
          })}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** Admin: who did what and when, filterable by kind of record, paged. */
export function AuditPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const search = useSearch({ from: '/authed/w/$workspaceId/settings/audit' });
  const navigate = useNavigate({ from: '/w/$workspaceId/settings/audit' });
  const page = search.page ?? 1;
  const allowed = can('audit.read');
  const log = useAuditLog(workspaceId, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, entityType: search.type });

  if (!allowed) return <NotAllowed title="Audit log">Only admins can read the audit log.</NotAllowed>;

  const pages = Math.max(1, Math.ceil((log.data?.total ?? 0) / PAGE_SIZE));

  return (
    <>
      <PageHeader title="Audit log" description="Every change in the workspace: who, what and when. Newest first." />
      <Paper withBorder radius="md" p="lg">
        <Group mb="md" align="flex-end" justify="space-between">
          <Select
            label="Record type"
            placeholder="All records"
            data={ENTITY_TYPES}
            value={search.type ?? null}
            clearable
            w={220}
            onChange={(v) => void navigate({ search: v ? { type: v } : {} })}
          />
          {log.data ? (
            <Text size="sm" c="dimmed">
              {log.data.total} entries
            </Text>
          ) : null}
        </Group>
        {log.isPending ? (
          <LoadingRows rows={6} height={36} />
        ) : log.isError ? (
          <ErrorState error={log.error} onRetry={() => void log.refetch()} />
        ) : log.data.items.length === 0 ? (
          <EmptyState
            icon={<IconHistory size={24} aria-hidden />}
            title={search.type ? 'No entries of this type' : 'Nothing recorded yet'}
            description={search.type ? 'Clear the filter to see every entry.' : 'Changes to members, products and settings appear here.'}
          />
        ) : (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover={false}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={170}>When</Table.Th>
                    <Table.Th>Who</Table.Th>
                    <Table.Th>What</Table.Th>
                    <Table.Th>Action</Table.Th>
                    <Table.Th>Changes</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {log.data.items.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td>
                        <Text size="sm" title={formatDateTime(e.at)}>
                          {formatRelative(e.at)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{e.actorName}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{e.summary}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge color="gray" tt="none" variant="light">
                          {e.action}
                        </Badge>
                        {e.kind === 'read' ? (
                          <Badge ml={4} color="grape" tt="none" variant="outline" title="A read of private coaching data, not a change">
                            read
                          </Badge>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Changes entry={e} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {pages > 1 ? (
              <Group justify="center" mt="md">
                <Pagination
                  total={pages}
                  value={page}
                  onChange={(p) => void navigate({ search: (s) => ({ ...s, page: p > 1 ? p : undefined }) })}
                  getControlProps={(control) => ({ 'aria-label': control === 'previous' ? 'Previous page' : control === 'next' ? 'Next page' : control })}
                  getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
                />
              </Group>
            ) : null}
          </>
        )}
      </Paper>
    </>
  );
}
