import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';

export type NotificationRow = typeof notifications.$inferSelect;

export async function insertNotifications(db: Db, rows: (typeof notifications.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(notifications).values(rows);
}

export async function listNotificationRows(db: Db, f: { workspaceId: string; userId: string; limit: number; offset: number }) {
  const mine = and(eq(notifications.workspaceId, f.workspaceId), eq(notifications.userId, f.userId));
  const [rows, total, unread] = await Promise.all([
    db.select().from(notifications).where(mine).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(notifications).where(mine),
    db.select({ n: count() }).from(notifications).where(and(mine, isNull(notifications.readAt))),
  ]);
  return { rows, total: Number(total[0]?.n ?? 0), unread: Number(unread[0]?.n ?? 0) };
}

export async function markNotificationRead(db: Db, f: { workspaceId: string; userId: string; id: string }): Promise<NotificationRow | undefined> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, f.id), eq(notifications.workspaceId, f.workspaceId), eq(notifications.userId, f.userId)))
    .returning();
  return row;
}

export async function markAllNotificationsRead(db: Db, f: { workspaceId: string; userId: string }): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.workspaceId, f.workspaceId), eq(notifications.userId, f.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
