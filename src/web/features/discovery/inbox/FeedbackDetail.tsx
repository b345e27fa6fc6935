import { ActionIcon, Anchor, Badge, Button, Divider, Group, Paper, ScrollArea, Select, Stack, TagsInput, Text, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconArchive, IconLink, IconTag, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { AnchorLink } from '../../../components/links';
import { ErrorState, LoadingRows } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { FEEDBACK_STATUS_COLORS, FEEDBACK_STATUS_LABELS, IMPORTANCE_LABELS, SOURCE_LABELS, optionsOf } from '../labels';
import { QuotedText } from '../Snippet';
import type { Feedback, FeedbackStatus } from '../types';
import { SimilarFeedback } from './SimilarFeedback';
import { useDeleteFeedback, useFeedbackItem, useUpdateFeedback } from './use-feedback';

interface FeedbackDetailProps {
  feedbackId: string;
  quote: { start: number; end: number } | null;
  onQuoteChange: (q: { start: number; end: number } | null) => void;
  onLink: () => void;
  onArchive: () => void;
  onTag: () => void;
  onOpen: (id: string) => void;
  onDeleted: () => void;
}

/** Character offsets of the current selection inside `el`, when the selection lies within it. */
function selectionOffsets(el: HTMLElement): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!el.contains(range.startContainer) || !el.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(el);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? { start, end } : null;
}

/** The detail pane: full text, customer, triage fields, links, and similar feedback. */
export function FeedbackDetail({ feedbackId, quote, onQuoteChange, onLink, onArchive, onTag, onOpen, onDeleted }: FeedbackDetailProps) {
  const { workspaceId, can } = useCurrentWorkspace();
  const item = useFeedbackItem(workspaceId, feedbackId);
  const update = useUpdateFeedback(workspaceId);
  const del = useDeleteFeedback(workspaceId);
  const textRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onChange = () => {
      if (!textRef.current) return;
      const q = selectionOffsets(textRef.current);
      if (q) onQuoteChange(q);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [onQuoteChange]);

  if (item.isPending) return <LoadingRows rows={5} height={36} />;
  if (item.isError) return <ErrorState error={item.error} onRetry={() => void item.refetch()} />;
  const f = item.data;
  // Unfiltered, as the server checks them: a component without an owner still ties the item to a component.
  const ownerIds = f.components.map((c) => c.ownerId);
  const canUpdate = can('feedback.update', { ownerIds });
  const canLink = can('evidence.link');

  const patch = (body: Partial<Pick<Feedback, 'status' | 'tags' | 'importance'>>, message: string) =>
    update.mutate({ feedbackId: f.id, version: f.version, ...body }, { onSuccess: () => notifySuccess(message), onError: (e) => notifyError(e) });

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: 'Delete this feedback?',
      children: <Text size="sm">It is removed from the inbox and from every opportunity it supports. This cannot be undone.</Text>,
      labels: { confirm: 'Delete feedback', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => del.mutate(f.id, { onSuccess: () => (notifySuccess('Feedback deleted.'), onDeleted()), onError: (e) => notifyError(e) }),
    });

  return (
    <ScrollArea h="100%" type="auto" offsetScrollbars>
      <Stack gap="md" pr="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} miw={0}>
            <Title order={2} fz="lg">
              {f.customer ? (
                <AnchorLink to="/w/$workspaceId/customers/$customerId" params={{ workspaceId, customerId: f.customer.id }} c="inherit">
                  {f.customer.name}
                </AnchorLink>
              ) : (
                'No customer'
              )}
            </Title>
            <Text size="sm" c="dimmed">
              {SOURCE_LABELS[f.source] ?? f.source} · captured {formatDate(f.capturedAt)}
              {f.customer?.segment ? ` · ${f.customer.segment}` : ''}
            </Text>
          </Stack>
          <Badge color={FEEDBACK_STATUS_COLORS[f.status]}>{FEEDBACK_STATUS_LABELS[f.status] ?? f.status}</Badge>
        </Group>

        <Paper withBorder p="md" radius="md">
          <Text ref={textRef} size="sm" style={{ whiteSpace: 'pre-wrap', userSelect: 'text' }} aria-label="Feedback text">
            <QuotedText text={f.text} start={quote?.start} end={quote?.end} />
          </Text>
        </Paper>
        {quote ? (
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              Quote selected ({quote.end - quote.start} characters).
            </Text>
            <Anchor component="button" type="button" size="xs" onClick={() => onQuoteChange(null)}>
              Clear quote
            </Anchor>
          </Group>
        ) : canLink ? (
          <Text size="xs" c="dimmed">
            Select part of the text to use it as the quote when linking.
          </Text>
        ) : null}

        <Group gap="xs">
          {canLink ? (
            <Tooltip label="Link to opportunity (l)">
              <Button size="xs" leftSection={<IconLink size={14} aria-hidden />} onClick={onLink}>
                Link to opportunity
              </Button>
            </Tooltip>
          ) : null}
          {canUpdate ? (
            <>
              <Tooltip label="Archive (e)">
                <Button size="xs" variant="default" leftSection={<IconArchive size={14} aria-hidden />} onClick={onArchive} disabled={f.status === 'archived'}>
                  Archive
                </Button>
              </Tooltip>
              <Tooltip label="Tag (t)">
                <Button size="xs" variant="default" leftSection={<IconTag size={14} aria-hidden />} onClick={onTag}>
                  Tag
                </Button>
              </Tooltip>
            </>
          ) : null}
          {can('feedback.delete') ? (
            <Tooltip label="Delete feedback">
              <ActionIcon variant="subtle" color="red" onClick={confirmDelete} aria-label="Delete feedback" ml="auto">
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          ) : null}
        </Group>

        <Divider />
        <Group grow align="flex-start">
          <Select
            label="Status"
            data={optionsOf(FEEDBACK_STATUS_LABELS)}
            value={f.status}
            onChange={(v) => v && v !== f.status && patch({ status: v as FeedbackStatus }, `Marked ${FEEDBACK_STATUS_LABELS[v as FeedbackStatus].toLowerCase()}.`)}
            allowDeselect={false}
            disabled={!canUpdate}
          />
          <Select
            label="Importance"
            placeholder="Not set"
            data={Object.entries(IMPORTANCE_LABELS).map(([value, label]) => ({ value, label: `${value} · ${label}` }))}
            value={f.importance ? String(f.importance) : null}
            onChange={(v) => v && patch({ importance: Number(v) }, 'Importance saved.')}
            allowDeselect={false}
            disabled={!canUpdate}
          />
        </Group>
        <TagsInput
          label="Tags"
          value={f.tags}
          onChange={(tags) => patch({ tags }, 'Tags saved.')}
          disabled={!canUpdate}
          placeholder={canUpdate ? 'Add a tag' : undefined}
        />
        {f.components.length ? (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Components
            </Text>
            <Group gap={6}>
              {f.components.map((c) => (
                <Badge key={c.id} color="gray">
                  {c.name}
                </Badge>
              ))}
            </Group>
          </Stack>
        ) : null}

        <Requesters feedback={f} workspaceId={workspaceId} />
        <LinkedOpportunities feedback={f} workspaceId={workspaceId} />
        <Divider />
        <SimilarFeedback workspaceId={workspaceId} feedback={f} onOpen={onOpen} />
      </Stack>
    </ScrollArea>
  );
}

