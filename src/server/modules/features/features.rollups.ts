import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { customers, evidence, featureEvidence, feedback } from '../../db/schema/index.js';

/** A feature's evidence roll-up: linked feedback (directly or through linked opportunities). */
export interface FeatureRollup {
  evidenceCount: number;
  customerCount: number;
  /** Total ARR of the distinct customers, whole currency units, exact (decimal string). */
  arr: string;
}

const EMPTY: FeatureRollup = { evidenceCount: 0, customerCount: 0, arr: '0' };

/** A PostgreSQL array literal of uuids: one bind parameter however many ids (20,000 when rescoring all). */
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/**
 * Roll-ups of these features (every feature id gets an entry, zeros when nothing is linked), in one
 * query whatever the number of ids.
 *
 * Counting rules, the same as an opportunity's: the feedback is the union of the feedback linked
 * to the feature and the feedback linked to its linked opportunities; a duplicate merged into
 * another item counts as that item, so the same voice never counts twice; a customer counts once
 * and so does its ARR, summed as numeric in SQL (exact, never floating point).
 */
export async function featureRollups(db: Db, workspaceId: string, featureIds: string[]): Promise<Map<string, FeatureRollup>> {
  const result = new Map<string, FeatureRollup>(featureIds.map((id) => [id, { ...EMPTY }]));
  const ids = [...new Set(featureIds)];
  if (!ids.length) return result;
  const rows = await db.execute(sql`
    with wanted as (
      select fe.feature_id, fe.feedback_id, fe.opportunity_id
      from ${featureEvidence} fe
      where fe.workspace_id = ${workspaceId} and fe.feature_id = any(${uuidArray(ids)}::uuid[])
    ), linked as (
      select w.feature_id, w.feedback_id from wanted w where w.feedback_id is not null
      union
      select w.feature_id, e.feedback_id from wanted w join ${evidence} e on e.opportunity_id = w.opportunity_id
      where w.opportunity_id is not null and e.workspace_id = ${workspaceId}
    ), items as (
      select distinct l.feature_id, coalesce(f.merged_into_id, f.id) as item_id, f.customer_id
      from linked l join ${feedback} f on f.id = l.feedback_id
    ), per_feature as (
      select feature_id, count(distinct item_id)::int as evidence_count from items group by feature_id
    ), per_customer as (
      select pc.feature_id, count(*)::int as customer_count, coalesce(sum(c.arr), 0)::text as arr
      from (select distinct feature_id, customer_id from items where customer_id is not null) pc
      join ${customers} c on c.id = pc.customer_id
      group by pc.feature_id
    )
    select pf.feature_id, pf.evidence_count, coalesce(pc.customer_count, 0) as customer_count, coalesce(pc.arr, '0') as arr
    from per_feature pf left join per_customer pc on pc.feature_id = pf.feature_id`);
  for (const r of (rows as unknown as { rows: { feature_id: string; evidence_count: number; customer_count: number; arr: string }[] }).rows) {
    result.set(r.feature_id, { evidenceCount: Number(r.evidence_count), customerCount: Number(r.customer_count), arr: normaliseArr(r.arr) });
  }
  return result;
}

/** numeric(18,0) sums print as digits; keep a stray fraction or sign from breaking the contract's digits. */
function normaliseArr(arr: string): string {
  const digits = String(arr).split('.')[0]!;
  return /^\d+$/.test(digits) ? digits : '0';
}
