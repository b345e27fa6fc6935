import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CoachingTeamQuery, CoachingTeamView, WorkspaceParams } from '../../../shared/contracts.js';
import { workspaceActor } from '../../lib/http.js';
import { WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { getCoachingTeamView } from './coaching-team.service.js';

/** Routes of the coaching-team module (coaching, issue 5): the lead's view across PMs. */
export async function coachingTeamRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/workspaces/:workspaceId/coaching/team', {
    config: { permission: 'coaching.team' },
    schema: {
      summary: 'The team coaching view',
      description:
        'For leads and admins. People: PMs, and anyone with an assessment or a session as coachee. ' +
        'Heatmap cells: the latest assessment with a submitted side on the framework (default unless frameworkId is given); the submitted coach rating, else the submitted self rating (source self), with the expectation of the person’s level and delta = rating − expected. ' +
        'Cadence from session dates only: overdue when no session took place within the workspace’s cadence (coaching settings, 14 days by default), or none ever did. ' +
        'Gaps: the total shortfall (sum of positive gaps) of the latest submitted assessment against the one before: closed, widened, unchanged or n/a. Drafts and notes never enter it. Writes a read entry to the audit log.',
      tags: ['Coaching: assessments'],
      params: WorkspaceParams,
      querystring: CoachingTeamQuery,
      response: { 200: CoachingTeamView, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getCoachingTeamView({ db: app.db, actor: workspaceActor(req), frameworkId: req.query.frameworkId }),
  });
}
