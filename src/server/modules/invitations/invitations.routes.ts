import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AcceptedInvitation,
  CreateInvitation,
  CreatedInvitation,
  InvitationList,
  InvitationParams,
  InvitationPreview,
  InvitationTokenParams,
  WorkspaceParams,
} from '../../../shared/contracts.js';
import { publicOrigin, userActor, workspaceActor } from '../../lib/http.js';
import { NoContent, WORKSPACE_ERRORS, errorResponses } from '../../lib/route-schema.js';
import { acceptInvitation, createInvitation, listInvitations, previewInvitation, revokeInvitation } from './invitations.service.js';

export async function invitationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Invitations'];

  r.get('/api/v1/workspaces/:workspaceId/invitations', {
    config: { permission: 'invitation.read' },
    schema: { summary: 'List invitations and their status', tags, params: WorkspaceParams, response: { 200: InvitationList, ...WORKSPACE_ERRORS } },
    handler: (req) => listInvitations({ db: app.db, actor: workspaceActor(req) }),
  });

  r.post('/api/v1/workspaces/:workspaceId/invitations', {
    config: { permission: 'invitation.create' },
    schema: {
      summary: 'Invite someone with a role',
      description: 'Returns the invitation link once; only a hash of its token is stored. It expires after 14 days.',
      tags,
      params: WorkspaceParams,
      body: CreateInvitation,
      response: { 201: CreatedInvitation, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await createInvitation({ db: app.db, actor: workspaceActor(req), input: req.body, baseUrl: publicOrigin(req, app.config.publicUrl) })),
  });

  r.delete('/api/v1/workspaces/:workspaceId/invitations/:invitationId', {
    config: { permission: 'invitation.revoke' },
    schema: { summary: 'Revoke a pending invitation', tags, params: InvitationParams, response: { 204: NoContent, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (req, reply) => {
      await revokeInvitation({ db: app.db, actor: workspaceActor(req), invitationId: req.params.invitationId });
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/invitations/:token', {
    config: { permission: 'public' },
    schema: { summary: 'What an invitation offers (the token is the secret)', tags, params: InvitationTokenParams, response: { 200: InvitationPreview, ...errorResponses(400, 404) } },
    handler: (req) => previewInvitation({ db: app.db, token: req.params.token }),
  });

  r.post('/api/v1/invitations/:token/accept', {
    config: { permission: 'authenticated' },
    schema: {
      summary: 'Accept an invitation as the signed-in account',
      description: 'The account email must be the invited one. Accepting twice returns the same membership.',
      tags,
      params: InvitationTokenParams,
      response: { 200: AcceptedInvitation, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: (req) => acceptInvitation({ db: app.db, actor: userActor(req), token: req.params.token }),
  });
}
