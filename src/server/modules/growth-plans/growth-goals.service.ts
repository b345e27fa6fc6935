import type { CreateGoalCheckIn, CreateGrowthGoal, CreatedGoalCheckIn, GoalCheckIn, GrowthGoal, UpdateGrowthGoal } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordRead } from '../audit/audit.service.js';
import { canSeePlan } from '../coaching/coaching.access.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { presentCheckIn, presentGoal, todayIso } from './growth-plans.presenter.js';
import {
  challengeRecords,
  competencyExists,
  deleteCheckInRow,
  deleteGoalRow,
  findCheckInRow,
  findGoalFull,
  findGoalWithPlan,
  insertCheckIn,
  insertGoal,
  listCheckInRows,
  nextGoalPosition,
  touchPlan,
  updateGoalRow,
  type GoalPatch,
  type GoalWithPlan,
} from './growth-plans.repository.js';
import { visiblePlan } from './growth-plans.service.js';

/*
 * Goals and check-ins belong to a plan and follow its access: whoever may see the plan works on its
 * goals; anyone else gets 404. Audit entries never carry a goal's title or a check-in's note.
 */

type Ctx = { db: Db; actor: WorkspaceActor };
type ChallengeInput = { type: 'feature' | 'experiment' | 'component'; id: string };

async function visibleGoal(db: Db, actor: WorkspaceActor, goalId: string): Promise<GoalWithPlan> {
  const goal = await findGoalWithPlan(db, actor.workspaceId, goalId);
  if (!goal || !canSeePlan(actor, goal.plan)) throw notFound('Growth goal');
  return goal;
}

/** The goal as the API shows it, its challenge resolved to the live record. */
async function loadGoal(db: Db, workspaceId: string, goalId: string): Promise<GrowthGoal> {
  const goal = (await findGoalFull(db, workspaceId, goalId))!;
  const refs = goal.challengeType && goal.challengeId ? [{ type: goal.challengeType, id: goal.challengeId }] : [];
  return presentGoal(goal, await challengeRecords(db, workspaceId, refs), todayIso());
}

/** The competency and the challenge must be records of this workspace; anything else is a 400 naming the field. */
async function checkRefs(db: Db, workspaceId: string, input: { competencyId?: string | null; challenge?: ChallengeInput | null }) {
  if (input.competencyId && !(await competencyExists(db, workspaceId, input.competencyId))) {
    throw invalid('competencyId', 'is not a competency of this workspace');
  }
  if (input.challenge) {
    const found = await challengeRecords(db, workspaceId, [input.challenge]);
    if (!found.has(`${input.challenge.type}:${input.challenge.id}`)) throw invalid('challenge.id', `is not a ${input.challenge.type} of this workspace`);
  }
}

/** Adds a goal to a plan, at its end. */
export async function createGrowthGoal({ db, actor, planId, input }: Ctx & { planId: string; input: CreateGrowthGoal }): Promise<GrowthGoal> {
  authorize(actor, 'coaching.write');
  return db.transaction(async (tx) => {
    const plan = await visiblePlan(tx, actor, planId);
    await checkRefs(tx, actor.workspaceId, input);
    const id = newId();
    await insertGoal(tx, {
      id,
      workspaceId: actor.workspaceId,
      planId,
      title: input.title,
      description: input.description ?? '',
      competencyId: input.competencyId ?? null,
      dueOn: input.dueOn ?? null,
      status: input.status ?? 'not_started',
      challengeType: input.challenge?.type ?? null,
      challengeId: input.challenge?.id ?? null,
      position: await nextGoalPosition(tx, actor.workspaceId, planId),
    });
    await touchPlan(tx, actor.workspaceId, planId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'growth-goal.create',
      entityType: 'growth_goal',
      entityId: id,
      summary: `Added a goal to a growth plan of ${plan.personName}`,
    });
    return loadGoal(tx, actor.workspaceId, id);
  });
}

