import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { components, contacts, customers, evidence, feedback, feedbackComponents, featureEvidence, members, opportunities, user } from '../../db/schema/index.js';

export type FeedbackRow = typeof feedback.$inferSelect;

/** A feedback item with everything its detail view shows, read in one round trip. */
export interface FeedbackDetail {
  id: string;
  text: string;
  source: string;
  status: string;
  importance: number;
  tags: string[];
  customer: { id: string; name: string; segment: string } | null;
  contact: { id: string; name: string } | null;
  capturedBy: { id: string; name: string } | null;
  capturedAt: Date;
  interviewId: string | null;
  components: { id: string; name: string; ownerId: string | null }[];
  evidence: { opportunityId: string; title: string }[];
  requesters: { id: string; name: string }[];
  mergedIntoId: string | null;
  mergedIds: string[];
  customerId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export async function findFeedbackDetail(db: Db, workspaceId: string, id: string): Promise<FeedbackDetail | undefined> {
  const result = await db.execute(sql`
    select f.id, f.text, f.source, f.status, f.importance, f.tags, f.captured_at, f.interview_id, f.merged_into_id, f.customer_id,
      f.version, f.created_at, f.updated_at,
      case when c.id is null then null else json_build_object('id', c.id, 'name', c.name, 'segment', c.segment) end as customer,
      case when ct.id is null then null else json_build_object('id', ct.id, 'name', ct.name) end as contact,
      case when m.id is null then null else json_build_object('id', m.id, 'name', u.name) end as captured_by,
      coalesce((select json_agg(json_build_object('id', co.id, 'name', co.name, 'ownerId', co.owner_id) order by co.name)
        from ${feedbackComponents} fc join ${components} co on co.id = fc.component_id where fc.feedback_id = f.id), '[]'::json) as components,
      coalesce((select json_agg(json_build_object('opportunityId', o.id, 'title', o.title) order by o.title)
        from ${evidence} e join ${opportunities} o on o.id = e.opportunity_id where e.feedback_id = f.id), '[]'::json) as evidence,
      coalesce((select json_agg(d.id order by d.id) from ${feedback} d where d.workspace_id = f.workspace_id and d.merged_into_id = f.id), '[]'::json) as merged_ids,
      coalesce((select json_agg(json_build_object('id', rc.id, 'name', rc.name) order by rc.name) from ${customers} rc
        where rc.id in (select x.customer_id from ${feedback} x where x.workspace_id = f.workspace_id and (x.id = f.id or x.merged_into_id = f.id))), '[]'::json) as requesters
    from ${feedback} f
    left join ${customers} c on c.id = f.customer_id
    left join ${contacts} ct on ct.id = f.contact_id
    left join ${members} m on m.id = f.captured_by_id
    left join ${user} u on u.id = m.user_id
    where f.workspace_id = ${workspaceId} and f.id = ${id}`);
  const r = rowsOf<Record<string, unknown>>(result)[0];
  if (!r) return undefined;
  return {
    id: r.id as string,
    text: r.text as string,
    source: r.source as string,
    status: r.status as string,
    importance: Number(r.importance),
    tags: parseTextArray(r.tags),
    customer: json(r.customer),
    contact: json(r.contact),
    capturedBy: json(r.captured_by),
    capturedAt: new Date(r.captured_at as string),
    interviewId: (r.interview_id as string | null) ?? null,
    components: json(r.components),
    evidence: json(r.evidence),
    requesters: json(r.requesters),
    mergedIntoId: (r.merged_into_id as string | null) ?? null,
    mergedIds: json(r.merged_ids),
    customerId: (r.customer_id as string | null) ?? null,
    version: Number(r.version),
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
  };
}

/** text[] arrives as a JS array from both drivers, or as a `{a,b}` literal from a raw query on some. */
export function parseTextArray(v: unknown): string[] {
  if (Array.isArray(v)) return v as string[];
  if (typeof v !== 'string' || v === '{}') return [];
  return v
    .slice(1, -1)
    .match(/"((?:[^"\\]|\\.)*)"|[^,]+/g)!
    .map((s) => (s.startsWith('"') ? s.slice(1, -1).replace(/\\(.)/g, '$1') : s));
}

