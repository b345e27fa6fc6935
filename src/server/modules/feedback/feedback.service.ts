import { lshColumn } from '../insights/text/lsh.js';
import { normaliseTags, type CreateFeedback, type Feedback, type FeedbackListQuery, type UpdateFeedback } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { cachedRead } from '../../lib/read-cache.js';
import { isUuid, newId } from '../../lib/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { listFeedbackRows } from './feedback-list.repository.js';
import { feedbackDedupeKey } from './feedback.dedupe.js';
import { encodeCursor, presentFeedback, presentFeedbackListItem } from './feedback.presenter.js';
import {
  deleteFeedbackRow,
  existingComponentIds,
  findContactRef,
  findCustomerRef,
  findFeedbackDetail,
  findFeedbackOwners,
  insertFeedbackRow,
  setFeedbackComponents,
  updateFeedbackRow,
  type FeedbackPatch,
} from './feedback.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor };

/** Customer, contact and components must be of this workspace; a contact given alone brings its customer. */
async function checkRefs(db: Db, workspaceId: string, input: { customerId?: string | null; contactId?: string | null; componentIds?: string[] }) {
  let customerId = input.customerId ?? null;
  if (customerId && !(await findCustomerRef(db, workspaceId, customerId))) throw invalid('customerId', 'is not a customer of this workspace');
  if (input.contactId) {
    const contact = await findContactRef(db, workspaceId, input.contactId);
    if (!contact) throw invalid('contactId', 'is not a contact of this workspace');
    if (customerId && contact.customerId !== customerId) throw invalid('contactId', 'belongs to another customer');
    customerId = contact.customerId;
  }
  const ids = input.componentIds ?? [];
  const found = await existingComponentIds(db, workspaceId, ids);
  const stranger = ids.find((id) => !found.has(id));
  if (stranger) throw invalid('componentIds', `${stranger} is not a component of this workspace`);
  return customerId;
}

/**
 * Captures one feedback item (web form, API, or an interview highlight with `interviewId`).
 * Runs in its own transaction, or inside the caller's when given one as `db`.
 */
export async function createFeedback({ db, actor, input }: Ctx & { input: CreateFeedback & { interviewId?: string | null } }): Promise<Feedback> {
  authorize(actor, 'feedback.create');
  const capturedAt = input.capturedAt ? new Date(input.capturedAt) : new Date();
  const tags = normaliseTags(input.tags ?? []);
  const id = newId();
  return db.transaction(async (tx) => {
    const customerId = await checkRefs(tx, actor.workspaceId, input);
    await insertFeedbackRow(tx, {
      id,
      workspaceId: actor.workspaceId,
      text: input.text,
      lsh: lshColumn(input.text, actor.workspaceId),
      source: input.source,
      customerId,
      contactId: input.contactId ?? null,
      capturedById: actor.memberId,
      capturedAt,
      importance: input.importance ?? 2,
      tags,
      interviewId: input.interviewId ?? null,
      dedupeKey: feedbackDedupeKey({ text: input.text, source: input.source, customerId, capturedAt }),
    });
    if (input.componentIds?.length) await setFeedbackComponents(tx, actor.workspaceId, id, input.componentIds);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'feedback.create',
      entityType: 'feedback',
      entityId: id,
      summary: `Captured ${input.source.replace('_', ' ')} feedback: “${input.text.slice(0, 80)}”`,
    });
    return presentFeedback((await findFeedbackDetail(tx, actor.workspaceId, id))!);
  });
}

export async function getFeedback({ db, actor, feedbackId }: Ctx & { feedbackId: string }): Promise<Feedback> {
  authorize(actor, 'feedback.read');
  const row = await findFeedbackDetail(db, actor.workspaceId, feedbackId);
  if (!row) throw notFound('Feedback');
  return presentFeedback(row);
}

function parseCursor(cursor: string): { capturedAt: string; id: string } {
  try {
    const [capturedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof capturedAt === 'string' && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/.test(capturedAt) && isUuid(id)) return { capturedAt, id };
  } catch {
    // fall through: any malformed cursor is the same 400
  }
  throw invalid('cursor', 'is not a cursor this API gave out; start again without it');
}

