import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ImportResult, WorkspaceExport, WorkspaceParams } from '../../../shared/contracts.js';
import { LIMITS } from '../../../shared/limits.js';
import { userActor, workspaceActor } from '../../lib/http.js';
import { WORKSPACE_ERRORS, errorResponses } from '../../lib/route-schema.js';
import { exportWorkspaceAsActor, importWorkspace } from './transfer.service.js';

export async function transferRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/workspaces/:workspaceId/export', {
    config: { permission: 'workspace.export' },
    schema: {
      summary: 'Export the workspace as one JSON document',
      description: 'The same file `sextant export` writes; `sextant import` loads it into a new workspace.',
      tags: ['Import and export'],
      params: WorkspaceParams,
      response: { 200: WorkspaceExport, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => {
      const data = await exportWorkspaceAsActor({ db: app.db, actor: workspaceActor(req) });
      return reply.header('content-disposition', `attachment; filename="sextant-workspace-${req.params.workspaceId}.json"`).send(data);
    },
  });

  r.post('/api/v1/workspaces/import', {
    config: { permission: 'authenticated' },
    bodyLimit: LIMITS.importLimitBytes,
    schema: {
      summary: 'Import an exported workspace as a new workspace',
      description:
        'Takes the document of the export endpoint (or `sextant export`). People are matched to accounts by email; missing accounts are created without a password. You become admin of the new workspace. A document whose references do not hold answers 422.',
      tags: ['Import and export'],
      body: WorkspaceExport,
      response: { 201: ImportResult, ...errorResponses(400, 401, 413, 422) },
    },
    handler: async (req, reply) => reply.status(201).send(await importWorkspace({ db: app.db, data: req.body, actor: userActor(req), asAdmin: true })),
  });
}
