import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Id, IsoDate, RoleSchema, Version, VersionedUpdate, listOf } from './common.js';

export const OwnedComponent = z.object({ id: Id, name: z.string(), productId: Id });

export const Member = z
  .object({
    id: Id.describe('Member id: what other resources call personId, ownerId or coacheeId'),
    personId: Id.describe('The same id as `id`: coaching routes take it as {personId}'),
    userId: z.string().describe('Account id'),
    email: z.string(),
    name: z.string(),
    title: z.string().describe('Job title shown on the profile'),
    role: RoleSchema,
    version: Version,
    ownedComponents: z.array(OwnedComponent).describe('Components this member owns as PM'),
    joinedAt: IsoDate,
  })
  .describe('Workspace member');
export type Member = z.infer<typeof Member>;

export const MemberParams = z.object({ workspaceId: Id, memberId: Id });
export const UpdateMember = VersionedUpdate.extend({
  role: RoleSchema.optional().describe('New role (admins only)'),
  title: z.string().trim().max(LIMITS.titleMax).optional().describe('Job title'),
  name: z.string().trim().min(1).max(LIMITS.nameMax).optional().describe('Display name (only for your own profile)'),
}).strict();
export type UpdateMember = z.infer<typeof UpdateMember>;
export const MemberList = listOf(Member, 'Members of the workspace');
