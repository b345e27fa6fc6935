import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { customers, feedback } from '../../db/schema/index.js';
import { lshColumn } from '../insights/text/lsh.js';

export interface CustomerKeyRow {
  id: string;
  name: string;
  domain: string | null;
  external_id: string | null;
}

/** Customers whose external id, domain or (case-insensitive) name is one of these, in one query. */
export async function findCustomersByKeys(db: Db, workspaceId: string, keys: { raw: string[]; domains: string[] }): Promise<CustomerKeyRow[]> {
  const raw = JSON.stringify(keys.raw);
  const lower = JSON.stringify(keys.raw.map((k) => k.toLowerCase()));
  const domains = JSON.stringify(keys.domains);
  const result = await db.execute(sql`
    select id, name, domain, external_id from ${customers}
    where workspace_id = ${workspaceId} and (
      external_id in (select jsonb_array_elements_text(${raw}::jsonb))
      or domain in (select jsonb_array_elements_text(${domains}::jsonb))
      or lower(name) in (select jsonb_array_elements_text(${lower}::jsonb)))`);
  return (result as unknown as { rows: CustomerKeyRow[] }).rows;
}

export interface ImportedFeedback {
  id: string;
  text: string;
  source: string;
  customer_id: string | null;
  captured_at: string;
  tags: string[];
  dedupe_key: string;
}

/**
 * Inserts a batch in ONE statement (rows travel as one JSON parameter), skipping rows whose dedupe key
 * is already in the workspace; returns how many were inserted.
 */
export async function insertFeedbackBatch(db: Db, workspaceId: string, capturedById: string, rows: ImportedFeedback[]): Promise<number> {
  if (!rows.length) return 0;
  const withKeys = rows.map((r) => ({ ...r, lsh: lshColumn(r.text, workspaceId) }));
  const result = await db.execute(sql`
    insert into ${feedback} (id, workspace_id, text, source, customer_id, captured_by_id, captured_at, tags, dedupe_key, lsh)
    select v.id, ${workspaceId}::uuid, v.text, v.source, v.customer_id, ${capturedById}::uuid, v.captured_at, v.tags, v.dedupe_key, v.lsh
    from jsonb_to_recordset(${JSON.stringify(withKeys)}::jsonb)
      as v(id uuid, text text, source text, customer_id uuid, captured_at timestamptz, tags text[], dedupe_key text, lsh integer[])
    where not exists (select 1 from ${feedback} f where f.workspace_id = ${workspaceId}::uuid and f.dedupe_key = v.dedupe_key)
    returning id`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}

/**
 * Merges the GIN indexes' pending lists into the indexes. New entries wait in the lists, which every
 * search and similar lookup scans in full; PostgreSQL's autovacuum merges them in the background, the
 * embedded database has none. Cheap when the lists are empty.
 */
export async function mergeFeedbackPendingLists(db: Db): Promise<void> {
  await db.execute(sql`select gin_clean_pending_list(i::regclass) from unnest(array['feedback_search_idx', 'feedback_lsh_idx', 'feedback_tags_idx']) i`);
}

/**
 * Refreshes the planner's statistics of the feedback table. The embedded database has no autovacuum:
 * without this, after a large import the planner still believes the workspace has a handful of rows
 * and sorts all of them for the inbox's first page instead of walking the (captured_at, id) index.
 */
export async function analyzeFeedback(db: Db): Promise<void> {
  await db.execute(sql`analyze ${feedback}`);
  await mergeFeedbackPendingLists(db);
}
