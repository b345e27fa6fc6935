import { Badge, Button, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { IconBulb, IconPlus, IconSearch, IconTargetArrow } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { AnchorLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { OPPORTUNITY_STATUS_COLORS, OPPORTUNITY_STATUS_LABELS, formatMoney, optionsOf } from '../labels';
import type { Opportunity } from '../types';
import { OpportunityFormModal } from './OpportunityFormModal';
import { ThemesDrawer } from './ThemesDrawer';
import { useOpportunities } from './use-opportunities';

type SortKey = 'score' | 'feedback' | 'customers' | 'arr' | 'title';
const SORTS: { value: SortKey; label: string }[] = [
  { value: 'score', label: 'Evidence score' },
  { value: 'feedback', label: 'Feedback' },
  { value: 'customers', label: 'Customers' },
  { value: 'arr', label: 'ARR' },
  { value: 'title', label: 'Title' },
];

function compare(a: Opportunity, b: Opportunity, key: SortKey): number {
  if (key === 'title') return a.title.localeCompare(b.title);
  if (key === 'arr') {
    const x = BigInt(a.evidence.arr || '0');
    const y = BigInt(b.evidence.arr || '0');
    return x === y ? 0 : x > y ? -1 : 1;
  }
  const pick = (o: Opportunity) => (key === 'score' ? o.evidence.score : key === 'feedback' ? o.evidence.feedbackCount : o.evidence.customerCount);
  return pick(b) - pick(a);
}

/** The customer problems we know of, ranked by their graded evidence. */
export function OpportunitiesPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const list = useOpportunities(workspaceId);
  const [creating, setCreating] = useState(false);
  const [themes, setThemes] = useState(false);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [sort, setSort] = useState<SortKey>('score');
  const canCreate = can('opportunity.create');

  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (list.data?.items ?? [])
      .filter((o) => (!status || o.status === status) && (!needle || o.title.toLowerCase().includes(needle)))
      .sort((a, b) => compare(a, b, sort));
  }, [list.data, q, status, sort]);

  const actions = (
    <>
      {canCreate && can('feedback.read') ? (
        <Button variant="default" leftSection={<IconBulb size={16} aria-hidden />} onClick={() => setThemes(true)}>
          Find themes
        </Button>
      ) : null}
      {canCreate ? (
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          New opportunity
        </Button>
      ) : null}
    </>
  );

  return (
    <>
      <PageHeader title="Opportunities" description="Customer problems worth solving, with the evidence behind each." actions={actions} />
      {list.isPending ? (
        <LoadingRows rows={6} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState
          icon={<IconTargetArrow size={24} aria-hidden />}
          title="No opportunities yet"
          description={canCreate ? 'Create one by hand, or find themes in the unlinked feedback and turn them into opportunities.' : 'PMs and leads record opportunities from customer feedback.'}
          action={
            canCreate ? (
              <Button leftSection={<IconBulb size={16} aria-hidden />} onClick={() => setThemes(true)}>
                Find themes
              </Button>
            ) : null
          }
        />
      ) : (
        <>
          <Group gap="xs" mb="sm" align="flex-end">
            <TextInput label="Search titles" leftSection={<IconSearch size={16} aria-hidden />} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={240} />
            <Select label="Status" placeholder="Any status" data={optionsOf(OPPORTUNITY_STATUS_LABELS)} value={status} onChange={setStatus} clearable w={160} />
            <Select label="Sort by" data={SORTS} value={sort} onChange={(v) => setSort((v as SortKey) ?? 'score')} allowDeselect={false} w={170} />
          </Group>
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={720}>
              <Table aria-label="Opportunities">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Opportunity</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th ta="right">Score</Table.Th>
                    <Table.Th ta="right">Feedback</Table.Th>
                    <Table.Th ta="right">Customers</Table.Th>
                    <Table.Th ta="right">ARR</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Td maw={420}>
                        <AnchorLink to="/w/$workspaceId/opportunities/$opportunityId" params={{ workspaceId, opportunityId: o.id }} fw={550}>
                          {o.title}
                        </AnchorLink>
                        {o.problem ? (
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            {o.problem}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={OPPORTUNITY_STATUS_COLORS[o.status]}>{OPPORTUNITY_STATUS_LABELS[o.status]}</Badge>
                      </Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {o.evidence.score.toFixed(1)}
                      </Table.Td>
                      <Table.Td ta="right">{o.evidence.feedbackCount}</Table.Td>
                      <Table.Td ta="right">{o.evidence.customerCount}</Table.Td>
                      <Table.Td ta="right">{formatMoney(o.evidence.arr)}</Table.Td>
                    </Table.Tr>
                  ))}
                  {rows.length === 0 ? (
                    <Table.Tr>
                      <Table.Td colSpan={6}>
                        <Text size="sm" c="dimmed" ta="center" py="md">
                          No opportunity matches these filters.
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </>
      )}
      <OpportunityFormModal workspaceId={workspaceId} opened={creating} onClose={() => setCreating(false)} />
      <ThemesDrawer workspaceId={workspaceId} opened={themes} onClose={() => setThemes(false)} canCreate={canCreate} />
    </>
  );
}
