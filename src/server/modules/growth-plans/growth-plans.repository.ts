import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { competencies, components, experiments, features, goalCheckIns, growthGoals, growthPlans, members, products, user } from '../../db/schema/index.js';

export type PlanRow = typeof growthPlans.$inferSelect;
export type GoalRow = typeof growthGoals.$inferSelect;
export type CheckInRow = typeof goalCheckIns.$inferSelect;
export type PlanPatch = Partial<Pick<PlanRow, 'title' | 'summary' | 'private' | 'status'>>;
export type GoalPatch = Partial<Pick<GoalRow, 'title' | 'description' | 'competencyId' | 'dueOn' | 'status' | 'challengeType' | 'challengeId' | 'position'>>;

export interface PlanFull extends PlanRow {
  personName: string;
  coachName: string | null;
}
export interface PlanCounts {
  goalCount: number;
  doneCount: number;
  overdueCount: number;
  nextDueOn: string | null;
}
export interface CheckInFull extends CheckInRow {
  authorName: string | null;
}
export interface GoalFull extends GoalRow {
  competency: { id: string; name: string; frameworkId: string } | null;
  latestCheckIn: CheckInFull | null;
  /** The progress of the latest check-in that gave one. */
  lastProgress: number | null;
  checkInCount: number;
}
/** A goal with the plan it belongs to: what the access rules need. */
export interface GoalWithPlan extends GoalRow {
  plan: Pick<PlanRow, 'id' | 'personId' | 'coachId' | 'private'> & { personName: string };
}
export interface ChallengeRecord {
  title: string;
  status: string | null;
  detail: string;
  productId: string | null;
}

const coachMember = alias(members, 'coach_member');
const coachUser = alias(user, 'coach_user');

const planColumns = { row: growthPlans, personName: user.name, coachName: coachUser.name };

function planQuery(db: Db) {
  return db
    .select(planColumns)
    .from(growthPlans)
    .innerJoin(members, eq(members.id, growthPlans.personId))
    .innerJoin(user, eq(user.id, members.userId))
    .leftJoin(coachMember, eq(coachMember.id, growthPlans.coachId))
    .leftJoin(coachUser, eq(coachUser.id, coachMember.userId));
}

const toPlan = (r: { row: PlanRow; personName: string; coachName: string | null }): PlanFull => ({ ...r.row, personName: r.personName, coachName: r.coachName });

/**
 * Plans a caller may be shown, narrowed in SQL: `sharedToo` adds every plan that is not private
 * (leads and admins see shared plans); private ones only where the caller is person or coach.
 * The service still checks each row with the access rules.
 */
export async function listPlanRows(
  db: Db,
  workspaceId: string,
  q: { memberId: string; sharedToo: boolean; personId?: string; status?: string },
): Promise<PlanFull[]> {
  const mine = or(eq(growthPlans.personId, q.memberId), eq(growthPlans.coachId, q.memberId))!;
  const where: SQL[] = [eq(growthPlans.workspaceId, workspaceId), q.sharedToo ? or(eq(growthPlans.private, false), mine)! : mine];
  if (q.personId) where.push(eq(growthPlans.personId, q.personId));
  if (q.status) where.push(eq(growthPlans.status, q.status));
  const rows = await planQuery(db)
    .where(and(...where))
    .orderBy(sql`case ${growthPlans.status} when 'active' then 0 when 'completed' then 1 else 2 end`, desc(growthPlans.updatedAt), desc(growthPlans.id));
  return rows.map(toPlan);
}

export async function findPlanRow(db: Db, workspaceId: string, planId: string): Promise<PlanFull | undefined> {
  const [r] = await planQuery(db).where(and(eq(growthPlans.workspaceId, workspaceId), eq(growthPlans.id, planId)));
  return r ? toPlan(r) : undefined;
}

