import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { decisions, requestCustomers, requests } from '../../db/schema/index.js';
import type { RequestListQuery } from '../../../shared/contracts.js';

/*
 * Database access of the requests module: request rows with the names they point at, the list with its
 * per-status counts, the decision history, and the reference checks a request or decision needs.
 */

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows;
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));
const dayOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

export interface RequestFull {
  id: string;
  title: string;
  description: string;
  requesterType: string;
  requesterMemberId: string | null;
  requesterName: string | null;
  contactName: string | null;
  contactEmail: string | null;
  urgency: string;
  desiredDate: string | null;
  productId: string | null;
  productName: string | null;
  componentId: string | null;
  componentName: string | null;
  componentOwnerId: string | null;
  status: string;
  featureId: string | null;
  mergedIntoId: string | null;
  revisitOn: string | null;
  customerIds: string[];
  mergedCount: number;
  submittedById: string | null;
  submittedByName: string | null;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const SELECT = sql`
  select r.id, r.title, r.description, r.requester_type, r.requester_member_id, ru.name as requester_name,
         r.contact_name, r.contact_email, r.urgency, r.desired_date, r.product_id, p.name as product_name,
         r.component_id, c.name as component_name, c.owner_id as component_owner_id, r.status, r.feature_id,
         r.merged_into_id, r.revisit_on, r.submitted_by_id, su.name as submitted_by_name, r.decided_by_id,
         du.name as decided_by_name, r.decided_at, r.version, r.created_at, r.updated_at,
         coalesce((select array_agg(rc.customer_id::text order by rc.customer_id) from request_customers rc where rc.request_id = r.id), '{}') as customer_ids,
         (select count(*)::int from requests k where k.merged_into_id = r.id) as merged_count
  from requests r
  left join members rm on rm.id = r.requester_member_id
  left join "user" ru on ru.id = rm.user_id
  left join members sm on sm.id = r.submitted_by_id
  left join "user" su on su.id = sm.user_id
  left join members dm on dm.id = r.decided_by_id
  left join "user" du on du.id = dm.user_id
  left join products p on p.id = r.product_id
  left join components c on c.id = r.component_id`;

function toFull(r: Row): RequestFull {
  return {
    id: r.id as string,
    title: r.title as string,
    description: r.description as string,
    requesterType: r.requester_type as string,
    requesterMemberId: (r.requester_member_id as string | null) ?? null,
    requesterName: (r.requester_name as string | null) ?? null,
    contactName: (r.contact_name as string | null) ?? null,
    contactEmail: (r.contact_email as string | null) ?? null,
    urgency: r.urgency as string,
    desiredDate: dayOrNull(r.desired_date),
    productId: (r.product_id as string | null) ?? null,
    productName: (r.product_name as string | null) ?? null,
    componentId: (r.component_id as string | null) ?? null,
    componentName: (r.component_name as string | null) ?? null,
    componentOwnerId: (r.component_owner_id as string | null) ?? null,
    status: r.status as string,
    featureId: (r.feature_id as string | null) ?? null,
    mergedIntoId: (r.merged_into_id as string | null) ?? null,
    revisitOn: dayOrNull(r.revisit_on),
    customerIds: (r.customer_ids as string[] | null) ?? [],
    mergedCount: Number(r.merged_count ?? 0),
    submittedById: (r.submitted_by_id as string | null) ?? null,
    submittedByName: (r.submitted_by_name as string | null) ?? null,
    decidedById: (r.decided_by_id as string | null) ?? null,
    decidedByName: (r.decided_by_name as string | null) ?? null,
    decidedAt: isoOrNull(r.decided_at),
    version: Number(r.version),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export async function findRequestRow(db: Db, workspaceId: string, id: string): Promise<RequestFull | null> {
  const rows = rowsOf(await db.execute(sql`${SELECT} where r.workspace_id = ${workspaceId} and r.id = ${id}`));
  return rows[0] ? toFull(rows[0]) : null;
}

/** Locks the request row for the rest of the transaction (decisions on one request run one at a time). */
export async function lockRequest(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.execute(sql`select id from requests where workspace_id = ${workspaceId} and id = ${id} for update`);
}

export async function listRequestRows(db: Db, workspaceId: string, query: RequestListQuery): Promise<{ rows: RequestFull[]; total: number; counts: Record<string, number> }> {
  const filters: SQL[] = [sql`r.workspace_id = ${workspaceId}`];
  if (query.q) filters.push(sql`r.search @@ websearch_to_tsquery('english', ${query.q})`);
  if (query.componentId) filters.push(sql`r.component_id = ${query.componentId}`);
  if (query.requesterType) filters.push(sql`r.requester_type = ${query.requesterType}`);
  const where = sql.join(filters, sql` and `);
  const counted = rowsOf(await db.execute(sql`select r.status, count(*)::int as n from requests r where ${where} group by r.status`));
  const counts: Record<string, number> = { new: 0, accepted: 0, merged: 0, deferred: 0, declined: 0 };
  for (const c of counted) counts[c.status as string] = Number(c.n);
  const withStatus = query.status ? sql`${where} and r.status = ${query.status}` : where;
  const total = query.status ? (counts[query.status] ?? 0) : Object.values(counts).reduce((a, b) => a + b, 0);
  const rows = rowsOf(await db.execute(sql`${SELECT} where ${withStatus} order by r.created_at desc, r.id desc limit ${query.limit} offset ${query.offset}`));
  return { rows: rows.map(toFull), total, counts };
}

export type RequestInsert = typeof requests.$inferInsert;

export async function insertRequest(db: Db, row: RequestInsert, customerIds: string[]): Promise<void> {
  await db.insert(requests).values(row);
  if (customerIds.length) await db.insert(requestCustomers).values(customerIds.map((customerId) => ({ workspaceId: row.workspaceId, requestId: row.id, customerId })));
}

export type RequestPatch = Partial<Pick<RequestInsert, 'title' | 'description' | 'urgency' | 'desiredDate' | 'productId' | 'componentId' | 'status' | 'featureId' | 'mergedIntoId' | 'revisitOn' | 'decidedById' | 'decidedAt'>>;

/** Applies a patch when the version matches (or always, without one); false when nothing matched. */
export async function updateRequestRow(db: Db, key: { workspaceId: string; id: string; version?: number }, patch: RequestPatch): Promise<boolean> {
  const conds = [eq(requests.workspaceId, key.workspaceId), eq(requests.id, key.id)];
  if (key.version !== undefined) conds.push(eq(requests.version, key.version));
  const done = await db
    .update(requests)
    .set({ ...patch, version: sql`${requests.version} + 1`, updatedAt: new Date() })
    .where(and(...conds))
    .returning({ id: requests.id });
  return done.length > 0;
}

/**
 * Deletes a request. Requests merged into it move up to the request it was merged into, or, when it was
 * a root, return to triage (their requesters are not lost).
 */
export async function deleteRequestRow(db: Db, workspaceId: string, req: RequestFull): Promise<number> {
  const moved = req.mergedIntoId
    ? await db.execute(sql`update requests set merged_into_id = ${req.mergedIntoId}, version = version + 1, updated_at = now() where workspace_id = ${workspaceId} and merged_into_id = ${req.id} returning id`)
    : await db.execute(sql`update requests set merged_into_id = null, status = 'new', version = version + 1, updated_at = now() where workspace_id = ${workspaceId} and merged_into_id = ${req.id} returning id`);
  await db.delete(requests).where(and(eq(requests.workspaceId, workspaceId), eq(requests.id, req.id)));
  return rowsOf(moved).length;
}

/** The request at the top of the merge chain above `id` (itself when not merged); null when not of the workspace. */
export async function rootOf(db: Db, workspaceId: string, id: string): Promise<{ id: string; title: string; chain: string[] } | null> {
  const rows = rowsOf(
    await db.execute(sql`
      with recursive up(id, merged_into_id, title, depth) as (
        select r.id, r.merged_into_id, r.title, 0 from requests r where r.id = ${id} and r.workspace_id = ${workspaceId}
        union all
        select r.id, r.merged_into_id, r.title, u.depth + 1 from requests r join up u on r.id = u.merged_into_id
        where r.workspace_id = ${workspaceId} and u.depth < 50
      )
      select id, merged_into_id, title from up order by depth`),
  );
  if (!rows.length) return null;
  const last = rows[rows.length - 1]!;
  return { id: last.id as string, title: last.title as string, chain: rows.map((r) => r.id as string) };
}

export async function mergedChildren(db: Db, workspaceId: string, id: string): Promise<{ id: string; title: string; status: string }[]> {
  const rows = rowsOf(await db.execute(sql`select id, title, status from requests where workspace_id = ${workspaceId} and merged_into_id = ${id} order by created_at, id`));
  return rows.map((r) => ({ id: r.id as string, title: r.title as string, status: r.status as string }));
}

export async function requestBrief(db: Db, workspaceId: string, id: string): Promise<{ id: string; title: string; status: string } | null> {
  const rows = rowsOf(await db.execute(sql`select id, title, status from requests where workspace_id = ${workspaceId} and id = ${id}`));
  return rows[0] ? { id: rows[0].id as string, title: rows[0].title as string, status: rows[0].status as string } : null;
}

export type DecisionInsert = typeof decisions.$inferInsert;

export async function insertDecision(db: Db, row: DecisionInsert): Promise<void> {
  await db.insert(decisions).values(row);
}

export interface DecisionFull {
  id: string;
  requestId: string | null;
  title: string;
  action: string;
  featureId: string | null;
  intoRequestId: string | null;
  revisitOn: string | null;
  rationaleTemplateId: string | null;
  rationale: string;
  pillarId: string | null;
  evidence: { type: string; id: string; label?: string }[];
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: string;
}

export async function decisionsOf(db: Db, workspaceId: string, requestId: string): Promise<DecisionFull[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select d.*, u.name as decided_by_name from decisions d left join members m on m.id = d.decided_by_id left join "user" u on u.id = m.user_id
      where d.workspace_id = ${workspaceId} and d.request_id = ${requestId}
      order by d.decided_at desc, d.id desc`),
  );
  return rows.map((r) => ({
    id: r.id as string,
    requestId: (r.request_id as string | null) ?? null,
    title: r.title as string,
    action: r.action as string,
    featureId: (r.feature_id as string | null) ?? null,
    intoRequestId: (r.into_request_id as string | null) ?? null,
    revisitOn: dayOrNull(r.revisit_on),
    rationaleTemplateId: (r.rationale_template_id as string | null) ?? null,
    rationale: r.rationale as string,
    pillarId: (r.pillar_id as string | null) ?? null,
    evidence: (typeof r.evidence === 'string' ? JSON.parse(r.evidence) : r.evidence) as DecisionFull['evidence'],
    decidedById: (r.decided_by_id as string | null) ?? null,
    decidedByName: (r.decided_by_name as string | null) ?? null,
    decidedAt: iso(r.decided_at),
  }));
}

// Reference checks

export async function memberName(db: Db, workspaceId: string, memberId: string): Promise<string | null> {
  const rows = rowsOf(await db.execute(sql`select u.name from members m join "user" u on u.id = m.user_id where m.workspace_id = ${workspaceId} and m.id = ${memberId}`));
  return rows[0] ? (rows[0].name as string) : null;
}

export async function componentRef(db: Db, workspaceId: string, id: string): Promise<{ id: string; name: string; productId: string; ownerId: string | null } | null> {
  const rows = rowsOf(await db.execute(sql`select id, name, product_id, owner_id from components where workspace_id = ${workspaceId} and id = ${id}`));
  const r = rows[0];
  return r ? { id: r.id as string, name: r.name as string, productId: r.product_id as string, ownerId: (r.owner_id as string | null) ?? null } : null;
}

export async function productExists(db: Db, workspaceId: string, id: string): Promise<boolean> {
  return rowsOf(await db.execute(sql`select 1 from products where workspace_id = ${workspaceId} and id = ${id}`)).length > 0;
}

/** The ids among these that are customers of the workspace. */
export async function knownCustomers(db: Db, workspaceId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = rowsOf(await db.execute(sql`select id from customers where workspace_id = ${workspaceId} and id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`));
  return new Set(rows.map((r) => r.id as string));
}

export async function customerNames(db: Db, workspaceId: string, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (!ids.length) return [];
  const rows = rowsOf(await db.execute(sql`select id, name from customers where workspace_id = ${workspaceId} and id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)}) order by name, id`));
  return rows.map((r) => ({ id: r.id as string, name: r.name as string }));
}

export async function featureRef(db: Db, workspaceId: string, id: string): Promise<{ id: string; title: string; status: string; componentId: string; productId: string } | null> {
  const rows = rowsOf(
    await db.execute(sql`select f.id, f.title, f.status, f.component_id, c.product_id from features f join components c on c.id = f.component_id where f.workspace_id = ${workspaceId} and f.id = ${id}`),
  );
  const r = rows[0];
  return r ? { id: r.id as string, title: r.title as string, status: r.status as string, componentId: r.component_id as string, productId: r.product_id as string } : null;
}

export async function activeTemplate(db: Db, workspaceId: string, id: string): Promise<{ id: string; title: string; pillarId: string | null } | null> {
  const rows = rowsOf(await db.execute(sql`select id, title, pillar_id from rationale_templates where workspace_id = ${workspaceId} and id = ${id} and active`));
  const r = rows[0];
  return r ? { id: r.id as string, title: r.title as string, pillarId: (r.pillar_id as string | null) ?? null } : null;
}

export async function pillarExists(db: Db, workspaceId: string, id: string): Promise<boolean> {
  return rowsOf(await db.execute(sql`select 1 from pillars where workspace_id = ${workspaceId} and id = ${id}`)).length > 0;
}

const EVIDENCE_TABLES: Record<string, SQL> = {
  feedback: sql`feedback`,
  opportunity: sql`opportunities`,
  interview: sql`interviews`,
  experiment: sql`experiments`,
  feature: sql`features`,
  objective: sql`objectives`,
  key_result: sql`key_results`,
};

/** True when a record of this type and id belongs to the workspace. */
export async function evidenceExists(db: Db, workspaceId: string, type: string, id: string): Promise<boolean> {
  const table = EVIDENCE_TABLES[type];
  if (!table) return false;
  return rowsOf(await db.execute(sql`select 1 from ${table} where workspace_id = ${workspaceId} and id = ${id}`)).length > 0;
}
