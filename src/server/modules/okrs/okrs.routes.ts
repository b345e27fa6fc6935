import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateKeyResult,
  CreateKeyResultCheckIn,
  CreateObjective,
  CreateOkrPeriod,
  CreatedKeyResultCheckIn,
  DeleteOkrPeriodQuery,
  KeyResult,
  KeyResultCheckInList,
  KeyResultParams,
  Objective,
  ObjectiveList,
  ObjectiveListQuery,
  ObjectiveParams,
  OkrPeriod,
  OkrPeriodList,
  OkrPeriodParams,
  OkrTree,
  OkrTreeQuery,
  SetKeyResultFeatures,
  UpdateKeyResult,
  UpdateObjective,
  UpdateOkrPeriod,
  WorkspaceParams,
} from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS, errorResponses } from '../../lib/route-schema.js';
import { createCheckIn, createKeyResult, deleteKeyResult, getKeyResult, listCheckIns, setDrivingFeatures, updateKeyResult } from './key-results.service.js';
import {
  createObjective,
  createPeriod,
  deleteObjective,
  deletePeriod,
  getObjective,
  getTreeJson,
  listObjectives,
  listPeriods,
  updateObjective,
  updatePeriod,
} from './okrs.service.js';

const PM_OWNERSHIP = 'A PM may act only on objectives they own or whose component they own (and, for a key result, the ones they own).';

