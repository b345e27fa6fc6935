import { Avatar, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlant2, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { GrowthPlanStatus, GrowthPlanSummary } from '../../../../shared/contracts.js';
import { AnchorLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { formatRelative, initials } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { PLAN_STATUS_COLORS, PLAN_STATUS_LABELS } from './labels';
import { PlanFormModal } from './PlanFormModal';
import { PlanProgress, PrivateBadge } from './PlanProgress';
import { usePeopleOptions } from './use-options';
import { useGrowthPlans } from './use-growth';
import { useSearch } from '@tanstack/react-router';

type StatusFilter = 'all' | GrowthPlanStatus;

function PlanTable({ workspaceId, plans, memberId, showCoach }: { workspaceId: string; plans: GrowthPlanSummary[]; memberId: string; showCoach: boolean }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label="Growth plans" verticalSpacing="sm" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Plan</Table.Th>
            <Table.Th w={120}>Status</Table.Th>
            {showCoach ? <Table.Th w={150}>Coach</Table.Th> : null}
            <Table.Th w={280}>Goals</Table.Th>
            <Table.Th w={120}>Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td maw={380}>
                <Group gap="xs" wrap="nowrap">
                  <AnchorLink to="/w/$workspaceId/coaching/growth/$planId" params={{ workspaceId, planId: p.id }} fw={550} truncate>
                    {p.title}
                  </AnchorLink>
                  {p.private ? <PrivateBadge personName={p.person.name} isMe={p.personId === memberId} /> : null}
                </Group>
                {p.summary ? (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {p.summary}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Badge color={PLAN_STATUS_COLORS[p.status]} component="span">
                  {PLAN_STATUS_LABELS[p.status]}
                </Badge>
              </Table.Td>
              {showCoach ? (
                <Table.Td>
                  <Text size="sm" c={p.coach ? undefined : 'dimmed'}>
                    {p.coach ? (p.coachId === memberId ? 'You' : p.coach.name) : 'No coach'}
                  </Text>
                </Table.Td>
              ) : null}
              <Table.Td>
                <PlanProgress plan={p} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" c="dimmed">
                  {formatRelative(p.updatedAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Growth plans: mine, and as a coach my PMs', grouped by person, with goal progress and privacy. */
export function GrowthPlansPage() {
  const { workspaceId, memberId, role, can } = useCurrentWorkspace();
  const coaches = role === 'lead' || role === 'admin';
  const search = useSearch({ from: '/authed/w/$workspaceId/coaching/growth' });
  const [personId, setPersonId] = useState<string | null>(search.personId ?? null);
  const [status, setStatus] = useState<StatusFilter>('active');
  const [creating, setCreating] = useState(false);
  const plans = useGrowthPlans(workspaceId, personId);
  const people = usePeopleOptions(workspaceId, ['pm', 'lead', 'admin']);

  const header = (
    <PageHeader
      title="Growth plans"
      description={
        coaches
          ? 'Goals your PMs work towards, each tied to a competency and often to a bigger challenge on the roadmap. Private plans stay between the PM and their coach.'
          : 'The goals you are working towards, tied to the competencies you want to grow and the bigger challenges you take on.'
      }
      actions={
        can('coaching.write') ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            New plan
          </Button>
        ) : null
      }
    />
  );

  const all = plans.data?.items ?? [];
  const rows = all.filter((p) => status === 'all' || p.status === status);
  // Group by person: my own plans first, then the people I coach by name.
  const groups = new Map<string, { name: string; plans: GrowthPlanSummary[] }>();
  for (const p of [...rows].sort((a, b) => Number(b.personId === memberId) - Number(a.personId === memberId) || a.person.name.localeCompare(b.person.name))) {
    const g = groups.get(p.personId) ?? { name: p.person.name, plans: [] };
    g.plans.push(p);
    groups.set(p.personId, g);
  }

  const filters = (
    <Group gap="md" mb="md" align="flex-end" wrap="wrap">
      {coaches ? (
        <Select
          label="Person"
          placeholder="Everyone I can see"
          data={people.options}
          value={personId}
          onChange={setPersonId}
          searchable
          clearable
          w={240}
        />
      ) : null}
      <Stack gap={4}>
        <Text size="sm" fw={500} id="growth-status-filter">
          Status
        </Text>
        <SegmentedControl
          aria-labelledby="growth-status-filter"
          value={status}
          onChange={(v) => setStatus(v as StatusFilter)}
          data={[
            { value: 'active', label: 'Active' },
            { value: 'completed', label: 'Completed' },
            { value: 'archived', label: 'Archived' },
            { value: 'all', label: 'All' },
          ]}
        />
      </Stack>
    </Group>
  );

  let body;
  if (plans.isPending) body = <LoadingRows rows={5} height={56} />;
  else if (plans.isError) body = <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />;
  else if (!all.length) {
    body = (
      <EmptyState
        icon={<IconPlant2 size={24} aria-hidden />}
        title={personId ? 'No growth plans for this person yet' : 'No growth plans yet'}
        description="A plan holds a few goals, each tied to a competency, with due dates and check-ins. Name a next bigger challenge (a roadmap item, an experiment or a component) to grow through real work."
        action={
          can('coaching.write') ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              Create a plan
            </Button>
          ) : null
        }
      />
    );
  } else if (!rows.length) {
    body = <EmptyState title={`No ${status} plans`} description="Choose another status to see the other plans." />;
  } else {
    body = (
      <Stack gap="lg">
        {[...groups.entries()].map(([id, g]) => (
          <Paper key={id} withBorder radius="md" p="md">
            <Group gap="sm" mb="xs">
              <Avatar size="sm" radius="xl" color="indigo" aria-hidden>
                {initials(g.name)}
              </Avatar>
              <Title order={2} fz="md">
                {id === memberId ? `${g.name} (you)` : g.name}
              </Title>
              <Text size="sm" c="dimmed">
                {g.plans.length === 1 ? '1 plan' : `${g.plans.length} plans`}
              </Text>
            </Group>
            <PlanTable workspaceId={workspaceId} plans={g.plans} memberId={memberId} showCoach={id === memberId || coaches} />
          </Paper>
        ))}
      </Stack>
    );
  }

  return (
    <>
      {header}
      {filters}
      {body}
      <PlanFormModal opened={creating} onClose={() => setCreating(false)} defaultPersonId={personId} />
    </>
  );
}
