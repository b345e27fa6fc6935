import type { CreateOpportunity, LinkEvidence, Opportunity, OpportunityDetail, UpdateOpportunity } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { AppError, invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { assertPillarOfProduct } from '../pillars/pillars.lookup.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { existingMemberIds } from '../members/members.repository.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { loadGrading } from './discovery-settings.service.js';
import { presentOpportunity, presentOpportunityDetail } from './opportunities.presenter.js';
import {
  deleteEvidence,
  deleteOpportunityRow,
  existingComponentIds,
  findFeedbackForLink,
  findOpportunityBase,
  findOpportunityRow,
  insertEvidence,
  insertOpportunity,
  linkedFeedbackIds,
  listOpportunityRows,
  loadEvidenceFacts,
  markFeedbackLinked,
  setOpportunityComponents,
  updateOpportunityRow,
} from './opportunities.repository.js';
import { unmarkUnlinkedFeedback } from '../feedback/feedback.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor };
type ListQuery = { status?: string; componentId?: string; q?: string; limit: number; offset: number };

/** Opportunities with their evidence summary (counts, customers, ARR, graded score). */
export async function listOpportunities({ db, actor, query }: Ctx & { query: ListQuery }): Promise<{ items: Opportunity[]; total: number }> {
  authorize(actor, 'opportunity.read');
  const { rows, total } = await listOpportunityRows(db, actor.workspaceId, query);
  const facts = await loadEvidenceFacts(
    db,
    actor.workspaceId,
    rows.map((r) => r.id),
  );
  const grading = await loadGrading(db, actor.workspaceId);
  const now = new Date();
  return { items: rows.map((r) => presentOpportunity(r, facts.filter((f) => f.opportunityId === r.id), grading, now)), total };
}

async function loadDetail(db: Db, workspaceId: string, opportunityId: string): Promise<OpportunityDetail> {
  const row = await findOpportunityRow(db, workspaceId, opportunityId);
  if (!row) throw notFound('Opportunity');
  const facts = await loadEvidenceFacts(db, workspaceId, [opportunityId]);
  return presentOpportunityDetail(row, facts, await loadGrading(db, workspaceId), new Date());
}

/** An opportunity with its evidence roll-up, linked feedback and experiments. */
export async function getOpportunity({ db, actor, opportunityId }: Ctx & { opportunityId: string }): Promise<OpportunityDetail> {
  authorize(actor, 'opportunity.read');
  return loadDetail(db, actor.workspaceId, opportunityId);
}

/** Owner and components must belong to this workspace; anything else is a 400 naming the field. */
async function checkRefs(db: Db, workspaceId: string, input: { ownerId?: string | null; componentIds?: string[]; pillarId?: string | null }) {
  // An opportunity may span products: any pillar of the workspace will do.
  if (input.pillarId) await assertPillarOfProduct(db, workspaceId, input.pillarId, null);
  if (input.ownerId && !(await existingMemberIds(db, workspaceId, [input.ownerId])).has(input.ownerId)) {
    throw invalid('ownerId', 'is not a member of this workspace');
  }
  if (input.componentIds?.length) {
    const found = await existingComponentIds(db, workspaceId, input.componentIds);
    const stranger = input.componentIds.find((id) => !found.has(id));
    if (stranger) throw invalid('componentIds', `${stranger} is not a component of this workspace`);
  }
}

/** Records a customer problem. */
export async function createOpportunity({ db, actor, input }: Ctx & { input: CreateOpportunity }): Promise<OpportunityDetail> {
  authorize(actor, 'opportunity.create');
  const id = newId();
  return db.transaction(async (tx) => {
    await checkRefs(tx, actor.workspaceId, input);
    await insertOpportunity(tx, {
      id,
      workspaceId: actor.workspaceId,
      title: input.title,
      problem: input.problem ?? '',
      status: input.status ?? 'open',
      ownerId: input.ownerId ?? null,
      pillarId: input.pillarId ?? null,
    });
    if (input.componentIds?.length) await setOpportunityComponents(tx, actor.workspaceId, id, input.componentIds);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'opportunity.create', entityType: 'opportunity', entityId: id, summary: `Created opportunity “${input.title}”` });
    return loadDetail(tx, actor.workspaceId, id);
  });
}

