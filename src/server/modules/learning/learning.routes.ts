import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateLearningEntry,
  LearningEntry,
  LearningEntryParams,
  LearningList,
  LearningListQuery,
  LearningSuggestions,
  LearningSuggestionsQuery,
  UpdateLearningEntry,
  WorkspaceParams,
} from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { createLearningEntry, deleteLearningEntry, listLearning, suggestLearning, updateLearningEntry } from './learning.service.js';

/** Routes of the learning module (coaching, issue 5): the learning log and what to learn next. */
export async function learningRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Coaching: learning'];
  const base = '/api/v1/workspaces/:workspaceId/learning';
  const one = `${base}/:learningEntryId`;

  r.get(base, {
    config: { permission: 'coaching.read' },
    schema: {
      summary: 'List learning entries',
      description:
        'Newest first. Yours, or as a lead or admin anyone’s; another PM’s person answers 404. Filter by competency and resource type. Each read is recorded in the audit log.',
      tags,
      params: WorkspaceParams,
      querystring: LearningListQuery,
      response: { 200: LearningList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listLearning({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
  r.post(base, {
    config: { permission: 'coaching.write' },
    schema: {
      summary: 'Log a learning entry',
      description: 'For yourself (the default), or, as a coach, for a PM you coach.',
      tags,
      params: WorkspaceParams,
      body: CreateLearningEntry,
      response: { 201: LearningEntry, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createLearningEntry({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.get(`${base}/suggestions`, {
    config: { permission: 'coaching.read' },
    schema: {
      summary: 'Suggest what to learn next',
      description:
        'The biggest gaps of the latest submitted assessment, each with the kinds of resource to look for and why, and what the person already logged on it. Types, never invented links.',
      tags,
      params: WorkspaceParams,
      querystring: LearningSuggestionsQuery,
      response: { 200: LearningSuggestions, ...WORKSPACE_ERRORS },
    },
    handler: (req) => suggestLearning({ db: app.db, actor: workspaceActor(req), personId: req.query.personId }),
  });
  r.patch(one, {
    config: { permission: 'coaching.write' },
    schema: {
      summary: 'Edit a learning entry',
      description: 'By the person or whoever logged it.',
      tags,
      params: LearningEntryParams,
      body: UpdateLearningEntry,
      response: { 200: LearningEntry, ...UPDATE_ERRORS },
    },
    handler: (req) => updateLearningEntry({ db: app.db, actor: workspaceActor(req), entryId: req.params.learningEntryId, input: withVersion(req, req.body) }),
  });
  r.delete(one, {
    config: { permission: 'coaching.write' },
    schema: { summary: 'Delete a learning entry', description: 'By the person or whoever logged it.', tags, params: LearningEntryParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteLearningEntry({ db: app.db, actor: workspaceActor(req), entryId: req.params.learningEntryId });
      return reply.status(204).send(null);
    },
  });
}
