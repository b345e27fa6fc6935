import { Alert, Button, Grid, Group, Paper, Text, Textarea, Title, Typography } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDeviceFloppy, IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import Markdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import { RELEASE_NOTES_MAX, type ReleaseDetail } from '../../../shared/contracts.js';
import { isApiError } from '../../lib/api/client';
import { notifyError, notifySuccess } from '../../lib/errors';
import { plural } from '../../lib/format';
import { useDraftNotes, useUpdateRelease } from './use-releases';

// The page has its one h1 and h2 sections: headings in the notes start at h3.
const SHIFTED_HEADINGS: Components = {
  h1: ({ node: _n, ...p }) => <h3 {...p} />,
  h2: ({ node: _n, ...p }) => <h4 {...p} />,
  h3: ({ node: _n, ...p }) => <h5 {...p} />,
  h4: ({ node: _n, ...p }) => <h6 {...p} />,
};

/** Sanitised Markdown, or a word when there is nothing to show. */
function NotesPreview({ notes }: { notes: string }) {
  if (!notes.trim()) {
    return (
      <Text size="sm" c="dimmed">
        No release notes yet.
      </Text>
    );
  }
  return (
    <Typography>
      <Markdown rehypePlugins={[rehypeSanitize]} components={SHIFTED_HEADINGS}>
        {notes}
      </Markdown>
    </Typography>
  );
}

/**
 * The release notes: Markdown on the left with a live sanitised preview on the right, a draft from the
 * shipped features, and save. Readers see the rendered notes only.
 */
export function ReleaseNotesEditor({ workspaceId, release, canEdit }: { workspaceId: string; release: ReleaseDetail; canEdit: boolean }) {
  // Unsaved text, or null to show the saved notes: saved notes by someone else then show as they come,
  // while edits here are kept until saved or discarded.
  const [edited, setEdited] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const draft = useDraftNotes(workspaceId);
  const update = useUpdateRelease(workspaceId);
  const text = edited ?? release.notes;
  const dirty = edited !== null && edited !== release.notes;

  if (!canEdit) {
    return (
      <Paper withBorder radius="md" p="md">
        <Title order={2} fz="md" mb="sm">
          Release notes
        </Title>
        <NotesPreview notes={release.notes} />
      </Paper>
    );
  }

  const fill = () =>
    draft.mutate(release.id, {
      onSuccess: (d) => {
        setEdited(d.notes);
        notifySuccess(d.featureCount ? `Drafted from ${plural(d.featureCount, 'shipped feature')}. Review and save.` : 'No feature has shipped yet: the draft is a skeleton.');
      },
      onError: (e) => notifyError(e, 'Could not draft the notes'),
    });

  const askToDraft = () => {
    if (!text.trim()) return fill();
    modals.openConfirmModal({
      title: 'Replace the notes with a fresh draft?',
      children: <Text size="sm">The editor is filled with a draft from the shipped features. Nothing is saved until you save.</Text>,
      labels: { confirm: 'Replace', cancel: 'Keep my notes' },
      onConfirm: fill,
    });
  };

  const save = () =>
    update.mutate(
      { releaseId: release.id, version: release.version, notes: text },
      {
        onSuccess: () => {
          setEdited(null);
          setConflict(false);
          notifySuccess('Release notes saved.');
        },
        onError: (e) => {
          // The latest release is reloaded; the text here stays, to compare and save again.
          if (isApiError(e) && e.code === 'version_conflict') setConflict(true);
          notifyError(e, 'Could not save the notes');
        },
      },
    );

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="md">
          Release notes
        </Title>
        <Group gap="xs">
          <Button variant="default" size="xs" leftSection={<IconSparkles size={14} aria-hidden />} onClick={askToDraft} loading={draft.isPending}>
            Draft from shipped features
          </Button>
          {dirty ? (
            <Button variant="subtle" size="xs" onClick={() => (setEdited(null), setConflict(false))}>
              Discard changes
            </Button>
          ) : null}
          <Button size="xs" leftSection={<IconDeviceFloppy size={14} aria-hidden />} onClick={save} disabled={!dirty} loading={update.isPending}>
            Save notes
          </Button>
        </Group>
      </Group>
      {conflict ? (
        <Alert color="orange" variant="light" mb="sm" title="The release changed while you were editing">
          Your text is kept here. Saving again replaces the notes someone else saved.
        </Alert>
      ) : null}
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Textarea
            label="Markdown"
            description={dirty ? 'Unsaved changes' : 'Saved'}
            value={text}
            onChange={(e) => setEdited(e.currentTarget.value)}
            autosize
            minRows={12}
            maxRows={30}
            maxLength={RELEASE_NOTES_MAX}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Text size="sm" fw={500} mb={4} id="release-notes-preview">
            Preview
          </Text>
          <Paper withBorder radius="sm" p="sm" mih={200} aria-labelledby="release-notes-preview" role="region">
            <NotesPreview notes={text} />
          </Paper>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