/** Edits an opportunity; `componentIds` replaces its components. */
export async function updateOpportunity({ db, actor, opportunityId, input }: Ctx & { opportunityId: string; input: UpdateOpportunity }): Promise<OpportunityDetail> {
  authorize(actor, 'opportunity.update');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await findOpportunityRow(tx, actor.workspaceId, opportunityId);
    if (!before) throw notFound('Opportunity');
    await checkRefs(tx, actor.workspaceId, input);
    const patch = { title: input.title, problem: input.problem, status: input.status, ownerId: input.ownerId, pillarId: input.pillarId };
    if (!(await updateOpportunityRow(tx, { workspaceId: actor.workspaceId, id: opportunityId, version }, patch))) throw versionConflict('Opportunity');
    if (input.componentIds) await setOpportunityComponents(tx, actor.workspaceId, opportunityId, input.componentIds);
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'opportunity.update',
      entityType: 'opportunity',
      entityId: opportunityId,
      label: `Updated opportunity “${before.title}”`,
      before,
      patch: { ...patch, componentIds: input.componentIds ? [...new Set(input.componentIds)].sort() : undefined },
    });
    return loadDetail(tx, actor.workspaceId, opportunityId);
  });
}

/** Deletes an opportunity; its links go with it and feedback left unlinked returns to triaged. */
export async function deleteOpportunity({ db, actor, opportunityId }: Ctx & { opportunityId: string }): Promise<void> {
  authorize(actor, 'opportunity.delete');
  await db.transaction(async (tx) => {
    const before = await findOpportunityBase(tx, actor.workspaceId, opportunityId);
    if (!before) throw notFound('Opportunity');
    const linked = await linkedFeedbackIds(tx, actor.workspaceId, opportunityId);
    await deleteOpportunityRow(tx, actor.workspaceId, opportunityId);
    await unmarkUnlinkedFeedback(tx, actor.workspaceId, linked);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'opportunity.delete',
      entityType: 'opportunity',
      entityId: opportunityId,
      summary: `Deleted opportunity “${before.title}” and its ${linked.length} evidence links`,
    });
  });
}

/**
 * Links feedback to an opportunity inside the caller's transaction (also used by interview highlights):
 * checks the quote range, writes the link, marks the feedback linked and audits. The caller authorizes.
 */
export async function linkFeedback(tx: Db, actor: WorkspaceActor, opportunityId: string, input: LinkEvidence): Promise<void> {
  const opportunity = await findOpportunityBase(tx, actor.workspaceId, opportunityId);
  if (!opportunity) throw notFound('Opportunity');
  const fb = await findFeedbackForLink(tx, actor.workspaceId, input.feedbackId);
  if (!fb) throw notFound('Feedback');
  if (input.quote) {
    const { start, end } = input.quote;
    // Offsets are UTF-16 code units, as a browser selection reports them.
    if (!(start >= 0 && start < end && end <= fb.text.length)) {
      throw invalid('quote', `must be a range within the feedback text: 0 ≤ start < end ≤ ${fb.text.length}`);
    }
  }
  const inserted = await insertEvidence(tx, {
    id: newId(),
    workspaceId: actor.workspaceId,
    opportunityId,
    feedbackId: fb.id,
    quoteStart: input.quote?.start ?? null,
    quoteEnd: input.quote?.end ?? null,
    importance: input.importance ?? fb.importance,
    createdById: actor.memberId,
  });
  if (!inserted) throw new AppError('conflict', 'feedbackId: this feedback is already linked to the opportunity', 'feedbackId');
  await markFeedbackLinked(tx, actor.workspaceId, fb.id, actor.memberId);
  await recordAudit(tx, actor, {
    workspaceId: actor.workspaceId,
    action: 'evidence.link',
    entityType: 'opportunity',
    entityId: opportunityId,
    summary: `Linked feedback to “${opportunity.title}”${input.quote ? `, quoting “${fb.text.slice(input.quote.start, input.quote.end).slice(0, 80)}”` : ''}`,
  });
}

/** Links feedback as evidence, with an optional quote and importance; returns the updated opportunity. */
export async function linkEvidence({ db, actor, opportunityId, input }: Ctx & { opportunityId: string; input: LinkEvidence }): Promise<OpportunityDetail> {
  authorize(actor, 'evidence.link');
  return db.transaction(async (tx) => {
    await linkFeedback(tx, actor, opportunityId, input);
    return loadDetail(tx, actor.workspaceId, opportunityId);
  });
}

/** Removes a link; the feedback returns to triaged when it has no other link. */
export async function unlinkEvidence({ db, actor, opportunityId, feedbackId }: Ctx & { opportunityId: string; feedbackId: string }): Promise<void> {
  authorize(actor, 'evidence.link');
  await db.transaction(async (tx) => {
    const opportunity = await findOpportunityBase(tx, actor.workspaceId, opportunityId);
    if (!opportunity) throw notFound('Opportunity');
    if (!(await deleteEvidence(tx, actor.workspaceId, opportunityId, feedbackId))) throw notFound('Evidence link');
    await unmarkUnlinkedFeedback(tx, actor.workspaceId, [feedbackId]);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'evidence.unlink',
      entityType: 'opportunity',
      entityId: opportunityId,
      summary: `Unlinked feedback from “${opportunity.title}”`,
    });
  });
}
