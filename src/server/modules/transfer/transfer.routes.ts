import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { WorkspaceParams } from '../../../shared/contracts.js';
import { workspaceActor } from '../../lib/http.js';
import { WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { WorkspaceExport, exportWorkspaceAsActor } from './transfer.service.js';

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
}
