import { and, asc, count, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { members, savedViews, user } from '../../db/schema/index.js';

export type SavedViewRow = typeof savedViews.$inferSelect & { ownerName: string | null };
export type SavedViewPatch = Partial<Pick<typeof savedViews.$inferInsert, 'name' | 'filters' | 'shared'>>;

const columns = { row: savedViews, ownerName: user.name };
const withOwner = (r: { row: typeof savedViews.$inferSelect; ownerName: string | null }): SavedViewRow => ({ ...r.row, ownerName: r.ownerName });

/** The member's own views and the workspace's shared ones: own first, then by name. */
export async function listVisibleViews(db: Db, workspaceId: string, memberId: string): Promise<SavedViewRow[]> {
  const rows = await db
    .select(columns)
    .from(savedViews)
    .leftJoin(members, eq(members.id, savedViews.ownerId))
    .leftJoin(user, eq(user.id, members.userId))
    .where(and(eq(savedViews.workspaceId, workspaceId), or(eq(savedViews.ownerId, memberId), eq(savedViews.shared, true))))
    .orderBy(sql`case when ${savedViews.ownerId} = ${memberId} then 0 else 1 end`, asc(savedViews.name), asc(savedViews.id));
  return rows.map(withOwner);
}

export async function findViewRow(db: Db, workspaceId: string, id: string): Promise<SavedViewRow | undefined> {
  const [r] = await db
    .select(columns)
    .from(savedViews)
    .leftJoin(members, eq(members.id, savedViews.ownerId))
    .leftJoin(user, eq(user.id, members.userId))
    .where(and(eq(savedViews.workspaceId, workspaceId), eq(savedViews.id, id)));
  return r ? withOwner(r) : undefined;
}

/** How many views a member has saved (a limit keeps one member from filling the table). */
export async function countOwnViews(db: Db, workspaceId: string, memberId: string): Promise<number> {
  const [r] = await db.select({ n: count() }).from(savedViews).where(and(eq(savedViews.workspaceId, workspaceId), eq(savedViews.ownerId, memberId)));
  return Number(r?.n ?? 0);
}

export async function insertViewRow(db: Db, row: typeof savedViews.$inferInsert): Promise<void> {
  await db.insert(savedViews).values(row);
}

/** Updates the view if it is at `version`; false when it is not. */
export async function updateViewRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: SavedViewPatch): Promise<boolean> {
  const rows = await db
    .update(savedViews)
    .set({ ...patch, version: sql`${savedViews.version} + 1`, updatedAt: new Date() })
    .where(and(eq(savedViews.workspaceId, f.workspaceId), eq(savedViews.id, f.id), eq(savedViews.version, f.version)))
    .returning({ id: savedViews.id });
  return rows.length > 0;
}

export async function deleteViewRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(savedViews).where(and(eq(savedViews.workspaceId, workspaceId), eq(savedViews.id, id)));
}
