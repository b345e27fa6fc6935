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
  /** Rows a search walks in index order before it asks the full-text index (SEARCH_WINDOW; tests shrink it). */
  searchWindow?: number;
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

/** How many of the newest rows a search walks in index order before it asks the full-text index instead. */
export const SEARCH_WINDOW = 2_000;

type Plan = { kind: 'browse' } | { kind: 'walk'; window: number } | { kind: 'index' };

function conditions(f: FeedbackListFilter, query: SQL | null): SQL[] {
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
  return conds;
}

// The ORDER BY spells out `nulls last` to match the (workspace, captured_at desc, id desc) index, else
// PostgreSQL sorts instead of walking it.
const INDEX_ORDER = sql`f.captured_at desc nulls last, f.id desc nulls last`;

/**
 * One page of the inbox. Browsing walks the (workspace, captured_at desc, id desc) index and stops at
 * the page. A search has two ways to find the newest matches, and takes the cheap one for its words:
 * - a common word: walk the newest SEARCH_WINDOW rows in index order, testing each — the page fills
 *   within a few hundred rows, where the full-text index would fetch and sort every match;
 * - a rare word: the window holds fewer matches than a page, so the rest are older than the window and
 *   few, and the full-text (GIN) index finds them and sorts them cheaply.
 * ts_headline, the costly part, runs on the page's rows only.
 */
export async function listFeedbackRows(db: Db, f: FeedbackListFilter): Promise<FeedbackListRow[]> {
  if (!f.q) return readPage(db, f, { kind: 'browse' }, f.limit);
  const window = f.searchWindow ?? SEARCH_WINDOW;
  const first = await readPage(db, f, { kind: 'walk', window }, f.limit);
  if (first.length === f.limit) return first;
  const boundary = await windowEnd(db, f, window);
  if (!boundary) return first;
  const rest = await readPage(db, { ...f, after: boundary }, { kind: 'index' }, f.limit - first.length);
  return [...first, ...rest];
}

/** The last row of the search window (the filters without the words), or null when fewer rows match. */
async function windowEnd(db: Db, f: FeedbackListFilter, window: number): Promise<{ capturedAt: string; id: string } | null> {
  const result = await db.execute(sql`
    select f.captured_at::text as captured_key, f.id from ${feedback} f left join ${customers} c on c.id = f.customer_id
    where ${sql.join(conditions(f, null), sql` and `)}
    order by ${INDEX_ORDER} offset ${window - 1} limit 1`);
  const [row] = (result as unknown as { rows: { captured_key: string; id: string }[] }).rows;
  return row ? { capturedAt: row.captured_key, id: row.id } : null;
}

async function readPage(db: Db, f: FeedbackListFilter, plan: Plan, limit: number): Promise<FeedbackListRow[]> {
  const query = f.q ? sql`websearch_to_tsquery('english', ${f.q})` : null;
  const columns = sql`f.id, f.text, f.source, f.status, f.importance, f.tags, f.contact_id, f.captured_at, f.captured_at::text as captured_key,
        f.merged_into_id, f.version, c.id as customer_id, c.name as customer_name, c.segment as customer_segment`;
  const from = sql`${feedback} f left join ${customers} c on c.id = f.customer_id`;
  let page: SQL;
  if (plan.kind === 'walk' && query) {
    // The window keeps its index order and is read lazily: the outer LIMIT stops the walk at a full page.
    page = sql`select w.* from (
        select ${columns}, f.search from ${from} where ${sql.join(conditions(f, null), sql` and `)} order by ${INDEX_ORDER} limit ${plan.window}
      ) w where w.search @@ ${query} limit ${limit}`;
  } else if (plan.kind === 'index' && query) {
    // An order that does NOT match the captured_at index, so the planner takes the GIN index on `search`.
    page = sql`select ${columns} from ${from} where ${sql.join(conditions(f, query), sql` and `)} order by f.captured_at desc, f.id desc limit ${limit}`;
  } else {
    page = sql`select ${columns} from ${from} where ${sql.join(conditions(f, null), sql` and `)} order by ${INDEX_ORDER} limit ${limit}`;
  }
  const result = await db.execute(sql`
    select p.id, p.text, p.source, p.status, p.importance, p.tags, p.contact_id, p.captured_at, p.captured_key, p.merged_into_id, p.version,
      p.customer_id, p.customer_name, p.customer_segment,
      ${query ? sql`ts_headline('english', p.text, ${query}, 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')` : sql`null`} as snippet,
      (select count(*)::int from ${evidence} e where e.feedback_id = p.id) as opportunity_count,
      coalesce((select array_agg(fc.component_id::text) from ${feedbackComponents} fc where fc.feedback_id = p.id), '{}') as component_ids
    from (${page}) p
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
