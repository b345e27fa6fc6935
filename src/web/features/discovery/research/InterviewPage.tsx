import { ActionIcon, Alert, Badge, Breadcrumbs, Button, Grid, Group, Menu, Paper, Stack, Text, Title, Typography } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDots, IconHighlight, IconPencil, IconTrash } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import Markdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { RecordState } from '../RecordState';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { FEEDBACK_STATUS_COLORS, FEEDBACK_STATUS_LABELS, IMPORTANCE_LABELS } from '../labels';
import type { FeedbackStatus } from '../types';
import { HighlightModal } from './HighlightModal';
import { InterviewFormModal } from './InterviewFormModal';
import { findInMarkdown } from './markdown-offsets';
import { useDeleteInterview, useInterview } from './use-research';

// The page has its one h1 and h2 sections: headings in the notes start at h3.
const SHIFTED_HEADINGS: Components = {
  h1: ({ node: _n, ...p }) => <h3 {...p} />,
  h2: ({ node: _n, ...p }) => <h4 {...p} />,
  h3: ({ node: _n, ...p }) => <h5 {...p} />,
  h4: ({ node: _n, ...p }) => <h6 {...p} />,
};

/** One interview: rendered notes where a selected quote becomes a highlight (feedback with source interview). */
export function InterviewPage() {
  const { interviewId } = useParams({ from: '/authed/w/$workspaceId/research/interviews/$interviewId' });
  const { workspaceId, can } = useCurrentWorkspace();
  const interview = useInterview(workspaceId, interviewId);
  const del = useDeleteInterview(workspaceId);
  const navigate = useNavigate();
  const notesRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<{ text: string; range: { start: number; end: number } | null } | null>(null);
  const [dialog, setDialog] = useState<null | 'edit' | 'highlight'>(null);
  const notes = interview.data?.notes ?? '';

  useEffect(() => {
    const onChange = () => {
      const el = notesRef.current;
      const sel = window.getSelection();
      if (!el || !sel || sel.rangeCount === 0 || sel.isCollapsed) return;
      const r = sel.getRangeAt(0);
      if (!el.contains(r.commonAncestorContainer)) return;
      const text = sel.toString().trim();
      if (text) setSelection({ text, range: findInMarkdown(notes, text) });
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [notes]);

  const crumbs = (
    <Breadcrumbs>
      <AnchorLink to="/w/$workspaceId/research" params={{ workspaceId }} search={{ tab: 'interviews' }} size="sm">
        Interviews
      </AnchorLink>
      <Text size="sm" c="dimmed" truncate maw={360}>
        {interview.data?.title ?? '…'}
      </Text>
    </Breadcrumbs>
  );

  if (!interview.data) {
    return (
      <RecordState
        query={interview}
        noun="Interview"
        crumbs={crumbs}
        rows={6}
        back={
          <ButtonLink to="/w/$workspaceId/research" params={{ workspaceId }}>
            See all interviews
          </ButtonLink>
        }
      />
    );
  }

  const i = interview.data;
  const canEdit = can('interview.update');
  const participant = i.contact ? `${i.contact.name}${i.contact.customer ? `, ${i.contact.customer.name}` : ''}` : i.participantName || 'Unknown participant';

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete “${i.title}”?`,
      children: <Text size="sm">The interview and its notes are deleted. Highlights already saved stay in the feedback inbox. This cannot be undone.</Text>,
      labels: { confirm: 'Delete interview', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        del.mutate(i.id, {
          onSuccess: () => {
            notifySuccess('Interview deleted.');
            void navigate({ to: '/w/$workspaceId/research', params: { workspaceId } });
          },
          onError: (e) => notifyError(e, 'Could not delete the interview'),
        }),
    });

  return (
    <>
      <PageHeader
        above={crumbs}
        title={i.title}
        description={`${formatDate(`${i.date}T12:00:00`)} · ${participant}${i.interviewer ? ` · interviewed by ${i.interviewer.name}` : ''}`}
        actions={
          canEdit || can('interview.delete') ? (
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label="Interview actions">
                  <IconDots size={18} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {canEdit ? (
                  <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog('edit')}>
                    Edit interview and notes
                  </Menu.Item>
                ) : null}
                {can('interview.delete') ? (
                  <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirmDelete}>
                    Delete interview
                  </Menu.Item>
                ) : null}
              </Menu.Dropdown>
            </Menu>
          ) : null
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder radius="md" p="lg">
            <Group justify="space-between" mb="sm">
              <Title order={2} fz="md">
                Notes
              </Title>
              {canEdit ? (
                <Button
                  size="xs"
                  leftSection={<IconHighlight size={14} aria-hidden />}
                  disabled={!selection?.range}
                  onClick={() => setDialog('highlight')}
                >
                  Create highlight
                </Button>
              ) : null}
            </Group>
            {canEdit ? (
              <Text size="xs" c="dimmed" mb="sm" aria-live="polite">
                {selection?.range
                  ? `Selected: “${selection.text.slice(0, 80)}${selection.text.length > 80 ? '…' : ''}”`
                  : selection
                    ? 'That selection could not be found in the notes as written; select plain text within one paragraph.'
                    : 'Select a quote in the notes, then create a highlight: it becomes feedback with source interview.'}
              </Text>
            ) : null}
            {i.notes ? (
              <Typography ref={notesRef}>
                <Markdown rehypePlugins={[rehypeSanitize]} components={SHIFTED_HEADINGS}>
                  {i.notes}
                </Markdown>
              </Typography>
            ) : (
              <Alert variant="light" color="gray">
                No notes yet.{canEdit ? ' Edit the interview to add them.' : ''}
              </Alert>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <Paper withBorder radius="md" p="md">
              <Title order={2} fz="md" mb="sm">
                Highlights
              </Title>
              {i.highlights.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No highlights yet.
                </Text>
              ) : (
                <Stack gap="xs">
                  {i.highlights.map((h) => (
                    <Paper key={h.id} withBorder p="xs" radius="sm">
                      <Text size="sm">“{h.text}”</Text>
                      <Group gap={6} mt={4}>
                        <Badge size="xs" color={FEEDBACK_STATUS_COLORS[h.status as FeedbackStatus] ?? 'gray'}>
                          {FEEDBACK_STATUS_LABELS[h.status as FeedbackStatus] ?? h.status}
                        </Badge>
                        <Badge size="xs" color="gray">
                          {IMPORTANCE_LABELS[h.importance] ?? h.importance}
                        </Badge>
                        {h.opportunityIds.length ? (
                          <Text size="xs" c="dimmed">
                            linked to {h.opportunityIds.length}
                          </Text>
                        ) : null}
                      </Group>
                    </Paper>
                  ))}
                </Stack>
              )}
            </Paper>
            {i.script ? (
              <Paper withBorder radius="md" p="md">
                <Title order={2} fz="md" mb="sm">
                  Script
                </Title>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {i.script}
                </Text>
              </Paper>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
      <InterviewFormModal workspaceId={workspaceId} interview={i} opened={dialog === 'edit'} onClose={() => setDialog(null)} />
      <HighlightModal
        workspaceId={workspaceId}
        interviewId={i.id}
        range={selection?.range ?? null}
        quote={selection?.range ? notes.slice(selection.range.start, selection.range.end) : ''}
        opened={dialog === 'highlight'}
        onClose={() => {
          setDialog(null);
          setSelection(null);
        }}
        canLink={can('evidence.link')}
      />
    </>
  );
}
