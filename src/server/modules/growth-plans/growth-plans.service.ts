import type { CreateGrowthPlan, GrowthPlan, GrowthPlanList, GrowthPlanStatus, UpdateGrowthPlan } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordRead } from '../audit/audit.service.js';
import { canCoach, canSeePerson, canSeePlan } from '../coaching/coaching.access.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { presentGoal, presentPlanSummary, todayIso } from './growth-plans.presenter.js';
import {
  challengeRecords,
  deletePlanRow,
  findPlanRow,
  insertPlan,
  listGoalRows,
  listPlanRows,
  memberFacts,
  planCounts,
  updatePlanRow,
  type PlanFull,
  type PlanPatch,
} from './growth-plans.repository.js';

/*
 * Growth plans are coaching records: every read and write goes through coaching.access. Whoever may
 * see a plan works on it (the person and their coach; for a shared plan also leads and admins, who
 * coach any PM). A plan the caller may not see answers 404, like one that does not exist. Audit
 * entries name the plan and its person, never its title, summary or goals: a plan may be private,
 * or become private later, and the audit log is read by admins.
 */

type Ctx = { db: Db; actor: WorkspaceActor };

/** The plan, if the caller may see it; else 404 as if it did not exist. */
export async function visiblePlan(db: Db, actor: WorkspaceActor, planId: string): Promise<PlanFull> {
  const plan = await findPlanRow(db, actor.workspaceId, planId);
  if (!plan || !canSeePlan(actor, plan)) throw notFound('Growth plan');
  return plan;
}

/** The whole plan as the API shows it: summary, counts and goals with their live challenges. */
export async function loadGrowthPlan(db: Db, actor: WorkspaceActor, plan: PlanFull): Promise<GrowthPlan> {
  const today = todayIso();
  const goals = await listGoalRows(db, actor.workspaceId, plan.id);
  const [counts, records] = await Promise.all([
    planCounts(db, actor.workspaceId, [plan.id], today),
    challengeRecords(
      db,
      actor.workspaceId,
      goals.flatMap((g) => (g.challengeType && g.challengeId ? [{ type: g.challengeType, id: g.challengeId }] : [])),
    ),
  ]);
  return { ...presentPlanSummary(plan, counts.get(plan.id)), goals: goals.map((g) => presentGoal(g, records, today)) };
}

/** Growth plans the caller may see, optionally of one person (404 when that person is not theirs to see). */
export async function listGrowthPlans({ db, actor, query }: Ctx & { query: { personId?: string; status?: GrowthPlanStatus } }): Promise<GrowthPlanList> {
  authorize(actor, 'coaching.read');
  let personName: string | null = null;
  if (query.personId) {
    const person = (await memberFacts(db, actor.workspaceId, [query.personId])).get(query.personId);
    if (!person || !canSeePerson(actor, query.personId)) throw notFound('Person');
    personName = person.name;
  }
  const sharedToo = actor.role === 'lead' || actor.role === 'admin';
  const rows = (await listPlanRows(db, actor.workspaceId, { memberId: actor.memberId, sharedToo, personId: query.personId, status: query.status })).filter((p) =>
    canSeePlan(actor, p),
  );
  const counts = await planCounts(
    db,
    actor.workspaceId,
    rows.map((r) => r.id),
    todayIso(),
  );
  await recordRead(db, actor, {
    workspaceId: actor.workspaceId,
    action: 'growth-plan.list',
    entityType: 'growth_plan',
    entityId: null,
    summary: personName ? `Listed the growth plans of ${personName}` : 'Listed the growth plans they may see',
  });
  return { items: rows.map((r) => presentPlanSummary(r, counts.get(r.id))), total: rows.length };
}

/** One growth plan with its goals. */
export async function getGrowthPlan({ db, actor, planId }: Ctx & { planId: string }): Promise<GrowthPlan> {
  authorize(actor, 'coaching.read');
  const plan = await visiblePlan(db, actor, planId);
  await recordRead(db, actor, {
    workspaceId: actor.workspaceId,
    action: 'growth-plan.read',
    entityType: 'growth_plan',
    entityId: plan.id,
    summary: `Read a growth plan of ${plan.personName}`,
  });
  return loadGrowthPlan(db, actor, plan);
}

