import { ActionIcon, Badge, Breadcrumbs, Button, Group, Menu, Paper, Stack, Tabs, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDots, IconGavel, IconPencil, IconTrash } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { FeatureDependencies } from '../dependencies/FeatureDependencies';
import { RecordState } from '../discovery/RecordState';
import { FeatureScores } from '../prioritization/FeatureScores';
import { FeatureDecisions } from '../represent/decisions/FeatureDecisions';
import { RecordDecisionModal } from '../represent/decisions/RecordDecisionModal';
import { EvidencePanel } from './EvidencePanel';
import { ExperimentsPanel } from './ExperimentsPanel';
import { FeatureFormModal } from './FeatureFormModal';
import { HistoryPanel } from './HistoryPanel';
import { RequirementsPanel } from './RequirementsPanel';
import { FEATURE_STATUS_COLORS, FEATURE_STATUS_LABELS, HORIZON_LABELS, type FeatureDetail } from './types';
import { useDeleteFeature, useFeature } from './use-features';

/** The facts under the title: status, horizon, dates, owner, component and release. */
function FeatureFacts({ f }: { f: FeatureDetail }) {
  const dates = f.startDate || f.endDate ? `${f.startDate ? formatDate(f.startDate) : '…'} – ${f.endDate ? formatDate(f.endDate) : '…'}` : null;
  return (
    <Group gap="xs" component="span" wrap="wrap">
      <Badge component="span" color={FEATURE_STATUS_COLORS[f.status]}>
        {FEATURE_STATUS_LABELS[f.status]}
      </Badge>
      {f.horizon ? (
        <Badge component="span" variant="outline" color="gray">
          {HORIZON_LABELS[f.horizon]}
        </Badge>
      ) : null}
      {f.internal ? (
        <Badge component="span" variant="outline" color="gray">
          Internal
        </Badge>
      ) : null}
      <span>
        {f.product.name} · {f.component.name}
      </span>
      {dates ? <span>· {dates}</span> : null}
      {f.owner ? <span>· Owner: {f.owner.name}</span> : null}
      {f.release ? <span>· Release: {f.release.name}</span> : null}
      {f.effort !== null ? <span>· Effort: {f.effort}</span> : null}
    </Group>
  );
}

/**
 * One feature with everything linked to it: requirements, evidence, experiments, dependencies, scores,
 * decisions and history. Viewers read the stakeholder version: no edit controls, internal fields absent.
 */
export function FeaturePage() {
  const { featureId } = useParams({ from: '/authed/w/$workspaceId/features/$featureId' });
  const { workspaceId, can } = useCurrentWorkspace();
  const feature = useFeature(workspaceId, featureId);
  const del = useDeleteFeature(workspaceId);
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState(false);
  const [tab, setTab] = useState<string | null>('requirements');

  const crumbs = (
    <Breadcrumbs>
      <AnchorLink to="/w/$workspaceId/features" params={{ workspaceId }} size="sm">
        Features
      </AnchorLink>
      <Text size="sm" c="dimmed" truncate maw={360}>
        {feature.data?.title ?? '…'}
      </Text>
    </Breadcrumbs>
  );

  if (!feature.data) {
    return (
      <RecordState
        query={feature}
        noun="Feature"
        crumbs={crumbs}
        back={
          <ButtonLink to="/w/$workspaceId/features" params={{ workspaceId }}>
            See all features
          </ButtonLink>
        }
      />
    );
  }

  const f = feature.data;
  const owned = { ownerIds: [f.component.ownerId] };
  const canEdit = can('feature.update', owned);
  const canDelete = can('feature.delete', owned);
  const canRecord = can('decision.record', owned);
  const hidden = new Set(f.hiddenFields);

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete “${f.title}”?`,
      children: <Text size="sm">The feature, its requirements and revisions, and its evidence and dependency links are removed. The feedback and opportunities stay. This cannot be undone.</Text>,
      labels: { confirm: 'Delete feature', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        del.mutate(f.id, {
          onSuccess: () => {
            notifySuccess('Feature deleted.');
            void navigate({ to: '/w/$workspaceId/features', params: { workspaceId } });
          },
          onError: (e) => notifyError(e, 'Could not delete the feature'),
        }),
    });

  const actions =
    canEdit || canDelete || canRecord ? (
      <>
        {canRecord ? (
          <Button variant="default" leftSection={<IconGavel size={16} aria-hidden />} onClick={() => setRecording(true)}>
            Record a decision
          </Button>
        ) : null}
        {canEdit ? (
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
            Edit
          </Button>
        ) : null}
        {canDelete ? (
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon variant="default" size="lg" aria-label="More feature actions">
                <IconDots size={18} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirmDelete}>
                Delete feature
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </>
    ) : null;

  const evidenceCount = f.evidence ? f.evidence.evidenceCount : null;
  return (
    <>
      <PageHeader above={crumbs} title={f.title} description={<FeatureFacts f={f} />} actions={actions} />
      <Stack gap="lg">
        {f.description ? (
          <Paper withBorder radius="md" p="md">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {f.description}
            </Text>
          </Paper>
        ) : null}
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List aria-label="Feature sections">
            {!hidden.has('requirements') ? <Tabs.Tab value="requirements">Requirements{f.requirements ? ` (rev. ${f.requirements.revision})` : ''}</Tabs.Tab> : null}
            {!hidden.has('evidence') ? <Tabs.Tab value="evidence">Evidence{evidenceCount !== null ? ` (${evidenceCount})` : ''}</Tabs.Tab> : null}
            <Tabs.Tab value="experiments">Experiments ({f.experiments.length})</Tabs.Tab>
            <Tabs.Tab value="dependencies">Dependencies</Tabs.Tab>
            {can('prioritization.read') && !hidden.has('scores') ? <Tabs.Tab value="scores">Scores</Tabs.Tab> : null}
            {can('decision.read') ? <Tabs.Tab value="decisions">Decisions</Tabs.Tab> : null}
            <Tabs.Tab value="history">History</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="requirements" pt="md">
            <RequirementsPanel workspaceId={workspaceId} featureId={f.id} canEdit={canEdit} />
          </Tabs.Panel>
          <Tabs.Panel value="evidence" pt="md">
            <EvidencePanel workspaceId={workspaceId} feature={f} canEdit={canEdit} canReadFeedback={can('feedback.read')} />
          </Tabs.Panel>
          <Tabs.Panel value="experiments" pt="md">
            <ExperimentsPanel workspaceId={workspaceId} feature={f} canEdit={canEdit} />
          </Tabs.Panel>
          <Tabs.Panel value="dependencies" pt="md">
            <FeatureDependencies workspaceId={workspaceId} featureId={f.id} />
          </Tabs.Panel>
          <Tabs.Panel value="scores" pt="md">
            <FeatureScores workspaceId={workspaceId} featureId={f.id} canEdit={canEdit} />
          </Tabs.Panel>
          <Tabs.Panel value="decisions" pt="md">
            <FeatureDecisions workspaceId={workspaceId} featureId={f.id} onRecord={canRecord ? () => setRecording(true) : undefined} />
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <HistoryPanel workspaceId={workspaceId} featureId={f.id} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
      <FeatureFormModal workspaceId={workspaceId} feature={f} opened={editing} onClose={() => setEditing(false)} onReload={() => feature.refetch()} />
      <RecordDecisionModal opened={recording} onClose={() => setRecording(false)} feature={{ id: f.id, title: f.title, productId: f.product.id }} />
    </>
  );
}
