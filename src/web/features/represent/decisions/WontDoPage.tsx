import { Badge, Card, Group, Pagination, SimpleGrid, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBan, IconClockPause, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { DeferredItem, WontDoItem } from '../../../../shared/contracts.js';
import { AnchorLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { formatDate, plural } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { EvidenceChips } from './DecisionParts';
import { useWontDo } from './use-decisions';

const PAGE = 20;
const REQUESTER_TYPES: Record<string, string> = { executive: 'Executive', internal: 'Internal team', customer: 'Customer', partner: 'Partner' };

function DeclinedCard({ item, workspaceId }: { item: WontDoItem; workspaceId: string }) {
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={`wd-${item.requestId}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <AnchorLink id={`wd-${item.requestId}`} to="/w/$workspaceId/requests/$requestId" params={{ workspaceId, requestId: item.requestId }} fw={600}>
            {item.title}
          </AnchorLink>
          <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
            {plural(item.requesterCount, 'requester')}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {REQUESTER_TYPES[item.requesterType] ?? item.requesterType} ask · declined {item.decidedAt ? formatDate(item.decidedAt) : ''}
          {item.decidedBy ? ` by ${item.decidedBy.name}` : ''}
        </Text>
        {item.template ? (
          <Text size="sm" fw={500}>
            {item.template.title}
          </Text>
        ) : null}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={item.rationale ? undefined : 'dimmed'}>
          {item.rationale || 'No rationale recorded'}
        </Text>
        {item.pillar ? (
          <Text size="xs" c="dimmed">
            Pillar: {item.pillar.name}
          </Text>
        ) : null}
        {item.customers.length ? (
          <Group gap={6} aria-label="Customers concerned">
            {item.customers.map((c) => (
              <Badge key={c.id} variant="dot" color="blue" tt="none" fw={500}>
                {c.name}
              </Badge>
            ))}
          </Group>
        ) : null}
        <EvidenceChips evidence={item.evidence} />
      </Stack>
    </Card>
  );
}

function DeferredRow({ item, workspaceId }: { item: DeferredItem; workspaceId: string }) {
  return (
    <Card withBorder radius="md" padding="sm" component="li">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} miw={0}>
          <AnchorLink to="/w/$workspaceId/requests/$requestId" params={{ workspaceId, requestId: item.requestId }} fw={500}>
            {item.title}
          </AnchorLink>
          {item.rationale ? (
            <Text size="sm" c="dimmed" lineClamp={2}>
              {item.rationale}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {plural(item.requesterCount, 'requester')}
            {item.decidedBy ? ` · deferred by ${item.decidedBy.name}` : ''}
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Text size="sm">{item.revisitOn ? `Revisit ${formatDate(item.revisitOn)}` : 'No revisit date'}</Text>
          {item.due ? (
            <Badge color="orange" variant="filled">
              Due for triage
            </Badge>
          ) : null}
        </Stack>
      </Group>
    </Card>
  );
}

/**
 * The won't-do registry: the asks we said no to, each with its rationale, how many asked (merged asks
 * included), the customers concerned and the evidence; and the deferred asks with their revisit dates.
 */
export function WontDoPage() {
  const { workspaceId } = useCurrentWorkspace();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [page, setPage] = useState(1);
  const registry = useWontDo(workspaceId, debounced, PAGE, (page - 1) * PAGE);
  const data = registry.data;
  const dueCount = data?.deferred.filter((d) => d.due).length ?? 0;

  return (
    <>
      <PageHeader title="Won't do" description="What we said no to and why, and what waits for a later look. Share it when the same ask comes back." />
      <TextInput
        label="Search"
        placeholder="Words in the ask or its rationale"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setPage(1);
        }}
        mb="md"
        maw={480}
      />
      {registry.isPending ? (
        <LoadingRows rows={4} height={120} />
      ) : registry.isError ? (
        <ErrorState error={registry.error} onRetry={() => void registry.refetch()} />
      ) : data ? (
        <Tabs defaultValue="declined" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="declined" leftSection={<IconBan size={16} aria-hidden />}>
              Declined ({data.total})
            </Tabs.Tab>
            <Tabs.Tab value="deferred" leftSection={<IconClockPause size={16} aria-hidden />}>
              Deferred ({data.deferred.length}){dueCount ? ` · ${dueCount} due` : ''}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="declined">
            {data.items.length === 0 ? (
              <EmptyState
                icon={<IconBan size={24} aria-hidden />}
                title={debounced ? 'Nothing declined matches' : 'Nothing declined yet'}
                description={debounced ? 'Try other words.' : 'Requests declined in triage are listed here with their rationale.'}
              />
            ) : (
              <Stack gap="md">
                <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                  {data.items.map((item) => (
                    <DeclinedCard key={item.requestId} item={item} workspaceId={workspaceId} />
                  ))}
                </SimpleGrid>
                {data.total > PAGE ? (
                  <Group justify="center">
                    <Pagination total={Math.ceil(data.total / PAGE)} value={page} onChange={setPage} />
                  </Group>
                ) : null}
              </Stack>
            )}
          </Tabs.Panel>
          <Tabs.Panel value="deferred">
            {data.deferred.length === 0 ? (
              <EmptyState icon={<IconClockPause size={24} aria-hidden />} title={debounced ? 'Nothing deferred matches' : 'Nothing deferred'} description="Deferred requests come back into triage on their revisit date." />
            ) : (
              <Stack gap="xs">
                <Title order={2} fz="md">
                  Soonest revisit first
                </Title>
                <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                  {data.deferred.map((item) => (
                    <DeferredRow key={item.requestId} item={item} workspaceId={workspaceId} />
                  ))}
                </Stack>
              </Stack>
            )}
          </Tabs.Panel>
        </Tabs>
      ) : null}
    </>
  );
}
