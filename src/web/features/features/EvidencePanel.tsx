import { ActionIcon, Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconLink, IconUnlink } from '@tabler/icons-react';
import { useState } from 'react';
import { AnchorLink } from '../../components/links';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { IMPORTANCE_LABELS, OPPORTUNITY_STATUS_COLORS, OPPORTUNITY_STATUS_LABELS, SOURCE_LABELS, formatMoney } from '../discovery/labels';
import { QuotedText } from '../discovery/Snippet';
import type { FeedbackSource, OpportunityStatus } from '../discovery/types';
import { LinkFeedbackModal } from './LinkFeedbackModal';
import { LinkOpportunityModal } from './LinkOpportunityModal';
import type { FeatureDetail } from './types';
import { useUnlinkFeatureEvidence } from './use-features';
import { StatCard } from '../../components/StatCard';


/**
 * The evidence behind a feature: the roll-up (feedback, customers, ARR, each counted once, through
 * linked opportunities too), the feedback quotes and the opportunities linked, and dialogs to link more.
 */
export function EvidencePanel({ workspaceId, feature, canEdit, canReadFeedback }: { workspaceId: string; feature: FeatureDetail; canEdit: boolean; canReadFeedback: boolean }) {
  const [dialog, setDialog] = useState<null | 'feedback' | 'opportunity'>(null);
  const unlink = useUnlinkFeatureEvidence(workspaceId, feature.id);
  const ev = feature.evidence;

  const confirmUnlink = (evidenceId: string, what: string) =>
    modals.openConfirmModal({
      title: `Unlink ${what}?`,
      children: <Text size="sm">It stops counting as evidence for this feature. Nothing else is deleted.</Text>,
      labels: { confirm: 'Unlink', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => unlink.mutate(evidenceId, { onSuccess: () => notifySuccess('Evidence unlinked.'), onError: (e) => notifyError(e, 'Could not unlink') }),
    });

  if (!ev) {
    return (
      <Alert variant="light" color="gray">
        The evidence behind features is internal to the product team.
      </Alert>
    );
  }

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <StatCard label="Evidence" value={String(ev.evidenceCount)} hint="Feedback items, directly or through opportunities" />
        <StatCard label="Customers" value={String(ev.customerCount)} hint="Distinct customers behind them" />
        <StatCard label="ARR" value={formatMoney(ev.arr)} hint="Each customer counted once" />
      </SimpleGrid>

      {canReadFeedback ? (
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" mb="sm">
            <Title order={2} fz="md">
              Linked feedback
            </Title>
            {canEdit ? (
              <Button size="xs" variant="default" leftSection={<IconLink size={14} aria-hidden />} onClick={() => setDialog('feedback')}>
                Link feedback
              </Button>
            ) : null}
          </Group>
          {feature.feedback.length === 0 ? (
            <Text size="sm" c="dimmed">
              No feedback linked directly. {canEdit ? 'Link what customers said, quoting the words that matter.' : ''}
            </Text>
          ) : (
            <Stack gap="xs">
              {feature.feedback.map((f) => {
                const inExcerpt = f.quote && f.quote.end <= f.text.length;
                return (
                  <Paper key={f.evidenceId} withBorder radius="md" p="sm">
                    <Group wrap="nowrap" align="flex-start" gap="sm">
                      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {inExcerpt && f.quote ? <QuotedText text={f.text} start={f.quote.start} end={f.quote.end} /> : f.text}
                        </Text>
                        {f.quote && !inExcerpt ? (
                          <Text size="sm" fs="italic">
                            “{f.quote.text}”
                          </Text>
                        ) : null}
                        <Group gap={6}>
                          <Text size="xs" fw={600}>
                            {f.customer?.name ?? 'No customer'}
                          </Text>
                          <Text size="xs" c="dimmed">
                            · {SOURCE_LABELS[f.source as FeedbackSource] ?? f.source} · linked {formatDate(f.linkedAt)}
                          </Text>
                          <Badge size="xs" color="gray">
                            {IMPORTANCE_LABELS[f.importance] ?? f.importance}
                          </Badge>
                        </Group>
                      </Stack>
                      {canEdit ? (
                        <Tooltip label="Unlink">
                          <ActionIcon variant="subtle" color="red" onClick={() => confirmUnlink(f.evidenceId, 'this feedback')} aria-label={`Unlink feedback from ${f.customer?.name ?? 'no customer'}`}>
                            <IconUnlink size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      ) : null}
                    </Group>
                  </Paper>
                );
              })}
            </Stack>
          )}
        </Paper>
      ) : null}

      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="md">
            Linked opportunities
          </Title>
          {canEdit ? (
            <Button size="xs" variant="default" leftSection={<IconLink size={14} aria-hidden />} onClick={() => setDialog('opportunity')}>
              Link opportunity
            </Button>
          ) : null}
        </Group>
        {feature.opportunities.length === 0 ? (
          <Text size="sm" c="dimmed">
            No opportunity linked. {canEdit ? 'Link the customer problems this feature solves: their evidence counts here too.' : ''}
          </Text>
        ) : (
          <Stack gap="xs">
            {feature.opportunities.map((o) => (
              <Paper key={o.evidenceId} withBorder radius="md" p="sm">
                <Group wrap="nowrap" justify="space-between" gap="sm">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Group gap="xs" wrap="nowrap">
                      <AnchorLink to="/w/$workspaceId/opportunities/$opportunityId" params={{ workspaceId, opportunityId: o.opportunityId }} size="sm" fw={550} truncate>
                        {o.title}
                      </AnchorLink>
                      <Badge size="xs" color={OPPORTUNITY_STATUS_COLORS[o.status as OpportunityStatus] ?? 'gray'}>
                        {OPPORTUNITY_STATUS_LABELS[o.status as OpportunityStatus] ?? o.status}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {o.feedbackCount} feedback · {o.customerCount} customers · {formatMoney(o.arr)} ARR · {IMPORTANCE_LABELS[o.importance] ?? o.importance}
                    </Text>
                  </Stack>
                  {canEdit ? (
                    <Tooltip label="Unlink">
                      <ActionIcon variant="subtle" color="red" onClick={() => confirmUnlink(o.evidenceId, `“${o.title}”`)} aria-label={`Unlink opportunity ${o.title}`}>
                        <IconUnlink size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  ) : null}
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </Paper>

      <LinkFeedbackModal
        workspaceId={workspaceId}
        featureId={feature.id}
        linkedIds={new Set(feature.feedback.map((f) => f.feedbackId))}
        opened={dialog === 'feedback'}
        onClose={() => setDialog(null)}
      />
      <LinkOpportunityModal
        workspaceId={workspaceId}
        featureId={feature.id}
        linkedIds={new Set(feature.opportunities.map((o) => o.opportunityId))}
        opened={dialog === 'opportunity'}
        onClose={() => setDialog(null)}
      />
    </Stack>
  );
}
