import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditList, AuditQuery, WorkspaceParams } from '../../../shared/contracts.js';
import { workspaceActor } from '../../lib/http.js';
import { WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { listAudit } from './audit.service.js';

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/workspaces/:workspaceId/audit-log', {
    config: { permission: 'audit.read' },
    schema: {
      summary: 'Read the audit log: who changed what, when',
      tags: ['Audit log'],
      params: WorkspaceParams,
      querystring: AuditQuery,
      response: { 200: AuditList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listAudit({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
}
