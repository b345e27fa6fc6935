import { ActionIcon, Alert, Badge, Button, Group, Menu, Paper, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDots, IconLock, IconNotes, IconPencil, IconTrash, IconUsers } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { CoachingNote, CoachingNoteKind, CoachingSessionDetail } from '../../../../shared/contracts.js';
import { COACHING_SESSION_LIMITS } from '../../../../shared/contracts.js';
import { notifyError } from '../../../lib/errors';
import { formatRelative } from '../../../lib/format';
import { MarkdownView } from '../../features/MarkdownView';
import { useCreateNote, useDeleteNote, useUpdateNote } from './use-sessions';

function NoteCard({ workspaceId, sessionId, note }: { workspaceId: string; sessionId: string; note: CoachingNote }) {
  const update = useUpdateNote(workspaceId, sessionId);
  const remove = useDeleteNote(workspaceId);
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(note.body);

  const save = () =>
    update.mutate({ noteId: note.id, version: note.version, body: body.trim() }, { onSuccess: () => setEditing(false), onError: (e) => notifyError(e, 'Could not save the note') });
  const confirmDelete = () =>
    modals.openConfirmModal({
      title: 'Delete this note?',
      children: <Text size="sm">The note is deleted for good.</Text>,
      labels: { confirm: 'Delete note', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(note.id, { onError: (e) => notifyError(e, 'Could not delete the note') }),
    });

  return (
    <Paper withBorder radius="sm" p="sm" component="article" aria-label={`Note by ${note.author.name}`}>
      <Group justify="space-between" wrap="nowrap" mb={4}>
        <Text size="xs" c="dimmed">
          {note.mine ? 'You' : note.author.name} · {formatRelative(note.createdAt)}
          {note.updatedAt !== note.createdAt ? ' · edited' : ''}
        </Text>
        {note.mine && !editing ? (
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label="Note actions">
                <IconDots size={14} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={() => (setBody(note.body), setEditing(true))}>
                Edit
              </Menu.Item>
              <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={confirmDelete}>
                Delete
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </Group>
      {editing ? (
        <Stack gap={6}>
          <Textarea aria-label="Note" autosize minRows={3} maxRows={16} value={body} onChange={(e) => setBody(e.currentTarget.value)} maxLength={COACHING_SESSION_LIMITS.noteMax} data-autofocus />
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setEditing(false)}>
              Cancel
            </Button>
            <Button size="xs" onClick={save} loading={update.isPending} disabled={!body.trim()}>
              Save
            </Button>
          </Group>
        </Stack>
      ) : (
        <MarkdownView>{note.body}</MarkdownView>
      )}
    </Paper>
  );
}

function Composer({ workspaceId, sessionId, kind }: { workspaceId: string; sessionId: string; kind: CoachingNoteKind }) {
  const create = useCreateNote(workspaceId, sessionId);
  const [body, setBody] = useState('');
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!body.trim()) return;
    create.mutate({ kind, body: body.trim() }, { onSuccess: () => setBody(''), onError: (err) => notifyError(err, 'Could not add the note') });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap={6}>
        <Textarea
          label={kind === 'private' ? 'New private note' : 'New shared note'}
          description="Markdown works. Ctrl+Enter to add."
          autosize
          minRows={3}
          maxRows={14}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit();
          }}
          maxLength={COACHING_SESSION_LIMITS.noteMax}
        />
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={create.isPending} disabled={!body.trim()} leftSection={kind === 'private' ? <IconLock size={14} aria-hidden /> : undefined}>
            {kind === 'private' ? 'Add private note' : 'Add shared note'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The session's notes in three kinds: shared ones, the caller's own private ones, and a tab that says
 * plainly that the other person's private notes exist only for them (the API never sends them here).
 */
export function NotesPanel({ workspaceId, session }: { workspaceId: string; session: CoachingSessionDetail }) {
  const shared = session.notes.filter((n) => n.kind === 'shared');
  const mine = session.notes.filter((n) => n.kind === 'private' && n.mine);
  const other = session.myRole === 'coach' ? session.coachee : session.coach;
  const otherFirst = other.name.split(' ')[0] ?? other.name;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="notes-title">
      <Title order={2} fz="md" id="notes-title" mb="sm">
        Notes
      </Title>
      <Tabs defaultValue="shared">
        <Tabs.List>
          <Tabs.Tab value="shared" leftSection={<IconUsers size={14} aria-hidden />} rightSection={shared.length ? <Badge size="xs" variant="light">{shared.length}</Badge> : null}>
            Shared
          </Tabs.Tab>
          <Tabs.Tab value="private" leftSection={<IconLock size={14} aria-hidden />} rightSection={mine.length ? <Badge size="xs" variant="light">{mine.length}</Badge> : null}>
            My private notes
          </Tabs.Tab>
          <Tabs.Tab value="theirs" leftSection={<IconLock size={14} aria-hidden />} c="dimmed">
            {otherFirst}’s private notes
          </Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="shared" pt="sm">
          <Stack gap="sm">
            <Text size="xs" c="dimmed">
              {session.coach.name} and {session.coachee.name} both read shared notes.
            </Text>
            {shared.length === 0 ? (
              <Text size="sm" c="dimmed">
                No shared notes yet: what you agreed on, in a line or two.
              </Text>
            ) : (
              shared.map((n) => <NoteCard key={n.id} workspaceId={workspaceId} sessionId={session.id} note={n} />)
            )}
            <Composer workspaceId={workspaceId} sessionId={session.id} kind="shared" />
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="private" pt="sm">
          <Stack gap="sm">
            <Alert variant="light" color="grape" icon={<IconLock size={16} aria-hidden />} title="Only you can see these">
              Not {other.name}, not an admin, not the audit log: it records that you wrote a note, never what it says.
            </Alert>
            {mine.length === 0 ? (
              <Text size="sm" c="dimmed">
                No private notes yet.
              </Text>
            ) : (
              mine.map((n) => <NoteCard key={n.id} workspaceId={workspaceId} sessionId={session.id} note={n} />)
            )}
            <Composer workspaceId={workspaceId} sessionId={session.id} kind="private" />
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="theirs" pt="sm">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <IconNotes size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="sm" c="dimmed">
              {other.name} may keep private notes on this session. They are visible to {other.name} alone; Sextant never shows them to you, nor to
              anyone else.
            </Text>
          </Group>
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
