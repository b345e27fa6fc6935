import type {
  CreateProposal,
  CreateProposalComment,
  DecideProposal,
  ProposalComment,
  ProposalStatus,
  StrategyProposalDetail,
  StrategyProposalList,
  StrategySectionKey,
} from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { AppError, invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { SECTION_LABELS, presentComment, presentProposal } from './strategy.presenter.js';
import {
  closeProposal,
  deciderUserIds,
  findProposalRow,
  findStrategy,
  findVersionRow,
  insertComment,
  insertProposal,
  listCommentRows,
  listProposalRows,
  updateStrategyRow,
  userOfMember,
  type ProposalFull,
  type StrategyFull,
} from './strategy.repository.js';
import { productOf, strategyRowOf, type Ctx } from './strategy.service.js';
import { sameTexts } from './strategy.diff.js';

/*
 * Proposals: a PM (or a lead) suggests the whole new text of one section with a rationale; people
 * comment; a lead or admin accepts (the text replaces the draft's section) or rejects. A decided or
 * withdrawn proposal is closed: deciding it again answers 409. Only its author withdraws it.
 */

type ProposalCtx = Ctx & { proposalId: string };

async function proposalOf(db: Db, actor: WorkspaceActor, productId: string, proposalId: string): Promise<{ s: StrategyFull; p: ProposalFull; productName: string }> {
  const product = await productOf(db, actor, productId);
  const s = await findStrategy(db, actor.workspaceId, productId);
  const p = s ? await findProposalRow(db, actor.workspaceId, s.id, proposalId) : undefined;
  if (!s || !p) throw notFound('Proposal');
  return { s, p, productName: product.name };
}

async function detail(db: Db, actor: WorkspaceActor, productId: string, proposalId: string): Promise<StrategyProposalDetail> {
  const { s, p } = await proposalOf(db, actor, productId, proposalId);
  const comments = await listCommentRows(db, actor.workspaceId, p.id);
  return { ...presentProposal(p, productId, s.sections), comments: comments.map(presentComment) };
}

const link = (actor: WorkspaceActor, productId: string) => `/w/${actor.workspaceId}/strategy?productId=${productId}&tab=proposals`;

/** Proposes a new text for a section; records the draft's text then, so the change shows as a diff. */
export async function createProposal({ db, actor, productId, input }: Ctx & { input: CreateProposal }): Promise<StrategyProposalDetail> {
  authorize(actor, 'strategy.propose');
  const id = newId();
  await db.transaction(async (tx) => {
    const product = await productOf(tx, actor, productId);
    const s = await strategyRowOf(tx, actor, productId);
    const baseText = s.sections[input.section] ?? '';
    if (input.text === baseText) throw invalid('text', 'is the same as the current text of the section; change it first');
    await insertProposal(tx, {
      id,
      workspaceId: actor.workspaceId,
      strategyId: s.id,
      section: input.section,
      text: input.text,
      rationale: input.rationale,
      baseText,
      authorId: actor.memberId,
      status: 'pending',
    });
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'strategy.proposal.create',
      entityType: 'strategy_proposal',
      entityId: id,
      summary: `Proposed a change to “${SECTION_LABELS[input.section]}” of the ${product.name} strategy`,
      changes: { section: [null, input.section], text: [baseText, input.text], rationale: [null, input.rationale] },
    });
    // The leads and admins decide: they hear of it at once.
    await notify(tx, {
      workspaceId: actor.workspaceId,
      userIds: (await deciderUserIds(tx, actor.workspaceId)).filter((u) => u !== actor.userId),
      kind: 'strategy.proposal.created',
      title: `${actor.name} proposed a change to “${SECTION_LABELS[input.section]}” of the ${product.name} strategy`,
      body: input.rationale.slice(0, 200),
      link: link(actor, productId),
    });
  });
  return detail(db, actor, productId, id);
}

/** The proposals of the strategy: pending first, then newest first. */
export async function listProposals({ db, actor, productId, status }: Ctx & { status?: ProposalStatus }): Promise<StrategyProposalList> {
  authorize(actor, 'strategy.propose');
  await productOf(db, actor, productId);
  const s = await findStrategy(db, actor.workspaceId, productId);
  if (!s) return { items: [] };
  return { items: (await listProposalRows(db, actor.workspaceId, s.id, status)).map((p) => presentProposal(p, productId, s.sections)) };
}

/** One proposal with its diff and comments. */
export async function getProposal({ db, actor, productId, proposalId }: ProposalCtx): Promise<StrategyProposalDetail> {
  authorize(actor, 'strategy.propose');
  return detail(db, actor, productId, proposalId);
}

