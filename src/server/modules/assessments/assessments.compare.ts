import type { AssessmentComparison, AssessmentHistory } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { recordRead } from '../audit/audit.service.js';
import { canSeeAssessmentSide } from '../coaching/coaching.access.js';
import { defaultFrameworkId } from '../frameworks/frameworks.lookup.js';
import { assessmentName, visibleAssessment } from './assessments.guard.js';
import { competencyGap, computeGaps, gapTotals, gapTrend } from './assessments.math.js';
import { presentScale } from './assessments.presenter.js';
import { competenciesWithExpectations, expectationsFor, findFramework, ratingRows, submittedAssessmentsOf, type RatingRow } from './assessments.repository.js';
import { visiblePerson } from './assessments.service.js';

type Ctx = { db: Db; actor: WorkspaceActor };

const shortfall = (gap: number | null | undefined): number | null => (gap === null || gap === undefined ? null : Math.max(0, gap));

const ratingMap = (rows: readonly RatingRow[]) => new Map(rows.map((r) => [`${r.assessmentId}:${r.rater}:${r.competencyId}`, r]));

/**
 * Self, coach and the level's expectation side by side per competency, with the gap weighted by how
 * much the competency matters in this PM's context. Only the sides the actor may see count: another
 * person's draft side reads as absent, exactly as if it had not been rated.
 */
export async function getAssessmentComparison({ db, actor, assessmentId }: Ctx & { assessmentId: string }): Promise<AssessmentComparison> {
  authorize(actor, 'coaching.read');
  const a = await visibleAssessment(db, actor, assessmentId);
  const framework = (await findFramework(db, actor.workspaceId, a.frameworkId))!;
  const visible = { self: canSeeAssessmentSide(actor, a, 'self'), coach: canSeeAssessmentSide(actor, a, 'coach') };
  const sides = (['self', 'coach'] as const).filter((s) => visible[s]);
  const [comps, ratings] = await Promise.all([competenciesWithExpectations(db, actor.workspaceId, a.frameworkId, a.effectiveLevelId), ratingRows(db, actor.workspaceId, [a.id], sides)]);
  const byKey = ratingMap(ratings);
  const gaps = computeGaps(
    comps.map((c) => {
      const self = byKey.get(`${a.id}:self:${c.id}`);
      const coach = byKey.get(`${a.id}:coach:${c.id}`);
      return { competencyId: c.id, expected: c.expected, self: self?.rating ?? null, coach: coach?.rating ?? null, selfImportance: self?.importance, coachImportance: coach?.importance };
    }),
    framework.ratesImportance,
  );
  const comp = new Map(comps.map((c) => [c.id, c]));
  await recordRead(db, actor, { workspaceId: actor.workspaceId, action: 'assessment.read', entityType: 'assessment', entityId: a.id, summary: `Read the comparison of ${assessmentName(a)}` });
  return {
    assessmentId: a.id,
    period: a.period,
    scale: presentScale(framework),
    sides: {
      self: { status: a.selfStatus as 'draft' | 'submitted', visible: visible.self },
      coach: { status: a.coachStatus as 'draft' | 'submitted', visible: visible.coach },
    },
    competencies: gaps.map((g) => {
      const c = comp.get(g.competencyId)!;
      return { ...g, position: c.position, key: c.key, name: c.name, area: c.area };
    }),
    totals: gapTotals(gaps),
  };
}

/**
 * A person's assessments on one framework across periods, oldest first: submitted sides only (a draft,
 * even the caller's own, is not history yet), with averages, total gap and per-competency change.
 */
export async function getAssessmentHistory({ db, actor, personId, frameworkId }: Ctx & { personId: string; frameworkId?: string }): Promise<AssessmentHistory> {
  authorize(actor, 'coaching.read');
  const person = await visiblePerson(db, actor, personId);
  const fwId = frameworkId ?? (await defaultFrameworkId(db, actor.workspaceId));
  const framework = await findFramework(db, actor.workspaceId, fwId);
  if (!framework) throw invalid('frameworkId', 'is not a competency framework of this workspace');
  const list = await submittedAssessmentsOf(db, actor.workspaceId, personId, fwId);
  const [comps, ratings, expectations] = await Promise.all([
    competenciesWithExpectations(db, actor.workspaceId, fwId, null),
    ratingRows(
      db,
      actor.workspaceId,
      list.map((a) => a.id),
      ['self', 'coach'],
    ),
    expectationsFor(
      db,
      actor.workspaceId,
      list.map((a) => a.effectiveLevelId).filter((id): id is string => id !== null),
      fwId,
    ),
  ]);
  const submitted = new Map(list.map((a) => [a.id, { self: a.selfStatus === 'submitted', coach: a.coachStatus === 'submitted' }]));
  const byKey = ratingMap(ratings.filter((r) => submitted.get(r.assessmentId)?.[r.rater as 'self' | 'coach']));
  const periods = list.map((a) => {
    const rows = comps.map((c) => {
      const self = byKey.get(`${a.id}:self:${c.id}`);
      const coach = byKey.get(`${a.id}:coach:${c.id}`);
      const expected = a.effectiveLevelId ? (expectations.get(`${a.effectiveLevelId}:${c.id}`) ?? null) : null;
      return { competencyId: c.id, expected, self: self?.rating ?? null, coach: coach?.rating ?? null, selfImportance: self?.importance, coachImportance: coach?.importance };
    });
    const totals = gapTotals(computeGaps(rows, framework.ratesImportance));
    return {
      assessmentId: a.id,
      period: a.period,
      periodStart: a.periodStart,
      periodEnd: a.periodEnd,
      level: a.effectiveLevelId && a.levelTitle !== null ? { id: a.effectiveLevelId, title: a.levelTitle } : null,
      selfStatus: a.selfStatus as 'draft' | 'submitted',
      coachStatus: a.coachStatus as 'draft' | 'submitted',
      selfAverage: totals.selfAverage,
      coachAverage: totals.coachAverage,
      expectedAverage: totals.expectedAverage,
      totalGap: totals.measured ? totals.totalGap : null,
      ratings: rows.map(({ competencyId, self, coach, expected }) => ({ competencyId, self, coach, expected })),
    };
  });
  const changes = comps.map((c) => {
    const points = periods
      .map((p) => p.ratings.find((r) => r.competencyId === c.id)!)
      .map((r) => ({ rating: r.coach ?? r.self, gap: competencyGap(r.expected, r.self, r.coach) }))
      .filter((x) => x.rating !== null);
    const first = points[0];
    const latest = points.length > 1 ? points[points.length - 1] : undefined;
    return {
      competencyId: c.id,
      first: first?.rating ?? null,
      latest: latest?.rating ?? null,
      change: first && latest ? latest.rating! - first.rating! : null,
      firstGap: first?.gap ?? null,
      latestGap: latest?.gap ?? null,
      // A surplus is no gap: going further above expectation is "unchanged", not "closed".
      trend: gapTrend(shortfall(latest?.gap), shortfall(first?.gap)),
    };
  });
  await recordRead(db, actor, { workspaceId: actor.workspaceId, action: 'assessment.read', entityType: 'person', entityId: personId, summary: `Read the assessment history of ${person.name}` });
  return {
    personId,
    framework: { id: framework.id, name: framework.name, key: framework.key },
    scale: presentScale(framework),
    competencies: comps.map((c) => ({ competencyId: c.id, key: c.key, name: c.name, area: c.area })),
    periods,
    changes,
  };
}
