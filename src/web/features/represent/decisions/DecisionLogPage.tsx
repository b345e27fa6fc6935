import { Button, Group, Pagination, Paper, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconGavel, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { DECISION_ACTIONS, type Decision } from '../../../../shared/contracts.js';
import { AnchorLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { formatDate, formatDateTime, plural } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { useFeatureComponents } from '../../features/use-feature-components';
import { useMembers } from '../../members/use-members';
import { useProducts } from '../../products/use-products';
import { usePillarOptions } from '../../strategy/pillars/use-pillars';
import { ACTION_LABELS, ActionBadge, EvidenceChips } from './DecisionParts';
import { RecordDecisionModal } from './RecordDecisionModal';
import { useDecisions } from './use-decisions';

const PAGE = 25;

/** What the decision did, in a few words. */
function Outcome({ d, workspaceId }: { d: Decision; workspaceId: string }) {
  if (d.action === 'accept' && d.feature)
    return (
      <Text size="xs">
        Feature:{' '}
        <AnchorLink to="/w/$workspaceId/features/$featureId" params={{ workspaceId, featureId: d.feature.id }} size="xs">
          {d.feature.title}
        </AnchorLink>
      </Text>
    );
  if (d.action === 'merge' && d.intoRequest)
    return (
      <Text size="xs">
        Into{' '}
        <AnchorLink to="/w/$workspaceId/requests/$requestId" params={{ workspaceId, requestId: d.intoRequest.id }} size="xs">
          {d.intoRequest.title}
        </AnchorLink>
      </Text>
    );
  if (d.action === 'defer' && d.revisitOn) return <Text size="xs">Revisit on {formatDate(d.revisitOn)}</Text>;
  return null;
}

/** What a decision is about: its request, or for a roadmap decision its feature, linked when still there. */
function Subject({ d, workspaceId }: { d: Decision; workspaceId: string }) {
  if (d.requestId)
    return (
      <AnchorLink to="/w/$workspaceId/requests/$requestId" params={{ workspaceId, requestId: d.requestId }} fw={500}>
        {d.title}
      </AnchorLink>
    );
  if (d.action === 'roadmap' && d.feature)
    return (
      <AnchorLink to="/w/$workspaceId/features/$featureId" params={{ workspaceId, featureId: d.feature.id }} fw={500}>
        {d.title}
      </AnchorLink>
    );
  return <Text fw={500}>{d.title}</Text>;
}

/**
 * The decision log: every triage decision and roadmap decision with who made it, when and why (the
 * rationale template, the free text, the pillar and the evidence), searchable and filtered by action,
 * decider, pillar and dates. Those who may record roadmap decisions (a PM: about features of a
 * component they own) record them here.
 */
export function DecisionLogPage() {
  const { workspaceId } = useCurrentWorkspace();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [action, setAction] = useState<string | null>(null);
  const [decidedById, setDecider] = useState<string | null>(null);
  const [pillarId, setPillar] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const [recording, setRecording] = useState(false);
  const mayRecord = useFeatureComponents(workspaceId, 'decision.record').allowed.length > 0;
  const members = useMembers(workspaceId);
  const products = useProducts(workspaceId);
  const pillars = usePillarOptions(workspaceId, products.data?.items ?? []);
  const validDay = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);
  const filters = { q: debounced || undefined, action: action ?? undefined, decidedById: decidedById ?? undefined, pillarId: pillarId ?? undefined, from: validDay(from), to: validDay(to), limit: PAGE, offset: (page - 1) * PAGE };
  const decisions = useDecisions(workspaceId, filters);
  const filtered = Boolean(debounced || action || decidedById || pillarId || filters.from || filters.to);
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  const data = decisions.data;

  return (
    <>
      <PageHeader
        title="Decision log"
        description="Every triage and roadmap decision: who made it, when, and why, with the pillar or evidence that justified it."
        actions={
          mayRecord ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRecording(true)}>
              Record a decision
            </Button>
          ) : null
        }
      />
      <RecordDecisionModal opened={recording} onClose={() => setRecording(false)} />
      <Paper withBorder radius="md" p="md" mb="md">
        <Stack gap="sm">
          <TextInput
            label="Search"
            placeholder='Words in the title or rationale, "a phrase", -exclude'
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => reset(setQ)(e.currentTarget.value)}
          />
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select label="Action" placeholder="Any" clearable data={DECISION_ACTIONS.map((a) => ({ value: a, label: ACTION_LABELS[a] }))} value={action} onChange={reset(setAction)} w={160} />
            <Select
              label="Decided by"
              placeholder="Anyone"
              clearable
              searchable
              data={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
              value={decidedById}
              onChange={reset(setDecider)}
              w={200}
            />
            <Select label="Pillar" placeholder="Any" clearable searchable data={pillars.groups} value={pillarId} onChange={reset(setPillar)} w={220} />
            <TextInput label="From" type="date" value={from} onChange={(e) => reset(setFrom)(e.currentTarget.value)} w={160} />
            <TextInput label="To" type="date" value={to} onChange={(e) => reset(setTo)(e.currentTarget.value)} w={160} />
            {filtered ? (
              <Button
                variant="subtle"
                onClick={() => {
                  setQ('');
                  setAction(null);
                  setDecider(null);
                  setPillar(null);
                  setFrom('');
                  setTo('');
                  setPage(1);
                }}
              >
                Clear filters
              </Button>
            ) : null}
          </Group>
        </Stack>
      </Paper>

      {decisions.isPending ? (
        <LoadingRows rows={6} height={56} />
      ) : decisions.isError ? (
        <ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />
      ) : !data || data.items.length === 0 ? (
        <EmptyState
          icon={<IconGavel size={24} aria-hidden />}
          title={filtered ? 'No decision matches' : 'No decisions yet'}
          description={
            filtered
              ? 'Try other words or fewer filters.'
              : 'Decisions appear here as requests are accepted, merged, deferred or declined in triage, and as roadmap decisions are recorded about features.'
          }
          action={
            !filtered && mayRecord ? (
              <Button variant="light" onClick={() => setRecording(true)}>
                Record a decision
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {plural(data.total, 'decision')}
          </Text>
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="sm" highlightOnHover>
                <VisuallyHidden component="caption">Decisions, newest first</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Request or feature</Table.Th>
                    <Table.Th scope="col">Decision</Table.Th>
                    <Table.Th scope="col">Why</Table.Th>
                    <Table.Th scope="col">Who and when</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td maw={260}>
                        <Subject d={d} workspaceId={workspaceId} />
                        {d.component ? (
                          <Text size="xs" c="dimmed">
                            {d.component.name}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={4}>
                          <ActionBadge action={d.action} />
                          <Outcome d={d} workspaceId={workspaceId} />
                        </Stack>
                      </Table.Td>
                      <Table.Td maw={420}>
                        <Stack gap={6}>
                          {d.template ? (
                            <Text size="sm" fw={500}>
                              {d.template.title}
                            </Text>
                          ) : null}
                          {d.rationale ? (
                            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                              {d.rationale}
                            </Text>
                          ) : !d.template ? (
                            <Text size="sm" c="dimmed">
                              No rationale given
                            </Text>
                          ) : null}
                          {d.pillar ? (
                            <Text size="xs" c="dimmed">
                              Pillar: {d.pillar.name}
                            </Text>
                          ) : null}
                          <EvidenceChips evidence={d.evidence} />
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{d.decidedBy?.name ?? 'A former member'}</Text>
                        <Text size="xs" c="dimmed" title={formatDateTime(d.decidedAt)}>
                          {formatDate(d.decidedAt)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          {data.total > PAGE ? (
            <Group justify="center">
              <Pagination total={Math.ceil(data.total / PAGE)} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': c === 'previous' ? 'Previous page' : 'Next page' })} />
            </Group>
          ) : null}
        </Stack>
      )}
    </>
  );
}
