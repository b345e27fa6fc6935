import { ActionIcon, Badge, Breadcrumbs, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconTrash } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { RecordState } from '../RecordState';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { EXPERIMENT_RESULT_COLORS, EXPERIMENT_RESULT_LABELS, EXPERIMENT_STATUS_LABELS, EXPERIMENT_TYPE_LABELS } from '../labels';
import { ExperimentForm } from './ExperimentForm';
import { FEATURE_STATUS_LABELS, type FeatureStatus } from '../../features/types';
import { useDeleteExperiment, useExperiment, useUpdateExperiment } from './use-research';

/** One experiment: its hypothesis, setup and outcome, editable in place. */
export function ExperimentPage() {
  const { experimentId } = useParams({ from: '/authed/w/$workspaceId/research/experiments/$experimentId' });
  const { workspaceId, can } = useCurrentWorkspace();
  const exp = useExperiment(workspaceId, experimentId);
  const update = useUpdateExperiment(workspaceId);
  const del = useDeleteExperiment(workspaceId);
  const navigate = useNavigate();

  const crumbs = (
    <Breadcrumbs>
      <AnchorLink to="/w/$workspaceId/research" params={{ workspaceId }} search={{ tab: 'experiments' }} size="sm">
        Experiments
      </AnchorLink>
      <Text size="sm" c="dimmed" truncate maw={360}>
        {exp.data ? exp.data.title || exp.data.hypothesis : '…'}
      </Text>
    </Breadcrumbs>
  );

  if (!exp.data) {
    return (
      <RecordState
        query={exp}
        noun="Experiment"
        crumbs={crumbs}
        rows={6}
        back={
          <ButtonLink to="/w/$workspaceId/research" params={{ workspaceId }} search={{ tab: 'experiments' }}>
            See all experiments
          </ButtonLink>
        }
      />
    );
  }

  const x = exp.data;
  const canEdit = can('experiment.update');

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: 'Delete this experiment?',
      children: <Text size="sm">The experiment and its links to opportunities are removed. This cannot be undone.</Text>,
      labels: { confirm: 'Delete experiment', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        del.mutate(x.id, {
          onSuccess: () => {
            notifySuccess('Experiment deleted.');
            void navigate({ to: '/w/$workspaceId/research', params: { workspaceId }, search: { tab: 'experiments' } });
          },
          onError: (e) => notifyError(e, 'Could not delete the experiment'),
        }),
    });

  return (
    <>
      <PageHeader
        above={crumbs}
        title={x.title || 'Experiment'}
        description={
          <Group gap="xs" component="span">
            <Badge component="span" color="gray">{EXPERIMENT_TYPE_LABELS[x.type]}</Badge>
            <Badge component="span" color="indigo">{EXPERIMENT_STATUS_LABELS[x.status]}</Badge>
            {x.result ? <Badge component="span" color={EXPERIMENT_RESULT_COLORS[x.result]}>{EXPERIMENT_RESULT_LABELS[x.result]}</Badge> : null}
            {x.owner ? <span>Owner: {x.owner.name}</span> : null}
          </Group>
        }
        actions={
          can('experiment.delete') ? (
            <Tooltip label="Delete experiment">
              <ActionIcon variant="default" size="lg" color="red" onClick={confirmDelete} aria-label="Delete experiment">
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          ) : null
        }
      />
      <Paper withBorder radius="md" p="lg" maw={860}>
        <ExperimentForm
          workspaceId={workspaceId}
          experiment={x}
          submitLabel="Save experiment"
          pending={update.isPending}
          disabled={!canEdit}
          onSubmit={(values, onError) =>
            update.mutate({ experimentId: x.id, version: x.version, ...values }, { onSuccess: () => notifySuccess('Experiment saved.'), onError })
          }
        />
      </Paper>
      <Paper withBorder radius="md" p="lg" maw={860} mt="md" component="section" aria-labelledby="experiment-features">
        <Text id="experiment-features" fw={600} mb="xs">
          Features this experiment informs
        </Text>
        {x.features.length ? (
          <Stack gap={6}>
            {x.features.map((feature) => (
              <Group key={feature.id} gap="xs">
                <AnchorLink to="/w/$workspaceId/features/$featureId" params={{ workspaceId, featureId: feature.id }} size="sm">
                  {feature.title}
                </AnchorLink>
                <Badge size="sm" variant="light" color="gray">
                  {FEATURE_STATUS_LABELS[feature.status as FeatureStatus] ?? feature.status}
                </Badge>
              </Group>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No feature is linked yet. Link this experiment from a feature’s Experiments tab.
          </Text>
        )}
      </Paper>
    </>
  );
}
