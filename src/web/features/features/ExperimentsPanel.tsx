import { ActionIcon, Badge, Button, Group, Modal, Paper, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconFlask, IconUnlink } from '@tabler/icons-react';
import { useState } from 'react';
import { AnchorLink } from '../../components/links';
import { notifyError, notifySuccess } from '../../lib/errors';
import { EXPERIMENT_RESULT_COLORS, humanize } from '../discovery/labels';
import { useExperiments } from '../discovery/research/use-research';
import type { ExperimentResult } from '../discovery/types';
import type { FeatureDetail } from './types';
import { useLinkFeatureExperiment, useUnlinkFeatureExperiment } from './use-features';

/** The experiments that test a feature, with a dialog to link one and a button to unlink. */
export function ExperimentsPanel({ workspaceId, feature, canEdit }: { workspaceId: string; feature: FeatureDetail; canEdit: boolean }) {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<string | null>(null);
  const experiments = useExperiments(workspaceId, open);
  const link = useLinkFeatureExperiment(workspaceId, feature.id);
  const unlink = useUnlinkFeatureExperiment(workspaceId, feature.id);
  const linked = new Set(feature.experiments.map((x) => x.id));

  const submit = () => {
    if (!choice) return;
    link.mutate(choice, {
      onSuccess: () => {
        notifySuccess('Experiment linked.');
        setOpen(false);
        setChoice(null);
      },
      onError: (e) => notifyError(e, 'Could not link the experiment'),
    });
  };

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="md">
          Experiments
        </Title>
        {canEdit ? (
          <Button size="xs" variant="default" leftSection={<IconFlask size={14} aria-hidden />} onClick={() => setOpen(true)}>
            Link experiment
          </Button>
        ) : null}
      </Group>
      {feature.experiments.length === 0 ? (
        <Text size="sm" c="dimmed">
          No experiment tests this feature yet.
        </Text>
      ) : (
        <Stack gap={6}>
          {feature.experiments.map((x) => (
            <Group key={x.id} gap="xs" wrap="nowrap" justify="space-between">
              <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                <AnchorLink to="/w/$workspaceId/research/experiments/$experimentId" params={{ workspaceId, experimentId: x.id }} size="sm" truncate>
                  {x.title || x.hypothesis}
                </AnchorLink>
                <Badge size="sm" color="gray">
                  {humanize(x.status)}
                </Badge>
                {x.result ? (
                  <Badge size="sm" color={EXPERIMENT_RESULT_COLORS[x.result as ExperimentResult] ?? 'gray'}>
                    {humanize(x.result)}
                  </Badge>
                ) : null}
              </Group>
              {canEdit ? (
                <Tooltip label="Unlink">
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Unlink experiment ${x.title || x.hypothesis.slice(0, 60)}`}
                    onClick={() => unlink.mutate(x.id, { onSuccess: () => notifySuccess('Experiment unlinked.'), onError: (e) => notifyError(e, 'Could not unlink') })}
                  >
                    <IconUnlink size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title="Link an experiment">
        <Stack>
          <Select
            label="Experiment"
            placeholder={experiments.isPending ? 'Loading…' : 'Search experiments'}
            data={(experiments.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.title || x.hypothesis}${linked.has(x.id) ? ' (already linked)' : ''}`, disabled: linked.has(x.id) }))}
            value={choice}
            onChange={setChoice}
            searchable
            nothingFoundMessage="No experiment matches"
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button onClick={submit} disabled={!choice} loading={link.isPending}>
              Link experiment
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
