import { and, count, desc, eq } from 'drizzle-orm';
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
