import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DecisionList, DecisionListQuery, WontDo, WontDoQuery, WorkspaceParams } from '../../../shared/contracts.js';
import { workspaceActor } from '../../lib/http.js';
import { WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { listDecisions, wontDo } from './decisions.service.js';

/** Routes of the decisions module: the decision log and the won't-do registry (issue 7). */
export async function decisionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Say no: decisions'];
  const w = '/api/v1/workspaces/:workspaceId';

  r.get(`${w}/decisions`, {
    config: { permission: 'decision.read' },
    schema: {
      summary: 'Search the decision log',
      description:
        'Every triage decision, newest first: who decided, when, the action, the rationale (template and free text), the pillar and the evidence that justified it, and a link to the request. `q` searches titles and rationales (web search syntax); filter by action, decider, pillar, component and a date range.',
      tags,
      params: WorkspaceParams,
      querystring: DecisionListQuery,
      response: { 200: DecisionList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listDecisions({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
  r.get(`${w}/wont-do`, {
    config: { permission: 'decision.read' },
    schema: {
      summary: "The won't-do registry",
      description:
        'Declined asks, latest first, each with its latest decline rationale, how many asked (merged requests included), the customers concerned and the evidence; plus the deferred asks with their revisit dates (`due` once the date is reached). `q` searches both.',
      tags,
      params: WorkspaceParams,
      querystring: WontDoQuery,
      response: { 200: WontDo, ...WORKSPACE_ERRORS },
    },
    handler: (req) => wontDo({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
}
