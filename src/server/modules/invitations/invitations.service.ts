import type { CreateInvitation, Invitation } from '../../../shared/contracts.js';
import { LIMITS } from '../../../shared/limits.js';
import type { Role } from '../../../shared/roles.js';
import type { Db } from '../../db/client.js';
import type { UserActor, WorkspaceActor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { hashSecret, newId, newSecret } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { defineJob, enqueueJob } from '../jobs/jobs.service.js';
import { findMemberRow, findMembership, insertMember } from '../members/members.repository.js';
import { notify } from '../notifications/notifications.service.js';
import {
  findInvitationById,
  findInvitationByTokenHash,
  insertInvitation,
  listInvitationRows,
  markInvitation,
  type InvitationWithInviter,
} from './invitations.repository.js';

type Status = Invitation['status'];

function statusOf(i: InvitationWithInviter, now = new Date()): Status {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  if (i.expiresAt <= now) return 'expired';
  return 'pending';
}

export function presentInvitation(i: InvitationWithInviter): Invitation {
  return {
    id: i.id,
    email: i.email,
    role: i.role as Role,
    status: statusOf(i),
    invitedBy: i.invitedByName,
    expiresAt: i.expiresAt.toISOString(),
    createdAt: i.createdAt.toISOString(),
    version: i.version,
  };
}

/** Invites someone by email with a role; the token is returned once, only its hash is kept. */
export async function createInvitation({
  db,
  actor,
  input,
  baseUrl,
}: {
  db: Db;
  actor: WorkspaceActor;
  input: CreateInvitation;
  baseUrl: string;
}) {
  authorize(actor, 'invitation.create');
  const token = newSecret(24);
  const id = newId();
  const expiresAt = new Date(Date.now() + LIMITS.invitationDays * 86_400_000);
  return db.transaction(async (tx) => {
    await insertInvitation(tx, {
      id,
      workspaceId: actor.workspaceId,
      email: input.email,
      role: input.role,
      tokenHash: hashSecret(token),
      invitedBy: actor.memberId,
      expiresAt,
    });
    await enqueueJob(tx, { kind: 'invitation.expiry-check', workspaceId: actor.workspaceId, payload: { invitationId: id, workspaceId: actor.workspaceId }, runAt: expiresAt });
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'invitation.create',
      entityType: 'invitation',
      entityId: id,
      summary: `Invited ${input.email} as ${input.role}`,
    });
    const row = (await findInvitationById(tx, actor.workspaceId, id))!;
    return { ...presentInvitation(row), token, url: `${baseUrl}/invite/${token}` };
  });
}

export async function listInvitations({ db, actor }: { db: Db; actor: WorkspaceActor }) {
  authorize(actor, 'invitation.read');
  const rows = await listInvitationRows(db, actor.workspaceId);
  return { items: rows.map(presentInvitation), total: rows.length };
}

export async function revokeInvitation({ db, actor, invitationId }: { db: Db; actor: WorkspaceActor; invitationId: string }): Promise<void> {
  authorize(actor, 'invitation.revoke');
  await db.transaction(async (tx) => {
    const inv = await findInvitationById(tx, actor.workspaceId, invitationId);
    if (!inv) throw notFound('Invitation');
    if (statusOf(inv) !== 'pending') throw new AppError('conflict', `The invitation is already ${statusOf(inv)}`);
    await markInvitation(tx, inv.id, { revokedAt: new Date() });
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'invitation.revoke',
      entityType: 'invitation',
      entityId: inv.id,
      summary: `Revoked the invitation of ${inv.email}`,
    });
  });
}

/** What a token offers, for the page the invitee opens; an unknown token answers 404. */
export async function previewInvitation({ db, token }: { db: Db; token: string }) {
  const inv = await findInvitationByTokenHash(db, hashSecret(token));
  if (!inv) throw notFound('Invitation');
  return { workspaceName: inv.workspaceName, role: inv.role as Role, email: inv.email, invitedBy: inv.invitedByName, status: statusOf(inv) };
}

/** Accepts an invitation as the signed-in account, whose email must be the one invited. */
export async function acceptInvitation({ db, actor, token }: { db: Db; actor: UserActor; token: string }) {
  return db.transaction(async (tx) => {
    const inv = await findInvitationByTokenHash(tx, hashSecret(token));
    if (!inv) throw notFound('Invitation');
    const existing = await findMembership(tx, inv.workspaceId, actor.userId);
    if (existing) return { workspaceId: inv.workspaceId, memberId: existing.id, role: existing.role as Role };
    const status = statusOf(inv);
    if (status !== 'pending') throw new AppError('conflict', `This invitation is ${status}; ask for a new one`);
    if (inv.email.toLowerCase() !== actor.email.toLowerCase()) {
      throw new AppError('forbidden', `This invitation is for ${inv.email}; sign in with that address to accept it`);
    }
    const memberId = newId();
    await insertMember(tx, { id: memberId, workspaceId: inv.workspaceId, userId: actor.userId, role: inv.role, title: '' });
    await markInvitation(tx, inv.id, { acceptedAt: new Date(), acceptedBy: memberId });
    await recordAudit(tx, actor, {
      workspaceId: inv.workspaceId,
      action: 'invitation.accept',
      entityType: 'member',
      entityId: memberId,
      summary: `${actor.name} (${actor.email}) joined as ${inv.role}`,
    });
    if (inv.invitedBy) {
      const inviter = await findInviterUser(tx, inv.workspaceId, inv.invitedBy);
      if (inviter) {
        await notify(tx, {
          workspaceId: inv.workspaceId,
          userIds: [inviter],
          kind: 'invitation.accepted',
          title: `${actor.name} joined ${inv.workspaceName}`,
          body: `${actor.email} accepted your invitation as ${inv.role}.`,
          link: `/w/${inv.workspaceId}/settings/members`,
        });
      }
    }
    return { workspaceId: inv.workspaceId, memberId, role: inv.role as Role };
  });
}

async function findInviterUser(db: Db, workspaceId: string, memberId: string): Promise<string | null> {
  return (await findMemberRow(db, workspaceId, memberId))?.userId ?? null;
}

// When an invitation runs out unaccepted, the inviter hears of it and can send a new one.
defineJob('invitation.expiry-check', async (db, payload) => {
  const inv = await findInvitationById(db, String(payload.workspaceId), String(payload.invitationId));
  if (!inv || statusOf(inv) !== 'expired' || !inv.invitedBy) return;
  const inviter = await findInviterUser(db, inv.workspaceId, inv.invitedBy);
  if (!inviter) return;
  await notify(db, {
    workspaceId: inv.workspaceId,
    userIds: [inviter],
    kind: 'invitation.expired',
    title: `Invitation to ${inv.email} expired`,
    body: `${inv.email} did not accept the invitation as ${inv.role}. Send a new one from Members.`,
    link: `/w/${inv.workspaceId}/settings/members`,
  });
});