/** A date-only bound means the whole UTC day; anything else is a timestamp. */
function parseBound(field: 'from' | 'to', raw: string | undefined): Date | undefined {
  if (!raw) return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(raw);
  const d = new Date(dateOnly ? `${raw}T00:00:00Z` : raw);
  if (Number.isNaN(d.getTime()) || (dateOnly && d.toISOString().slice(0, 10) !== raw)) throw invalid(field, 'is not a real date');
  if (field === 'to') return dateOnly ? new Date(d.getTime() + 86_400_000) : new Date(d.getTime() + 1);
  return d;
}

/** The inbox: newest captured first, filtered and searched, paged by an opaque cursor. */
export async function listFeedback({ db, actor, query }: Ctx & { query: FeedbackListQuery }) {
  authorize(actor, 'feedback.read');
  // Browsing the inbox (filters and pages, no search) is served from the embedded read cache.
  if (!query.q) return cachedRead(`feedback:${actor.workspaceId}:${JSON.stringify(query)}`, 30_000, () => loadFeedbackPage(db, actor, query));
  return loadFeedbackPage(db, actor, query);
}

async function loadFeedbackPage(db: Db, actor: WorkspaceActor, query: FeedbackListQuery) {
  const rows = await listFeedbackRows(db, {
    workspaceId: actor.workspaceId,
    q: query.q || undefined,
    source: query.source,
    status: query.status,
    customerId: query.customerId,
    segment: query.segment,
    tag: query.tag,
    componentId: query.componentId,
    from: parseBound('from', query.from),
    before: parseBound('to', query.to),
    includeMerged: query.includeMerged === 'true',
    after: query.cursor ? parseCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return { items: page.map(presentFeedbackListItem), nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!) : null };
}

/** May the actor change these items? A PM only those tied to a component they own, or to none. */
export function authorizeFeedbackChange(actor: WorkspaceActor, items: { ownerIds: (string | null)[] }[]): void {
  for (const item of items) authorize(actor, 'feedback.update', { ownerIds: item.ownerIds });
}

export async function updateFeedback({ db, actor, feedbackId, input }: Ctx & { feedbackId: string; input: UpdateFeedback }): Promise<Feedback> {
  authorize(actor, 'feedback.update', { ownerIds: [] });
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await findFeedbackDetail(tx, actor.workspaceId, feedbackId);
    if (!before) throw notFound('Feedback');
    authorizeFeedbackChange(actor, [{ ownerIds: before.components.map((c) => c.ownerId) }]);
    if (input.customerId !== undefined || input.componentIds) await checkRefs(tx, actor.workspaceId, { customerId: input.customerId, componentIds: input.componentIds });
    const patch: FeedbackPatch = {
      text: input.text,
      status: input.status,
      tags: input.tags ? normaliseTags(input.tags) : undefined,
      importance: input.importance,
      customerId: input.customerId,
    };
    if (input.text !== undefined || input.customerId !== undefined) {
      patch.dedupeKey = feedbackDedupeKey({
        text: input.text ?? before.text,
        source: before.source,
        customerId: input.customerId === undefined ? before.customerId : input.customerId,
        capturedAt: before.capturedAt,
      });
    }
    if (input.text !== undefined) patch.lsh = lshColumn(input.text, actor.workspaceId);
    if (!(await updateFeedbackRow(tx, { workspaceId: actor.workspaceId, id: feedbackId, version, triagedBy: actor.memberId }, patch))) throw versionConflict('Feedback');
    if (input.componentIds) await setFeedbackComponents(tx, actor.workspaceId, feedbackId, input.componentIds);
    const { dedupeKey: _key, lsh: _lsh, ...audited } = patch;
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'feedback.update',
      entityType: 'feedback',
      entityId: feedbackId,
      label: `Updated feedback “${before.text.slice(0, 60)}”`,
      before: { ...before, componentIds: before.components.map((c) => c.id).sort() },
      patch: { ...audited, componentIds: input.componentIds ? [...new Set(input.componentIds)].sort() : undefined },
    });
    return presentFeedback((await findFeedbackDetail(tx, actor.workspaceId, feedbackId))!);
  });
}

export async function deleteFeedback({ db, actor, feedbackId }: Ctx & { feedbackId: string }): Promise<void> {
  authorize(actor, 'feedback.delete');
  await db.transaction(async (tx) => {
    const [before] = await findFeedbackOwners(tx, actor.workspaceId, [feedbackId]);
    if (!before) throw notFound('Feedback');
    await deleteFeedbackRow(tx, actor.workspaceId, feedbackId);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'feedback.delete', entityType: 'feedback', entityId: feedbackId, summary: `Deleted feedback “${before.text.slice(0, 80)}”` });
  });
}
