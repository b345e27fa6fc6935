import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiTokenList, CreateApiToken, CreatedApiToken, TokenParams } from '../../../shared/contracts.js';
import { userActor } from '../../lib/http.js';
import { NoContent, errorResponses } from '../../lib/route-schema.js';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.service.js';

export async function tokenRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['API tokens'];

  r.get('/api/v1/me/tokens', {
    config: { permission: 'authenticated' },
    schema: { summary: 'List your API tokens', tags, response: { 200: ApiTokenList, ...errorResponses(401) } },
    handler: (req) => listApiTokens({ db: app.db, actor: userActor(req) }),
  });
  r.post('/api/v1/me/tokens', {
    config: { permission: 'authenticated' },
    schema: {
      summary: 'Create a personal API token',
      description: 'The token is shown once. Send it as `Authorization: Bearer <token>`; it acts as you in every workspace you belong to.',
      tags,
      body: CreateApiToken,
      response: { 201: CreatedApiToken, ...errorResponses(400, 401) },
    },
    handler: async (req, reply) => reply.status(201).send(await createApiToken({ db: app.db, actor: userActor(req), input: req.body })),
  });
  r.delete('/api/v1/me/tokens/:tokenId', {
    config: { permission: 'authenticated' },
    schema: { summary: 'Revoke one of your API tokens', tags, params: TokenParams, response: { 204: NoContent, ...errorResponses(400, 401, 404) } },
    handler: async (req, reply) => {
      await revokeApiToken({ db: app.db, actor: userActor(req), tokenId: req.params.tokenId });
      return reply.status(204).send(null);
    },
  });
}
