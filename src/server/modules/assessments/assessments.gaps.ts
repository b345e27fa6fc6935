import type { Db } from '../../db/client.js';
import { computeGaps } from './assessments.math.js';
import { competenciesWithExpectations, findFramework, latestSubmittedAssessment, ratingRows, type Side } from './assessments.repository.js';

/** A competency where the PM stands below what their level expects (or below the coach's view). */
export interface CompetencyGap {
  competencyId: string;
  key: string;
  name: string;
  frameworkId: string;
  expected: number | null;
  self: number | null;
  coach: number | null;
  /** expected minus the coach rating (else the self rating); positive means below expectation. */
  gap: number;
  /**
   * gap × importance / 10 on frameworks that rate importance (1-10; the coach's, else the PM's, else 5);
   * the gap itself on frameworks that do not. See assessments.math.ts.
   */
  weightedGap: number;
}

/**
 * The PM's gaps from their latest assessment with at least one submitted side, biggest weighted gap
 * first. Only submitted sides count: a draft never leaks into what others see. Owned by the
 * assessments module.
 *
 * Competencies without a gap (no expectation for the level, or no submitted rating) are left out, so
 * an empty list means "nothing measured", not "no gaps". Negative gaps (above expectation) stay in,
 * last; callers wanting only shortfalls filter on `gap > 0`.
 */
export async function latestGaps(db: Db, workspaceId: string, personId: string): Promise<CompetencyGap[]> {
  const a = await latestSubmittedAssessment(db, workspaceId, personId);
  if (!a) return [];
  const framework = await findFramework(db, workspaceId, a.frameworkId);
  if (!framework) return [];
  const sides: Side[] = [];
  if (a.selfStatus === 'submitted') sides.push('self');
  if (a.coachStatus === 'submitted') sides.push('coach');
  const [comps, ratings] = await Promise.all([competenciesWithExpectations(db, workspaceId, a.frameworkId, a.effectiveLevelId), ratingRows(db, workspaceId, [a.id], sides)]);
  const byKey = new Map(ratings.map((r) => [`${r.rater}:${r.competencyId}`, r]));
  const rows = computeGaps(
    comps.map((c) => {
      const self = byKey.get(`self:${c.id}`);
      const coach = byKey.get(`coach:${c.id}`);
      return { competencyId: c.id, expected: c.expected, self: self?.rating ?? null, coach: coach?.rating ?? null, selfImportance: self?.importance, coachImportance: coach?.importance };
    }),
    framework.ratesImportance,
  );
  const comp = new Map(comps.map((c) => [c.id, c]));
  return rows
    .filter((r) => r.gap !== null && r.weightedGap !== null)
    .map((r) => ({
      competencyId: r.competencyId,
      key: comp.get(r.competencyId)!.key,
      name: comp.get(r.competencyId)!.name,
      frameworkId: a.frameworkId,
      expected: r.expected,
      self: r.self,
      coach: r.coach,
      gap: r.gap!,
      weightedGap: r.weightedGap!,
    }));
}
