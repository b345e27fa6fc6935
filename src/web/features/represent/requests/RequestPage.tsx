import { Badge, Breadcrumbs, Button, Grid, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconArrowMerge, IconCalendarTime, IconCheck, IconTrash, IconX } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { AnchorLink } from '../../../components/links';
import { useState } from 'react';
import type { DecisionAction, RequestDecision, RequestDetail } from '../../../../shared/contracts.js';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingRows } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { MarkdownView } from '../../features/MarkdownView';
import { DecisionModal } from './DecisionModal';
import { REQUESTER_TYPE_LABELS, STATUS_COLORS, STATUS_LABELS, URGENCY_COLORS, useDeleteRequest, useRequest } from './use-requests';

const ACTION_ICONS: Record<DecisionAction, typeof IconCheck> = { accept: IconCheck, merge: IconArrowMerge, defer: IconCalendarTime, decline: IconX };
const ACTION_TEXT: Record<DecisionAction, string> = { accept: 'Accepted', merge: 'Merged', defer: 'Deferred', decline: 'Declined' };

/** One request: what was asked, everyone who asked (merged requests included), its outcome and decision history. */
export function RequestPage() {
  const { workspaceId, requestId } = useParams({ strict: false }) as { workspaceId: string; requestId: string };
  const { can } = useCurrentWorkspace();
  const request = useRequest(workspaceId, requestId);
  const remove = useDeleteRequest(workspaceId);
  const navigate = useNavigate();
  const [deciding, setDeciding] = useState<DecisionAction | null>(null);

  const crumbs = (
    <Breadcrumbs>
      <AnchorLink to="/w/$workspaceId/requests" params={{ workspaceId }} size="sm">
        Requests
      </AnchorLink>
      <Text size="sm">{request.data?.title ?? 'Request'}</Text>
    </Breadcrumbs>
  );
  if (request.isPending) return <LoadingRows rows={6} />;
  if (request.isError) return <ErrorState error={request.error} onRetry={() => void request.refetch()} title="Could not load this request" />;
  const r = request.data;
  const mayDecide = r.status !== 'merged' && can('request.decide', { ownerIds: [r.component?.ownerId] });

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: 'Delete this request?',
      children: <Text size="sm">Requests merged into it {r.mergedInto ? 'move up to the request it was merged into' : 'go back into triage'}. Its decisions stay in the log.</Text>,
      labels: { confirm: 'Delete', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(r.id, {
          onSuccess: () => {
            notifySuccess('Request deleted.');
            void navigate({ to: '/w/$workspaceId/requests', params: { workspaceId } });
          },
          onError: (e) => notifyError(e),
        }),
    });

  return (
    <>
      <PageHeader
        above={crumbs}
        title={r.title}
        description={
          <Group gap="xs" component="span">
            <Badge variant="light" color={STATUS_COLORS[r.status]}>
              {STATUS_LABELS[r.status]}
            </Badge>
            <Badge variant="light" color={URGENCY_COLORS[r.urgency]}>
              {r.urgency} urgency
            </Badge>
            <span>
              {REQUESTER_TYPE_LABELS[r.requesterType]} request, submitted {formatDateTime(r.createdAt)}
              {r.submittedBy ? ` by ${r.submittedBy.name}` : ''}
            </span>
          </Group>
        }
        actions={
          <Group gap="xs">
            {mayDecide ? (
              <>
                <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={() => setDeciding('accept')}>
                  Accept
                </Button>
                <Button variant="default" onClick={() => setDeciding('merge')}>
                  Merge
                </Button>
                <Button variant="default" onClick={() => setDeciding('defer')}>
                  Defer
                </Button>
                <Button variant="light" color="red" onClick={() => setDeciding('decline')}>
                  Decline
                </Button>
              </>
            ) : null}
            {can('request.update') ? (
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirmDelete}>
                Delete
              </Button>
            ) : null}
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Outcome r={r} workspaceId={workspaceId} />
            <Paper withBorder radius="md" p="md">
              <Title order={2} fz="md" mb="xs">
                What was asked
              </Title>
              {r.description ? <MarkdownView label="Request description">{r.description}</MarkdownView> : <Text c="dimmed" size="sm">No description.</Text>}
            </Paper>
            <Paper withBorder radius="md" p="md">
              <Title order={2} fz="md" mb="sm">
                Decision history
              </Title>
              {r.decisions.length === 0 ? (
                <Text c="dimmed" size="sm">
                  Not decided yet: it is in triage.
                </Text>
              ) : (
                <Timeline bulletSize={26} lineWidth={2} active={0}>
                  {r.decisions.map((d) => (
                    <DecisionItem key={d.id} d={d} workspaceId={workspaceId} />
                  ))}
                </Timeline>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Paper withBorder radius="md" p="md">
              <Title order={2} fz="md" mb="xs">
                Requesters ({r.requesters.length})
              </Title>
              <Stack gap={8} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {r.requesters.map((q, i) => (
                  <li key={`${q.requestId}-${i}`}>
                    <Text size="sm" fw={500}>
                      {q.member?.name ?? q.contact?.name ?? 'Customers'}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {REQUESTER_TYPE_LABELS[q.requesterType]}
                      {q.contact?.email ? ` · ${q.contact.email}` : ''}
                      {q.viaMerged ? (
                        <>
                          {' · via '}
                          <AnchorLink to="/w/$workspaceId/requests/$requestId" params={{ workspaceId, requestId: q.requestId }} size="xs" underline="always">
                            merged request
                          </AnchorLink>
                        </>
                      ) : null}
                    </Text>
                  </li>
                ))}
              </Stack>
            </Paper>
            <Paper withBorder radius="md" p="md">
              <Stack gap="xs">
                <Detail label="Customers">{r.customers.length ? r.customers.map((c) => c.name).join(', ') : 'None'}</Detail>
                <Detail label="Product">{r.product?.name ?? 'Not placed'}</Detail>
                <Detail label="Component">{r.component?.name ?? 'Not placed'}</Detail>
                <Detail label="Desired date">{r.desiredDate ? formatDate(r.desiredDate) : 'None'}</Detail>
              </Stack>
            </Paper>
            {r.merged.length ? (
              <Paper withBorder radius="md" p="md">
                <Title order={2} fz="md" mb="xs">
                  Merged into this one
                </Title>
                <Stack gap={4}>
                  {r.merged.map((m) => (
                    <AnchorLink key={m.id} to="/w/$workspaceId/requests/$requestId" params={{ workspaceId, requestId: m.id }} size="sm">
                      {m.title}
                    </AnchorLink>
                  ))}
                </Stack>
              </Paper>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
      <DecisionModal request={deciding ? r : null} action={deciding ?? 'accept'} onClose={() => setDeciding(null)} />
    </>
  );
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** Where the request stands now, with its link. */
function Outcome({ r, workspaceId }: { r: RequestDetail; workspaceId: string }) {
  if (r.status === 'accepted' && r.feature)
    return (
      <Paper withBorder radius="md" p="md">
        <Text size="sm">
          Accepted into the feature{' '}
          <AnchorLink to="/w/$workspaceId/features/$featureId" params={{ workspaceId, featureId: r.feature.id }} underline="always">
            {r.feature.title}
          </AnchorLink>{' '}
          ({r.feature.status.replace('_', ' ')}).
        </Text>
      </Paper>
    );
  if (r.status === 'merged' && r.mergedInto)
    return (
      <Paper withBorder radius="md" p="md">
        <Text size="sm">
          Merged into{' '}
          <AnchorLink to="/w/$workspaceId/requests/$requestId" params={{ workspaceId, requestId: r.mergedInto.id }} underline="always">
            {r.mergedInto.title}
          </AnchorLink>
          : its requesters hear that request’s outcome.
        </Text>
      </Paper>
    );
  if (r.status === 'deferred' && r.revisitOn)
    return (
      <Paper withBorder radius="md" p="md">
        <Text size="sm">Deferred: it comes back into triage on {formatDate(r.revisitOn)}.</Text>
      </Paper>
    );
  return null;
}

function DecisionItem({ d, workspaceId }: { d: RequestDecision; workspaceId: string }) {
  const Icon = ACTION_ICONS[d.action];
  return (
    <Timeline.Item bullet={<Icon size={14} aria-hidden />} title={`${ACTION_TEXT[d.action]}${d.revisitOn ? ` until ${formatDate(d.revisitOn)}` : ''}`}>
      <Text size="xs" c="dimmed">
        {d.decidedBy?.name ?? 'Someone'} · {formatDateTime(d.decidedAt)}
      </Text>
      {d.rationale ? (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          {d.rationale}
        </Text>
      ) : null}
      {d.featureId ? (
        <AnchorLink to="/w/$workspaceId/features/$featureId" params={{ workspaceId, featureId: d.featureId }} size="sm">
          The feature
        </AnchorLink>
      ) : null}
      {d.intoRequestId ? (
        <AnchorLink to="/w/$workspaceId/requests/$requestId" params={{ workspaceId, requestId: d.intoRequestId }} size="sm">
          The request it was merged into
        </AnchorLink>
      ) : null}
      {d.evidence.length ? (
        <Text size="xs" c="dimmed" mt={4}>
          Evidence: {d.evidence.map((e) => e.label ?? e.type.replace('_', ' ')).join(', ')}
        </Text>
      ) : null}
    </Timeline.Item>
  );
}
