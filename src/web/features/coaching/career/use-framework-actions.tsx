import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useNavigate } from '@tanstack/react-router';
import type { CompetencyFramework } from '../../../../shared/contracts.js';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { useCoachingSettings, useUpdateCoachingSettings } from './use-career';
import { useCreateFramework, useDeleteFramework } from './use-frameworks';

/** Copy, make default and delete for a framework card or page, with their confirmations. */
export function useFrameworkActions(workspaceId: string) {
  const navigate = useNavigate();
  const copy = useCreateFramework(workspaceId);
  const del = useDeleteFramework(workspaceId);
  const settings = useCoachingSettings(workspaceId);
  const saveSettings = useUpdateCoachingSettings(workspaceId);

  const copyToEdit = (f: CompetencyFramework) =>
    copy.mutate(
      { copyOf: f.id },
      {
        onSuccess: (c) => {
          notifySuccess(`Copied with its competencies, questions and level expectations. Edit “${c.name}” freely.`);
          void navigate({ to: '/w/$workspaceId/coaching/frameworks/$frameworkId', params: { workspaceId, frameworkId: c.id } });
        },
        onError: (e) => notifyError(e, 'Could not copy the framework'),
      },
    );

  const makeDefault = (f: CompetencyFramework) => {
    if (!settings.data) return;
    modals.openConfirmModal({
      title: `Make “${f.name}” the default?`,
      children: (
        <Text size="sm">
          New assessments use the default framework, and the ladder shows its expectations. Assessments already opened keep their framework.
        </Text>
      ),
      labels: { confirm: 'Make default', cancel: 'Cancel' },
      onConfirm: () =>
        saveSettings.mutate(
          { defaultFrameworkId: f.id, version: settings.data.version },
          { onSuccess: () => notifySuccess(`${f.name} is now the default framework.`), onError: (e) => notifyError(e, 'Could not change the default framework') },
        ),
    });
  };

  const remove = (f: CompetencyFramework, after?: () => void) =>
    modals.openConfirmModal({
      title: `Delete “${f.name}”?`,
      children: (
        <Text size="sm">
          Its {f.competencyCount} competencies, their question banks and the level expectations on them are deleted. A framework that assessments use cannot be
          deleted.
        </Text>
      ),
      labels: { confirm: 'Delete framework', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        del.mutate(f.id, {
          onSuccess: () => {
            notifySuccess(`${f.name} deleted.`);
            after?.();
          },
          onError: (e) => notifyError(e, 'Could not delete the framework'),
        }),
    });

  return { copyToEdit, makeDefault, remove, copying: copy.isPending };
}
