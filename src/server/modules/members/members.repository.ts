import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { components, members, user } from '../../db/schema/index.js';

export type MemberRow = typeof members.$inferSelect;
export interface MemberWithUser extends MemberRow {
  name: string;
  email: string;
  ownedComponents: { id: string; name: string; productId: string }[];
}

export async function insertMember(db: Db, row: { id: string; workspaceId: string; userId: string; role: string; title: string }): Promise<MemberRow> {
  const [created] = await db.insert(members).values(row).returning();
  return created!;
}

/** The membership of an account in a workspace: the basis of every permission check. */
export async function findMembership(db: Db, workspaceId: string, userId: string): Promise<MemberRow | undefined> {
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.userId, userId)));
  return row;
}

async function withUsers(db: Db, rows: { m: MemberRow; name: string; email: string }[]): Promise<MemberWithUser[]> {
  if (!rows.length) return [];
  const owned = await db
    .select({ id: components.id, name: components.name, productId: components.productId, ownerId: components.ownerId })
    .from(components)
    .where(inArray(components.ownerId, rows.map((r) => r.m.id)))
    .orderBy(components.name);
  return rows.map((r) => ({
    ...r.m,
    name: r.name,
    email: r.email,
    ownedComponents: owned.filter((c) => c.ownerId === r.m.id).map(({ id, name, productId }) => ({ id, name, productId })),
  }));
}

export async function listMemberRows(db: Db, workspaceId: string): Promise<MemberWithUser[]> {
  const rows = await db
    .select({ m: members, name: user.name, email: user.email })
    .from(members)
    .innerJoin(user, eq(user.id, members.userId))
    .where(eq(members.workspaceId, workspaceId))
    .orderBy(user.name);
  return withUsers(db, rows);
}

export async function findMemberRow(db: Db, workspaceId: string, memberId: string): Promise<MemberWithUser | undefined> {
  const rows = await db
    .select({ m: members, name: user.name, email: user.email })
    .from(members)
    .innerJoin(user, eq(user.id, members.userId))
    .where(and(eq(members.workspaceId, workspaceId), eq(members.id, memberId)));
  return (await withUsers(db, rows))[0];
}

export async function updateMemberRow(
  db: Db,
  f: { workspaceId: string; memberId: string; version: number | null },
  patch: { role?: string; title?: string },
): Promise<MemberRow | undefined> {
  const [row] = await db
    .update(members)
    .set({ ...patch, version: sql`${members.version} + 1`, updatedAt: new Date() })
    .where(and(eq(members.workspaceId, f.workspaceId), eq(members.id, f.memberId), f.version === null ? undefined : eq(members.version, f.version)))
    .returning();
  return row;
}

export async function deleteMemberRow(db: Db, workspaceId: string, memberId: string): Promise<boolean> {
  const rows = await db
    .delete(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.id, memberId)))
    .returning({ id: members.id });
  return rows.length > 0;
}

export async function countAdmins(db: Db, workspaceId: string): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.role, 'admin')));
  return Number(r?.n ?? 0);
}

/** Which of these ids are members of the workspace. */
export async function existingMemberIds(db: Db, workspaceId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), inArray(members.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function updateUserName(db: Db, userId: string, name: string): Promise<void> {
  await db.update(user).set({ name, updatedAt: new Date() }).where(eq(user.id, userId));
}
