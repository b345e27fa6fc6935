import { normaliseTags, type BulkFeedback, type Feedback, type MergeFeedback } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { forbidden, invalid, notFound } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { can } from '../../../shared/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { bulkUpdateFeedback, mergeFeedbackRows } from './feedback-bulk.repository.js';
import { presentFeedback } from './feedback.presenter.js';
import { findFeedbackDetail, findFeedbackOwners } from './feedback.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor };

/** A PM may change only items tied to a component they own (or to none): refuse the whole request otherwise. */
function requireOwnership(actor: WorkspaceActor, items: { ownerIds: (string | null)[] }[]) {
  const refused = items.filter((i) => !can({ role: actor.role, memberId: actor.memberId }, 'feedback.update', { ownerIds: i.ownerIds })).length;
  if (refused) throw forbidden(`${refused} of these feedback items belong to components you do not own`);
}

const VERB = { archive: 'Archived', triage: 'Triaged', tag: 'Tagged', untag: 'Untagged' } as const;

/** Archives, triages, tags or untags many items at once, all or nothing, with one audit entry. */
export async function bulkFeedback({ db, actor, input }: Ctx & { input: BulkFeedback }): Promise<{ updated: number }> {
  authorize(actor, 'feedback.update', { ownerIds: [] });
  const tag = input.tag?.trim();
  if ((input.action === 'tag' || input.action === 'untag') && !tag) throw invalid('tag', `is required to ${input.action}`);
  const ids = [...new Set(input.ids)];
  return db.transaction(async (tx) => {
    const items = await findFeedbackOwners(tx, actor.workspaceId, ids);
    if (items.length !== ids.length) throw notFound(`${ids.length - items.length} of these feedback items were`);
    requireOwnership(actor, items);
    const updated = await bulkUpdateFeedback(tx, actor.workspaceId, actor.memberId, ids, input.action, tag);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'feedback.bulk',
      entityType: 'feedback',
      entityId: null,
      summary: `${VERB[input.action]} ${updated} of ${ids.length} feedback items${tag ? ` (tag “${tag}”)` : ''}`,
      changes: { action: input.action, tag: tag ?? null, ids },
    });
    return { updated };
  });
}

/**
 * Merges duplicates into one item: they are archived and point at it, their evidence (one link per
 * opportunity) and components move to it, their tags join its tags, and their customers count as its
 * requesters. A new or triaged kept item that now has evidence becomes `linked`.
 */
export async function mergeFeedback({ db, actor, feedbackId, input }: Ctx & { feedbackId: string; input: MergeFeedback }): Promise<Feedback> {
  authorize(actor, 'feedback.merge');
  const duplicateIds = [...new Set(input.duplicateIds)];
  if (duplicateIds.includes(feedbackId)) throw invalid('duplicateIds', 'must not contain the item they are merged into');
  return db.transaction(async (tx) => {
    const items = await findFeedbackOwners(tx, actor.workspaceId, [feedbackId, ...duplicateIds]);
    const kept = items.find((i) => i.id === feedbackId);
    if (!kept) throw notFound('Feedback');
    if (items.length !== duplicateIds.length + 1) throw notFound(`${duplicateIds.length + 1 - items.length} of the duplicates were`);
    if (kept.mergedIntoId) throw invalid('feedbackId', 'is itself merged into another item; merge into that one');
    requireOwnership(actor, items);
    const dups = items.filter((i) => i.id !== feedbackId);
    const tags = normaliseTags([...kept.tags, ...dups.flatMap((d) => d.tags)]);
    const detail = (await findFeedbackDetail(tx, actor.workspaceId, feedbackId))!;
    const moved = await mergeFeedbackRows(tx, actor.workspaceId, actor.memberId, feedbackId, duplicateIds, tags);
    const customers = new Set([kept.customerId, ...dups.map((d) => d.customerId)].filter(Boolean));
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'feedback.merge',
      entityType: 'feedback',
      entityId: feedbackId,
      summary: `Merged ${dups.length} duplicates into “${detail.text.slice(0, 60)}”: ${moved} evidence links moved; it now carries the evidence of all, from ${customers.size} customers`,
      changes: { duplicateIds, evidenceMoved: moved },
    });
    return presentFeedback((await findFeedbackDetail(tx, actor.workspaceId, feedbackId))!);
  });
}