/**
 * Who coaches a new plan: the coach given (a lead or admin other than the person), else the caller
 * when they coach the person, else nobody (a PM's own plan without a coach).
 */
async function resolveCoach(db: Db, actor: WorkspaceActor, personId: string, coachId: string | undefined): Promise<string | null> {
  if (coachId === undefined) return actor.memberId === personId ? null : actor.memberId;
  if (coachId === personId) throw invalid('coachId', 'a person cannot be their own coach');
  const coach = (await memberFacts(db, actor.workspaceId, [coachId])).get(coachId);
  if (!coach || (coach.role !== 'lead' && coach.role !== 'admin')) throw invalid('coachId', 'must be a lead or admin of this workspace');
  return coachId;
}

/** Creates a growth plan for yourself, or for a PM you coach. */
export async function createGrowthPlan({ db, actor, input }: Ctx & { input: CreateGrowthPlan }): Promise<GrowthPlan> {
  authorize(actor, 'coaching.write');
  return db.transaction(async (tx) => {
    const person = (await memberFacts(tx, actor.workspaceId, [input.personId])).get(input.personId);
    // Someone else's plan needs a coach: anyone else is told the person does not exist.
    if (!person || (input.personId !== actor.memberId && !canCoach(actor, input.personId))) throw notFound('Person');
    const coachId = await resolveCoach(tx, actor, input.personId, input.coachId);
    const id = newId();
    await insertPlan(tx, {
      id,
      workspaceId: actor.workspaceId,
      personId: input.personId,
      coachId,
      title: input.title,
      summary: input.summary ?? '',
      private: input.private ?? false,
      status: 'active',
    });
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'growth-plan.create',
      entityType: 'growth_plan',
      entityId: id,
      summary: `Created a ${input.private ? 'private ' : ''}growth plan for ${person.name}`,
    });
    return loadGrowthPlan(tx, actor, (await findPlanRow(tx, actor.workspaceId, id))!);
  });
}

/** Edits a plan's title, summary, privacy or status. */
export async function updateGrowthPlan({ db, actor, planId, input }: Ctx & { planId: string; input: UpdateGrowthPlan }): Promise<GrowthPlan> {
  authorize(actor, 'coaching.write');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await visiblePlan(tx, actor, planId);
    const { version: _v, ...fields } = input;
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as PlanPatch;
    // A private plan is the person's and their coach's; anyone else making it private would lock themselves out.
    if (patch.private && !before.private && actor.memberId !== before.personId && actor.memberId !== before.coachId) {
      throw invalid('private', 'only the person or their coach can make a plan private');
    }
    if (!(await updatePlanRow(tx, { workspaceId: actor.workspaceId, id: planId, version }, patch))) throw versionConflict('Growth plan');
    const changed = Object.keys(patch).filter((k) => patch[k as keyof PlanPatch] !== before[k as keyof PlanPatch]);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'growth-plan.update',
      entityType: 'growth_plan',
      entityId: planId,
      // Field names only: their values are the plan's content.
      summary: `Updated a growth plan of ${before.personName}${changed.length ? ` (${changed.join(', ')})` : ''}`,
    });
    return loadGrowthPlan(tx, actor, (await findPlanRow(tx, actor.workspaceId, planId))!);
  });
}

/** Deletes a plan with its goals and check-ins. */
export async function deleteGrowthPlan({ db, actor, planId }: Ctx & { planId: string }): Promise<void> {
  authorize(actor, 'coaching.write');
  await db.transaction(async (tx) => {
    const plan = await visiblePlan(tx, actor, planId);
    await deletePlanRow(tx, actor.workspaceId, planId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'growth-plan.delete',
      entityType: 'growth_plan',
      entityId: planId,
      summary: `Deleted a growth plan of ${plan.personName}`,
    });
  });
}
