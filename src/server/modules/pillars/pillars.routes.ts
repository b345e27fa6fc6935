import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CreatePillar, Pillar, PillarList, PillarListQuery, PillarParams, UpdatePillar, WorkspaceParams } from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { createPillar, deletePillar, listPillars, updatePillar } from './pillars.service.js';

const SHARE_RULE = 'The target shares of a product’s active pillars add up to at most 100 %; past that the request answers 400 naming `targetShare` (or `status` when reactivating) and saying how much is left.';

/** Routes of the pillars module (strategy and goals, issue 6): a product's strategic pillars. */
export async function pillarRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Strategy: pillars'];
  const base = '/api/v1/workspaces/:workspaceId/pillars';
  const one = `${base}/:pillarId`;

  r.get(base, {
    config: { permission: 'strategy.read' },
    schema: {
      summary: 'List a product’s pillars',
      description:
        'In order, each with its target share and live figures: linked features, their planned effort (features not shipped or won’t do, on a horizon or planned / in progress), its actual share of the product’s planned effort, linked objectives and opportunities. Also the share left to allocate.',
      tags,
      params: WorkspaceParams,
      querystring: PillarListQuery,
      response: { 200: PillarList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listPillars({ db: app.db, actor: workspaceActor(req), productId: req.query.productId }),
  });
  r.post(base, {
    config: { permission: 'pillar.manage' },
    schema: {
      summary: 'Create a pillar',
      description: `Added after the product’s other pillars. Names are unique in a product (400 naming \`name\`). ${SHARE_RULE}`,
      tags,
      params: WorkspaceParams,
      body: CreatePillar,
      response: { 201: Pillar, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createPillar({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.patch(one, {
    config: { permission: 'pillar.manage' },
    schema: {
      summary: 'Edit a pillar',
      description: `Name, description, target share, status, or position (moves it among the product’s pillars; the others shift). Send the version you read: a stale one answers 409. ${SHARE_RULE}`,
      tags,
      params: PillarParams,
      body: UpdatePillar,
      response: { 200: Pillar, ...UPDATE_ERRORS },
    },
    handler: (req) => updatePillar({ db: app.db, actor: workspaceActor(req), pillarId: req.params.pillarId, input: withVersion(req, req.body) }),
  });
  r.delete(one, {
    config: { permission: 'pillar.manage' },
    schema: {
      summary: 'Delete a pillar',
      description: 'Its features, objectives and opportunities keep existing, linked to no pillar.',
      tags,
      params: PillarParams,
      response: { 204: NoContent, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => {
      await deletePillar({ db: app.db, actor: workspaceActor(req), pillarId: req.params.pillarId });
      return reply.status(204).send(null);
    },
  });
}