/** Goal counts per plan; `today` (YYYY-MM-DD) decides what is overdue. Dropped goals are left out. */
export async function planCounts(db: Db, workspaceId: string, planIds: string[], today: string): Promise<Map<string, PlanCounts>> {
  if (!planIds.length) return new Map();
  const open = sql`${growthGoals.status} not in ('done', 'dropped')`;
  const rows = await db
    .select({
      planId: growthGoals.planId,
      goalCount: sql<number>`count(*) filter (where ${growthGoals.status} <> 'dropped')`,
      doneCount: sql<number>`count(*) filter (where ${growthGoals.status} = 'done')`,
      overdueCount: sql<number>`count(*) filter (where ${open} and ${growthGoals.dueOn} < ${today})`,
      nextDueOn: sql<string | null>`min(${growthGoals.dueOn}) filter (where ${open})`,
    })
    .from(growthGoals)
    .where(and(eq(growthGoals.workspaceId, workspaceId), inArray(growthGoals.planId, planIds)))
    .groupBy(growthGoals.planId);
  return new Map(
    rows.map((r) => [
      r.planId,
      { goalCount: Number(r.goalCount), doneCount: Number(r.doneCount), overdueCount: Number(r.overdueCount), nextDueOn: r.nextDueOn ? String(r.nextDueOn).slice(0, 10) : null },
    ]),
  );
}

export async function insertPlan(db: Db, row: typeof growthPlans.$inferInsert): Promise<void> {
  await db.insert(growthPlans).values(row);
}

export async function updatePlanRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: PlanPatch) {
  const [row] = await db
    .update(growthPlans)
    .set({ ...patch, version: sql`${growthPlans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(growthPlans.workspaceId, f.workspaceId), eq(growthPlans.id, f.id), eq(growthPlans.version, f.version)))
    .returning({ id: growthPlans.id });
  return row;
}

/** Marks the plan as changed (a goal or check-in moved), so lists order it as recent. */
export async function touchPlan(db: Db, workspaceId: string, planId: string): Promise<void> {
  await db
    .update(growthPlans)
    .set({ updatedAt: new Date() })
    .where(and(eq(growthPlans.workspaceId, workspaceId), eq(growthPlans.id, planId)));
}

export async function deletePlanRow(db: Db, workspaceId: string, planId: string): Promise<void> {
  await db.delete(growthPlans).where(and(eq(growthPlans.workspaceId, workspaceId), eq(growthPlans.id, planId)));
}

// Goals

const checkInAuthor = alias(members, 'check_in_author');
const checkInUser = alias(user, 'check_in_user');

/** The goals of a plan in order, each with its competency, latest check-in and number of check-ins. */
export async function listGoalRows(db: Db, workspaceId: string, planId: string): Promise<GoalFull[]> {
  return goalRows(db, and(eq(growthGoals.workspaceId, workspaceId), eq(growthGoals.planId, planId))!);
}

export async function findGoalFull(db: Db, workspaceId: string, goalId: string): Promise<GoalFull | undefined> {
  return (await goalRows(db, and(eq(growthGoals.workspaceId, workspaceId), eq(growthGoals.id, goalId))!))[0];
}

async function goalRows(db: Db, where: SQL): Promise<GoalFull[]> {
  const rows = await db
    .select({ row: growthGoals, competencyName: competencies.name, frameworkId: competencies.frameworkId })
    .from(growthGoals)
    .leftJoin(competencies, eq(competencies.id, growthGoals.competencyId))
    .where(where)
    .orderBy(asc(growthGoals.position), asc(growthGoals.createdAt), asc(growthGoals.id));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.row.id);
  // The latest check-in of each goal, and how many there are.
  const latest = await db
    .selectDistinctOn([goalCheckIns.goalId], {
      row: goalCheckIns,
      authorName: checkInUser.name,
      count: sql<number>`count(*) over (partition by ${goalCheckIns.goalId})`,
      lastProgress: sql<number | null>`(select p.progress from ${goalCheckIns} p where p.goal_id = ${goalCheckIns.goalId} and p.progress is not null
        order by p.created_at desc, p.id desc limit 1)`,
    })
    .from(goalCheckIns)
    .leftJoin(checkInAuthor, eq(checkInAuthor.id, goalCheckIns.authorId))
    .leftJoin(checkInUser, eq(checkInUser.id, checkInAuthor.userId))
    .where(inArray(goalCheckIns.goalId, ids))
    .orderBy(goalCheckIns.goalId, desc(goalCheckIns.createdAt), desc(goalCheckIns.id));
  const byGoal = new Map(latest.map((l) => [l.row.goalId, l]));
  return rows.map((r) => {
    const l = byGoal.get(r.row.id);
    return {
      ...r.row,
      competency: r.row.competencyId && r.competencyName && r.frameworkId ? { id: r.row.competencyId, name: r.competencyName, frameworkId: r.frameworkId } : null,
      latestCheckIn: l ? { ...l.row, authorName: l.authorName } : null,
      lastProgress: l?.lastProgress == null ? null : Number(l.lastProgress),
      checkInCount: Number(l?.count ?? 0),
    };
  });
}

/** A goal with the access facts of its plan. */
export async function findGoalWithPlan(db: Db, workspaceId: string, goalId: string): Promise<GoalWithPlan | undefined> {
  const [r] = await db
    .select({ row: growthGoals, planId: growthPlans.id, personId: growthPlans.personId, coachId: growthPlans.coachId, private: growthPlans.private, personName: user.name })
    .from(growthGoals)
    .innerJoin(growthPlans, eq(growthPlans.id, growthGoals.planId))
    .innerJoin(members, eq(members.id, growthPlans.personId))
    .innerJoin(user, eq(user.id, members.userId))
    .where(and(eq(growthGoals.workspaceId, workspaceId), eq(growthGoals.id, goalId)));
  return r ? { ...r.row, plan: { id: r.planId, personId: r.personId, coachId: r.coachId, private: r.private, personName: r.personName } } : undefined;
}

/** The position after the plan's last goal. */
export async function nextGoalPosition(db: Db, workspaceId: string, planId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${growthGoals.position}) + 1, 0)` })
    .from(growthGoals)
    .where(and(eq(growthGoals.workspaceId, workspaceId), eq(growthGoals.planId, planId)));
  return Number(r?.n ?? 0);
}