/**
 * Who asked for this: the item's customer and those of the duplicates merged into it. Shown once a
 * merge happened, so the merged requesters stay visible where the triage happens.
 */
function Requesters({ feedback, workspaceId }: { feedback: Feedback; workspaceId: string }) {
  if (feedback.mergedIds.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Requesters
      </Text>
      <Text size="xs" c="dimmed">
        {feedback.mergedIds.length === 1 ? 'One duplicate was' : `${feedback.mergedIds.length} duplicates were`} merged into this feedback.
      </Text>
      {feedback.requesters.length === 0 ? (
        <Text size="sm" c="dimmed">
          No customer known.
        </Text>
      ) : (
        <Group gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Requesters">
          {feedback.requesters.map((r) => (
            <li key={r.id}>
              <AnchorLink to="/w/$workspaceId/customers/$customerId" params={{ workspaceId, customerId: r.id }} size="sm">
                {r.name}
              </AnchorLink>
            </li>
          ))}
        </Group>
      )}
    </Stack>
  );
}

function LinkedOpportunities({ feedback, workspaceId }: { feedback: Feedback; workspaceId: string }) {
  const links = feedback.evidence;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Linked opportunities
      </Text>
      {links.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not linked yet.
        </Text>
      ) : (
        links.map((o) => (
          <AnchorLink key={o.opportunityId} to="/w/$workspaceId/opportunities/$opportunityId" params={{ workspaceId, opportunityId: o.opportunityId }} size="sm">
            {o.title}
          </AnchorLink>
        ))
      )}
    </Stack>
  );
}

