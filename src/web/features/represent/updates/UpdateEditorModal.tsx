import { Alert, Button, Grid, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { StatusFacts, StatusHealth, StatusUpdate } from '../../../../shared/contracts.js';
import { LoadingRows } from '../../../components/QueryState';
import { isApiError } from '../../../lib/api/client';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/errors';
import { FactsPanel, HEALTH_OPTIONS, MarkdownField, type InsertTarget } from './status-bits';
import { useDraft, useSaveStatusUpdate } from './use-status-updates';

interface Values {
  health: StatusHealth;
  summary: string;
  highlights: string;
  risks: string;
  asks: string;
}

const append = (text: string, line: string) => (text.trim() ? `${text.replace(/\s+$/, '')}\n${line}` : line);

/**
 * Writes (prefilled from the draft of live data) or edits a status update. A new one names its component
 * and period; the facts it was drafted from are kept with it.
 */
type Props = {
  workspaceId: string;
  opened: boolean;
  onClose: () => void;
  editing: StatusUpdate | null;
  initialComponentId: string | null;
  initialPeriod: string;
  componentOptions: { group: string; items: { value: string; label: string }[] }[];
};

export function UpdateEditorModal(props: Props) {
  const { opened, onClose, editing } = props;
  const title = editing ? `Edit the ${editing.period} update of ${editing.component.name}` : 'Write a status update';
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="80rem">
      {opened ? <EditorBody key={editing?.id ?? `new:${props.initialComponentId}:${props.initialPeriod}`} {...props} /> : null}
    </Modal>
  );
}

function EditorBody({ workspaceId, onClose, editing, initialComponentId, initialPeriod, componentOptions }: Props) {
  const [componentId, setComponentId] = useState<string | null>(editing?.componentId ?? initialComponentId);
  const [period, setPeriod] = useState(editing?.period ?? initialPeriod);
  const [edited, setEdited] = useState<{ key: string; values: Values } | null>(null);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [debouncedPeriod] = useDebouncedValue(period.trim(), 400);
  const draft = useDraft(workspaceId, editing ? null : componentId, editing ? null : debouncedPeriod || null);
  const save = useSaveStatusUpdate(workspaceId);

  // A new update starts from the draft; picking another component or period drafts again and starts over.
  const key = editing ? 'edit' : `${componentId}|${debouncedPeriod}|${draft.dataUpdatedAt}`;
  const d = draft.data;
  const base: Values | null = editing
    ? { health: editing.health, summary: editing.summary, highlights: editing.highlights, risks: editing.risks, asks: editing.asks }
    : d
      ? { health: d.health, summary: d.summary, highlights: d.highlights, risks: d.risks, asks: d.asks }
      : null;
  const values = edited?.key === key ? edited.values : base;

  const facts: StatusFacts | null = editing ? editing.facts : (draft.data?.facts ?? null);
  const existing = !editing && draft.data?.existingUpdateId;
  const set = (patch: Partial<Values>) => values && setEdited({ key, values: { ...values, ...patch } });
  const insert = (target: InsertTarget, line: string) => values && setEdited({ key, values: { ...values, [target]: append(values[target], line) } });

  const submit = () => {
    if (!values) return;
    if (!values.summary.trim()) return setErrors({ summary: 'Write a summary' });
    const done = (u: StatusUpdate) => {
      notifySuccess(`Status update of ${u.component.name} for ${u.period} saved`);
      onClose();
    };
    const fail = (e: unknown) => {
      if (isApiError(e) && e.field && ['period', 'componentId', 'summary', 'highlights', 'risks', 'asks'].includes(e.field)) setErrors({ [e.field]: errorMessage(e) });
      else notifyError(e);
    };
    if (editing) save.mutate({ id: editing.id, input: { ...values, version: editing.version } }, { onSuccess: done, onError: fail });
    else if (componentId) save.mutate({ id: null, input: { componentId, period: period.trim(), ...values, facts: period.trim() === draft.data?.period ? draft.data.facts : undefined } }, { onSuccess: done, onError: fail });
  };

  return (
    <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm">
            {!editing ? (
              <Group grow align="flex-start">
                <Select label="Component" data={componentOptions} value={componentId} onChange={setComponentId} searchable required error={errors.componentId} />
                <TextInput
                  label="Period"
                  description="Week 2026-W07, month 2026-03 or a sprint's name"
                  value={period}
                  onChange={(e) => setPeriod(e.currentTarget.value)}
                  required
                  error={errors.period ?? (isApiError(draft.error) && draft.error.field === 'period' ? draft.error.message : undefined)}
                />
              </Group>
            ) : null}
            {existing ? (
              <Alert color="yellow" variant="light">
                This component already has an update for {period}. Close this and edit that one from the feed.
              </Alert>
            ) : null}
            {!editing && !componentId ? <Text c="dimmed">Pick a component to draft its update from live data.</Text> : null}
            {!editing && componentId && draft.isLoading ? <LoadingRows rows={5} height={60} /> : null}
            {!editing && draft.error && !(isApiError(draft.error) && draft.error.field === 'period') ? (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(draft.error)}
              </Alert>
            ) : null}
            {values ? (
              <>
                <Select label="Health" data={HEALTH_OPTIONS} value={values.health} onChange={(v) => v && set({ health: v as StatusHealth })} allowDeselect={false} description={draft.data && !editing ? 'Suggested from the facts; change it if you know better.' : undefined} />
                <MarkdownField label="Summary" value={values.summary} onChange={(summary) => set({ summary })} error={errors.summary} required minRows={2} />
                <MarkdownField label="Highlights" value={values.highlights} onChange={(highlights) => set({ highlights })} error={errors.highlights} />
                <MarkdownField label="Risks" value={values.risks} onChange={(risks) => set({ risks })} error={errors.risks} />
                <MarkdownField label="Asks for help" value={values.asks} onChange={(asks) => set({ asks })} error={errors.asks} />
              </>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button onClick={submit} loading={save.isPending} disabled={!values || Boolean(existing)}>
                {editing ? 'Save changes' : 'Publish update'}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {facts ? (
            <FactsPanel facts={facts} onInsert={insert} />
          ) : editing ? (
            <Text size="sm" c="dimmed">
              This update was written without the draft&apos;s facts.
            </Text>
          ) : null}
        </Grid.Col>
      </Grid>
  );
}