export async function insertGoal(db: Db, row: typeof growthGoals.$inferInsert): Promise<void> {
  await db.insert(growthGoals).values(row);
}

export async function updateGoalRow(db: Db, f: { workspaceId: string; id: string; version: number | null }, patch: GoalPatch) {
  const [row] = await db
    .update(growthGoals)
    .set({ ...patch, version: sql`${growthGoals.version} + 1`, updatedAt: new Date() })
    .where(and(eq(growthGoals.workspaceId, f.workspaceId), eq(growthGoals.id, f.id), f.version === null ? undefined : eq(growthGoals.version, f.version)))
    .returning({ id: growthGoals.id });
  return row;
}

export async function deleteGoalRow(db: Db, workspaceId: string, goalId: string): Promise<void> {
  await db.delete(growthGoals).where(and(eq(growthGoals.workspaceId, workspaceId), eq(growthGoals.id, goalId)));
}

// Check-ins

export async function insertCheckIn(db: Db, row: typeof goalCheckIns.$inferInsert): Promise<void> {
  await db.insert(goalCheckIns).values(row);
}

/** Check-ins of a goal, newest first. */
export async function listCheckInRows(db: Db, workspaceId: string, goalId: string): Promise<CheckInFull[]> {
  const rows = await db
    .select({ row: goalCheckIns, authorName: checkInUser.name })
    .from(goalCheckIns)
    .leftJoin(checkInAuthor, eq(checkInAuthor.id, goalCheckIns.authorId))
    .leftJoin(checkInUser, eq(checkInUser.id, checkInAuthor.userId))
    .where(and(eq(goalCheckIns.workspaceId, workspaceId), eq(goalCheckIns.goalId, goalId)))
    .orderBy(desc(goalCheckIns.createdAt), desc(goalCheckIns.id));
  return rows.map((r) => ({ ...r.row, authorName: r.authorName }));
}