/** Per item: the owners of its components (what a PM's right to change it depends on) and its merge state. */
export async function findFeedbackOwners(db: Db, workspaceId: string, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db
    .select({
      id: feedback.id,
      text: feedback.text,
      status: feedback.status,
      tags: feedback.tags,
      customerId: feedback.customerId,
      mergedIntoId: feedback.mergedIntoId,
      // Qualified by hand: drizzle prints a column of a single-table select without its table name.
      ownerIds: sql<(string | null)[]>`coalesce((select array_agg(co.owner_id) from ${feedbackComponents} fc join ${components} co on co.id = fc.component_id where fc.feedback_id = "feedback"."id"), '{}')`,
    })
    .from(feedback)
    .where(and(eq(feedback.workspaceId, workspaceId), inArray(feedback.id, ids)));
  return rows.map((r) => ({ ...r, ownerIds: Array.isArray(r.ownerIds) ? r.ownerIds : parseTextArray(r.ownerIds).map((x) => (x === 'NULL' ? null : x)) }));
}

export async function insertFeedbackRow(db: Db, row: typeof feedback.$inferInsert): Promise<void> {
  await db.insert(feedback).values(row);
}

export interface FeedbackPatch {
  text?: string;
  status?: string;
  tags?: string[];
  importance?: number;
  customerId?: string | null;
  dedupeKey?: string;
  lsh?: number[];
}

/**
 * The SET columns recording who first moved an item out of "new", and when (a coaching signal): they
 * change only while the row is still new (and `when` holds), so the first triager is kept. PostgreSQL
 * evaluates them against the row as it was before the update.
 */
export function firstTriage(memberId: string, when?: SQL) {
  const still = when ? sql`${feedback.status} = 'new' and (${when})` : sql`${feedback.status} = 'new'`;
  return {
    triagedById: sql`case when ${still} then coalesce(${feedback.triagedById}, ${memberId}::uuid) else ${feedback.triagedById} end`,
    triagedAt: sql`case when ${still} then coalesce(${feedback.triagedAt}, now()) else ${feedback.triagedAt} end`,
  };
}

/** Updates an item at `version`; a status leaving "new" records `triagedBy` as its first triager. */
export async function updateFeedbackRow(db: Db, f: { workspaceId: string; id: string; version: number; triagedBy: string }, patch: FeedbackPatch) {
  const triage = patch.status && patch.status !== 'new' ? firstTriage(f.triagedBy) : {};
  const [row] = await db
    .update(feedback)
    .set({ ...patch, ...triage, version: sql`${feedback.version} + 1`, updatedAt: new Date() })
    .where(and(eq(feedback.workspaceId, f.workspaceId), eq(feedback.id, f.id), eq(feedback.version, f.version)))
    .returning({ id: feedback.id });
  return row;
}

/** Deletes an item; duplicates merged into it stay archived but point nowhere. */
export async function deleteFeedbackRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.update(feedback).set({ mergedIntoId: null }).where(and(eq(feedback.workspaceId, workspaceId), eq(feedback.mergedIntoId, id)));
  await db.delete(feedback).where(and(eq(feedback.workspaceId, workspaceId), eq(feedback.id, id)));
}

/** Replaces the components of an item. */
export async function setFeedbackComponents(db: Db, workspaceId: string, feedbackId: string, componentIds: string[]): Promise<void> {
  await db.delete(feedbackComponents).where(and(eq(feedbackComponents.workspaceId, workspaceId), eq(feedbackComponents.feedbackId, feedbackId)));
  if (componentIds.length) {
    await db.insert(feedbackComponents).values([...new Set(componentIds)].map((componentId) => ({ workspaceId, feedbackId, componentId })));
  }
}

/** Which of these components belong to the workspace. */
export async function existingComponentIds(db: Db, workspaceId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.select({ id: components.id }).from(components).where(and(eq(components.workspaceId, workspaceId), inArray(components.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function findCustomerRef(db: Db, workspaceId: string, id: string) {
  const [row] = await db.select({ id: customers.id }).from(customers).where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)));
  return row;
}

export async function findContactRef(db: Db, workspaceId: string, id: string) {
  const [row] = await db.select({ id: contacts.id, customerId: contacts.customerId }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)));
  return row;
}

/**
 * Linked feedback that lost its last link, to an opportunity or to a feature, goes back to triaged.
 * Both link tables count: feedback still evidencing a feature, or an opportunity, stays linked.
 */
export async function unmarkUnlinkedFeedback(db: Db, workspaceId: string, feedbackIds: string[]): Promise<void> {
  if (!feedbackIds.length) return;
  await db
    .update(feedback)
    .set({ status: 'triaged', version: sql`${feedback.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(feedback.workspaceId, workspaceId),
        inArray(feedback.id, feedbackIds),
        eq(feedback.status, 'linked'),
        sql`not exists (select 1 from ${evidence} e where e.feedback_id = feedback.id)`,
        sql`not exists (select 1 from ${featureEvidence} fe where fe.feedback_id = feedback.id)`,
      ),
    );
}
