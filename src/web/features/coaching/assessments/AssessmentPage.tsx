import { ActionIcon, Breadcrumbs, Group, Menu, Paper, Tabs, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconChartLine, IconDots, IconPencil, IconScale, IconTrash } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { Assessment } from '../../../../shared/contracts.js';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingRows } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { RecordState } from '../../discovery/RecordState';
import { CompareTab } from './CompareTab';
import { HistoryTab } from './HistoryTab';
import { SIDE_LABELS, SideBadge } from './labels';
import { RateTab } from './RateTab';
import { useAssessment, useAssessmentRatings, useDeleteAssessment } from './use-assessments';

type Tab = 'rate' | 'compare' | 'history';

/** The caller's side to rate, with its ratings loaded; remounts when the side or assessment changes. */
function RatePanel({ workspaceId, assessment }: { workspaceId: string; assessment: Assessment }) {
  const ratings = useAssessmentRatings(workspaceId, assessment.id);
  const side = assessment.mySides[0];
  if (!side) return null;
  if (ratings.isPending) return <LoadingRows rows={6} height={120} />;
  if (ratings.isError) return <ErrorState error={ratings.error} onRetry={() => void ratings.refetch()} />;
  return <RateTab key={`${assessment.id}:${side}`} workspaceId={workspaceId} assessment={assessment} ratings={ratings.data} side={side} />;
}

/**
 * One assessment: rate your side (while it is a draft), compare self, coach and expectation with a
 * radar, and follow the person's history across periods.
 */
export function AssessmentPage() {
  const { assessmentId } = useParams({ from: '/authed/w/$workspaceId/coaching/assessments/$assessmentId' });
  const { workspaceId } = useCurrentWorkspace();
  const assessment = useAssessment(workspaceId, assessmentId);
  const del = useDeleteAssessment(workspaceId);
  const navigate = useNavigate();
  const [tab, setTab] = useState<Tab | null>(null);

  const crumbs = (
    <Breadcrumbs>
      <AnchorLink to="/w/$workspaceId/coaching/assessments" params={{ workspaceId }} size="sm">
        Assessments
      </AnchorLink>
      <Text size="sm" c="dimmed" truncate maw={360}>
        {assessment.data ? `${assessment.data.period} · ${assessment.data.person.name}` : '…'}
      </Text>
    </Breadcrumbs>
  );

  if (!assessment.data) {
    return (
      <RecordState
        query={assessment}
        noun="Assessment"
        crumbs={crumbs}
        back={
          <ButtonLink to="/w/$workspaceId/coaching/assessments" params={{ workspaceId }}>
            See all assessments
          </ButtonLink>
        }
      />
    );
  }

  const a = assessment.data;
  const canRate = a.mySides.length > 0;
  // After submitting, the Rate tab goes away: fall back to the comparison.
  const current: Tab = tab === null || (tab === 'rate' && !canRate) ? (canRate ? 'rate' : 'compare') : tab;
  const waitingOn = [
    a.selfStatus === 'draft' && !a.mySides.includes('self') ? `${a.person.name} has not submitted the self-assessment yet.` : null,
    a.coachStatus === 'draft' && !a.mySides.includes('coach') ? `${a.coach ? a.coach.name : 'The coach'} has not submitted the coach assessment yet.` : null,
  ].filter(Boolean);

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete the ${a.period} assessment of ${a.person.name}?`,
      children: <Text size="sm">Both sides’ ratings and evidence are removed for good. The person’s history loses this period.</Text>,
      labels: { confirm: 'Delete assessment', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        del.mutate(a.id, {
          onSuccess: () => {
            notifySuccess('Assessment deleted.');
            void navigate({ to: '/w/$workspaceId/coaching/assessments', params: { workspaceId } });
          },
          onError: (e) => notifyError(e, 'Could not delete the assessment'),
        }),
    });

  return (
    <>
      <PageHeader
        above={crumbs}
        title={`${a.period} assessment of ${a.person.name}`}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <SideBadge side="self" status={a.selfStatus} at={a.selfSubmittedAt} />
            <SideBadge side="coach" status={a.coachStatus} at={a.coachSubmittedAt} />
            <span>
              {a.framework.name}
              {a.level ? ` · measured against ${a.level.title}` : ' · not placed on the ladder, so no expectations'}
              {` · coach: ${a.coach?.name ?? 'the first lead to rate'}`}
              {a.periodStart && a.periodEnd ? ` · ${formatDate(a.periodStart)} – ${formatDate(a.periodEnd)}` : ''}
            </span>
          </Group>
        }
        actions={
          a.canDelete ? (
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label="Assessment actions">
                  <IconDots size={18} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirmDelete}>
                  Delete assessment
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : null
        }
      />
      <Tabs value={current} onChange={(v) => setTab(v as Tab)} keepMounted={false}>
        <Tabs.List mb="md">
          {canRate ? (
            <Tabs.Tab value="rate" leftSection={<IconPencil size={16} aria-hidden />}>
              Rate ({SIDE_LABELS[a.mySides[0]!].toLowerCase()} side)
            </Tabs.Tab>
          ) : null}
          <Tabs.Tab value="compare" leftSection={<IconScale size={16} aria-hidden />}>
            Compare
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconChartLine size={16} aria-hidden />}>
            History
          </Tabs.Tab>
        </Tabs.List>
        {canRate ? (
          <Tabs.Panel value="rate">
            <RatePanel workspaceId={workspaceId} assessment={a} />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="compare">
          <CompareTab workspaceId={workspaceId} assessment={a} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <HistoryTab workspaceId={workspaceId} personId={a.personId} frameworkId={a.frameworkId} personName={a.person.name} />
        </Tabs.Panel>
      </Tabs>
      {waitingOn.length && current === 'history' ? (
        <Paper withBorder radius="md" p="sm" mt="md">
          <Text size="sm" c="dimmed">
            {waitingOn.join(' ')}
          </Text>
        </Paper>
      ) : null}
    </>
  );
}
