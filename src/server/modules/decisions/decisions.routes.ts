import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Decision, DecisionList, DecisionListQuery, FeatureDecisionsQuery, FeatureParams, RecordDecision, WontDo, WontDoQuery, WorkspaceParams } from '../../../shared/contracts.js';
import { workspaceActor } from '../../lib/http.js';
import { WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { listFeatureDecisions, recordDecision } from './decisions.record.js';
import { listDecisions, wontDo } from './decisions.service.js';

/** Routes of the decisions module: the decision log, roadmap decisions and the won't-do registry (issue 7). */
export async function decisionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Say no: decisions'];
  const w = '/api/v1/workspaces/:workspaceId';

  r.get(`${w}/decisions`, {
    config: { permission: 'decision.read' },
    schema: {
      summary: 'Search the decision log',
      description:
        'Every decision, newest first: triage decisions on requests (accept, merge, defer, decline) and roadmap decisions on features (roadmap). Who decided, when, the action, the rationale (template and free text), the pillar and the evidence that justified it, and a link to the request or the feature. `q` searches titles and rationales (web search syntax); filter by action, decider, pillar, component and a date range.',
      tags,
      params: WorkspaceParams,
      querystring: DecisionListQuery,
      response: { 200: DecisionList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listDecisions({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
  r.post(`${w}/decisions`, {
    config: { permission: 'decision.record' },
    schema: {
      summary: 'Record a roadmap decision',
      description:
        'Why a feature was added, moved, dropped or kept: a `roadmap` decision in the log, titled with the feature, in its product and component. The rationale is required (400 naming `rationale`); rationaleId (an active template), pillarId and evidence are checked to be this workspace’s (400 naming the field). Reports show the latest rationale of each changed feature under "What changed and why". The lead or an admin records decisions about any feature; a PM only about features of a component they own (403 otherwise). A feature of another workspace answers 404.',
      tags,
      params: WorkspaceParams,
      body: RecordDecision,
      response: { 201: Decision, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await recordDecision({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.get(`${w}/features/:featureId/decisions`, {
    config: { permission: 'decision.read' },
    schema: {
      summary: "A feature's decisions",
      description: 'The decisions about one feature, newest first: its roadmap decisions and the triage decisions that accepted requests into it, shaped as in the decision log. 404 for a feature of another workspace.',
      tags,
      params: FeatureParams,
      querystring: FeatureDecisionsQuery,
      response: { 200: DecisionList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listFeatureDecisions({ db: app.db, actor: workspaceActor(req), featureId: req.params.featureId, query: req.query }),
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
