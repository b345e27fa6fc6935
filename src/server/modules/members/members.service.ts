import type { Member, UpdateMember } from '../../../shared/contracts.js';
import type { Role } from '../../../shared/roles.js';
import type { Db } from '../../db/client.js';
import type { UserActor, WorkspaceActor } from '../../lib/actor.js';
import { AppError, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { cachedRead } from '../../lib/read-cache.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { countAdmins, deleteMemberRow, findMemberRow, findMembership, listMemberRows, updateMemberRow, updateUserName, type MemberWithUser } from './members.repository.js';

export function presentMember(m: MemberWithUser): Member {
  return {
    id: m.id,
    userId: m.userId,
    email: m.email,
    name: m.name,
    title: m.title,
    role: m.role as Role,
    version: m.version,
    ownedComponents: m.ownedComponents,
    joinedAt: m.createdAt.toISOString(),
    personId: m.id,
  };
}

export async function listMembers({ db, actor }: { db: Db; actor: WorkspaceActor }) {
  authorize(actor, 'member.read');
  return cachedRead(`members:${actor.workspaceId}`, 30_000, async () => {
    const rows = await listMemberRows(db, actor.workspaceId);
    return { items: rows.map(presentMember), total: rows.length };
  });
}

export async function getMember({ db, actor, memberId }: { db: Db; actor: WorkspaceActor; memberId: string }): Promise<Member> {
  authorize(actor, 'member.read');
  const row = await findMemberRow(db, actor.workspaceId, memberId);
  if (!row) throw notFound('Member');
  return presentMember(row);
}

/** The last admin cannot be demoted or removed: a workspace always has someone who can manage it. */
async function guardLastAdmin(db: Db, workspaceId: string, member: MemberWithUser, what: string) {
  if (member.role === 'admin' && (await countAdmins(db, workspaceId)) <= 1) {
    throw new AppError('conflict', `Cannot ${what} the last admin of the workspace; make someone else admin first`);
  }
}

/** Changes a member's role or title (admins). */
export async function updateMember({ db, actor, memberId, input }: { db: Db; actor: WorkspaceActor; memberId: string; input: UpdateMember }): Promise<Member> {
  authorize(actor, 'member.update');
  const version = requireVersion(input.version);
  if (input.name !== undefined) throw new AppError('validation_failed', 'name: members change their own name on their profile', 'name');
  return db.transaction(async (tx) => {
    const before = await findMemberRow(tx, actor.workspaceId, memberId);
    if (!before) throw notFound('Member');
    if (input.role && input.role !== 'admin') await guardLastAdmin(tx, actor.workspaceId, before, 'demote');
    const patch = { role: input.role, title: input.title };
    const updated = await updateMemberRow(tx, { workspaceId: actor.workspaceId, memberId, version }, patch);
    if (!updated) throw versionConflict('Member');
    const changes = await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'member.update',
      entityType: 'member',
      entityId: memberId,
      label: `Updated ${before.name}`,
      before,
      patch,
    });
    if (changes.role) {
      await notify(tx, {
        workspaceId: actor.workspaceId,
        userIds: [before.userId],
        kind: 'member.role-changed',
        title: `Your role is now ${input.role}`,
        body: `${actor.name} changed your role from ${before.role} to ${input.role}.`,
        link: `/w/${actor.workspaceId}`,
      });
    }
    return presentMember((await findMemberRow(tx, actor.workspaceId, memberId))!);
  });
}

/** Edits the caller's own profile: display name and title. */
export async function updateOwnProfile({ db, actor, input }: { db: Db; actor: WorkspaceActor; input: { name?: string; title?: string } }): Promise<Member> {
  authorize(actor, 'profile.update-own');
  return db.transaction(async (tx) => {
    const before = await findMemberRow(tx, actor.workspaceId, actor.memberId);
    if (!before) throw notFound('Member');
    if (input.title !== undefined) await updateMemberRow(tx, { workspaceId: actor.workspaceId, memberId: actor.memberId, version: null }, { title: input.title });
    if (input.name !== undefined) await updateUserName(tx, actor.userId, input.name);
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'member.profile-update',
      entityType: 'member',
      entityId: actor.memberId,
      label: `${before.name} updated their profile`,
      before,
      patch: input,
    });
    return presentMember((await findMemberRow(tx, actor.workspaceId, actor.memberId))!);
  });
}

/** Removes a member (admins). */
export async function removeMember({ db, actor, memberId }: { db: Db; actor: WorkspaceActor; memberId: string }): Promise<void> {
  authorize(actor, 'member.remove');
  await db.transaction(async (tx) => {
    const member = await findMemberRow(tx, actor.workspaceId, memberId);
    if (!member) throw notFound('Member');
    await guardLastAdmin(tx, actor.workspaceId, member, 'remove');
    await deleteMemberRow(tx, actor.workspaceId, memberId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'member.remove',
      entityType: 'member',
      entityId: memberId,
      summary: `Removed ${member.name} (${member.email}, ${member.role})`,
    });
  });
}

/** The caller leaves the workspace. */
export async function leaveWorkspace({ db, actor }: { db: Db; actor: WorkspaceActor }): Promise<void> {
  authorize(actor, 'member.leave');
  await db.transaction(async (tx) => {
    const member = await findMemberRow(tx, actor.workspaceId, actor.memberId);
    if (!member) throw notFound('Member');
    await guardLastAdmin(tx, actor.workspaceId, member, 'remove');
    await deleteMemberRow(tx, actor.workspaceId, actor.memberId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'member.leave',
      entityType: 'member',
      entityId: actor.memberId,
      summary: `${member.name} left the workspace`,
    });
  });
}

/** Resolves an account's membership in a workspace into the actor that services take; null when not a member. */
export async function resolveWorkspaceActor({ db, user, workspaceId }: { db: Db; user: UserActor; workspaceId: string }): Promise<WorkspaceActor | null> {
  const m = await cachedRead(`membership:${workspaceId}:${user.userId}`, 30_000, () => findMembership(db, workspaceId, user.userId));
  return m ? { ...user, workspaceId, memberId: m.id, role: m.role as Role } : null;
}
