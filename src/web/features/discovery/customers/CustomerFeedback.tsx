import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { ErrorState, LoadingRows } from '../../../components/QueryState';
import { formatDate } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { useFeedbackPages } from '../inbox/use-feedback';
import { FEEDBACK_STATUS_COLORS, FEEDBACK_STATUS_LABELS, SOURCE_LABELS } from '../labels';

/** What this customer told us, newest first, page by page. */
export function CustomerFeedback({ workspaceId, customerId }: { workspaceId: string; customerId: string }) {
  const { can } = useCurrentWorkspace();
  const pages = useFeedbackPages(workspaceId, { customerId }, can('feedback.read'));
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="md" mb="sm">
        Feedback
      </Title>
      {!can('feedback.read') ? (
        <Text size="sm" c="dimmed">
          Your role does not read raw feedback.
        </Text>
      ) : pages.isPending ? (
        <LoadingRows rows={4} height={56} />
      ) : pages.isError ? (
        <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No feedback from this customer yet.
        </Text>
      ) : (
        <Stack gap="xs">
          {items.map((f) => (
            <Paper key={f.id} withBorder radius="sm" p="sm">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
                {f.text}
              </Text>
              <Group gap={6} mt={4}>
                <Text size="xs" c="dimmed">
                  {SOURCE_LABELS[f.source]} · {formatDate(f.capturedAt)}
                </Text>
                <Badge size="xs" color={FEEDBACK_STATUS_COLORS[f.status]}>
                  {FEEDBACK_STATUS_LABELS[f.status]}
                </Badge>
                {f.tags.map((t) => (
                  <Badge key={t} size="xs" color="gray" variant="outline">
                    {t}
                  </Badge>
                ))}
              </Group>
            </Paper>
          ))}
          {pages.hasNextPage ? (
            <Group justify="center">
              <Button variant="default" size="xs" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                Load more
              </Button>
            </Group>
          ) : null}
        </Stack>
      )}
    </Paper>
  );
}
