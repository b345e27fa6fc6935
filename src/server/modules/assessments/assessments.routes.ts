import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Assessment,
  AssessmentArtifacts,
  AssessmentArtifactsQuery,
  AssessmentComparison,
  AssessmentHistory,
  AssessmentHistoryQuery,
  AssessmentList,
  AssessmentListQuery,
  AssessmentParams,
  AssessmentPersonParams,
  AssessmentRatings,
  CreateAssessment,
  PutAssessmentRatings,
  SubmitAssessmentSide,
  WorkspaceParams,
} from '../../../shared/contracts.js';
import { workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS, errorResponses } from '../../lib/route-schema.js';
import { getAssessmentComparison, getAssessmentHistory } from './assessments.compare.js';
import { getAssessmentRatings, putAssessmentRatings } from './assessments.ratings.js';
import { createAssessment, deleteAssessment, getAssessment, listAssessments, listPersonArtifacts, listPersonAssessments, submitAssessmentSide } from './assessments.service.js';

const PRIVACY = 'Visible to the person, leads and admins; another PM gets 404. A draft side’s ratings are shown to its author only.';

/** Routes of the assessments module (coaching, issue 5): self and coach assessments with evidence. */
export async function assessmentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Coaching: assessments'];
  const ws = '/api/v1/workspaces/:workspaceId';
  const person = `${ws}/people/:personId`;
  const one = `${ws}/assessments/:assessmentId`;

  r.get(`${person}/assessments`, {
    config: { permission: 'coaching.read' },
    schema: { summary: 'List a person’s assessments', description: `Latest period first. ${PRIVACY} Writes a read entry to the audit log.`, tags, params: AssessmentPersonParams, response: { 200: AssessmentList, ...WORKSPACE_ERRORS } },
    handler: (req) => listPersonAssessments({ db: app.db, actor: workspaceActor(req), personId: req.params.personId }),
  });
  r.post(`${person}/assessments`, {
    config: { permission: 'coaching.write' },
    schema: {
      summary: 'Open an assessment of a person for a period',
      description:
        'A lead or admin opening one for someone else becomes its coach (or names another lead or admin as coachId); a PM may open their own, and the first lead who rates the coach side becomes its coach. ' +
        'A quarter label (2027-Q1), half (2026-H2) or year fills periodStart/periodEnd. The person’s current level is stored as the yardstick. One assessment per person, framework and period (409).',
      tags,
      params: AssessmentPersonParams,
      body: CreateAssessment,
      response: { 201: Assessment, ...UPDATE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createAssessment({ db: app.db, actor: workspaceActor(req), personId: req.params.personId, input: req.body })),
  });
  r.get(`${person}/assessment-history`, {
    config: { permission: 'coaching.read' },
    schema: {
      summary: 'A person’s assessments across periods',
      description: `Oldest period first, submitted sides only, on one framework (the default unless frameworkId is given): averages, total gap and per-competency change. ${PRIVACY}`,
      tags,
      params: AssessmentPersonParams,
      querystring: AssessmentHistoryQuery,
      response: { 200: AssessmentHistory, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getAssessmentHistory({ db: app.db, actor: workspaceActor(req), personId: req.params.personId, frameworkId: req.query.frameworkId }),
  });
  r.get(`${person}/artifacts`, {
    config: { permission: 'coaching.read' },
    schema: {
      summary: 'A person’s recent work, to link as evidence',
      description: 'Interviews they held, experiments, features and opportunities they own, requirements documents of their features: newest first, at most 50, filtered by words in the title.',
      tags,
      params: AssessmentPersonParams,
      querystring: AssessmentArtifactsQuery,
      response: { 200: AssessmentArtifacts, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listPersonArtifacts({ db: app.db, actor: workspaceActor(req), personId: req.params.personId, q: req.query.q }),
  });
  r.get(`${ws}/assessments`, {
    config: { permission: 'coaching.read' },
    schema: {
      summary: 'List the assessments you may see',
      description: 'A PM sees their own; leads and admins see everyone’s. Filter by person, period or framework. Writes a read entry to the audit log.',
      tags,
      params: WorkspaceParams,
      querystring: AssessmentListQuery,
      response: { 200: AssessmentList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listAssessments({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
  r.get(one, {
    config: { permission: 'coaching.read' },
    schema: { summary: 'Read an assessment', description: `Metadata and side statuses, never ratings. ${PRIVACY}`, tags, params: AssessmentParams, response: { 200: Assessment, ...WORKSPACE_ERRORS } },
    handler: (req) => getAssessment({ db: app.db, actor: workspaceActor(req), assessmentId: req.params.assessmentId }),
  });
  r.delete(one, {
    config: { permission: 'coaching.write' },
    schema: {
      summary: 'Delete an assessment',
      description: 'Its coach or an admin may; the person assessed may not (400 naming assessmentId).',
      tags,
      params: AssessmentParams,
      response: { 204: NoContent, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => {
      await deleteAssessment({ db: app.db, actor: workspaceActor(req), assessmentId: req.params.assessmentId });
      return reply.status(204).send(null);
    },
  });
  r.get(`${one}/ratings`, {
    config: { permission: 'coaching.read' },
    schema: {
      summary: 'Read the ratings of an assessment',
      description: `Per competency: the level’s expectation, and the self and coach ratings with evidence and linked records. A side the caller may not see (another person’s draft) is null throughout, never partly shown. ${PRIVACY}`,
      tags,
      params: AssessmentParams,
      response: { 200: AssessmentRatings, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getAssessmentRatings({ db: app.db, actor: workspaceActor(req), assessmentId: req.params.assessmentId }),
  });
  r.put(`${one}/ratings`, {
    config: { permission: 'coaching.write' },
    schema: {
      summary: 'Save your side’s ratings',
      description:
        'Upserts the listed competencies of your side and keeps the others: the self side is the person’s, the coach side the coach’s (an unclaimed coach side goes to the first lead or admin who rates it). ' +
        'Ratings lie on the framework’s scale (400 naming ratings.N.rating); importance 1-10 only on frameworks that rate it. ' +
        'Links name interviews, experiments, features, requirements (a feature’s document), opportunities, feedback or strategy proposals of this workspace; decision and update links are not available yet. A submitted side is final (409).',
      tags,
      params: AssessmentParams,
      body: PutAssessmentRatings,
      response: { 200: AssessmentRatings, ...UPDATE_ERRORS },
    },
    handler: (req) => putAssessmentRatings({ db: app.db, actor: workspaceActor(req), assessmentId: req.params.assessmentId, input: req.body }),
  });
  r.post(`${one}/submit`, {
    config: { permission: 'coaching.write' },
    schema: {
      summary: 'Submit your side',
      description: 'Every competency must be rated first. Submitting shares the side with whoever sees the person’s coaching profile, and is final: a submitted side is not reopened.',
      tags,
      params: AssessmentParams,
      body: SubmitAssessmentSide,
      response: { 200: Assessment, ...UPDATE_ERRORS },
    },
    handler: (req) => submitAssessmentSide({ db: app.db, actor: workspaceActor(req), assessmentId: req.params.assessmentId, side: req.body.side }),
  });
  r.get(`${one}/comparison`, {
    config: { permission: 'coaching.read' },
    schema: {
      summary: 'Compare self, coach and expectation',
      description:
        'Per competency: gap = expected − (coach ?? self), positive when below the level’s expectation; importance = the coach’s importance rating, else the PM’s, else 5 (frameworks that rate importance, 1-10; null elsewhere); ' +
        'weightedGap = gap × importance / 10, or the gap itself on frameworks without importance. Sorted by weightedGap, biggest first; competencies without an expectation or a visible rating come last with null gaps. ' +
        `Totals sum the positive gaps only. Only the sides the caller may see count. ${PRIVACY}`,
      tags,
      params: AssessmentParams,
      response: { 200: AssessmentComparison, ...WORKSPACE_ERRORS, ...errorResponses(404) },
    },
    handler: (req) => getAssessmentComparison({ db: app.db, actor: workspaceActor(req), assessmentId: req.params.assessmentId }),
  });
}
