import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CoachingInsightsQuery, CoachingInsightsResponse, CoachingSignalsQuery, CoachingSignalsResponse, WorkspaceParams } from '../../../shared/contracts.js';
import { SIGNAL_DEFAULT_DAYS, SIGNAL_PERIOD_MAX_DAYS } from '../../../shared/contracts/coaching-signals.js';
import { workspaceActor } from '../../lib/http.js';
import { WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { getCoachingInsights, getCoachingSignals } from './coaching-signals.service.js';
import { INSIGHT_RULES_DOC } from './insights.rules.js';

const WHO =
  'The person is the caller, a lead or an admin: anyone else gets 404, as for someone who is not a member. ' +
  'Every call writes a read entry to the audit log (naming the person, never the figures).';

/** Routes of the coaching-signals module (coaching, issue 5): signals from real work and the insights drawn from them. */
export async function coachingSignalRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Coaching'];
  const base = '/api/v1/workspaces/:workspaceId/coaching';

  r.get(`${base}/signals`, {
    config: { permission: 'coaching.read' },
    schema: {
      summary: 'Coaching signals of a person over a period',
      description:
        `What the PM did in Sextant over [from, to] (both days included; the last ${SIGNAL_DEFAULT_DAYS} days by default, at most ${SIGNAL_PERIOD_MAX_DAYS}): ` +
        'interviews held (with highlights), feedback first triaged (linked as evidence by them in the period), experiments run (concluded with a result), ' +
        'requirements documents revised (whose current text links evidence and names a success metric). Decisions, status updates, OKR check-ins and ' +
        'strategy proposals read `available: false` with a null count until their modules exist: never zero. `previous` holds the counts of the period ' +
        `of the same length just before, for a trend. ${WHO}`,
      tags,
      params: WorkspaceParams,
      querystring: CoachingSignalsQuery,
      response: { 200: CoachingSignalsResponse, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getCoachingSignals({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });

  r.get(`${base}/insights`, {
    config: { permission: 'coaching.read' },
    schema: {
      summary: 'Coaching insights for a person',
      description:
        'The person’s signals over the last 90 days turned into open questions for the coaching conversation, with the records behind each. ' +
        `Signals that are not available produce no insight. The rules:\n\n${INSIGHT_RULES_DOC}\n\n${WHO}`,
      tags,
      params: WorkspaceParams,
      querystring: CoachingInsightsQuery,
      response: { 200: CoachingInsightsResponse, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getCoachingInsights({ db: app.db, actor: workspaceActor(req), personId: req.query.personId }),
  });
}
