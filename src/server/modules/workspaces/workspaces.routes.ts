import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CreateWorkspace, UpdateWorkspace, Workspace, WorkspaceList, WorkspaceParams } from '../../../shared/contracts.js';
import { userActor, withVersion, workspaceActor } from '../../lib/http.js';
import { UPDATE_ERRORS, WORKSPACE_ERRORS, errorResponses } from '../../lib/route-schema.js';
import { createWorkspace, getWorkspace, listWorkspaces, updateWorkspace } from './workspaces.service.js';

export async function workspaceRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Workspaces'];

  r.get('/api/v1/workspaces', {
    config: { permission: 'authenticated' },
    schema: { summary: 'List the workspaces you belong to', tags, response: { 200: WorkspaceList, ...errorResponses(401) } },
    handler: (req) => listWorkspaces({ db: app.db, actor: userActor(req) }),
  });

  r.post('/api/v1/workspaces', {
    config: { permission: 'authenticated' },
    schema: { summary: 'Create a workspace; you become its admin', tags, body: CreateWorkspace, response: { 201: Workspace, ...errorResponses(400, 401, 403) } },
    handler: async (req, reply) => reply.status(201).send(await createWorkspace({ db: app.db, actor: userActor(req), input: req.body })),
  });

  r.get('/api/v1/workspaces/:workspaceId', {
    config: { permission: 'workspace.read' },
    schema: { summary: 'Read a workspace', tags, params: WorkspaceParams, response: { 200: Workspace, ...WORKSPACE_ERRORS } },
    handler: (req) => getWorkspace({ db: app.db, actor: workspaceActor(req) }),
  });

  r.patch('/api/v1/workspaces/:workspaceId', {
    config: { permission: 'workspace.update' },
    schema: { summary: 'Rename a workspace', description: 'Send the version you read; a stale one answers 409.', tags, params: WorkspaceParams, body: UpdateWorkspace, response: { 200: Workspace, ...UPDATE_ERRORS } },
    handler: (req) => updateWorkspace({ db: app.db, actor: workspaceActor(req), input: withVersion(req, req.body) }),
  });
}
