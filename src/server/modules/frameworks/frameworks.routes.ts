import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CoachingQuestion,
  CoachingQuestionList,
  CoachingQuestionParams,
  Competency,
  CompetencyFramework,
  CompetencyFrameworkList,
  CompetencyFrameworkParams,
  CompetencyList,
  CompetencyParams,
  CreateCoachingQuestion,
  CreateCompetency,
  CreateCompetencyFramework,
  UpdateCompetency,
  UpdateCompetencyFramework,
  WorkspaceParams,
} from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS, errorResponses } from '../../lib/route-schema.js';
import {
  createCompetency,
  createFramework,
  createQuestion,
  deleteCompetency,
  deleteFramework,
  deleteQuestion,
  getFramework,
  listCompetencies,
  listFrameworks,
  listQuestions,
  updateCompetency,
  updateFramework,
} from './frameworks.service.js';

const DELETE_ERRORS = errorResponses(400, 401, 403, 404, 409);

/** Routes of the frameworks module: competency frameworks, their competencies and the Socratic question bank (issue 5). */
export async function frameworkRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Competency frameworks'];
  const ws = '/api/v1/workspaces/:workspaceId';
  const base = `${ws}/frameworks`;
  const one = `${base}/:frameworkId`;
  const competency = `${ws}/competencies/:competencyId`;

  r.get(base, {
    config: { permission: 'framework.read' },
    schema: {
      summary: 'List competency frameworks',
      description: 'Product lead role (the default), Product manager assessment, Product competency toolkit and PM wheel are created on the first read, beside any the workspace adds.',
      tags,
      params: WorkspaceParams,
      response: { 200: CompetencyFrameworkList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listFrameworks({ db: app.db, actor: workspaceActor(req) }),
  });
  r.post(base, {
    config: { permission: 'framework.manage' },
    schema: {
      summary: 'Create or copy a framework',
      description: 'A custom framework ({name, scale}) or, with copyOf, an editable copy with its competencies, question bank and level expectations.',
      tags,
      params: WorkspaceParams,
      body: CreateCompetencyFramework,
      response: { 201: CompetencyFramework, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createFramework({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.get(one, {
    config: { permission: 'framework.read' },
    schema: { summary: 'Read a framework', tags, params: CompetencyFrameworkParams, response: { 200: CompetencyFramework, ...WORKSPACE_ERRORS } },
    handler: (req) => getFramework({ db: app.db, actor: workspaceActor(req), frameworkId: req.params.frameworkId }),
  });
  r.patch(one, {
    config: { permission: 'framework.manage' },
    schema: {
      summary: 'Edit a framework',
      description: 'The scale range changes only while no assessment uses the framework (409); level expectations are pulled into the new range.',
      tags,
      params: CompetencyFrameworkParams,
      body: UpdateCompetencyFramework,
      response: { 200: CompetencyFramework, ...UPDATE_ERRORS },
    },
    handler: (req) => updateFramework({ db: app.db, actor: workspaceActor(req), frameworkId: req.params.frameworkId, input: withVersion(req, req.body) }),
  });
  r.delete(one, {
    config: { permission: 'framework.manage' },
    schema: { summary: 'Delete a framework', description: 'Not the default framework, and not while assessments use it (409).', tags, params: CompetencyFrameworkParams, response: { 204: NoContent, ...DELETE_ERRORS } },
    handler: async (req, reply) => {
      await deleteFramework({ db: app.db, actor: workspaceActor(req), frameworkId: req.params.frameworkId });
      return reply.status(204).send(null);
    },
  });

  r.get(`${one}/competencies`, {
    config: { permission: 'framework.read' },
    schema: { summary: 'List the competencies of a framework', tags, params: CompetencyFrameworkParams, response: { 200: CompetencyList, ...WORKSPACE_ERRORS } },
    handler: (req) => listCompetencies({ db: app.db, actor: workspaceActor(req), frameworkId: req.params.frameworkId }),
  });
  r.post(`${one}/competencies`, {
    config: { permission: 'framework.manage' },
    schema: { summary: 'Add a competency', description: 'key defaults to the name, hyphenated.', tags, params: CompetencyFrameworkParams, body: CreateCompetency, response: { 201: Competency, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => reply.status(201).send(await createCompetency({ db: app.db, actor: workspaceActor(req), frameworkId: req.params.frameworkId, input: req.body })),
  });
  r.patch(competency, {
    config: { permission: 'framework.manage' },
    schema: { summary: 'Edit a competency', tags, params: CompetencyParams, body: UpdateCompetency, response: { 200: Competency, ...UPDATE_ERRORS } },
    handler: (req) => updateCompetency({ db: app.db, actor: workspaceActor(req), competencyId: req.params.competencyId, input: withVersion(req, req.body) }),
  });
  r.delete(competency, {
    config: { permission: 'framework.manage' },
    schema: { summary: 'Delete a competency', description: 'Refused (409) once assessments rate it.', tags, params: CompetencyParams, response: { 204: NoContent, ...DELETE_ERRORS } },
    handler: async (req, reply) => {
      await deleteCompetency({ db: app.db, actor: workspaceActor(req), competencyId: req.params.competencyId });
      return reply.status(204).send(null);
    },
  });

  r.get(`${competency}/questions`, {
    config: { permission: 'framework.read' },
    schema: { summary: 'The question bank of a competency', description: 'Open, Socratic questions, each with the coaching signals it probes.', tags, params: CompetencyParams, response: { 200: CoachingQuestionList, ...WORKSPACE_ERRORS } },
    handler: (req) => listQuestions({ db: app.db, actor: workspaceActor(req), competencyId: req.params.competencyId }),
  });
  r.post(`${competency}/questions`, {
    config: { permission: 'framework.manage' },
    schema: {
      summary: 'Add a question to the bank',
      description: 'The text must be a question (end with “?”): the bank makes the PM reason, it does not hold answers.',
      tags,
      params: CompetencyParams,
      body: CreateCoachingQuestion,
      response: { 201: CoachingQuestion, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createQuestion({ db: app.db, actor: workspaceActor(req), competencyId: req.params.competencyId, input: req.body })),
  });
  r.delete(`${ws}/questions/:questionId`, {
    config: { permission: 'framework.manage' },
    schema: { summary: 'Remove a question from the bank', tags, params: CoachingQuestionParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteQuestion({ db: app.db, actor: workspaceActor(req), questionId: req.params.questionId });
      return reply.status(204).send(null);
    },
  });
}
