import { sql, type SQL } from 'drizzle-orm';
import type { DecisionListQuery, WontDoQuery } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { DecisionEvidenceLink } from '../../db/schema/index.js';

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows;
const uuidArray = (ids: readonly string[]) => sql`array[${sql.join(
  ids.map((id) => sql`${id}`),
  sql`, `,
)}]::uuid[]`;

export interface DecisionRow {
  id: string;
  action: string;
  title: string;
  requestId: string | null;
  requestStatus: string | null;
  rationale: string;
  templateId: string | null;
  templateTitle: string | null;
  pillarId: string | null;
  pillarName: string | null;
  evidence: DecisionEvidenceLink[];
  featureId: string | null;
  featureTitle: string | null;
  intoRequestId: string | null;
  intoTitle: string | null;
  revisitOn: string | null;
  componentId: string | null;
  componentName: string | null;
  decidedById: string | null;
  deciderName: string | null;
  decidedAt: Date;
}

const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(v as string));
const evidenceOf = (v: unknown): DecisionEvidenceLink[] => (Array.isArray(v) ? v : typeof v === 'string' ? (JSON.parse(v) as DecisionEvidenceLink[]) : []);

/** The filters of the decision log, as SQL conditions on `d`. */
function decisionFilters(workspaceId: string, q: DecisionListQuery): SQL {
  const parts: SQL[] = [sql`d.workspace_id = ${workspaceId}`];
  if (q.q) parts.push(sql`d.search @@ websearch_to_tsquery('english', ${q.q})`);
  if (q.action) parts.push(sql`d.action = ${q.action}`);
  if (q.from) parts.push(sql`d.decided_at >= ${`${q.from}T00:00:00.000Z`}::timestamptz`);
  if (q.to) parts.push(sql`d.decided_at < (${q.to}::date + 1)::timestamptz`);
  if (q.decidedById) parts.push(sql`d.decided_by_id = ${q.decidedById}`);
  if (q.pillarId) parts.push(sql`d.pillar_id = ${q.pillarId}`);
  if (q.componentId) parts.push(sql`d.component_id = ${q.componentId}`);
  return sql.join(parts, sql` and `);
}

/**
 * One page of the decision log, newest first: the page walks decisions_workspace_decided_idx (or
 * decisions_search_idx for a search) and stops at the page's end. The names are scalar lookups by
 * primary key for the page's rows only: as joins, planning the eight of them cost more than running
 * them. A search reads its matches once for both the page and their number (`total`); without a
 * search `total` is null and countDecisionRows counts, so a cache can keep that count.
 */
export async function listDecisionRows(db: Db, workspaceId: string, q: DecisionListQuery): Promise<{ rows: DecisionRow[]; total: number | null }> {
  const where = decisionFilters(workspaceId, q);
  const source = q.q
    ? sql`(with matches as materialized (select d.id, d.decided_at from decisions d where ${where}),
        page as (select id from matches order by decided_at desc, id desc limit ${q.limit} offset ${q.offset})
        select d.*, (select count(*) from matches)::int as total from page join decisions d on d.id = page.id)`
    : sql`(select d.*, null::int as total from decisions d where ${where} order by d.decided_at desc, d.id desc limit ${q.limit} offset ${q.offset})`;
  // The page as one JSON text: the embedded database hands over one field much faster than 50 rows of 22.
  const [page] = rowsOf(
    await db.execute(sql`
      select coalesce(json_agg(x order by x.decided_at desc, x.id desc), '[]')::text as page from (
        select d.id, d.action, d.title, d.request_id, d.rationale, d.rationale_template_id as template_id, d.pillar_id, d.evidence, d.feature_id,
               d.into_request_id, d.revisit_on::text as revisit_on, d.component_id, d.decided_by_id, d.decided_at, d.total,
               (select r.status from requests r where r.id = d.request_id) as request_status,
               (select t.title from rationale_templates t where t.id = d.rationale_template_id) as template_title,
               (select p.name from pillars p where p.id = d.pillar_id) as pillar_name,
               (select f.title from features f where f.id = d.feature_id) as feature_title,
               (select ir.title from requests ir where ir.id = d.into_request_id) as into_title,
               (select c.name from components c where c.id = d.component_id) as component_name,
               (select u.name from members m join "user" u on u.id = m.user_id where m.id = d.decided_by_id) as decider_name
        from ${source} d
      ) x`),
  );
  const rows = JSON.parse(String(page?.page ?? '[]')) as Row[];
  const total = rows[0]?.total;
  return {
    total: total === null || total === undefined ? null : Number(total),
    rows: rows.map((r) => ({
      id: r.id as string,
      action: r.action as string,
      title: r.title as string,
      requestId: (r.request_id as string | null) ?? null,
      requestStatus: (r.request_status as string | null) ?? null,
      rationale: r.rationale as string,
      templateId: (r.template_id as string | null) ?? null,
      templateTitle: (r.template_title as string | null) ?? null,
      pillarId: (r.pillar_id as string | null) ?? null,
      pillarName: (r.pillar_name as string | null) ?? null,
      evidence: evidenceOf(r.evidence),
      featureId: (r.feature_id as string | null) ?? null,
      featureTitle: (r.feature_title as string | null) ?? null,
      intoRequestId: (r.into_request_id as string | null) ?? null,
      intoTitle: (r.into_title as string | null) ?? null,
      revisitOn: (r.revisit_on as string | null) ?? null,
      componentId: (r.component_id as string | null) ?? null,
      componentName: (r.component_name as string | null) ?? null,
      decidedById: (r.decided_by_id as string | null) ?? null,
      deciderName: (r.decider_name as string | null) ?? null,
      decidedAt: toDate(r.decided_at),
    })),
  };
}