export async function findCheckInRow(db: Db, workspaceId: string, checkInId: string): Promise<CheckInFull | undefined> {
  const [r] = await db
    .select({ row: goalCheckIns, authorName: checkInUser.name })
    .from(goalCheckIns)
    .leftJoin(checkInAuthor, eq(checkInAuthor.id, goalCheckIns.authorId))
    .leftJoin(checkInUser, eq(checkInUser.id, checkInAuthor.userId))
    .where(and(eq(goalCheckIns.workspaceId, workspaceId), eq(goalCheckIns.id, checkInId)));
  return r ? { ...r.row, authorName: r.authorName } : undefined;
}

export async function deleteCheckInRow(db: Db, workspaceId: string, checkInId: string): Promise<void> {
  await db.delete(goalCheckIns).where(and(eq(goalCheckIns.workspaceId, workspaceId), eq(goalCheckIns.id, checkInId)));
}

// References

/** Members of the workspace among these ids, with their role and name. */
export async function memberFacts(db: Db, workspaceId: string, ids: string[]): Promise<Map<string, { role: string; name: string }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: members.id, role: members.role, name: user.name })
    .from(members)
    .innerJoin(user, eq(user.id, members.userId))
    .where(and(eq(members.workspaceId, workspaceId), inArray(members.id, ids)));
  return new Map(rows.map((r) => [r.id, { role: r.role, name: r.name }]));
}

export async function competencyExists(db: Db, workspaceId: string, competencyId: string): Promise<boolean> {
  const [r] = await db
    .select({ id: competencies.id })
    .from(competencies)
    .where(and(eq(competencies.workspaceId, workspaceId), eq(competencies.id, competencyId)));
  return Boolean(r);
}

/**
 * The live records goals name as their next bigger challenge, keyed "type:id": a feature with its
 * status and component, an experiment with its status and result, a component with its product and
 * how much of it has shipped. Ids that are not (or no longer) in the workspace are absent.
 */
export async function challengeRecords(db: Db, workspaceId: string, refs: { type: string; id: string }[]): Promise<Map<string, ChallengeRecord>> {
  const out = new Map<string, ChallengeRecord>();
  const ids = (type: string) => [...new Set(refs.filter((r) => r.type === type).map((r) => r.id))];
  const featureIds = ids('feature');
  const experimentIds = ids('experiment');
  const componentIds = ids('component');
  if (featureIds.length) {
    const rows = await db
      .select({ id: features.id, title: features.title, status: features.status, component: components.name, productId: components.productId })
      .from(features)
      .innerJoin(components, eq(components.id, features.componentId))
      .where(and(eq(features.workspaceId, workspaceId), inArray(features.id, featureIds)));
    for (const r of rows) out.set(`feature:${r.id}`, { title: r.title, status: r.status, detail: r.component, productId: r.productId });
  }
  if (experimentIds.length) {
    const rows = await db
      .select({ id: experiments.id, title: experiments.title, hypothesis: experiments.hypothesis, status: experiments.status, result: experiments.result })
      .from(experiments)
      .where(and(eq(experiments.workspaceId, workspaceId), inArray(experiments.id, experimentIds)));
    for (const r of rows) out.set(`experiment:${r.id}`, { title: r.title || r.hypothesis, status: r.status, detail: r.result ?? '', productId: null });
  }
  if (componentIds.length) {
    const rows = await db
      .select({
        id: components.id,
        name: components.name,
        productId: components.productId,
        product: products.name,
        total: sql<number>`(select count(*) from ${features} f where f.component_id = ${components.id} and f.status <> 'wont_do')`,
        shipped: sql<number>`(select count(*) from ${features} f where f.component_id = ${components.id} and f.status = 'shipped')`,
      })
      .from(components)
      .innerJoin(products, eq(products.id, components.productId))
      .where(and(eq(components.workspaceId, workspaceId), inArray(components.id, componentIds)));
    for (const r of rows) {
      const total = Number(r.total);
      const detail = `${r.product} · ${total ? `${Number(r.shipped)} of ${total} features shipped` : 'no features yet'}`;
      out.set(`component:${r.id}`, { title: r.name, status: null, detail, productId: r.productId });
    }
  }
  return out;
}
