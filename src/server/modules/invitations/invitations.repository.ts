import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { invitations, members, user, workspaces } from '../../db/schema/index.js';

export type InvitationRow = typeof invitations.$inferSelect;
export type InvitationWithInviter = InvitationRow & { invitedByName: string; workspaceName: string };

export async function insertInvitation(db: Db, row: typeof invitations.$inferInsert): Promise<void> {
  await db.insert(invitations).values(row);
}

const select = (db: Db) =>
  db
    .select({ i: invitations, invitedByName: sql<string>`coalesce(${user.name}, 'a former member')`, workspaceName: workspaces.name })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .leftJoin(members, eq(members.id, invitations.invitedBy))
    .leftJoin(user, eq(user.id, members.userId));

const flatten = (r: { i: InvitationRow; invitedByName: string; workspaceName: string }): InvitationWithInviter => ({
  ...r.i,
  invitedByName: r.invitedByName,
  workspaceName: r.workspaceName,
});

export async function listInvitationRows(db: Db, workspaceId: string): Promise<InvitationWithInviter[]> {
  const rows = await select(db).where(eq(invitations.workspaceId, workspaceId)).orderBy(desc(invitations.createdAt));
  return rows.map(flatten);
}

export async function findInvitationById(db: Db, workspaceId: string, id: string): Promise<InvitationWithInviter | undefined> {
  const [r] = await select(db).where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, id)));
  return r && flatten(r);
}

export async function findInvitationByTokenHash(db: Db, tokenHash: string): Promise<InvitationWithInviter | undefined> {
  const [r] = await select(db).where(eq(invitations.tokenHash, tokenHash));
  return r && flatten(r);
}

export async function markInvitation(db: Db, id: string, patch: { acceptedAt?: Date; acceptedBy?: string; revokedAt?: Date }): Promise<void> {
  await db
    .update(invitations)
    .set({ ...patch, version: sql`${invitations.version} + 1`, updatedAt: new Date() })
    .where(eq(invitations.id, id));
}
