import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { contacts, customers, feedback } from '../../db/schema/index.js';

export type CustomerRow = typeof customers.$inferSelect;
export interface CustomerWithCounts extends CustomerRow {
  feedbackCount: number;
}
export type ContactRow = typeof contacts.$inferSelect;

export interface CustomerPatch {
  name?: string;
  domain?: string | null;
  segment?: string;
  plan?: string;
  arr?: string;
  currency?: string;
  status?: string;
  ownerId?: string | null;
  externalId?: string | null;
}

// Qualified by hand: drizzle prints a column of a single-table select without its table name.
const feedbackCount = sql<number>`(select count(*)::int from ${feedback} f where f.customer_id = "customers"."id" and f.merged_into_id is null)`;

/** A page of customers by name, filtered by a name/domain substring and a segment, with the total in the same round trip. */
export async function listCustomerRows(
  db: Db,
  f: { workspaceId: string; q?: string; segment?: string; limit: number; offset: number },
): Promise<{ rows: CustomerWithCounts[]; total: number }> {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = and(
    eq(customers.workspaceId, f.workspaceId),
    like ? sql`(${customers.name} ilike ${like} or ${customers.domain} ilike ${like})` : undefined,
    f.segment !== undefined ? eq(customers.segment, f.segment) : undefined,
  );
  const rows = await db
    .select({ customer: customers, feedbackCount, total: sql<number>`count(*) over ()::int` })
    .from(customers)
    .where(where)
    .orderBy(asc(sql`lower(${customers.name})`), asc(customers.id))
    .limit(f.limit)
    .offset(f.offset);
  let total = rows[0]?.total ?? 0;
  if (!rows.length && f.offset > 0) {
    const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(customers).where(where);
    total = r?.n ?? 0;
  }
  return { rows: rows.map((r) => ({ ...r.customer, feedbackCount: Number(r.feedbackCount) })), total: Number(total) };
}

export async function findCustomerRow(db: Db, workspaceId: string, id: string): Promise<CustomerWithCounts | undefined> {
  const [r] = await db
    .select({ customer: customers, feedbackCount })
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)));
  return r ? { ...r.customer, feedbackCount: Number(r.feedbackCount) } : undefined;
}

/** The customer (other than `exceptId`) already holding this domain or external id, if any. */
export async function findClash(db: Db, workspaceId: string, f: { domain?: string | null; externalId?: string | null; exceptId?: string }) {
  const conds = [
    f.domain ? sql`${customers.domain} = ${f.domain}` : null,
    f.externalId ? sql`${customers.externalId} = ${f.externalId}` : null,
  ].filter((c) => c !== null);
  if (!conds.length) return undefined;
  const [row] = await db
    .select({ id: customers.id, name: customers.name, domain: customers.domain, externalId: customers.externalId })
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), sql`(${sql.join(conds, sql` or `)})`, f.exceptId ? sql`${customers.id} <> ${f.exceptId}` : undefined))
    .limit(1);
  return row;
}

export async function insertCustomer(db: Db, row: typeof customers.$inferInsert): Promise<void> {
  await db.insert(customers).values(row);
}

export async function updateCustomerRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: CustomerPatch) {
  const [row] = await db
    .update(customers)
    .set({ ...patch, version: sql`${customers.version} + 1`, updatedAt: new Date() })
    .where(and(eq(customers.workspaceId, f.workspaceId), eq(customers.id, f.id), eq(customers.version, f.version)))
    .returning({ id: customers.id });
  return row;
}

export async function deleteCustomerRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(customers).where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)));
}

export async function listContactRows(db: Db, workspaceId: string, customerId: string): Promise<ContactRow[]> {
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.customerId, customerId)))
    .orderBy(asc(sql`lower(${contacts.name})`), asc(contacts.id));
}

export async function findContactRow(db: Db, workspaceId: string, customerId: string, id: string): Promise<ContactRow | undefined> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.customerId, customerId), eq(contacts.id, id)));
  return row;
}

export async function insertContact(db: Db, row: typeof contacts.$inferInsert): Promise<void> {
  await db.insert(contacts).values(row);
}

export async function updateContactRow(
  db: Db,
  f: { workspaceId: string; customerId: string; id: string; version: number },
  patch: { name?: string; email?: string | null; title?: string },
) {
  const [row] = await db
    .update(contacts)
    .set({ ...patch, version: sql`${contacts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(contacts.workspaceId, f.workspaceId), eq(contacts.customerId, f.customerId), eq(contacts.id, f.id), eq(contacts.version, f.version)))
    .returning({ id: contacts.id });
  return row;
}

export async function deleteContactRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)));
}

/** Identity fields of every customer of the workspace: what a CSV import matches rows against. */
export async function listCustomerKeys(db: Db, workspaceId: string): Promise<CustomerRow[]> {
  return db.select().from(customers).where(eq(customers.workspaceId, workspaceId));
}

export interface ImportedCustomer {
  id: string;
  name: string;
  domain: string | null;
  segment: string | null;
  plan: string | null;
  arr: string | null;
  currency: string | null;
  external_id: string | null;
}

/**
 * Inserts a batch of imported customers in one statement (rows as JSON, so the statement has a handful
 * of parameters however many rows there are). Null fields take the column default.
 */
export async function insertCustomerBatch(db: Db, workspaceId: string, rows: ImportedCustomer[]): Promise<void> {
  if (!rows.length) return;
  await db.execute(sql`
    insert into ${customers} (id, workspace_id, name, domain, segment, plan, arr, currency, external_id)
    select v.id, ${workspaceId}::uuid, v.name, v.domain, coalesce(v.segment, ''), coalesce(v.plan, ''), coalesce(v.arr, 0), coalesce(v.currency, 'USD'), v.external_id
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as v(id uuid, name text, domain text, segment text, plan text, arr numeric, currency text, external_id text)`);
}

/** Updates a batch of imported customers in one statement; a null field keeps what is there. */
export async function updateCustomerBatch(db: Db, workspaceId: string, rows: ImportedCustomer[]): Promise<void> {
  if (!rows.length) return;
  await db.execute(sql`
    update ${customers} c set
      name = v.name, domain = coalesce(v.domain, c.domain), segment = coalesce(v.segment, c.segment), plan = coalesce(v.plan, c.plan),
      arr = coalesce(v.arr, c.arr), currency = coalesce(v.currency, c.currency), external_id = coalesce(v.external_id, c.external_id),
      version = c.version + 1, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as v(id uuid, name text, domain text, segment text, plan text, arr numeric, currency text, external_id text)
    where c.id = v.id and c.workspace_id = ${workspaceId}::uuid`);
}
