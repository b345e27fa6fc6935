import { and, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { firstTriage } from '../feedback/feedback.repository.js';
import { components, customers, evidence, experimentOpportunities, experiments, feedback, members, opportunities, opportunityComponents, user } from '../../db/schema/index.js';
import type { EvidenceFact } from './evidence-grading.js';

export type OpportunityRow = typeof opportunities.$inferSelect;
export interface OpportunityFull extends OpportunityRow {
  ownerName: string | null;
  componentIds: string[];
}
export interface OpportunityExperiment {
  id: string;
  title: string;
  hypothesis: string;
  status: string;
  result: string | null;
}
/** A linked feedback item with the link's quote and importance (the fact's importance is the link's). */
export interface LinkedFact extends EvidenceFact {
  opportunityId: string;
  text: string;
  quoteStart: number | null;
  quoteEnd: number | null;
  linkedAt: Date;
}

// Correlated subqueries name the outer table literally (opportunities.id, not a column reference):
// drizzle leaves a column unqualified in a single-table query, and an unqualified "id" inside the
// subquery would bind to the inner table.

/** json from a subselect: PGlite and node-postgres both parse it, but be safe with a string. */
const parseJson = <T>(raw: unknown): T => (typeof raw === 'string' ? JSON.parse(raw) : raw) as T;

const fullColumns = {
  row: opportunities,
  ownerName: user.name,
  componentIds: sql<unknown>`coalesce((select json_agg(oc.component_id order by oc.component_id) from ${opportunityComponents} oc where oc.opportunity_id = opportunities.id), '[]'::json)`,
};

function toFull(r: { row: OpportunityRow; ownerName: string | null; componentIds: unknown }): OpportunityFull {
  return { ...r.row, ownerName: r.ownerName, componentIds: parseJson<string[]>(r.componentIds) };
}

/** Escapes LIKE wildcards so a title search matches the words literally. */
const likeEscape = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page of opportunities with owner names and component ids, and the total matching. */
export async function listOpportunityRows(
  db: Db,
  workspaceId: string,
  q: { status?: string; componentId?: string; pillarId?: string; q?: string; limit: number; offset: number },
): Promise<{ rows: OpportunityFull[]; total: number }> {
  const where: SQL[] = [eq(opportunities.workspaceId, workspaceId)];
  if (q.status) where.push(eq(opportunities.status, q.status));
  if (q.pillarId) where.push(eq(opportunities.pillarId, q.pillarId));
  if (q.q) where.push(ilike(opportunities.title, `%${likeEscape(q.q)}%`));
  if (q.componentId) {
    where.push(sql`exists (select 1 from ${opportunityComponents} oc where oc.opportunity_id = opportunities.id and oc.component_id = ${q.componentId})`);
  }
  // count(*) over () gives the total in the same round trip as the page.
  const rows = await db
    .select({ ...fullColumns, total: sql<number>`count(*) over ()` })
    .from(opportunities)
    .leftJoin(members, eq(members.id, opportunities.ownerId))
    .leftJoin(user, eq(user.id, members.userId))
    .where(and(...where))
    .orderBy(desc(opportunities.updatedAt), desc(opportunities.id))
    .limit(q.limit)
    .offset(q.offset);
  if (rows.length || q.offset === 0) return { rows: rows.map(toFull), total: Number(rows[0]?.total ?? 0) };
  // A page past the end has no row for count(*) over () to ride on.
  const [r] = await db.select({ n: sql<number>`count(*)` }).from(opportunities).where(and(...where));
  return { rows: [], total: Number(r?.n ?? 0) };
}

export async function findOpportunityRow(db: Db, workspaceId: string, id: string): Promise<(OpportunityFull & { experiments: OpportunityExperiment[] }) | undefined> {
  const [r] = await db
    .select({
      ...fullColumns,
      experiments: sql<unknown>`coalesce((select json_agg(json_build_object('id', x.id, 'title', x.title, 'hypothesis', x.hypothesis, 'status', x.status, 'result', x.result) order by x.created_at desc)
        from ${experimentOpportunities} xo join ${experiments} x on x.id = xo.experiment_id where xo.opportunity_id = opportunities.id), '[]'::json)`,
    })
    .from(opportunities)
    .leftJoin(members, eq(members.id, opportunities.ownerId))
    .leftJoin(user, eq(user.id, members.userId))
    .where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.id, id)));
  return r ? { ...toFull(r), experiments: parseJson<OpportunityExperiment[]>(r.experiments) } : undefined;
}

/** Just the row, for existence checks and audit labels. */
export async function findOpportunityBase(db: Db, workspaceId: string, id: string): Promise<OpportunityRow | undefined> {
  const [r] = await db
    .select()
    .from(opportunities)
    .where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.id, id)));
  return r;
}

