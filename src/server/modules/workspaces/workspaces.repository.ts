import { and, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { members, workspaces } from '../../db/schema/index.js';

export type WorkspaceRow = typeof workspaces.$inferSelect;
export type WorkspaceWithRole = WorkspaceRow & { role: string; memberCount: number };

export async function insertWorkspace(db: Db, row: { id: string; name: string; createdBy: string | null }): Promise<WorkspaceRow> {
  const [created] = await db
    .insert(workspaces)
    .values({ ...row, workspaceId: row.id })
    .returning();
  return created!;
}

const memberCount = sql<number>`(select count(*)::int from ${members} m where m.workspace_id = ${workspaces.id})`;

/** Workspaces the account belongs to, with its role in each. */
export async function listWorkspacesForUser(db: Db, userId: string): Promise<WorkspaceWithRole[]> {
  const rows = await db
    .select({ w: workspaces, role: members.role, memberCount })
    .from(workspaces)
    .innerJoin(members, eq(members.workspaceId, workspaces.id))
    .where(eq(members.userId, userId))
    .orderBy(workspaces.name);
  return rows.map((r) => ({ ...r.w, role: r.role, memberCount: Number(r.memberCount) }));
}

export async function findWorkspaceForUser(db: Db, workspaceId: string, userId: string): Promise<WorkspaceWithRole | undefined> {
  const [r] = await db
    .select({ w: workspaces, role: members.role, memberCount })
    .from(workspaces)
    .innerJoin(members, and(eq(members.workspaceId, workspaces.id), eq(members.userId, userId)))
    .where(eq(workspaces.id, workspaceId));
  return r ? { ...r.w, role: r.role, memberCount: Number(r.memberCount) } : undefined;
}

export async function findWorkspace(db: Db, workspaceId: string): Promise<WorkspaceRow | undefined> {
  const [r] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  return r;
}

/** Applies the patch only if the version still matches; undefined when it does not. */
export async function updateWorkspaceRow(db: Db, id: string, version: number, patch: { name?: string }): Promise<WorkspaceRow | undefined> {
  const [row] = await db
    .update(workspaces)
    .set({ ...patch, version: sql`${workspaces.version} + 1`, updatedAt: new Date() })
    .where(and(eq(workspaces.id, id), eq(workspaces.version, version)))
    .returning();
  return row;
}

export async function countWorkspaces(db: Db): Promise<number> {
  const [r] = await db.select({ n: count() }).from(workspaces);
  return Number(r?.n ?? 0);
}
