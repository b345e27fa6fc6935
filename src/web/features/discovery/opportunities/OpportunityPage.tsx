import { ActionIcon, Alert, Badge, Breadcrumbs, Group, Menu, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconAlertTriangle, IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { RecordState } from '../RecordState';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { EXPERIMENT_RESULT_COLORS, OPPORTUNITY_STATUS_COLORS, OPPORTUNITY_STATUS_LABELS, formatMoney, humanize } from '../labels';
import type { ExperimentResult } from '../types';
import { useComponentOptions } from '../use-components';
import { EvidenceCharts } from './EvidenceCharts';
import { LinkedFeedbackList } from './LinkedFeedbackList';
import { OpportunityFormModal } from './OpportunityFormModal';
import { useDeleteOpportunity, useOpportunity } from './use-opportunities';

function StatCard({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={24} fw={650}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

/** One opportunity: the problem, its evidence roll-up and grade, charts, and the linked feedback. */
export function OpportunityPage() {
  const { opportunityId } = useParams({ from: '/authed/w/$workspaceId/opportunities/$opportunityId' });
  const { workspaceId, can } = useCurrentWorkspace();
  const opp = useOpportunity(workspaceId, opportunityId);
  const components = useComponentOptions(workspaceId);
  const del = useDeleteOpportunity(workspaceId);
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);

  const crumbs = (
    <Breadcrumbs>
      <AnchorLink to="/w/$workspaceId/opportunities" params={{ workspaceId }} size="sm">
        Opportunities
      </AnchorLink>
      <Text size="sm" c="dimmed" truncate maw={360}>
        {opp.data?.title ?? '…'}
      </Text>
    </Breadcrumbs>
  );

  if (!opp.data) {
    return (
      <RecordState
        query={opp}
        noun="Opportunity"
        crumbs={crumbs}
        rows={5}
        back={
          <ButtonLink to="/w/$workspaceId/opportunities" params={{ workspaceId }}>
            See all opportunities
          </ButtonLink>
        }
      />
    );
  }

  const o = opp.data;
  const ev = o.evidence;
  const canEdit = can('opportunity.update');
  const canDelete = can('opportunity.delete');
  const share = Math.round(ev.graded.topCustomerShare * 100);

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete “${o.title}”?`,
      children: <Text size="sm">The opportunity and its {ev.feedbackCount} evidence links are removed. The feedback stays in the inbox. This cannot be undone.</Text>,
      labels: { confirm: 'Delete opportunity', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        del.mutate(o.id, {
          onSuccess: () => {
            notifySuccess('Opportunity deleted.');
            void navigate({ to: '/w/$workspaceId/opportunities', params: { workspaceId } });
          },
          onError: (e) => notifyError(e, 'Could not delete the opportunity'),
        }),
    });

  return (
    <>
      <PageHeader
        above={crumbs}
        title={o.title}
        description={
          <Group gap="xs" component="span">
            <Badge component="span" color={OPPORTUNITY_STATUS_COLORS[o.status]}>{OPPORTUNITY_STATUS_LABELS[o.status]}</Badge>
            {o.owner ? <span>Owner: {o.owner.name}</span> : null}
            {o.componentIds.map((id) => (
              <Badge component="span" key={id} color="gray" variant="outline">
                {components.names.get(id) ?? 'Component'}
              </Badge>
            ))}
          </Group>
        }
        actions={
          canEdit || canDelete ? (
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label="Opportunity actions">
                  <IconDots size={18} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {canEdit ? (
                  <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                    Edit opportunity
                  </Menu.Item>
                ) : null}
                {canDelete ? (
                  <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirmDelete}>
                    Delete opportunity
                  </Menu.Item>
                ) : null}
              </Menu.Dropdown>
            </Menu>
          ) : null
        }
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <Title order={2} fz="md" mb={4}>
            Problem
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={o.problem ? undefined : 'dimmed'}>
            {o.problem || 'No problem statement yet.'}
          </Text>
        </Paper>

        {ev.graded.concentrated ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="One loud customer">
            {share}% of this evidence comes from {ev.graded.topCustomer?.name ?? 'a single customer'}. Look for the same problem elsewhere before betting on it.
          </Alert>
        ) : null}

        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Tooltip label="Source-weighted, importance-scaled, decayed by age" position="bottom">
            <div tabIndex={0} aria-label={`Evidence score ${ev.graded.score.toFixed(1)}: source-weighted, importance-scaled, decayed by age`}>
              <StatCard label="Evidence score" value={ev.graded.score.toFixed(1)} hint={ev.graded.topCustomer ? `Top customer ${share}%` : undefined} />
            </div>
          </Tooltip>
          <StatCard label="Feedback" value={String(ev.feedbackCount)} />
          <StatCard label="Customers" value={String(ev.customerCount)} />
          <StatCard label="ARR" value={formatMoney(ev.arr)} hint="Each customer counted once" />
        </SimpleGrid>

        <EvidenceCharts evidence={ev} />

        <Paper withBorder radius="md" p="md">
          <Title order={2} fz="md" mb="sm">
            Linked feedback
          </Title>
          <LinkedFeedbackList workspaceId={workspaceId} opportunityId={o.id} items={o.feedback} canUnlink={can('evidence.link')} />
        </Paper>

        {o.experiments.length ? (
          <Paper withBorder radius="md" p="md">
            <Title order={2} fz="md" mb="sm">
              Experiments
            </Title>
            <Stack gap={6}>
              {o.experiments.map((x) => (
                <Group key={x.id} gap="xs" wrap="nowrap">
                  <AnchorLink to="/w/$workspaceId/research/experiments/$experimentId" params={{ workspaceId, experimentId: x.id }} size="sm" truncate>
                    {x.title || x.hypothesis}
                  </AnchorLink>
                  <Badge component="span" size="sm" color="gray">
                    {humanize(x.status)}
                  </Badge>
                  {x.result ? (
                    <Badge component="span" size="sm" color={EXPERIMENT_RESULT_COLORS[x.result as ExperimentResult] ?? 'gray'}>
                      {humanize(x.result)}
                    </Badge>
                  ) : null}
                </Group>
              ))}
            </Stack>
          </Paper>
        ) : null}
      </Stack>
      <OpportunityFormModal workspaceId={workspaceId} opportunity={o} opened={editing} onClose={() => setEditing(false)} />
    </>
  );
}
