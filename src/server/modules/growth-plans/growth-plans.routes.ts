import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateGoalCheckIn,
  CreateGrowthGoal,
  CreateGrowthPlan,
  CreatedGoalCheckIn,
  GoalCheckInList,
  GoalCheckInParams,
  GrowthGoal,
  GrowthGoalParams,
  GrowthPlan,
  GrowthPlanList,
  GrowthPlanListQuery,
  GrowthPlanParams,
  UpdateGrowthGoal,
  UpdateGrowthPlan,
  WorkspaceParams,
} from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { createGoalCheckIn, createGrowthGoal, deleteGoalCheckIn, deleteGrowthGoal, listGoalCheckIns, updateGrowthGoal } from './growth-goals.service.js';
import { createGrowthPlan, deleteGrowthPlan, getGrowthPlan, listGrowthPlans, updateGrowthPlan } from './growth-plans.service.js';

const PRIVACY = 'A private plan is seen by its person and their coach only (never by admins); anyone else gets 404, as for a plan that does not exist.';

/** Routes of the growth-plans module (coaching, issue 5): plans, goals with next bigger challenges, check-ins. */
export async function growthPlanRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Coaching: growth plans'];
  const base = '/api/v1/workspaces/:workspaceId/growth-plans';
  const plan = `${base}/:planId`;
  const goal = '/api/v1/workspaces/:workspaceId/growth-goals/:goalId';

  r.get(base, {
    config: { permission: 'coaching.read' },
    schema: {
      summary: 'List growth plans',
      description: `The plans you may see: your own, and as a lead or admin the shared plans of the PMs. ${PRIVACY} Each read is recorded in the audit log.`,
      tags,
      params: WorkspaceParams,
      querystring: GrowthPlanListQuery,
      response: { 200: GrowthPlanList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listGrowthPlans({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
  r.post(base, {
    config: { permission: 'coaching.write' },
    schema: {
      summary: 'Create a growth plan',
      description: 'For yourself, or for a PM you coach (you become the coach unless coachId names another lead or admin). Anyone else’s person answers 404.',
      tags,
      params: WorkspaceParams,
      body: CreateGrowthPlan,
      response: { 201: GrowthPlan, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createGrowthPlan({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.get(plan, {
    config: { permission: 'coaching.read' },
    schema: {
      summary: 'Read a growth plan',
      description: `With its goals: competency, due date, overdue flag, latest check-in and the next bigger challenge with its live status. ${PRIVACY}`,
      tags,
      params: GrowthPlanParams,
      response: { 200: GrowthPlan, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getGrowthPlan({ db: app.db, actor: workspaceActor(req), planId: req.params.planId }),
  });
  r.patch(plan, {
    config: { permission: 'coaching.write' },
    schema: {
      summary: 'Edit a growth plan',
      description: 'Title, summary, status, or privacy (only the person or their coach can make a plan private).',
      tags,
      params: GrowthPlanParams,
      body: UpdateGrowthPlan,
      response: { 200: GrowthPlan, ...UPDATE_ERRORS },
    },
    handler: (req) => updateGrowthPlan({ db: app.db, actor: workspaceActor(req), planId: req.params.planId, input: withVersion(req, req.body) }),
  });
  r.delete(plan, {
    config: { permission: 'coaching.write' },
    schema: { summary: 'Delete a growth plan', description: 'With its goals and check-ins.', tags, params: GrowthPlanParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteGrowthPlan({ db: app.db, actor: workspaceActor(req), planId: req.params.planId });
      return reply.status(204).send(null);
    },
  });

  r.post(`${plan}/goals`, {
    config: { permission: 'coaching.write' },
    schema: {
      summary: 'Add a goal to a growth plan',
      description: 'The competency and the next bigger challenge (a feature, experiment or component) must be records of this workspace.',
      tags,
      params: GrowthPlanParams,
      body: CreateGrowthGoal,
      response: { 201: GrowthGoal, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createGrowthGoal({ db: app.db, actor: workspaceActor(req), planId: req.params.planId, input: req.body })),
  });
  r.patch(goal, {
    config: { permission: 'coaching.write' },
    schema: { summary: 'Edit a growth goal', tags, params: GrowthGoalParams, body: UpdateGrowthGoal, response: { 200: GrowthGoal, ...UPDATE_ERRORS } },
    handler: (req) => updateGrowthGoal({ db: app.db, actor: workspaceActor(req), goalId: req.params.goalId, input: withVersion(req, req.body) }),
  });
  r.delete(goal, {
    config: { permission: 'coaching.write' },
    schema: { summary: 'Delete a growth goal', description: 'With its check-ins.', tags, params: GrowthGoalParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteGrowthGoal({ db: app.db, actor: workspaceActor(req), goalId: req.params.goalId });
      return reply.status(204).send(null);
    },
  });
  r.get(`${goal}/check-ins`, {
    config: { permission: 'coaching.read' },
    schema: { summary: 'List the check-ins of a goal', description: 'Newest first.', tags, params: GrowthGoalParams, response: { 200: GoalCheckInList, ...WORKSPACE_ERRORS } },
    handler: (req) => listGoalCheckIns({ db: app.db, actor: workspaceActor(req), goalId: req.params.goalId }),
  });
  r.post(`${goal}/check-ins`, {
    config: { permission: 'coaching.write' },
    schema: {
      summary: 'Check in on a goal',
      description: 'A note, an optional progress (0-100) and an optional status, which the goal then takes.',
      tags,
      params: GrowthGoalParams,
      body: CreateGoalCheckIn,
      response: { 201: CreatedGoalCheckIn, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createGoalCheckIn({ db: app.db, actor: workspaceActor(req), goalId: req.params.goalId, input: req.body })),
  });
  r.delete('/api/v1/workspaces/:workspaceId/goal-check-ins/:checkInId', {
    config: { permission: 'coaching.write' },
    schema: {
      summary: 'Delete a check-in',
      description: 'Only its author may; the goal keeps its status.',
      tags,
      params: GoalCheckInParams,
      response: { 204: NoContent, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => {
      await deleteGoalCheckIn({ db: app.db, actor: workspaceActor(req), checkInId: req.params.checkInId });
      return reply.status(204).send(null);
    },
  });
}
