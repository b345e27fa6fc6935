import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { customers, evidence, feedback, opportunities } from '../../db/schema/index.js';

export interface FeedbackText {
  id: string;
  text: string;
}

export interface SimilarCandidate extends FeedbackText {
  trigram: number;
  customerId: string | null;
  customerName: string | null;
}

export interface OpportunityText {
  id: string;
  title: string;
  problem: string;
  linkedTexts: string[];
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** One feedback item's text, if it is in the workspace. */
export async function findFeedbackText(db: Db, workspaceId: string, id: string): Promise<FeedbackText | undefined> {
  const [row] = await db
    .select({ id: feedback.id, text: feedback.text })
    .from(feedback)
    .where(and(eq(feedback.workspaceId, workspaceId), eq(feedback.id, id)));
  return row;
}

/** The texts of the most recent items: the sample the workspace's document frequencies are counted on. */
export async function recentFeedbackTexts(db: Db, workspaceId: string, limit: number): Promise<string[]> {
  const rows = await db.select({ text: feedback.text }).from(feedback).where(eq(feedback.workspaceId, workspaceId)).orderBy(desc(feedback.capturedAt), desc(feedback.id)).limit(limit);
  return rows.map((r) => r.text);
}

/** Array literal of integers for a query parameter: both drivers pass it as text, cast in SQL. */
const intArray = (xs: readonly number[]) => `{${xs.join(',')}}`;

/**
 * Duplicate candidates in ONE round trip, from the locality-sensitive hash keys' GIN index
 * (insights/text/lsh.ts): up to `perTier` items sharing a strict band (near-restatements); only when
 * those are fewer than `limit`, up to `perTier` more sharing a loose one. The item itself and merged
 * items are left out. The `limit` sharing the most keys are returned, each with its trigram similarity
 * (pg_trgm) and customer. Each tier's scan stops at its limit, so the cost does not grow with the workspace.
 */
export async function similarCandidates(
  db: Db,
  f: { workspaceId: string; excludeId: string | null; text: string; keys: { strict: number[]; loose: number[] }; perTier: number; limit: number },
): Promise<SimilarCandidate[]> {
  const { workspaceId, excludeId, text, keys, perTier, limit } = f;
  if (!keys.loose.length) return [];
  const all = intArray([...keys.strict, ...keys.loose]);
  const tier = (tierKeys: number[]) => sql`select id, lsh from ${feedback}
      where workspace_id = ${workspaceId} and lsh && ${intArray(tierKeys)}::integer[] and merged_into_id is null
        ${excludeId ? sql`and id <> ${excludeId}` : sql``}
      limit ${perTier}`;
  // The loose tier's condition does not depend on its rows: PostgreSQL tests it once and skips the scan.
  // Where keys are common (a workspace full of restatements) the planner expects a sequential scan to
  // meet `perTier` matches soon and reads thousands of rows testing each array; the GIN index reads
  // the keys' posting lists and fetches just `perTier` rows. SET LOCAL keeps that to this transaction.
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return tx.execute(sql`
    with strict as materialized (${tier(keys.strict)}),
    candidates as (
      select id, lsh from strict
      union
      select id, lsh from (${tier(keys.loose)}) loose where (select count(*) from strict) < ${limit}),
    best as (
      select id, (select count(*) from unnest(candidates.lsh) k where k = any(${all}::integer[])) as shared
      from candidates order by shared desc, id limit ${limit})
    select f.id, f.text, similarity(f.text, ${text}) as trigram, c.id as customer_id, c.name as customer_name
    from best join ${feedback} f on f.id = best.id
    left join ${customers} c on c.id = f.customer_id`);
  });
  return rowsOf<{ id: string; text: string; trigram: number | string; customer_id: string | null; customer_name: string | null }>(result).map((r) => ({
    id: r.id,
    text: r.text,
    trigram: Number(r.trigram),
    customerId: r.customer_id,
    customerName: r.customer_name,
  }));
}

/** The workspace's opportunities with the texts of their most recently linked feedback. */
export async function opportunityTexts(db: Db, workspaceId: string, opportunityLimit: number, textsPerOpportunity: number): Promise<OpportunityText[]> {
  const result = await db.execute(sql`
    select o.id, o.title, o.problem,
      coalesce((select json_agg(t.text) from (
        select fb.text from ${evidence} e join ${feedback} fb on fb.id = e.feedback_id
        where e.opportunity_id = o.id and e.workspace_id = ${workspaceId}
        order by e.created_at desc limit ${textsPerOpportunity}) t), '[]'::json) as texts
    from ${opportunities} o
    where o.workspace_id = ${workspaceId}
    order by o.updated_at desc, o.id
    limit ${opportunityLimit}`);
  return rowsOf<{ id: string; title: string; problem: string; texts: unknown }>(result).map((r) => ({
    id: r.id,
    title: r.title,
    problem: r.problem,
    linkedTexts: (typeof r.texts === 'string' ? JSON.parse(r.texts) : r.texts) as string[],
  }));
}

/** The most recent unlinked feedback: new or triaged, not merged, evidence for no opportunity. */
export async function unlinkedFeedback(db: Db, workspaceId: string, limit: number): Promise<FeedbackText[]> {
  return db
    .select({ id: feedback.id, text: feedback.text })
    .from(feedback)
    .where(
      and(
        eq(feedback.workspaceId, workspaceId),
        inArray(feedback.status, ['new', 'triaged']),
        sql`${feedback.mergedIntoId} is null`,
        sql`not exists (select 1 from ${evidence} e where e.feedback_id = "feedback"."id")`,
      ),
    )
    .orderBy(desc(feedback.capturedAt), desc(feedback.id))
    .limit(limit);
}

/** The texts of these items, those of the workspace only. */
export async function feedbackTextsByIds(db: Db, workspaceId: string, ids: string[]): Promise<FeedbackText[]> {
  if (!ids.length) return [];
  return db
    .select({ id: feedback.id, text: feedback.text })
    .from(feedback)
    .where(and(eq(feedback.workspaceId, workspaceId), inArray(feedback.id, ids)));
}
