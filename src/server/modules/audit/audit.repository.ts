import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

/** Appends one entry. */
export async function insertAuditEntry(db: Db, row: NewAuditRow): Promise<void> {
  await db.insert(auditLog).values(row);
}

export async function insertAuditEntries(db: Db, rows: NewAuditRow[]): Promise<void> {
  if (rows.length) await db.insert(auditLog).values(rows);
}

/** A page of a workspace's audit log, newest first. */
export async function listAuditEntries(
  db: Db,
  filter: { workspaceId: string; entityType?: string; actorId?: string; limit: number; offset: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const where = and(
    eq(auditLog.workspaceId, filter.workspaceId),
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
  );
  const [rows, totals] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.createdAt), desc(auditLog.id)).limit(filter.limit).offset(filter.offset),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}

/**
 * What changed in the workspace lately, as a string that changes with every write: the newest audit
 * entry's time and the number of entries of the last ten minutes. The count catches a transaction that
 * commits after a later one (its entry carries its start time, older than the newest), which the
 * time alone would miss. One range scan of the (workspace, time) index.
 */
export async function changeMarker(db: Db, workspaceId: string): Promise<string> {
  const result = await db.execute(sql`
    select (select max(${auditLog.createdAt}) from ${auditLog} where ${auditLog.workspaceId} = ${workspaceId} and ${auditLog.kind} = 'change')::text as at,
      (select count(*) from ${auditLog} where ${auditLog.workspaceId} = ${workspaceId} and ${auditLog.kind} = 'change' and ${auditLog.createdAt} > now() - interval '10 minutes')::int as n`);
  const row = (result as unknown as { rows: { at: string | null; n: number }[] }).rows[0];
  return `${row?.at ?? ''}|${row?.n ?? 0}`;
}
