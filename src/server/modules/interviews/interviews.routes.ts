import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CreateHighlight, CreateInterview, CreatedHighlight, Interview, InterviewList, InterviewListQuery, InterviewParams, UpdateInterview, WorkspaceParams } from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { createHighlight, createInterview, deleteInterview, getInterview, listInterviews, updateInterview } from './interviews.service.js';

/** Routes of the interviews module: customer interviews, their notes and highlights. */
export async function interviewRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Interviews'];
  const base = '/api/v1/workspaces/:workspaceId/interviews';
  const one = `${base}/:interviewId`;

  r.get(base, {
    config: { permission: 'interview.read' },
    schema: { summary: 'List customer interviews', tags, params: WorkspaceParams, querystring: InterviewListQuery, response: { 200: InterviewList, ...WORKSPACE_ERRORS } },
    handler: (req) => listInterviews({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
  r.post(base, {
    config: { permission: 'interview.create' },
    schema: {
      summary: 'Record a customer interview',
      description: 'Notes are Markdown, stored as written; the web renders them sanitised. The interviewer defaults to you.',
      tags,
      params: WorkspaceParams,
      body: CreateInterview,
      response: { 201: Interview, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createInterview({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.get(one, {
    config: { permission: 'interview.read' },
    schema: { summary: 'Read an interview with its notes and highlights', tags, params: InterviewParams, response: { 200: Interview, ...WORKSPACE_ERRORS } },
    handler: (req) => getInterview({ db: app.db, actor: workspaceActor(req), interviewId: req.params.interviewId }),
  });
  r.patch(one, {
    config: { permission: 'interview.update' },
    schema: { summary: 'Edit an interview', tags, params: InterviewParams, body: UpdateInterview, response: { 200: Interview, ...UPDATE_ERRORS } },
    handler: (req) => updateInterview({ db: app.db, actor: workspaceActor(req), interviewId: req.params.interviewId, input: withVersion(req, req.body) }),
  });
  r.delete(one, {
    config: { permission: 'interview.delete' },
    schema: { summary: 'Delete an interview (its highlights stay as feedback)', tags, params: InterviewParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteInterview({ db: app.db, actor: workspaceActor(req), interviewId: req.params.interviewId });
      return reply.status(204).send(null);
    },
  });
  r.post(`${one}/highlights`, {
    config: { permission: 'interview.update' },
    schema: {
      summary: 'Turn a quote selected in the notes into feedback',
      description:
        'The range [start, end) of the notes becomes a feedback item with source interview, the participant’s contact and customer, captured on the interview date; with opportunityId it is also linked as evidence.',
      tags,
      params: InterviewParams,
      body: CreateHighlight,
      response: { 201: CreatedHighlight, ...UPDATE_ERRORS },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await createHighlight({ db: app.db, actor: workspaceActor(req), interviewId: req.params.interviewId, input: req.body })),
  });
}
