import type { MatrixBody, MatrixParam } from '../../test/matrix-body.js';

/** The admin's own member id: a person every caller names, so each reaches the service's own check. */
const adminPerson = async ({ admin, w }: { admin: Parameters<MatrixBody>[0]['admin']; w: string }) =>
  (await admin.get(`${w}/members`)).json<{ items: { id: string; role: string }[] }>().items.find((m) => m.role === 'admin')!.id;

/** Request bodies the permission matrix sends to this module's routes, keyed by "METHOD /url". */
export const MATRIX_BODIES: Record<string, unknown | MatrixBody> = {
  // Leads coach the admin (201); a PM is told the person does not exist (404); the admin plans for themselves.
  'POST /api/v1/workspaces/:workspaceId/growth-plans': (async (ctx) => ({ personId: await adminPerson(ctx), title: 'Matrix plan' })) satisfies MatrixBody,
  'PATCH /api/v1/workspaces/:workspaceId/growth-plans/:planId': { summary: 'edited', version: 1 },
  'POST /api/v1/workspaces/:workspaceId/growth-plans/:planId/goals': { title: 'Matrix goal' },
  'PATCH /api/v1/workspaces/:workspaceId/growth-goals/:goalId': { title: 'Edited goal', version: 1 },
  'POST /api/v1/workspaces/:workspaceId/growth-goals/:goalId/check-ins': { note: 'Matrix check-in', progress: 10 },
};

/** A fresh shared plan of a fresh PM, made by the admin (who thereby coaches it). */
const makePlan: MatrixParam = async ({ admin, w, memberOf }) => {
  const personId = await memberOf('pm');
  const plan = (await admin.post(`${w}/growth-plans`, { personId, title: 'Target plan' })).json<{ id: string }>();
  return { ':planId': plan.id };
};
const makeGoal: MatrixParam = async (ctx) => {
  const { ':planId': planId } = await makePlan(ctx);
  const goal = (await ctx.admin.post(`${ctx.w}/growth-plans/${planId}/goals`, { title: 'Target goal' })).json<{ id: string }>();
  return { ':planId': planId!, ':goalId': goal.id };
};

/** Makers of the path parameters this module's routes introduce (see MatrixParam). */
export const MATRIX_PARAMS: Record<string, MatrixParam> = {
  ':planId': makePlan,
  ':goalId': makeGoal,
  ':checkInId': async (ctx) => {
    const { ':goalId': goalId } = await makeGoal(ctx);
    const made = (await ctx.admin.post(`${ctx.w}/growth-goals/${goalId}/check-ins`, { note: 'Target check-in' })).json<{ checkIn: { id: string } }>();
    return { ':checkInId': made.checkIn.id };
  },
};
