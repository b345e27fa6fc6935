import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { customers, evidence, feedback, feedbackComponents } from '../../db/schema/index.js';
import { parseTextArray } from './feedback.repository.js';

export interface FeedbackListFilter {
  workspaceId: string;
  q?: string;
  source?: string;
  status?: string;
  customerId?: string;
  segment?: string;
  tag?: string;
  componentId?: string;
  from?: Date;
  /** Exclusive upper bound. */
  before?: Date;
  includeMerged: boolean;
  /** Keyset: rows strictly after this (captured_at as PostgreSQL text, id) in the order. */
  after?: { capturedAt: string; id: string };
  limit: number;
}

export interface FeedbackListRow {
  id: string;
  text: string;
  snippet: string | null;
  source: string;
  status: string;
  importance: number;
  tags: string[];
  componentIds: string[];
  customer: { id: string; name: string; segment: string } | null;
  contactId: string | null;
  capturedAt: Date;
  /** captured_at as PostgreSQL prints it: exact to the microsecond, for the cursor. */
  capturedAtKey: string;
  opportunityCount: number;
  mergedIntoId: string | null;
  version: number;
}

/**
 * One page of the inbox in ONE round trip: the page is chosen first on the (workspace, captured_at desc,
 * id desc nulls last) index — the ORDER BY spells out `nulls last` to match it, else PostgreSQL sorts —, then joined to its customer, counted and highlighted — ts_headline, the costly part,
 * runs on the page's rows only.
 */
export async function listFeedbackRows(db: Db, f: FeedbackListFilter): Promise<FeedbackListRow[]> {
  const query = f.q ? sql`websearch_to_tsquery('english', ${f.q})` : null;
  const conds: SQL[] = [sql`f.workspace_id = ${f.workspaceId}`];
  if (!f.includeMerged) conds.push(sql`f.merged_into_id is null`);
  if (query) conds.push(sql`f.search @@ ${query}`);
  if (f.source) conds.push(sql`f.source = ${f.source}`);
  if (f.status) conds.push(sql`f.status = ${f.status}`);
  if (f.customerId) conds.push(sql`f.customer_id = ${f.customerId}`);
  if (f.segment !== undefined) conds.push(sql`c.segment = ${f.segment}`);
  if (f.tag) conds.push(sql`f.tags @> array[${f.tag}]::text[]`);
  if (f.componentId) conds.push(sql`exists (select 1 from ${feedbackComponents} fc where fc.feedback_id = f.id and fc.component_id = ${f.componentId})`);
  if (f.from) conds.push(sql`f.captured_at >= ${f.from.toISOString()}::timestamptz`);
  if (f.before) conds.push(sql`f.captured_at < ${f.before.toISOString()}::timestamptz`);
  if (f.after) conds.push(sql`(f.captured_at, f.id) < (${f.after.capturedAt}::timestamptz, ${f.after.id}::uuid)`);

  // With a search, the order deliberately does NOT match the index: the planner then takes the GIN
  // index on `search` and sorts the matches, instead of walking the whole inbox newest-first hoping
  // to meet 50 matches soon (a rare or absent word made that take the length of the table).
  const order = query ? sql`f.captured_at desc, f.id desc` : sql`f.captured_at desc nulls last, f.id desc nulls last`;
  const result = await db.execute(sql`
    select p.*,
      ${query ? sql`ts_headline('english', p.text, ${query}, 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')` : sql`null`} as snippet,
      (select count(*)::int from ${evidence} e where e.feedback_id = p.id) as opportunity_count,
      coalesce((select array_agg(fc.component_id::text) from ${feedbackComponents} fc where fc.feedback_id = p.id), '{}') as component_ids
    from (
      select f.id, f.text, f.source, f.status, f.importance, f.tags, f.contact_id, f.captured_at, f.captured_at::text as captured_key,
        f.merged_into_id, f.version, c.id as customer_id, c.name as customer_name, c.segment as customer_segment
      from ${feedback} f
      left join ${customers} c on c.id = f.customer_id
      where ${sql.join(conds, sql` and `)}
      order by ${order}
      limit ${f.limit}
    ) p
    order by p.captured_at desc, p.id desc`);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => ({
    id: r.id as string,
    text: r.text as string,
    snippet: (r.snippet as string | null) ?? null,
    source: r.source as string,
    status: r.status as string,
    importance: Number(r.importance),
    tags: parseTextArray(r.tags),
    componentIds: parseTextArray(r.component_ids),
    customer: r.customer_id ? { id: r.customer_id as string, name: r.customer_name as string, segment: r.customer_segment as string } : null,
    contactId: (r.contact_id as string | null) ?? null,
    capturedAt: new Date(r.captured_at as string),
    capturedAtKey: r.captured_key as string,
    opportunityCount: Number(r.opportunity_count),
    mergedIntoId: (r.merged_into_id as string | null) ?? null,
    version: Number(r.version),
  }));
}
