import { Paper, Text, Timeline, Title } from '@mantine/core';
import { ErrorState, LoadingRows } from '../../components/QueryState';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useFeatureHistory } from './use-features';

/** Who changed what on the feature, newest first (from the audit log). */
export function HistoryPanel({ workspaceId, featureId }: { workspaceId: string; featureId: string }) {
  const history = useFeatureHistory(workspaceId, featureId, true);
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="md" mb="sm">
        History
      </Title>
      {history.isPending ? (
        <LoadingRows rows={4} height={36} />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No recorded changes.
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} active={-1}>
          {history.data.items.map((e) => (
            <Timeline.Item key={e.id} title={<Text size="sm">{e.summary}</Text>}>
              <Text size="xs" c="dimmed" title={formatDateTime(e.at)}>
                {e.actorName} · {formatRelative(e.at)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