/** Edits a goal: its wording, competency, due date, status, challenge or place in the plan. */
export async function updateGrowthGoal({ db, actor, goalId, input }: Ctx & { goalId: string; input: UpdateGrowthGoal }): Promise<GrowthGoal> {
  authorize(actor, 'coaching.write');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await visibleGoal(tx, actor, goalId);
    const { version: _v, challenge, ...fields } = input;
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as GoalPatch;
    if (challenge !== undefined) {
      patch.challengeType = challenge?.type ?? null;
      patch.challengeId = challenge?.id ?? null;
    }
    // An unchanged challenge is not checked again: the goal keeps pointing at it even once it is gone.
    const challengeChanged = challenge && (challenge.type !== before.challengeType || challenge.id !== before.challengeId);
    await checkRefs(tx, actor.workspaceId, { competencyId: fields.competencyId, challenge: challengeChanged ? challenge : null });
    if (!(await updateGoalRow(tx, { workspaceId: actor.workspaceId, id: goalId, version }, patch))) throw versionConflict('Growth goal');
    await touchPlan(tx, actor.workspaceId, before.planId);
    const changed = Object.keys(patch).filter((k) => patch[k as keyof GoalPatch] !== before[k as keyof GoalPatch]);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'growth-goal.update',
      entityType: 'growth_goal',
      entityId: goalId,
      summary: `Updated a goal of a growth plan of ${before.plan.personName}${changed.length ? ` (${changed.join(', ')})` : ''}`,
    });
    return loadGoal(tx, actor.workspaceId, goalId);
  });
}

/** Deletes a goal with its check-ins. */
export async function deleteGrowthGoal({ db, actor, goalId }: Ctx & { goalId: string }): Promise<void> {
  authorize(actor, 'coaching.write');
  await db.transaction(async (tx) => {
    const goal = await visibleGoal(tx, actor, goalId);
    await deleteGoalRow(tx, actor.workspaceId, goalId);
    await touchPlan(tx, actor.workspaceId, goal.planId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'growth-goal.delete',
      entityType: 'growth_goal',
      entityId: goalId,
      summary: `Deleted a goal of a growth plan of ${goal.plan.personName}`,
    });
  });
}

/** Records a check-in on a goal; a check-in with a status moves the goal to it. */
export async function createGoalCheckIn({ db, actor, goalId, input }: Ctx & { goalId: string; input: CreateGoalCheckIn }): Promise<CreatedGoalCheckIn> {
  authorize(actor, 'coaching.write');
  return db.transaction(async (tx) => {
    const goal = await visibleGoal(tx, actor, goalId);
    const id = newId();
    await insertCheckIn(tx, {
      id,
      workspaceId: actor.workspaceId,
      goalId,
      authorId: actor.memberId,
      note: input.note,
      progress: input.progress ?? null,
      status: input.status ?? null,
    });
    // The check-in is the goal's news: the goal's version moves, so an open edit form reloads.
    if (input.status && input.status !== goal.status) await updateGoalRow(tx, { workspaceId: actor.workspaceId, id: goalId, version: null }, { status: input.status });
    await touchPlan(tx, actor.workspaceId, goal.planId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'goal-check-in.create',
      entityType: 'growth_goal',
      entityId: goalId,
      summary: `Checked in on a goal of a growth plan of ${goal.plan.personName}${input.status && input.status !== goal.status ? ` (status ${input.status})` : ''}`,
    });
    return { checkIn: presentCheckIn((await findCheckInRow(tx, actor.workspaceId, id))!), goal: await loadGoal(tx, actor.workspaceId, goalId) };
  });
}

/** The check-ins of a goal, newest first. */
export async function listGoalCheckIns({ db, actor, goalId }: Ctx & { goalId: string }): Promise<{ items: GoalCheckIn[] }> {
  authorize(actor, 'coaching.read');
  const goal = await visibleGoal(db, actor, goalId);
  const rows = await listCheckInRows(db, actor.workspaceId, goalId);
  await recordRead(db, actor, {
    workspaceId: actor.workspaceId,
    action: 'goal-check-in.list',
    entityType: 'growth_goal',
    entityId: goalId,
    summary: `Read the check-ins of a goal of a growth plan of ${goal.plan.personName}`,
  });
  return { items: rows.map(presentCheckIn) };
}

/** Deletes a check-in: only its author may, to take back a mistake. The goal keeps its status. */
export async function deleteGoalCheckIn({ db, actor, checkInId }: Ctx & { checkInId: string }): Promise<void> {
  authorize(actor, 'coaching.write');
  await db.transaction(async (tx) => {
    const checkIn = await findCheckInRow(tx, actor.workspaceId, checkInId);
    const goal = checkIn ? await findGoalWithPlan(tx, actor.workspaceId, checkIn.goalId) : undefined;
    if (!checkIn || !goal || !canSeePlan(actor, goal.plan) || checkIn.authorId !== actor.memberId) throw notFound('Check-in');
    await deleteCheckInRow(tx, actor.workspaceId, checkInId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'goal-check-in.delete',
      entityType: 'growth_goal',
      entityId: goal.id,
      summary: `Deleted a check-in on a goal of a growth plan of ${goal.plan.personName}`,
    });
  });
}
