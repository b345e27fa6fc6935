import { ActionIcon, Badge, Button, Group, Menu, Pagination, Paper, Select, Stack, Table, Tabs, Text, TextInput, Tooltip, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowMerge, IconCalendarTime, IconCheck, IconDots, IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import { AnchorLink } from '../../../components/links';
import { useState } from 'react';
import { REQUEST_STATUSES, REQUESTER_TYPES, type DecisionAction, type RequestStatus, type RequestSummary, type RequesterType } from '../../../../shared/contracts.js';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { formatDate, formatRelative } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { useFeatureComponents } from '../../features/use-feature-components';
import { DecisionModal } from './DecisionModal';
import { RequestFormModal } from './RequestFormModal';
import { REQUESTER_TYPE_LABELS, STATUS_COLORS, STATUS_LABELS, URGENCY_COLORS, useRequests } from './use-requests';

const PAGE = 25;

/** Who asked, in a few words. */
export function requesterLabel(r: Pick<RequestSummary, 'requester' | 'contact'>): string {
  return r.requester?.name ?? r.contact?.name ?? 'Customers';
}

/** Request intake and triage: submit, filter, and decide (accept, merge, defer, decline). */
export function RequestsPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const [status, setStatus] = useState<RequestStatus | 'all'>('new');
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [componentId, setComponentId] = useState<string | null>(null);
  const [requesterType, setRequesterType] = useState<RequesterType | null>(null);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [deciding, setDeciding] = useState<{ request: RequestSummary; action: DecisionAction } | null>(null);
  const components = useFeatureComponents(workspaceId, 'request.read');
  const list = useRequests(workspaceId, { status: status === 'all' ? '' : status, q: debouncedQ, componentId, requesterType: requesterType ?? '', limit: PAGE, offset: (page - 1) * PAGE });

  const counts = list.data?.counts;
  const allCount = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : undefined;
  const mayDecide = (r: RequestSummary) => r.status !== 'merged' && can('request.decide', { ownerIds: [r.component?.ownerId] });
  const filtered = Boolean(debouncedQ || componentId || requesterType);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE)) : 1;
  const resetPage = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  return (
    <>
      <PageHeader
        title="Requests"
        description="Asks from executives, teams, customers and partners. Triage each one: accept it into a feature, merge it, defer it to a date, or decline it with a reason."
        actions={
          can('request.create') ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              New request
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        <Tabs value={status} onChange={(v) => resetPage(setStatus)((v ?? 'new') as RequestStatus | 'all')} keepMounted={false}>
          <Tabs.List aria-label="Request status">
            {REQUEST_STATUSES.map((s) => (
              <Tabs.Tab key={s} value={s} rightSection={counts ? <Badge size="sm" variant="light" color={STATUS_COLORS[s]} aria-label={`${counts[s]} requests`}>{counts[s]}</Badge> : null}>
                {STATUS_LABELS[s]}
              </Tabs.Tab>
            ))}
            <Tabs.Tab value="all" rightSection={allCount !== undefined ? <Badge size="sm" variant="light" color="gray" aria-label={`${allCount} requests`}>{allCount}</Badge> : null}>
              All
            </Tabs.Tab>
          </Tabs.List>
        </Tabs>
        <Group gap="sm" wrap="wrap">
          <TextInput
            aria-label="Search requests"
            placeholder="Search title and description"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => resetPage(setQ)(e.currentTarget.value)}
            w={280}
          />
          <Select aria-label="Component" placeholder="Any component" clearable searchable data={components.grouped.length ? allComponentGroups(components.all) : []} value={componentId} onChange={resetPage(setComponentId)} w={220} />
          <Select
            aria-label="Requester type"
            placeholder="Any requester"
            clearable
            data={REQUESTER_TYPES.map((t) => ({ value: t, label: REQUESTER_TYPE_LABELS[t] }))}
            value={requesterType}
            onChange={(v) => resetPage(setRequesterType)(v as RequesterType | null)}
            w={180}
          />
        </Group>
        {list.isPending ? (
          <LoadingRows rows={6} />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} title="Could not load requests" />
        ) : list.data.items.length === 0 ? (
          <EmptyState
            title={filtered ? 'No request matches' : status === 'new' ? 'Triage is clear' : `No ${status === 'all' ? '' : STATUS_LABELS[status].toLowerCase() + ' '}requests`}
            description={filtered ? 'Try other words or filters.' : status === 'new' ? 'Every request has been decided. New asks appear here.' : undefined}
            action={
              !filtered && can('request.create') ? (
                <Button variant="light" onClick={() => setCreating(true)}>
                  New request
                </Button>
              ) : undefined
            }
          />
        ) : (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="sm" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Request</Table.Th>
                    <Table.Th>Asked by</Table.Th>
                    <Table.Th>Urgency</Table.Th>
                    <Table.Th>Component</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Stack gap={2}>
                          <AnchorLink to="/w/$workspaceId/requests/$requestId" params={{ workspaceId, requestId: r.id }} fw={500}>
                            {r.title}
                          </AnchorLink>
                          <Text size="xs" c="dimmed">
                            Submitted {formatRelative(r.createdAt)}
                            {r.mergedCount ? ` · ${r.mergedCount} merged in` : ''}
                            {r.desiredDate ? ` · wanted by ${formatDate(r.desiredDate)}` : ''}
                          </Text>
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{requesterLabel(r)}</Text>
                        <Text size="xs" c="dimmed">
                          {REQUESTER_TYPE_LABELS[r.requesterType]}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={URGENCY_COLORS[r.urgency]}>
                          {r.urgency}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={r.component ? undefined : 'dimmed'}>
                          {r.component?.name ?? 'Not placed'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={STATUS_COLORS[r.status]}>
                          {STATUS_LABELS[r.status]}
                        </Badge>
                        {r.status === 'deferred' && r.revisitOn ? (
                          <Text size="xs" c="dimmed">
                            until {formatDate(r.revisitOn)}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{mayDecide(r) ? <DecideMenu request={r} onPick={(action) => setDeciding({ request: r, action })} /> : null}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
        {pages > 1 ? <Pagination value={page} onChange={setPage} total={pages} aria-label="Pages of requests" /> : null}
      </Stack>
      <RequestFormModal opened={creating} onClose={() => setCreating(false)} />
      <DecisionModal request={deciding?.request ?? null} action={deciding?.action ?? 'accept'} onClose={() => setDeciding(null)} />
    </>
  );
}

function allComponentGroups(all: { id: string; name: string; productName: string }[]) {
  const groups: { group: string; items: { value: string; label: string }[] }[] = [];
  for (const c of all) {
    const g = groups.find((x) => x.group === c.productName);
    if (g) g.items.push({ value: c.id, label: c.name });
    else groups.push({ group: c.productName, items: [{ value: c.id, label: c.name }] });
  }
  return groups;
}

/** The decision actions on one request. */
export function DecideMenu({ request, onPick }: { request: RequestSummary; onPick: (action: DecisionAction) => void }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Tooltip label="Decide">
          <ActionIcon variant="subtle" aria-label={`Decide “${request.title}”`}>
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconCheck size={16} aria-hidden />} onClick={() => onPick('accept')}>
          Accept…
        </Menu.Item>
        <Menu.Item leftSection={<IconArrowMerge size={16} aria-hidden />} onClick={() => onPick('merge')}>
          Merge…
        </Menu.Item>
        <Menu.Item leftSection={<IconCalendarTime size={16} aria-hidden />} onClick={() => onPick('defer')}>
          Defer…
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconX size={16} aria-hidden />} onClick={() => onPick('decline')}>
          Decline…
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
