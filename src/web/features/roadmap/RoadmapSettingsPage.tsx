import { Alert, Button, Checkbox, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingRows } from '../../components/QueryState';
import { isApiError } from '../../lib/api/client';
import { notifyError, notifySuccess } from '../../lib/errors';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { FEATURE_INTERNAL_FIELDS, INTERNAL_FIELD_LABELS, type FeatureInternalField, type RoadmapSettings } from './types';
import { useRoadmapSettings, useUpdateRoadmapSettings } from './use-roadmap';

type Draft = Omit<RoadmapSettings, 'version'>;

/** Roadmap settings: the unit of effort and capacity, and which feature fields stakeholders do not see. */
export function RoadmapSettingsPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const settings = useRoadmapSettings(workspaceId);
  const save = useUpdateRoadmapSettings(workspaceId);
  // Edits belong to the version they were made on: when a newer version arrives (after a 409, say), the form shows it.
  const [edit, setEdit] = useState<{ version: number; draft: Draft } | null>(null);
  const [conflict, setConflict] = useState(false);
  const editable = can('roadmap-settings.update');
  const data = settings.data;
  const draft: Draft | null = data ? (edit && edit.version === data.version ? edit.draft : { capacityUnit: data.capacityUnit, internalFields: data.internalFields }) : null;
  const setDraft = (next: Draft) => data && setEdit({ version: data.version, draft: next });

  const changed = Boolean(draft && settings.data && (draft.capacityUnit !== settings.data.capacityUnit || [...draft.internalFields].sort().join() !== [...settings.data.internalFields].sort().join()));

  const submit = () => {
    if (!draft || !settings.data) return;
    setConflict(false);
    save.mutate(
      { ...draft, version: settings.data.version },
      {
        onSuccess: () => notifySuccess('Roadmap settings saved'),
        onError: (error) => {
          if (isApiError(error) && error.code === 'version_conflict') setConflict(true);
          notifyError(error, 'The settings were not saved');
        },
      },
    );
  };

  return (
    <>
      <PageHeader title="Roadmap settings" description="How effort is counted, and what the stakeholder version of the roadmap leaves out." />
      {settings.isPending ? (
        <LoadingRows rows={4} />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : draft ? (
        <Stack maw={640}>
          {conflict ? (
            <Alert color="orange" title="Someone else saved these settings meanwhile" role="alert">
              The form now shows their version. Make your change again and save.
            </Alert>
          ) : null}
          <Paper withBorder p="md" radius="md">
            <Radio.Group
              label="Capacity unit"
              description="Effort estimates and team capacity are counted in this unit."
              value={draft.capacityUnit}
              onChange={(v) => setDraft({ ...draft, capacityUnit: v as Draft['capacityUnit'] })}
            >
              <Group mt="xs">
                <Radio value="points" label="Story points" disabled={!editable} />
                <Radio value="person_weeks" label="Person-weeks" disabled={!editable} />
              </Group>
            </Radio.Group>
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Checkbox.Group
              label={
                <Group gap={6} component="span">
                  <IconLock size={16} aria-hidden /> Internal fields
                </Group>
              }
              description="Members with the viewer role (stakeholders) do not see these fields of a feature, on the roadmap or the feature page. Features marked internal are hidden from them altogether."
              value={draft.internalFields}
              onChange={(v) => setDraft({ ...draft, internalFields: v as FeatureInternalField[] })}
            >
              <Stack gap="xs" mt="xs">
                {FEATURE_INTERNAL_FIELDS.map((f) => (
                  <Checkbox key={f} value={f} label={INTERNAL_FIELD_LABELS[f].label} description={INTERNAL_FIELD_LABELS[f].description} disabled={!editable} />
                ))}
              </Stack>
            </Checkbox.Group>
          </Paper>
          {editable ? (
            <Group justify="flex-end">
              <Button variant="default" disabled={!changed} onClick={() => setEdit(null)}>
                Reset
              </Button>
              <Button onClick={submit} disabled={!changed} loading={save.isPending}>
                Save settings
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              Admins and leads change these settings.
            </Text>
          )}
        </Stack>
      ) : null}
    </>
  );
}
