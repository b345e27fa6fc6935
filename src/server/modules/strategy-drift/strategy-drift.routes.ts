import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DriftQuery, DriftReport, WorkspaceParams, type DriftReport as DriftReportT } from '../../../shared/contracts.js';
import { workspaceActor } from '../../lib/http.js';
import { WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { getDriftReportJson } from './strategy-drift.service.js';

/** Routes of the strategy-drift module (issue 6): coverage of the pillars and drift of the OKRs. */
export async function driftRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/workspaces/:workspaceId/strategy/drift', {
    config: { permission: 'drift.read' },
    schema: {
      summary: 'Read the coverage and drift of a product',
      description: [
        'Coverage: the planned effort of each pillar against its target share, and a "No pillar" row. A feature is planned when it is in one of the product’s components, neither shipped nor won’t do, and on the board (a horizon) or planned or in progress; an unestimated one counts with 0 effort.',
        'Drift, for the OKR period (by default the one containing today, else the latest): planned features and objectives serving no pillar; active objectives none of whose key results had a check-in in staleDays days; key results at risk (latest status at risk or off track, confidence at most 6, or progress more than 25 points behind the time elapsed); key results whose open driving features are past their end date, end after the period, or have a dependency in conflict (the dependencies module’s rules).',
        'Not for viewers: the report names internal features. Another workspace’s product or period answers 404.',
      ].join(' '),
      tags: ['Strategy: coverage and drift'],
      params: WorkspaceParams,
      querystring: DriftQuery,
      response: { 200: DriftReport, ...WORKSPACE_ERRORS },
    },
    // The service answers JSON text already checked against the schema: a string skips the serializer.
    handler: async (req, reply) => {
      const json = await getDriftReportJson({ db: app.db, actor: workspaceActor(req), query: req.query });
      return reply.type('application/json; charset=utf-8').send(json as unknown as DriftReportT);
    },
  });
}
