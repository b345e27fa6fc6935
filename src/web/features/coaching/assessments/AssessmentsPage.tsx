import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconClipboardCheck, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Assessment } from '../../../../shared/contracts.js';
import { AnchorLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { formatDate } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { SideBadge } from './labels';
import { NewAssessmentModal } from './NewAssessmentModal';
import { useAssessments } from './use-assessments';

/** What is waiting on the caller: their own draft side of an assessment. */
function yourTurn(a: Assessment): boolean {
  return a.mySides.length > 0;
}

function AssessmentTable({ workspaceId, rows, showPerson, caption }: { workspaceId: string; rows: Assessment[]; showPerson: boolean; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover>
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Period</Table.Th>
            {showPerson ? <Table.Th>Person</Table.Th> : null}
            <Table.Th>Framework</Table.Th>
            <Table.Th>Level</Table.Th>
            <Table.Th>Sides</Table.Th>
            <Table.Th>Coach</Table.Th>
            <Table.Th>Opened</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <AnchorLink to="/w/$workspaceId/coaching/assessments/$assessmentId" params={{ workspaceId, assessmentId: a.id }} fw={600}>
                    {a.period}
                  </AnchorLink>
                  {yourTurn(a) ? (
                    <Badge size="sm" color="indigo" variant="filled">
                      Your turn
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              {showPerson ? <Table.Td>{a.person.name}</Table.Td> : null}
              <Table.Td>
                <Text size="sm">{a.framework.name}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={a.level ? undefined : 'dimmed'}>
                  {a.level?.title ?? 'Not placed'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <SideBadge side="self" status={a.selfStatus} at={a.selfSubmittedAt} />
                  <SideBadge side="coach" status={a.coachStatus} at={a.coachSubmittedAt} />
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={a.coach ? undefined : 'dimmed'}>
                  {a.coach?.name ?? 'Any lead'}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatDate(a.createdAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Assessments the caller may see. A lead sees everyone's, grouped by person, with what waits on them
 * first; a PM sees their own and can open a self-assessment.
 */
export function AssessmentsPage() {
  const { workspaceId, role, can } = useCurrentWorkspace();
  const coaches = role === 'lead' || role === 'admin';
  const [period, setPeriod] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  // One fetch, filtered here: every list read is an audit entry, so the filters do not refetch.
  const list = useAssessments(workspaceId);
  const canCreate = can('coaching.write');

  const periods = useMemo(() => [...new Set((list.data?.items ?? []).map((a) => a.period))], [list.data]);
  const items = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (list.data?.items ?? []).filter((a) => (!period || a.period === period) && (!q || a.person.name.toLowerCase().includes(q)));
  }, [list.data, search, period]);
  const groups = useMemo(() => {
    const byPerson = new Map<string, { name: string; rows: Assessment[] }>();
    for (const a of items) byPerson.set(a.personId, { name: a.person.name, rows: [...(byPerson.get(a.personId)?.rows ?? []), a] });
    // People with something waiting on the caller come first, then by name.
    return [...byPerson.entries()].sort(([, x], [, y]) => Number(y.rows.some(yourTurn)) - Number(x.rows.some(yourTurn)) || x.name.localeCompare(y.name));
  }, [items]);
  const waiting = items.filter(yourTurn).length;

  const header = (
    <PageHeader
      title="Assessments"
      description={
        coaches
          ? 'Self and coach ratings per competency, with evidence from real work. Each side stays private to its author until submitted.'
          : 'Rate yourself per competency with evidence from your work; your coach rates too. Compare both once shared.'
      }
      actions={
        canCreate ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {coaches ? 'New assessment' : 'New self-assessment'}
          </Button>
        ) : null
      }
    />
  );

  let body;
  if (list.isPending) body = <LoadingRows rows={5} />;
  else if (list.isError) body = <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.items.length === 0) {
    body = (
      <EmptyState
        icon={<IconClipboardCheck size={24} aria-hidden />}
        title="No assessments yet"
        description={
          coaches
            ? 'Open an assessment for a PM and a period. They rate themselves, you rate them, and the comparison shows where to coach.'
            : 'Open a self-assessment for this quarter, or wait for your coach to open one for you.'
        }
        action={
          canCreate ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {coaches ? 'New assessment' : 'New self-assessment'}
            </Button>
          ) : null
        }
      />
    );
  } else if (items.length === 0) {
    body = (
      <Paper withBorder radius="md" p="lg">
        <Text size="sm" c="dimmed" ta="center">
          No assessment matches {search ? `“${search}”` : ''}
          {period ? ` in ${period}` : ''}.
        </Text>
      </Paper>
    );
  } else if (!coaches) {
    body = (
      <Paper withBorder radius="md">
        <AssessmentTable workspaceId={workspaceId} rows={items} showPerson={false} caption="Your assessments, latest period first" />
      </Paper>
    );
  } else {
    body = (
      <Stack gap="md">
        {groups.map(([personId, g]) => (
          <Paper key={personId} withBorder radius="md" p="md">
            <Group justify="space-between" mb="xs">
              <Title order={2} fz="md">
                <AnchorLink to="/w/$workspaceId/coaching/people/$personId" params={{ workspaceId, personId }} c="inherit">
                  {g.name}
                </AnchorLink>
              </Title>
              <Text size="xs" c="dimmed">
                {g.rows.length} {g.rows.length === 1 ? 'assessment' : 'assessments'}
              </Text>
            </Group>
            <AssessmentTable workspaceId={workspaceId} rows={g.rows} showPerson={false} caption={`Assessments of ${g.name}`} />
          </Paper>
        ))}
      </Stack>
    );
  }

  return (
    <>
      {header}
      {list.data && list.data.items.length > 0 ? (
        <Group mb="md" gap="md" align="flex-end" wrap="wrap">
          <Select
            label="Period"
            placeholder="All periods"
            data={periods}
            value={period}
            onChange={setPeriod}
            clearable
            w={180}
          />
          {coaches ? (
            <TextInput
              label="Person"
              placeholder="Search by name"
              leftSection={<IconSearch size={16} aria-hidden />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={240}
            />
          ) : null}
          {waiting ? (
            <Text size="sm" c="dimmed" pb={6}>
              {waiting === 1 ? 'One assessment waits' : `${waiting} assessments wait`} for your ratings.
            </Text>
          ) : null}
        </Group>
      ) : null}
      {body}
      <VisuallyHidden aria-live="polite">{list.data ? `${items.length} assessments shown` : ''}</VisuallyHidden>
      <NewAssessmentModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
