import { Badge, Button, Group, Paper, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconGitMerge } from '@tabler/icons-react';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import type { Feedback, SimilarItem } from '../types';
import { useFeedbackSuggestions, useMergeFeedback, useSimilarFeedback } from './use-feedback';

/** Similar feedback (with likely duplicates to merge) and the opportunities the item probably belongs to. */
export function SimilarFeedback({ workspaceId, feedback, onOpen }: { workspaceId: string; feedback: Feedback; onOpen: (id: string) => void }) {
  const { can } = useCurrentWorkspace();
  const similar = useSimilarFeedback(workspaceId, feedback.id);
  const suggestions = useFeedbackSuggestions(workspaceId, feedback.id);
  const merge = useMergeFeedback(workspaceId);
  const duplicateIds = new Set((suggestions.data?.duplicates ?? []).map((d) => d.id));
  const canMerge = can('feedback.merge');

  const confirmMerge = (dup: SimilarItem) =>
    modals.openConfirmModal({
      title: 'Merge this duplicate?',
      children: (
        <Text size="sm">
          The duplicate is folded into the feedback you are reading. Its evidence links and its requester are kept.
        </Text>
      ),
      labels: { confirm: 'Merge', cancel: 'Cancel' },
      onConfirm: () =>
        merge.mutate(
          { feedbackId: feedback.id, duplicateIds: [dup.id] },
          { onSuccess: () => notifySuccess('Duplicate merged.'), onError: (e) => notifyError(e, 'Could not merge') },
        ),
    });

  const items = similar.data?.items ?? [];
  const opps = suggestions.data?.opportunities ?? [];

  return (
    <Stack gap="sm">
      {opps.length > 0 ? (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Probably belongs to
          </Text>
          <Group gap={6}>
            {opps.slice(0, 4).map((o) => (
              <Badge key={o.id} color="indigo" variant="outline">
                {o.title} · {Math.round(o.score * 100)}%
              </Badge>
            ))}
          </Group>
        </Stack>
      ) : null}
      <Text size="sm" fw={500}>
        Similar feedback
      </Text>
      {similar.isPending ? (
        <Text size="sm" c="dimmed">
          Looking for similar feedback…
        </Text>
      ) : similar.isError ? (
        <Text size="sm" c="red">
          Could not load similar feedback.
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing similar yet.
        </Text>
      ) : (
        items.slice(0, 8).map((s) => (
          <Paper key={s.id} withBorder p="xs" radius="md">
            <Group wrap="nowrap" align="flex-start" gap="xs">
              <UnstyledButton onClick={() => onOpen(s.id)} style={{ flex: 1, minWidth: 0 }} aria-label={`Open similar feedback: ${(s.text ?? '').slice(0, 60)}`}>
                <Text size="sm" lineClamp={2}>
                  {s.text ?? 'Feedback'}
                </Text>
                <Text size="xs" c="dimmed">
                  {s.customer?.name ?? 'No customer'} · {Math.round(s.score * 100)}% similar
                </Text>
              </UnstyledButton>
              {duplicateIds.has(s.id) ? (
                <Stack gap={4} align="flex-end">
                  <Badge color="orange" size="xs">
                    Likely duplicate
                  </Badge>
                  {canMerge ? (
                    <Tooltip label="Merge the duplicate into this feedback">
                      <Button size="compact-xs" variant="light" leftSection={<IconGitMerge size={12} aria-hidden />} onClick={() => confirmMerge(s)}>
                        Merge
                      </Button>
                    </Tooltip>
                  ) : null}
                </Stack>
              ) : null}
            </Group>
          </Paper>
        ))
      )}
    </Stack>
  );
}
