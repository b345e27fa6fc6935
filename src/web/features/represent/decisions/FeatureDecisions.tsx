import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconGavel } from '@tabler/icons-react';
import { AnchorLink } from '../../../components/links';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { formatDate, formatDateTime } from '../../../lib/format';
import { ActionBadge, EvidenceChips } from './DecisionParts';
import { useFeatureDecisions } from './use-decisions';

/**
 * A feature's decisions, newest first: the roadmap decisions recorded about it and the requests accepted
 * into it, each with who, when and why. `onRecord` is given to those who may record one.
 */
export function FeatureDecisions({ workspaceId, featureId, onRecord }: { workspaceId: string; featureId: string; onRecord?: () => void }) {
  const decisions = useFeatureDecisions(workspaceId, featureId);
  if (decisions.isPending) return <LoadingRows rows={3} height={64} />;
  if (decisions.isError) return <ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />;
  const items = decisions.data.items;
  if (!items.length)
    return (
      <EmptyState
        icon={<IconGavel size={24} aria-hidden />}
        title="No decisions yet"
        description="Record why this feature was added, moved, dropped or kept: reports show it under “What changed and why”. Requests accepted into it appear here too."
        action={
          onRecord ? (
            <Button variant="light" onClick={onRecord}>
              Record a decision
            </Button>
          ) : undefined
        }
      />
    );
  return (
    <Stack gap="sm">
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Decisions about this feature, newest first">
        {items.map((d) => (
          <Paper key={d.id} component="li" withBorder radius="md" p="sm">
            <Stack gap={6}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Group gap="xs" wrap="wrap">
                  <ActionBadge action={d.action} />
                  {d.action === 'roadmap' ? null : d.requestId ? (
                    <AnchorLink to="/w/$workspaceId/requests/$requestId" params={{ workspaceId, requestId: d.requestId }} size="sm" fw={500}>
                      {d.title}
                    </AnchorLink>
                  ) : (
                    <Text size="sm" fw={500}>
                      {d.title}
                    </Text>
                  )}
                </Group>
                <Text size="xs" c="dimmed" title={formatDateTime(d.decidedAt)}>
                  {d.decidedBy?.name ?? 'A former member'} · {formatDate(d.decidedAt)}
                </Text>
              </Group>
              {d.template ? (
                <Text size="sm" fw={500}>
                  {d.template.title}
                </Text>
              ) : null}
              {d.rationale ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {d.rationale}
                </Text>
              ) : !d.template ? (
                <Text size="sm" c="dimmed">
                  No rationale given
                </Text>
              ) : null}
              {d.pillar ? (
                <Text size="xs" c="dimmed">
                  Pillar: {d.pillar.name}
                </Text>
              ) : null}
              <EvidenceChips evidence={d.evidence} />
            </Stack>
          </Paper>
        ))}
      </Stack>
      {decisions.data.total > items.length ? (
        <Text size="sm" c="dimmed">
          Showing the latest {items.length} of {decisions.data.total}; the{' '}
          <AnchorLink to="/w/$workspaceId/decisions" params={{ workspaceId }} size="sm">
            decision log
          </AnchorLink>{' '}
          has them all.
        </Text>
      ) : null}
    </Stack>
  );
}
