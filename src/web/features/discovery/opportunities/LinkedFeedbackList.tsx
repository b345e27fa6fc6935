import { ActionIcon, Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconUnlink } from '@tabler/icons-react';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { IMPORTANCE_LABELS, SOURCE_LABELS } from '../labels';
import { QuotedText } from '../Snippet';
import type { FeedbackSource, LinkedFeedback } from '../types';
import { useUnlinkEvidence } from './use-opportunities';

/** The feedback linked to an opportunity, each with its highlighted quote; unlink where allowed. */
export function LinkedFeedbackList({ workspaceId, opportunityId, items, canUnlink }: { workspaceId: string; opportunityId: string; items: LinkedFeedback[]; canUnlink: boolean }) {
  const unlink = useUnlinkEvidence(workspaceId);

  const confirmUnlink = (f: LinkedFeedback) =>
    modals.openConfirmModal({
      title: 'Unlink this feedback?',
      children: <Text size="sm">It stops counting as evidence for this opportunity. The feedback itself stays in the inbox.</Text>,
      labels: { confirm: 'Unlink', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        unlink.mutate({ opportunityId, feedbackId: f.id }, { onSuccess: () => notifySuccess('Feedback unlinked.'), onError: (e) => notifyError(e, 'Could not unlink') }),
    });

  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No feedback linked yet. Link it from the feedback inbox (press l on an item).
      </Text>
    );
  }

  return (
    <Stack gap="xs">
      {items.map((f) => {
        // The text is an excerpt: highlight inside it when the quote falls within, else show the quote apart.
        const inExcerpt = f.quote && f.quote.end <= f.text.length;
        return (
          <Paper key={f.id} withBorder radius="md" p="sm">
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {inExcerpt && f.quote ? <QuotedText text={f.text} start={f.quote.start} end={f.quote.end} /> : f.text}
                </Text>
                {f.quote && !inExcerpt ? (
                  <Text size="sm" fs="italic">
                    <QuotedText text={f.quote.text} start={0} end={f.quote.text.length} />
                  </Text>
                ) : null}
                <Group gap={6}>
                  <Text size="xs" fw={600}>
                    {f.customer?.name ?? 'No customer'}
                  </Text>
                  <Text size="xs" c="dimmed">
                    · {SOURCE_LABELS[f.source as FeedbackSource] ?? f.source} · {formatDate(f.capturedAt)}
                  </Text>
                  <Badge size="xs" color="gray">
                    {IMPORTANCE_LABELS[f.importance] ?? `Importance ${f.importance}`}
                  </Badge>
                  {f.mergedIntoId ? (
                    <Badge size="xs" color="orange">
                      Merged duplicate
                    </Badge>
                  ) : null}
                </Group>
              </Stack>
              {canUnlink ? (
                <Tooltip label="Unlink">
                  <ActionIcon variant="subtle" color="red" onClick={() => confirmUnlink(f)} aria-label={`Unlink feedback from ${f.customer?.name ?? 'unknown customer'}`}>
                    <IconUnlink size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              ) : null}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