/** Which of these ids are opportunities of the workspace. */
export async function existingOpportunityIds(db: Db, workspaceId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: opportunities.id })
    .from(opportunities)
    .where(and(eq(opportunities.workspaceId, workspaceId), inArray(opportunities.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/** Which of these ids are components of the workspace. */
export async function existingComponentIds(db: Db, workspaceId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: components.id })
    .from(components)
    .where(and(eq(components.workspaceId, workspaceId), inArray(components.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function insertOpportunity(db: Db, row: typeof opportunities.$inferInsert): Promise<void> {
  await db.insert(opportunities).values(row);
}

export async function updateOpportunityRow(
  db: Db,
  f: { workspaceId: string; id: string; version: number },
  patch: { title?: string; problem?: string; status?: string; ownerId?: string | null; pillarId?: string | null },
) {
  const [row] = await db
    .update(opportunities)
    .set({ ...patch, version: sql`${opportunities.version} + 1`, updatedAt: new Date() })
    .where(and(eq(opportunities.workspaceId, f.workspaceId), eq(opportunities.id, f.id), eq(opportunities.version, f.version)))
    .returning({ id: opportunities.id });
  return row;
}

export async function deleteOpportunityRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(opportunities).where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.id, id)));
}

/** Replaces an opportunity's components. */
export async function setOpportunityComponents(db: Db, workspaceId: string, opportunityId: string, componentIds: string[]): Promise<void> {
  await db.delete(opportunityComponents).where(and(eq(opportunityComponents.workspaceId, workspaceId), eq(opportunityComponents.opportunityId, opportunityId)));
  if (componentIds.length) {
    await db.insert(opportunityComponents).values([...new Set(componentIds)].map((componentId) => ({ workspaceId, opportunityId, componentId })));
  }
}

/** The linked feedback of these opportunities with customers, in one round trip, newest link first. */
export async function loadEvidenceFacts(db: Db, workspaceId: string, opportunityIds: string[]): Promise<LinkedFact[]> {
  if (!opportunityIds.length) return [];
  const rows = await db
    .select({
      opportunityId: evidence.opportunityId,
      feedbackId: evidence.feedbackId,
      quoteStart: evidence.quoteStart,
      quoteEnd: evidence.quoteEnd,
      importance: evidence.importance,
      linkedAt: evidence.createdAt,
      text: feedback.text,
      source: feedback.source,
      capturedAt: feedback.capturedAt,
      mergedIntoId: feedback.mergedIntoId,
      customerId: customers.id,
      customerName: customers.name,
      segment: customers.segment,
      arr: customers.arr,
    })
    .from(evidence)
    .innerJoin(feedback, and(eq(feedback.id, evidence.feedbackId), eq(feedback.workspaceId, evidence.workspaceId)))
    .leftJoin(customers, eq(customers.id, feedback.customerId))
    .where(and(eq(evidence.workspaceId, workspaceId), inArray(evidence.opportunityId, opportunityIds)))
    .orderBy(desc(evidence.createdAt), desc(evidence.feedbackId));
  return rows;
}

/** The feedback fields linking needs. */
export async function findFeedbackForLink(db: Db, workspaceId: string, feedbackId: string) {
  const [r] = await db
    .select({ id: feedback.id, text: feedback.text, importance: feedback.importance, status: feedback.status })
    .from(feedback)
    .where(and(eq(feedback.workspaceId, workspaceId), eq(feedback.id, feedbackId)));
  return r;
}

/** Inserts a link; false when the feedback is already linked to the opportunity. */
export async function insertEvidence(db: Db, row: typeof evidence.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(evidence).values(row).onConflictDoNothing().returning({ id: evidence.id });
  return inserted.length > 0;
}

/** Marks feedback as linked (a status change is a change: the version moves). */
export async function markFeedbackLinked(db: Db, workspaceId: string, feedbackId: string, memberId: string): Promise<void> {
  await db
    .update(feedback)
    .set({ status: 'linked', ...firstTriage(memberId), version: sql`${feedback.version} + 1`, updatedAt: new Date() })
    .where(and(eq(feedback.workspaceId, workspaceId), eq(feedback.id, feedbackId), sql`${feedback.status} <> 'linked'`));
}

/** Removes a link; false when there was none. */
export async function deleteEvidence(db: Db, workspaceId: string, opportunityId: string, feedbackId: string): Promise<boolean> {
  const gone = await db
    .delete(evidence)
    .where(and(eq(evidence.workspaceId, workspaceId), eq(evidence.opportunityId, opportunityId), eq(evidence.feedbackId, feedbackId)))
    .returning({ id: evidence.id });
  return gone.length > 0;
}

/** Feedback ids linked to an opportunity (read before it is deleted). */
export async function linkedFeedbackIds(db: Db, workspaceId: string, opportunityId: string): Promise<string[]> {
  const rows = await db
    .select({ id: evidence.feedbackId })
    .from(evidence)
    .where(and(eq(evidence.workspaceId, workspaceId), eq(evidence.opportunityId, opportunityId)));
  return rows.map((r) => r.id);
}

