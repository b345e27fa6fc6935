import { Alert, Badge, Button, Grid, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconHistory } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { ErrorState, LoadingRows } from '../../components/QueryState';
import { isApiError } from '../../lib/api/client';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatRelative } from '../../lib/format';
import { MarkdownView } from './MarkdownView';
import { RevisionDiff } from './RevisionDiff';
import { RevisionsDrawer } from './RevisionsDrawer';
import { FEATURE_LIMITS, type FeatureRequirements } from './types';
import { useRequirements, useSaveRequirements } from './use-features';

function savedLine(r: FeatureRequirements): string {
  if (r.template) return 'Not saved yet: this is the template. Replace the prompts with your answers.';
  return `Revision ${r.revision}, saved ${formatRelative(r.updatedAt)}${r.updatedBy ? ` by ${r.updatedBy.name}` : ''}.`;
}

/**
 * The requirements document: a Markdown editor beside its live, sanitised preview for those who may
 * edit, the rendered document for everyone else, and the revision history. A save carries the
 * revision it was based on; when someone saved in between, the draft is kept and compared with theirs.
 */
export function RequirementsPanel({ workspaceId, featureId, canEdit }: { workspaceId: string; featureId: string; canEdit: boolean }) {
  const req = useRequirements(workspaceId, featureId);
  const save = useSaveRequirements(workspaceId, featureId);
  const [draft, setDraftState] = useState<string | null>(null);
  // The latest draft, for a save's callback: typing may go on while the save is in flight.
  const latest = useRef<string | null>(null);
  const setDraft = (value: string | null) => {
    latest.current = value;
    setDraftState(value);
  };
  // The revision the draft was started from: what a save claims to be based on.
  const [base, setBase] = useState<number | null>(null);
  const [conflict, setConflict] = useState(false);
  const [history, setHistory] = useState(false);

  if (req.isPending) return <LoadingRows rows={6} />;
  if (req.isError) {
    if (isApiError(req.error) && req.error.status === 403) {
      return (
        <Alert variant="light" color="gray">
          The requirements are internal to the product team.
        </Alert>
      );
    }
    return <ErrorState error={req.error} onRetry={() => void req.refetch()} />;
  }
  const current = req.data;
  const text = draft ?? current.body;
  const dirty = draft !== null && draft !== current.body;

  const doSave = (revision: number) =>
    save.mutate(
      { body: text, revision },
      {
        onSuccess: (saved) => {
          // What was typed after the save started stays a draft, now based on the saved revision.
          const kept = latest.current !== null && latest.current !== saved.body;
          setDraft(kept ? latest.current : null);
          setBase(kept ? saved.revision : null);
          setConflict(false);
          notifySuccess(`Requirements saved as revision ${saved.revision}.`);
        },
        onError: (e) => {
          if (isApiError(e) && e.code === 'version_conflict') {
            setConflict(true);
            void req.refetch();
          } else notifyError(e, 'Could not save the requirements');
        },
      },
    );

  const discard = () => {
    setDraft(null);
    setBase(null);
    setConflict(false);
  };
  const edit = (value: string) => {
    if (base === null) setBase(current.revision);
    setDraft(value);
  };

  const header = (
    <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap">
      <div>
        <Title order={2} fz="md">
          Requirements
        </Title>
        <Text size="xs" c="dimmed">
          {savedLine(current)}
        </Text>
      </div>
      <Group gap="xs">
        {current.template ? (
          <Badge color="gray" variant="outline">
            Template
          </Badge>
        ) : null}
        <Button variant="default" size="xs" leftSection={<IconHistory size={14} aria-hidden />} onClick={() => setHistory(true)} disabled={current.template}>
          Revisions
        </Button>
        {canEdit ? (
          <>
            <Button variant="default" size="xs" onClick={discard} disabled={!dirty}>
              Discard changes
            </Button>
            <Button size="xs" leftSection={<IconDeviceFloppy size={14} aria-hidden />} onClick={() => doSave(base ?? current.revision)} loading={save.isPending} disabled={(!dirty && !current.template) || conflict}>
              Save revision
            </Button>
          </>
        ) : null}
      </Group>
    </Group>
  );

  return (
    <Paper withBorder radius="md" p="md">
      {header}
      {conflict ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="Someone else saved these requirements" mb="md" role="alert">
          <Stack gap="sm">
            <Text size="sm">
              Revision {current.revision} was saved{current.updatedBy ? ` by ${current.updatedBy.name}` : ''} after you started editing. Your text is still here. Compare it with theirs, then keep yours (it becomes revision{' '}
              {current.revision + 1}) or take theirs.
            </Text>
            <RevisionDiff before={current.body} after={text} beforeLabel={`revision ${current.revision}`} afterLabel="your draft" />
            <Group gap="xs">
              <Button size="xs" onClick={() => doSave(current.revision)} loading={save.isPending}>
                Keep my text
              </Button>
              <Button size="xs" variant="default" onClick={discard}>
                Take theirs
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      {canEdit ? (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Textarea
              label="Markdown"
              description="Headings, lists, tables and links. Raw HTML is not rendered."
              value={text}
              onChange={(e) => edit(e.currentTarget.value)}
              autosize
              minRows={16}
              maxRows={40}
              maxLength={FEATURE_LIMITS.requirementsMax}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Text size="sm" fw={500} mb={4} id="requirements-preview-label">
              Preview
            </Text>
            <Paper withBorder radius="sm" p="md" bg="var(--mantine-color-body)" aria-labelledby="requirements-preview-label" role="region">
              <MarkdownView>{text}</MarkdownView>
            </Paper>
          </Grid.Col>
        </Grid>
      ) : (
        <MarkdownView label="Requirements">{current.body}</MarkdownView>
      )}
      <RevisionsDrawer workspaceId={workspaceId} featureId={featureId} current={current} opened={history} onClose={() => setHistory(false)} onRestore={canEdit ? edit : undefined} />
    </Paper>
  );
}
