import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { decisions, rationaleTemplates, reports, requestCustomers, requests, statusUpdates } from '../../db/schema/index.js';

/**
 * A workspace's represent rows (issue 7). Share links and the email outbox are not read: the export
 * does not carry them. The caller sorts: ties on timestamps are broken by content, never by ids.
 */
export async function readRepresentRows(db: Db, workspaceId: string) {
  const [rt, rq, rc, dc, su, rp] = await Promise.all([
    db.select().from(rationaleTemplates).where(eq(rationaleTemplates.workspaceId, workspaceId)),
    db.select().from(requests).where(eq(requests.workspaceId, workspaceId)),
    db.select().from(requestCustomers).where(eq(requestCustomers.workspaceId, workspaceId)),
    db.select().from(decisions).where(eq(decisions.workspaceId, workspaceId)),
    db.select().from(statusUpdates).where(eq(statusUpdates.workspaceId, workspaceId)),
    db.select().from(reports).where(eq(reports.workspaceId, workspaceId)),
  ]);
  return { rationaleTemplates: rt, requests: rq, requestCustomers: rc, decisions: dc, statusUpdates: su, reports: rp };
}

type Rows<T extends { $inferInsert: unknown }> = T['$inferInsert'][];

export interface RepresentImportRows {
  rationaleTemplates: Rows<typeof rationaleTemplates>;
  requests: Rows<typeof requests>;
  requestCustomers: Rows<typeof requestCustomers>;
  decisions: Rows<typeof decisions>;
  statusUpdates: Rows<typeof statusUpdates>;
  reports: Rows<typeof reports>;
}

/** Inserts imported represent rows in dependency order (requests before the decisions about them), in chunks. */
export async function insertRepresentImport(db: Db, rows: RepresentImportRows): Promise<void> {
  const chunks = <T>(list: T[], n = 500) => Array.from({ length: Math.ceil(list.length / n) }, (_, i) => list.slice(i * n, i * n + n));
  for (const c of chunks(rows.rationaleTemplates)) await db.insert(rationaleTemplates).values(c);
  // Merged requests point at other requests: insert without the pointer, then set it.
  const merged = rows.requests.filter((r) => r.mergedIntoId);
  for (const c of chunks(rows.requests.map((r) => ({ ...r, mergedIntoId: null })))) await db.insert(requests).values(c);
  for (const r of merged) await db.update(requests).set({ mergedIntoId: r.mergedIntoId }).where(eq(requests.id, r.id));
  for (const c of chunks(rows.requestCustomers)) await db.insert(requestCustomers).values(c);
  for (const c of chunks(rows.decisions)) await db.insert(decisions).values(c);
  for (const c of chunks(rows.statusUpdates)) await db.insert(statusUpdates).values(c);
  for (const c of chunks(rows.reports)) await db.insert(reports).values(c);
}
