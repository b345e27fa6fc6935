import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CreateRationale, Rationale, RationaleList, RationaleListQuery, RationaleParams, UpdateRationale, WorkspaceParams } from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { createRationale, deleteRationale, listRationales, updateRationale } from './rationales.service.js';

/** Routes of the rationales module: the workspace's reusable reasons to say no (issue 7). */
export async function rationaleRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Say no: rationales'];
  const w = '/api/v1/workspaces/:workspaceId';

  r.get(`${w}/rationales`, {
    config: { permission: 'request.read' },
    schema: {
      summary: 'List rationale templates',
      description: 'Active templates first, in order (`?all=true` includes inactive ones), each with how many decisions used it. A workspace without any template gets three defaults on its first read.',
      tags,
      params: WorkspaceParams,
      querystring: RationaleListQuery,
      response: { 200: RationaleList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listRationales({ db: app.db, actor: workspaceActor(req), all: req.query.all }),
  });
  r.post(`${w}/rationales`, {
    config: { permission: 'rationale.manage' },
    schema: {
      summary: 'Create a rationale template',
      description: 'A title unique in the workspace (400 naming `title` otherwise), an explanation, and optionally the pillar it refers to. Placed after the last template unless a position is given.',
      tags,
      params: WorkspaceParams,
      body: CreateRationale,
      response: { 201: Rationale, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createRationale({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.patch(`${w}/rationales/:rationaleId`, {
    config: { permission: 'rationale.manage' },
    schema: {
      summary: 'Edit a rationale template',
      description: 'Title, body, pillar, active (deactivate to stop offering it) or position (reorder); send the version you read (409 when stale).',
      tags,
      params: RationaleParams,
      body: UpdateRationale,
      response: { 200: Rationale, ...UPDATE_ERRORS },
    },
    handler: (req) => updateRationale({ db: app.db, actor: workspaceActor(req), rationaleId: req.params.rationaleId, input: withVersion(req, req.body) }),
  });
  r.delete(`${w}/rationales/:rationaleId`, {
    config: { permission: 'rationale.manage' },
    schema: {
      summary: 'Delete a rationale template',
      description: 'Past decisions keep their rationale text; their link to the template is cleared. Prefer deactivating a template that was used.',
      tags,
      params: RationaleParams,
      response: { 204: NoContent, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => {
      await deleteRationale({ db: app.db, actor: workspaceActor(req), rationaleId: req.params.rationaleId });
      return reply.status(204).send(null);
    },
  });
}