/** How many decisions match the filters: an index-only scan without a search, the search index with one. */
export async function countDecisionRows(db: Db, workspaceId: string, q: DecisionListQuery): Promise<number> {
  const [c] = rowsOf(await db.execute(sql`select count(*)::int as n from decisions d where ${decisionFilters(workspaceId, q)}`));
  return Number(c?.n ?? 0);
}

export interface RegistryRow {
  requestId: string;
  title: string;
  description: string;
  requesterType: string;
  revisitOn: string | null;
  due: boolean;
  rationale: string;
  templateId: string | null;
  templateTitle: string | null;
  pillarId: string | null;
  pillarName: string | null;
  evidence: DecisionEvidenceLink[];
  decidedById: string | null;
  deciderName: string | null;
  decidedAt: Date | null;
}

/** Requests of a status matching the search, each with its latest decision of `action` (requests_workspace_status_idx). */
async function registryRows(db: Db, workspaceId: string, status: 'declined' | 'deferred', action: 'decline' | 'defer', q: string | undefined, page: { limit: number; offset: number }) {
  const search = q ? sql`and (r.search @@ websearch_to_tsquery('english', ${q}) or ld.search @@ websearch_to_tsquery('english', ${q}))` : sql``;
  const order = status === 'deferred' ? sql`r.revisit_on asc nulls last, r.id` : sql`coalesce(ld.decided_at, r.decided_at, r.updated_at) desc, r.id desc`;
  const rows = rowsOf(
    await db.execute(sql`
      select r.id, r.title, r.description, r.requester_type, r.revisit_on::text as revisit_on,
             (r.revisit_on is not null and r.revisit_on <= current_date) as due,
             ld.rationale, ld.rationale_template_id as template_id, t.title as template_title, ld.pillar_id, p.name as pillar_name, ld.evidence,
             coalesce(ld.decided_by_id, r.decided_by_id) as decided_by_id, u.name as decider_name, coalesce(ld.decided_at, r.decided_at) as decided_at,
             count(*) over () as total
      from requests r
      left join lateral (
        select d.* from decisions d where d.request_id = r.id and d.action = ${action} order by d.decided_at desc, d.id desc limit 1
      ) ld on true
      left join rationale_templates t on t.id = ld.rationale_template_id
      left join pillars p on p.id = ld.pillar_id
      left join members m on m.id = coalesce(ld.decided_by_id, r.decided_by_id)
      left join "user" u on u.id = m.user_id
      where r.workspace_id = ${workspaceId} and r.status = ${status} ${search}
      order by ${order}
      limit ${page.limit} offset ${page.offset}`),
  );
  const items: RegistryRow[] = rows.map((r) => ({
    requestId: r.id as string,
    title: r.title as string,
    description: r.description as string,
    requesterType: r.requester_type as string,
    revisitOn: (r.revisit_on as string | null) ?? null,
    due: Boolean(r.due),
    rationale: (r.rationale as string | null) ?? '',
    templateId: (r.template_id as string | null) ?? null,
    templateTitle: (r.template_title as string | null) ?? null,
    pillarId: (r.pillar_id as string | null) ?? null,
    pillarName: (r.pillar_name as string | null) ?? null,
    evidence: evidenceOf(r.evidence),
    decidedById: (r.decided_by_id as string | null) ?? null,
    deciderName: (r.decider_name as string | null) ?? null,
    decidedAt: r.decided_at ? toDate(r.decided_at) : null,
  }));
  return { items, total: rows.length ? Number(rows[0]!.total) : 0 };
}

export async function declinedRows(db: Db, workspaceId: string, q: WontDoQuery) {
  const page = await registryRows(db, workspaceId, 'declined', 'decline', q.q, q);
  if (!page.items.length && q.offset > 0) {
    const all = await registryRows(db, workspaceId, 'declined', 'decline', q.q, { limit: 1, offset: 0 });
    return { items: [], total: all.total };
  }
  return page;
}

/** Deferred requests matching the search, soonest revisit first (at most `limit`). */
export async function deferredRows(db: Db, workspaceId: string, q: string | undefined, limit: number) {
  return (await registryRows(db, workspaceId, 'deferred', 'defer', q, { limit, offset: 0 })).items;
}

/**
 * For each request, how many asked (the request and every request merged into it, at any depth) and
 * the customers concerned across them: one recursive query for the whole page.
 */
export async function askersOf(db: Db, workspaceId: string, requestIds: readonly string[]): Promise<Map<string, { count: number; customers: { id: string; name: string }[] }>> {
  const out = new Map<string, { count: number; customers: { id: string; name: string }[] }>();
  if (!requestIds.length) return out;
  const rows = rowsOf(
    await db.execute(sql`
      with recursive tree(root, id, depth) as (
        select r.id, r.id, 0 from requests r where r.workspace_id = ${workspaceId} and r.id = any(${uuidArray(requestIds)})
        union all
        select t.root, r.id, t.depth + 1 from requests r join tree t on r.merged_into_id = t.id
        where r.workspace_id = ${workspaceId} and t.depth < 50
      )
      select t.root, count(distinct t.id)::int as asked,
             coalesce(json_agg(distinct jsonb_build_object('id', c.id, 'name', c.name)) filter (where c.id is not null), '[]') as customers
      from tree t
      left join request_customers rc on rc.request_id = t.id
      left join customers c on c.id = rc.customer_id
      group by t.root`),
  );
  for (const r of rows) {
    const customers = (typeof r.customers === 'string' ? JSON.parse(r.customers) : r.customers) as { id: string; name: string }[];
    out.set(r.root as string, { count: Number(r.asked), customers: customers.sort((a, b) => a.name.localeCompare(b.name)) });
  }
  return out;
}
