import { Badge, Blockquote, Group, List, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconBulb, IconEye, IconSparkles } from '@tabler/icons-react';
import type { CoachingInsight, CoachingInsightLink } from '../../../../shared/contracts.js';
import { AnchorLink } from '../../../components/links';
import { EmptyState } from '../../../components/QueryState';

const SEVERITY = {
  concern: { color: 'red', label: 'Concern', Icon: IconAlertTriangle },
  attention: { color: 'orange', label: 'Worth a look', Icon: IconEye },
  info: { color: 'teal', label: 'Going well', Icon: IconSparkles },
} as const;

/** A link to the record behind an insight, on its own page. */
function RecordLink({ workspaceId, link }: { workspaceId: string; link: CoachingInsightLink }) {
  const detail = link.detail ? (
    <Text span size="sm" c="dimmed">
      {' '}
      — {link.detail}
    </Text>
  ) : null;
  if (link.type === 'feature') {
    return (
      <>
        <AnchorLink to="/w/$workspaceId/features/$featureId" params={{ workspaceId, featureId: link.id }} size="sm">
          {link.label}
        </AnchorLink>
        {detail}
      </>
    );
  }
  if (link.type === 'interview') {
    return (
      <>
        <AnchorLink to="/w/$workspaceId/research/interviews/$interviewId" params={{ workspaceId, interviewId: link.id }} size="sm">
          {link.label}
        </AnchorLink>
        {detail}
      </>
    );
  }
  return (
    <>
      <AnchorLink to="/w/$workspaceId/research/experiments/$experimentId" params={{ workspaceId, experimentId: link.id }} size="sm">
        {link.label}
      </AnchorLink>
      {detail}
    </>
  );
}

/** Insights: what the signals show, the question to ask about it, and the records behind it. */
export function InsightList({ workspaceId, items, self }: { workspaceId: string; items: CoachingInsight[]; self: boolean }) {
  if (!items.length) {
    return (
      <EmptyState
        icon={<IconBulb size={24} aria-hidden />}
        title="Nothing to raise right now"
        description={`${self ? 'Your' : 'Their'} recent interviews, triage, experiments and requirements show no gap and no streak worth a question. Insights appear as work is recorded in Sextant.`}
      />
    );
  }
  return (
    <Stack gap="sm">
      {items.map((insight) => {
        const s = SEVERITY[insight.severity];
        return (
          <Paper key={insight.key} withBorder radius="md" p="md" component="article" aria-labelledby={`insight-${insight.key}`}>
            <Group gap="sm" align="flex-start" wrap="nowrap">
              <ThemeIcon variant="light" color={s.color} radius="xl" size="lg" aria-hidden>
                <s.Icon size={18} />
              </ThemeIcon>
              <Stack gap={6} flex={1} miw={0}>
                <Group gap="xs">
                  <Text id={`insight-${insight.key}`} fw={600}>
                    {insight.title}
                  </Text>
                  <Badge size="sm" variant="light" color={s.color}>
                    {s.label}
                  </Badge>
                  <Badge size="sm" variant="outline" color="gray" tt="none">
                    {insight.competency.name}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {insight.detail}
                </Text>
                <Blockquote
                  color={s.color}
                  p="sm"
                  mt={4}
                  fz="sm"
                  fs="italic"
                  cite={self ? 'A question to think about' : 'A question to ask'}
                  styles={{ cite: { color: 'var(--mantine-color-text)', opacity: 1 } }}
                >
                  {insight.prompt}
                </Blockquote>
                {insight.links.length ? (
                  <List size="sm" spacing={2} aria-label="Records behind this insight">
                    {insight.links.map((l) => (
                      <List.Item key={`${l.type}-${l.id}`}>
                        <RecordLink workspaceId={workspaceId} link={l} />
                      </List.Item>
                    ))}
                  </List>
                ) : null}
              </Stack>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
