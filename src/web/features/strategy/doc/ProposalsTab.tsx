import { Alert, Badge, Button, Card, Collapse, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconGitPullRequest, IconMessage } from '@tabler/icons-react';
import { useState } from 'react';
import { PROPOSAL_COMMENT_MAX, type StrategyProposal } from '../../../../shared/contracts.js';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { formatDateTime, formatRelative, plural } from '../../../lib/format';
import { DiffView } from './DiffView';
import { SECTION_TITLES, STATUS_COLORS } from './labels';
import { useCommentOnProposal, useDecideProposal, useProposal, useProposals, useWithdrawProposal } from './use-strategy';

interface Props {
  workspaceId: string;
  productId: string;
  memberId: string;
  canDecide: boolean;
}

/** Proposed changes, pending first: each with its diff, rationale, thread, and the lead's decision. */
export function ProposalsTab({ workspaceId, productId, memberId, canDecide }: Props) {
  const proposals = useProposals(workspaceId, productId, true);
  if (proposals.isPending) return <LoadingRows rows={3} height={120} />;
  if (proposals.isError) return <ErrorState error={proposals.error} onRetry={() => void proposals.refetch()} />;
  const items = proposals.data.items;
  if (!items.length) {
    return (
      <EmptyState
        icon={<IconGitPullRequest size={24} aria-hidden />}
        title="No proposals yet"
        description="PMs suggest changes with “Propose a change” on any section of the document; they show here with their rationale."
      />
    );
  }
  const pending = items.filter((p) => p.status === 'pending');
  const closed = items.filter((p) => p.status !== 'pending');
  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          Waiting for a decision ({pending.length})
        </Title>
        {pending.length ? (
          pending.map((p) => <ProposalCard key={p.id} proposal={p} workspaceId={workspaceId} productId={productId} memberId={memberId} canDecide={canDecide} />)
        ) : (
          <Text size="sm" c="dimmed">
            Nothing pending.
          </Text>
        )}
      </Stack>
      {closed.length ? (
        <Stack gap="sm">
          <Title order={2} fz="lg">
            Decided and withdrawn ({closed.length})
          </Title>
          {closed.map((p) => (
            <ProposalCard key={p.id} proposal={p} workspaceId={workspaceId} productId={productId} memberId={memberId} canDecide={canDecide} />
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}

function ProposalCard({ proposal: p, workspaceId, productId, memberId, canDecide }: { proposal: StrategyProposal } & Props) {
  const [open, setOpen] = useState(p.status === 'pending');
  const [decision, setDecision] = useState('');
  const decide = useDecideProposal(workspaceId, productId, p.id);
  const withdraw = useWithdrawProposal(workspaceId, productId, p.id);
  const pending = p.status === 'pending';
  const headingId = `proposal-${p.id}`;

  const onDecide = (accept: boolean) =>
    decide.mutate(
      { accept, ...(decision.trim() ? { comment: decision.trim() } : {}) },
      {
        onSuccess: () => notifySuccess(accept ? `Merged into the draft’s “${SECTION_TITLES[p.section]}”. Publish when ready.` : 'Proposal rejected; the author is told.'),
        onError: (e) => notifyError(e),
      },
    );

  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId} data-testid="proposal">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Group gap="xs">
              <Title order={3} fz="md" id={headingId}>
                {SECTION_TITLES[p.section]}
              </Title>
              <Badge variant="light" color={STATUS_COLORS[p.status]}>
                {p.status}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              Proposed by {p.author?.name ?? 'a former member'} <span title={formatDateTime(p.createdAt)}>{formatRelative(p.createdAt)}</span>
              {p.decidedBy ? ` · ${p.status} by ${p.decidedBy.name} ${formatRelative(p.decidedAt)}` : ''}
            </Text>
          </Stack>
          <Button size="xs" variant="subtle" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls={`${headingId}-body`}>
            {open ? 'Hide' : 'Show'}
          </Button>
        </Group>
        <Collapse expanded={open} id={`${headingId}-body`}>
          <Stack gap="sm">
            <div>
              <Text size="sm" fw={600}>
                Rationale
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {p.rationale}
              </Text>
            </div>
            {p.stale ? (
              <Alert color="yellow" variant="light" title="The section changed since this was proposed">
                Accepting replaces the section’s current text with the proposed one.
              </Alert>
            ) : null}
            <div>
              <Text size="sm" fw={600} mb={4}>
                Change
              </Text>
              <DiffView parts={p.diff.parts} label={`Proposed change to ${SECTION_TITLES[p.section]}`} />
            </div>
            {p.decisionComment ? (
              <Text size="sm">
                <Text span fw={600}>
                  Decision note:
                </Text>{' '}
                {p.decisionComment}
              </Text>
            ) : null}
            <CommentThread workspaceId={workspaceId} productId={productId} proposalId={p.id} count={p.commentCount} />
            {pending && (canDecide || p.author?.id === memberId) ? (
              <Stack gap="xs">
                {canDecide ? (
                  <>
                    <Textarea
                      label="Decision note (optional)"
                      description="Told to the author."
                      autosize
                      minRows={1}
                      maxLength={PROPOSAL_COMMENT_MAX}
                      value={decision}
                      onChange={(e) => setDecision(e.currentTarget.value)}
                    />
                  </>
                ) : null}
                <Group gap="xs" justify="flex-end">
                  {p.author?.id === memberId ? (
                    <Button variant="default" size="xs" loading={withdraw.isPending} onClick={() => withdraw.mutate(undefined, { onError: (e) => notifyError(e) })}>
                      Withdraw
                    </Button>
                  ) : null}
                  {canDecide ? (
                    <>
                      <Button color="red" variant="light" size="xs" loading={decide.isPending && decide.variables?.accept === false} disabled={decide.isPending} onClick={() => onDecide(false)}>
                        Reject
                      </Button>
                      <Button size="xs" loading={decide.isPending && decide.variables?.accept === true} disabled={decide.isPending} onClick={() => onDecide(true)}>
                        Accept and merge
                      </Button>
                    </>
                  ) : null}
                </Group>
              </Stack>
            ) : null}
          </Stack>
        </Collapse>
      </Stack>
    </Card>
  );
}

function CommentThread({ workspaceId, productId, proposalId, count }: { workspaceId: string; productId: string; proposalId: string; count: number }) {
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const detail = useProposal(workspaceId, productId, proposalId, open);
  const comment = useCommentOnProposal(workspaceId, productId, proposalId);
  return (
    <Stack gap="xs">
      <Group>
        <Button size="xs" variant="subtle" leftSection={<IconMessage size={14} aria-hidden />} onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? 'Hide comments' : count ? plural(count, 'comment') : 'Comment'}
        </Button>
      </Group>
      {open ? (
        <Stack gap="xs" pl="md" style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}>
          {detail.isPending ? (
            <LoadingRows rows={2} height={32} />
          ) : detail.isError ? (
            <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
          ) : (
            <>
              {detail.data.comments.length ? (
                <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Comments">
                  {detail.data.comments.map((c) => (
                    <li key={c.id}>
                      <Text size="xs" c="dimmed">
                        {c.author?.name ?? 'A former member'} · <span title={formatDateTime(c.createdAt)}>{formatRelative(c.createdAt)}</span>
                      </Text>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {c.body}
                      </Text>
                    </li>
                  ))}
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  No comments yet.
                </Text>
              )}
            </>
          )}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!body.trim()) return;
              comment.mutate({ body: body.trim() }, { onSuccess: () => setBody(''), onError: (err) => notifyError(err) });
            }}
          >
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <Textarea
                label="Add a comment"
                autosize
                minRows={1}
                maxLength={PROPOSAL_COMMENT_MAX}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                style={{ flex: 1 }}
              />
              <Button type="submit" size="sm" variant="light" loading={comment.isPending} disabled={!body.trim()}>
                Comment
              </Button>
            </Group>
          </form>
        </Stack>
      ) : null}
    </Stack>
  );
}
