import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LIMITS } from '../../../shared/limits.js';
import { Member, MemberList, MemberParams, UpdateMember, WorkspaceParams } from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS, errorResponses } from '../../lib/route-schema.js';
import { getMember, leaveWorkspace, listMembers, removeMember, updateMember, updateOwnProfile } from './members.service.js';

const UpdateProfile = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(LIMITS.nameMax).optional().describe('Your display name'),
    title: z.string().trim().max(LIMITS.titleMax).optional().describe('Your job title'),
  })
  .strict();

export async function memberRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Members'];

  r.get('/api/v1/workspaces/:workspaceId/members', {
    config: { permission: 'member.read' },
    schema: { summary: 'List members with their role, title and owned components', tags, params: WorkspaceParams, response: { 200: MemberList, ...WORKSPACE_ERRORS } },
    handler: (req) => listMembers({ db: app.db, actor: workspaceActor(req) }),
  });

  r.get('/api/v1/workspaces/:workspaceId/members/:memberId', {
    config: { permission: 'member.read' },
    schema: { summary: "Read a member's profile", tags, params: MemberParams, response: { 200: Member, ...WORKSPACE_ERRORS } },
    handler: (req) => getMember({ db: app.db, actor: workspaceActor(req), memberId: req.params.memberId }),
  });

  r.patch('/api/v1/workspaces/:workspaceId/members/:memberId', {
    config: { permission: 'member.update' },
    schema: { summary: "Change a member's role or title", tags, params: MemberParams, body: UpdateMember, response: { 200: Member, ...UPDATE_ERRORS } },
    handler: (req) => updateMember({ db: app.db, actor: workspaceActor(req), memberId: req.params.memberId, input: withVersion(req, req.body) }),
  });

  r.delete('/api/v1/workspaces/:workspaceId/members/:memberId', {
    config: { permission: 'member.remove' },
    schema: { summary: 'Remove a member from the workspace', tags, params: MemberParams, response: { 204: NoContent, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (req, reply) => {
      await removeMember({ db: app.db, actor: workspaceActor(req), memberId: req.params.memberId });
      return reply.status(204).send(null);
    },
  });

  r.post('/api/v1/workspaces/:workspaceId/leave', {
    config: { permission: 'member.leave' },
    schema: { summary: 'Leave the workspace', tags, params: WorkspaceParams, response: { 204: NoContent, ...errorResponses(401, 404, 409) } },
    handler: async (req, reply) => {
      await leaveWorkspace({ db: app.db, actor: workspaceActor(req) });
      return reply.status(204).send(null);
    },
  });

  r.patch('/api/v1/workspaces/:workspaceId/profile', {
    config: { permission: 'profile.update-own' },
    schema: { summary: 'Edit your own profile (name, title)', tags, params: WorkspaceParams, body: UpdateProfile, response: { 200: Member, ...WORKSPACE_ERRORS } },
    handler: (req) => updateOwnProfile({ db: app.db, actor: workspaceActor(req), input: req.body }),
  });
}
