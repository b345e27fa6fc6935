import type { ChallengeType, GoalCheckIn, GrowthChallenge, GrowthGoal, GrowthGoalStatus, GrowthPlanStatus, GrowthPlanSummary } from '../../../shared/contracts.js';
import type { ChallengeRecord, CheckInFull, GoalFull, PlanCounts, PlanFull } from './growth-plans.repository.js';

const NO_COUNTS: PlanCounts = { goalCount: 0, doneCount: 0, overdueCount: 0, nextDueOn: null };
const LINK_OF: Record<ChallengeType, 'feature' | 'experiment' | 'product'> = { feature: 'feature', experiment: 'experiment', component: 'product' };
const GONE: Record<ChallengeType, string> = { feature: 'A deleted feature', experiment: 'A deleted experiment', component: 'A deleted component' };

/** Today in UTC as YYYY-MM-DD: the day against which due dates are overdue. */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** Open goals past their due day are overdue; done and dropped ones never are. */
export function isOverdue(goal: { dueOn: string | null; status: string }, today: string): boolean {
  return Boolean(goal.dueOn && goal.dueOn < today && goal.status !== 'done' && goal.status !== 'dropped');
}

export function presentPlanSummary(p: PlanFull, counts: PlanCounts | undefined): GrowthPlanSummary {
  return {
    id: p.id,
    personId: p.personId,
    person: { id: p.personId, name: p.personName },
    coachId: p.coachId,
    coach: p.coachId ? { id: p.coachId, name: p.coachName ?? 'Former member' } : null,
    title: p.title,
    summary: p.summary,
    private: p.private,
    status: p.status as GrowthPlanStatus,
    ...(counts ?? NO_COUNTS),
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function presentCheckIn(c: CheckInFull): GoalCheckIn {
  return {
    id: c.id,
    goalId: c.goalId,
    author: c.authorId ? { id: c.authorId, name: c.authorName ?? 'Former member' } : null,
    note: c.note,
    progress: c.progress,
    status: (c.status as GrowthGoalStatus | null) ?? null,
    createdAt: c.createdAt.toISOString(),
  };
}

/** The challenge a goal names, with the live record's title and status (or marked gone). */
export function presentChallenge(type: string | null, id: string | null, records: Map<string, ChallengeRecord>): GrowthChallenge | null {
  if (!type || !id) return null;
  const t = type as ChallengeType;
  const r = records.get(`${t}:${id}`);
  if (!r) return { type: t, id, title: GONE[t] ?? 'A deleted record', status: null, detail: '', link: null, available: false };
  const linkId = t === 'component' ? r.productId : id;
  return { type: t, id, title: r.title, status: r.status, detail: r.detail, link: linkId ? { to: LINK_OF[t], id: linkId } : null, available: true };
}

export function presentGoal(g: GoalFull, records: Map<string, ChallengeRecord>, today: string): GrowthGoal {
  const latest = g.latestCheckIn ? presentCheckIn(g.latestCheckIn) : null;
  return {
    id: g.id,
    planId: g.planId,
    title: g.title,
    description: g.description,
    competencyId: g.competencyId,
    competency: g.competency,
    dueOn: g.dueOn,
    status: g.status as GrowthGoalStatus,
    overdue: isOverdue(g, today),
    challenge: presentChallenge(g.challengeType, g.challengeId, records),
    latestCheckIn: latest,
    progress: g.status === 'done' ? 100 : g.lastProgress,
    checkInCount: g.checkInCount,
    position: g.position,
    version: g.version,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}