/** Adds a comment to a proposal (open or closed: the discussion may go on); tells the author when someone else comments. */
export async function commentOnProposal({ db, actor, productId, proposalId, input }: ProposalCtx & { input: CreateProposalComment }): Promise<ProposalComment> {
  authorize(actor, 'strategy.propose');
  const id = newId();
  await db.transaction(async (tx) => {
    const { p, productName } = await proposalOf(tx, actor, productId, proposalId);
    await insertComment(tx, { id, workspaceId: actor.workspaceId, proposalId: p.id, authorId: actor.memberId, body: input.body });
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'strategy.proposal.comment',
      entityType: 'strategy_proposal',
      entityId: p.id,
      summary: `Commented on a proposal for “${SECTION_LABELS[p.section as StrategySectionKey]}” of the ${productName} strategy`,
      changes: { comment: [null, input.body] },
    });
    if (p.authorId && p.authorId !== actor.memberId) {
      const userId = await userOfMember(tx, actor.workspaceId, p.authorId);
      if (userId) {
        await notify(tx, {
          workspaceId: actor.workspaceId,
          userIds: [userId],
          kind: 'strategy.proposal.comment',
          title: `${actor.name} commented on your proposal for “${SECTION_LABELS[p.section as StrategySectionKey]}”`,
          body: input.body.slice(0, 200),
          link: link(actor, productId),
        });
      }
    }
  });
  const comments = await listCommentRows(db, actor.workspaceId, proposalId);
  return presentComment(comments.find((c) => c.id === id)!);
}

/** Accepts (merging the text into the draft's section) or rejects a pending proposal, and tells its author. */
export async function decideProposal({ db, actor, productId, proposalId, input }: ProposalCtx & { input: DecideProposal }): Promise<StrategyProposalDetail> {
  authorize(actor, 'strategy.decide');
  await db.transaction(async (tx) => {
    const { s, p, productName } = await proposalOf(tx, actor, productId, proposalId);
    if (p.status !== 'pending') throw new AppError('conflict', `This proposal was already ${p.status}; it cannot be decided again`);
    const status = input.accept ? 'accepted' : 'rejected';
    if (!(await closeProposal(tx, { workspaceId: actor.workspaceId, id: p.id }, { status, decidedById: actor.memberId, decidedAt: new Date(), decisionComment: input.comment ?? '' }))) {
      throw new AppError('conflict', 'This proposal was decided or withdrawn meanwhile; reload it');
    }
    const section = p.section as StrategySectionKey;
    const label = SECTION_LABELS[section];
    if (input.accept) {
      const sections = { ...s.sections, [section]: p.text };
      const latest = s.publishedNumber > 0 ? await findVersionRow(tx, actor.workspaceId, s.id, { number: s.publishedNumber }) : undefined;
      const dirty = latest ? !sameTexts({ sections, stories: s.stories }, latest) : true;
      if (!(await updateStrategyRow(tx, { workspaceId: actor.workspaceId, id: s.id, version: s.version }, { sections, dirty, updatedById: actor.memberId }))) {
        throw versionConflict('The strategy');
      }
    }
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: input.accept ? 'strategy.proposal.accept' : 'strategy.proposal.reject',
      entityType: 'strategy_proposal',
      entityId: p.id,
      summary: `${input.accept ? 'Accepted' : 'Rejected'} ${p.author ? `${p.author.name}’s` : 'a'} proposal for “${label}” of the ${productName} strategy${input.accept ? ' (merged into the draft)' : ''}`,
      changes: {
        status: ['pending', status],
        ...(input.comment ? { decisionComment: [null, input.comment] } : {}),
        ...(input.accept ? { [section]: [s.sections[section] ?? '', p.text] } : {}),
      },
    });
    if (p.authorId && p.authorId !== actor.memberId) {
      const userId = await userOfMember(tx, actor.workspaceId, p.authorId);
      if (userId) {
        await notify(tx, {
          workspaceId: actor.workspaceId,
          userIds: [userId],
          kind: `strategy.proposal.${status}`,
          title: `${actor.name} ${status} your proposal for “${label}” of the ${productName} strategy`,
          body: input.comment ?? '',
          link: link(actor, productId),
        });
      }
    }
  });
  return detail(db, actor, productId, proposalId);
}

/** Withdraws a pending proposal; only its author may (anyone else is told it does not exist). */
export async function withdrawProposal({ db, actor, productId, proposalId }: ProposalCtx): Promise<StrategyProposalDetail> {
  authorize(actor, 'strategy.propose');
  await db.transaction(async (tx) => {
    const { p, productName } = await proposalOf(tx, actor, productId, proposalId);
    if (p.authorId !== actor.memberId) throw notFound('Proposal');
    if (p.status !== 'pending' || !(await closeProposal(tx, { workspaceId: actor.workspaceId, id: p.id }, { status: 'withdrawn' }))) {
      throw new AppError('conflict', `This proposal was already ${p.status === 'pending' ? 'closed' : p.status}; it cannot be withdrawn`);
    }
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'strategy.proposal.withdraw',
      entityType: 'strategy_proposal',
      entityId: p.id,
      summary: `Withdrew their proposal for “${SECTION_LABELS[p.section as StrategySectionKey]}” of the ${productName} strategy`,
      changes: { status: ['pending', 'withdrawn'] },
    });
  });
  return detail(db, actor, productId, proposalId);
}
