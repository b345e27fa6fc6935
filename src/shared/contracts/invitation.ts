import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Id, IsoDate, RoleSchema, Version } from './common.js';

export const Invitation = z
  .object({
    id: Id,
    email: z.string(),
    role: RoleSchema,
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
    invitedBy: z.string().describe('Name of the member who invited'),
    expiresAt: IsoDate,
    createdAt: IsoDate,
    version: Version,
  })
  .describe('Invitation');
export type Invitation = z.infer<typeof Invitation>;

export const CreateInvitation = z
  .object({
    email: z.string().trim().toLowerCase().email('must be an email address').max(LIMITS.emailMax).describe('Who is invited'),
    role: RoleSchema.describe('Role the invitee gets on accepting'),
  })
  .strict();
export type CreateInvitation = z.infer<typeof CreateInvitation>;

export const CreatedInvitation = Invitation.extend({
  token: z.string().describe('Secret token; shown once'),
  url: z.string().describe('Link to send to the invitee'),
}).describe('Invitation with its token, shown once');

export const InvitationParams = z.object({ workspaceId: Id, invitationId: Id });
export const InvitationTokenParams = z.object({ token: z.string().min(20).max(200).describe('Invitation token') });
export const InvitationList = z.object({ items: z.array(Invitation), total: z.number().int() });

export const InvitationPreview = z
  .object({
    workspaceName: z.string(),
    role: RoleSchema,
    email: z.string(),
    invitedBy: z.string(),
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  })
  .describe('What an invitation offers, shown before accepting');

export const AcceptedInvitation = z.object({ workspaceId: Id, memberId: Id, role: RoleSchema });