/** Routes of the okrs module (strategy and goals, issue 6): periods, objectives, the alignment tree, key results, check-ins. */
export async function okrRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Strategy: OKRs'];
  const w = '/api/v1/workspaces/:workspaceId';
  const CREATE_ERRORS = errorResponses(400, 401, 403, 404, 409);

  // Periods
  r.get(`${w}/periods`, {
    config: { permission: 'okr.read' },
    schema: { summary: 'List OKR periods', description: 'Earliest start first, each with its number of objectives.', tags, params: WorkspaceParams, response: { 200: OkrPeriodList, ...WORKSPACE_ERRORS } },
    handler: (req) => listPeriods({ db: app.db, actor: workspaceActor(req) }),
  });
  r.post(`${w}/periods`, {
    config: { permission: 'period.manage' },
    schema: {
      summary: 'Create an OKR period',
      description: 'A quarter or a custom range of days (inclusive). The kind is inferred (quarter when the range is exactly a calendar quarter) unless given. Names are unique (409).',
      tags,
      params: WorkspaceParams,
      body: CreateOkrPeriod,
      response: { 201: OkrPeriod, ...CREATE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createPeriod({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.patch(`${w}/periods/:periodId`, {
    config: { permission: 'period.manage' },
    schema: { summary: 'Edit an OKR period', description: 'Name, dates or kind; send the version you read.', tags, params: OkrPeriodParams, body: UpdateOkrPeriod, response: { 200: OkrPeriod, ...UPDATE_ERRORS } },
    handler: (req) => updatePeriod({ db: app.db, actor: workspaceActor(req), periodId: req.params.periodId, input: withVersion(req, req.body) }),
  });
  r.delete(`${w}/periods/:periodId`, {
    config: { permission: 'period.manage' },
    schema: {
      summary: 'Delete an OKR period',
      description: 'A period with objectives answers 409, unless `?force=true`, which deletes its objectives, key results and check-ins with it.',
      tags,
      params: OkrPeriodParams,
      querystring: DeleteOkrPeriodQuery,
      response: { 204: NoContent, ...UPDATE_ERRORS },
    },
    handler: async (req, reply) => {
      await deletePeriod({ db: app.db, actor: workspaceActor(req), periodId: req.params.periodId, force: req.query.force });
      return reply.status(204).send(null);
    },
  });

  // Objectives
  r.get(`${w}/objectives`, {
    config: { permission: 'okr.read' },
    schema: {
      summary: 'List objectives',
      description: 'Filtered by period, product or component; each with its rolled-up progress and worst confidence.',
      tags,
      params: WorkspaceParams,
      querystring: ObjectiveListQuery,
      response: { 200: ObjectiveList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listObjectives({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
  r.post(`${w}/objectives`, {
    config: { permission: 'objective.write' },
    schema: {
      summary: 'Create an objective',
      description: `At product level (productId) or component level (componentId, which implies its product). The parent must be an objective of the same period; the pillar one of the product's. The owner defaults to you. ${PM_OWNERSHIP}`,
      tags,
      params: WorkspaceParams,
      body: CreateObjective,
      response: { 201: Objective, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createObjective({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.get(`${w}/objectives/:objectiveId`, {
    config: { permission: 'okr.read' },
    schema: {
      summary: 'Read an objective',
      description: 'With its key results and their progress, its parent, its children and its rolled-up progress.',
      tags,
      params: ObjectiveParams,
      response: { 200: Objective, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getObjective({ db: app.db, actor: workspaceActor(req), objectiveId: req.params.objectiveId }),
  });
  r.patch(`${w}/objectives/:objectiveId`, {
    config: { permission: 'objective.write' },
    schema: {
      summary: 'Edit an objective',
      description: `Title, description, status, component, parent (no cycles), owner or pillar; send the version you read. ${PM_OWNERSHIP}`,
      tags,
      params: ObjectiveParams,
      body: UpdateObjective,
      response: { 200: Objective, ...UPDATE_ERRORS },
    },
    handler: (req) => updateObjective({ db: app.db, actor: workspaceActor(req), objectiveId: req.params.objectiveId, input: withVersion(req, req.body) }),
  });
  r.delete(`${w}/objectives/:objectiveId`, {
    config: { permission: 'objective.write' },
    schema: {
      summary: 'Delete an objective',
      description: `With its key results and check-ins; its children stay, without a parent. ${PM_OWNERSHIP}`,
      tags,
      params: ObjectiveParams,
      response: { 204: NoContent, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => {
      await deleteObjective({ db: app.db, actor: workspaceActor(req), objectiveId: req.params.objectiveId });
      return reply.status(204).send(null);
    },
  });

  // The alignment tree
  r.get(`${w}/okrs/tree`, {
    config: { permission: 'okr.read' },
    schema: {
      summary: 'The alignment tree of a product for a period',
      description:
        'Product-level objectives at the roots, component objectives under their parents (or as roots of their component), each with owner, pillar, component, key results with progress and confidence, rolled-up progress and counts. Served from memory while nothing in the workspace changed.',
      tags,
      params: WorkspaceParams,
      querystring: OkrTreeQuery,
      response: { 200: OkrTree, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => {
      const json = await getTreeJson({ db: app.db, actor: workspaceActor(req), query: req.query });
      return reply.type('application/json; charset=utf-8').send(json as unknown as OkrTree);
    },
  });

  // Key results
  r.post(`${w}/key-results`, {
    config: { permission: 'objective.write' },
    schema: {
      summary: 'Add a key result',
      description: `Start and target must differ and agree with the direction (a milestone is 0 → 1). With a metric, the current value is the metric's latest point. The owner defaults to the objective's. ${PM_OWNERSHIP}`,
      tags,
      params: WorkspaceParams,
      body: CreateKeyResult,
      response: { 201: KeyResult, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createKeyResult({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.get(`${w}/key-results/:keyResultId`, {
    config: { permission: 'okr.read' },
    schema: {
      summary: 'Read a key result',
      description: 'With progress (a fraction from 0 to 1), the current value, confidence, the driving features (flagged when slipped or in conflict) and the latest check-ins.',
      tags,
      params: KeyResultParams,
      response: { 200: KeyResult, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getKeyResult({ db: app.db, actor: workspaceActor(req), keyResultId: req.params.keyResultId }),
  });
  r.patch(`${w}/key-results/:keyResultId`, {
    config: { permission: 'objective.write' },
    schema: { summary: 'Edit a key result', description: `Send the version you read. ${PM_OWNERSHIP}`, tags, params: KeyResultParams, body: UpdateKeyResult, response: { 200: KeyResult, ...UPDATE_ERRORS } },
    handler: (req) => updateKeyResult({ db: app.db, actor: workspaceActor(req), keyResultId: req.params.keyResultId, input: withVersion(req, req.body) }),
  });
  r.delete(`${w}/key-results/:keyResultId`, {
    config: { permission: 'objective.write' },
    schema: { summary: 'Delete a key result', description: `With its check-ins. ${PM_OWNERSHIP}`, tags, params: KeyResultParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteKeyResult({ db: app.db, actor: workspaceActor(req), keyResultId: req.params.keyResultId });
      return reply.status(204).send(null);
    },
  });
  r.put(`${w}/key-results/:keyResultId/features`, {
    config: { permission: 'objective.write' },
    schema: {
      summary: 'Set the driving features of a key result',
      description: `Replaces the set; each id must be a feature of this workspace (400 naming featureIds.N). ${PM_OWNERSHIP}`,
      tags,
      params: KeyResultParams,
      body: SetKeyResultFeatures,
      response: { 200: KeyResult, ...WORKSPACE_ERRORS },
    },
    handler: (req) => setDrivingFeatures({ db: app.db, actor: workspaceActor(req), keyResultId: req.params.keyResultId, input: req.body }),
  });

  // Check-ins
  r.post(`${w}/key-results/:keyResultId/check-ins`, {
    config: { permission: 'key-result.check-in' },
    schema: {
      summary: 'Check in on a key result',
      description:
        'The value reached, a confidence 0-10 and its status (7-10 on track, 4-6 at risk, 0-3 off track unless given) and a note. Stores the progress at that moment; the key result takes the value, confidence and status. A PM checks in on key results they own, or of objectives or components they own.',
      tags,
      params: KeyResultParams,
      body: CreateKeyResultCheckIn,
      response: { 201: CreatedKeyResultCheckIn, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createCheckIn({ db: app.db, actor: workspaceActor(req), keyResultId: req.params.keyResultId, input: req.body })),
  });
  r.get(`${w}/key-results/:keyResultId/check-ins`, {
    config: { permission: 'okr.read' },
    schema: {
      summary: 'List the check-ins of a key result',
      description: 'Oldest first, for charts: value, progress, confidence, status, note, author and time.',
      tags,
      params: KeyResultParams,
      response: { 200: KeyResultCheckInList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listCheckIns({ db: app.db, actor: workspaceActor(req), keyResultId: req.params.keyResultId }),
  });
}
