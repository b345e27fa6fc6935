import { assessmentRatings, assessments, competencies, competencyFrameworks, ladderLevels, ladders, levelExpectations } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { testDatabase } from '../../test/database.js';

/**
 * A custom framework with these competencies in the workspace, written straight to the test
 * database: growth tests need competencies, not the built-in catalogue.
 */
export async function seedCompetencies(workspaceId: string, names: string[]): Promise<{ frameworkId: string; ids: string[] }> {
  const { db } = await testDatabase();
  const frameworkId = newId();
  await db.insert(competencyFrameworks).values({ id: frameworkId, workspaceId, name: 'Growth test framework', scaleMin: 1, scaleMax: 5 });
  const ids = names.map(() => newId());
  await db.insert(competencies).values(names.map((name, i) => ({ id: ids[i]!, workspaceId, frameworkId, key: name.toLowerCase().replace(/\W+/g, '-'), name, position: i })));
  return { frameworkId, ids };
}

/**
 * A submitted coach assessment of the person on the framework, against a level that expects
 * `expected[i]` on competency i, with the coach rating `coach[i]`: the gaps learning suggestions read.
 */
export async function seedAssessedGaps(
  workspaceId: string,
  personId: string,
  framework: { frameworkId: string; ids: string[] },
  expected: number[],
  coach: number[],
): Promise<void> {
  const { db } = await testDatabase();
  const ladderId = newId();
  const levelId = newId();
  const assessmentId = newId();
  await db.insert(ladders).values({ id: ladderId, workspaceId, name: 'Growth test ladder' });
  await db.insert(ladderLevels).values({ id: levelId, workspaceId, ladderId, rank: 3, title: 'PM' });
  await db.insert(levelExpectations).values(framework.ids.map((competencyId, i) => ({ workspaceId, levelId, competencyId, expected: expected[i]! })));
  await db.insert(assessments).values({
    id: assessmentId,
    workspaceId,
    personId,
    frameworkId: framework.frameworkId,
    period: '2026-Q1',
    periodStart: '2026-01-01',
    periodEnd: '2026-03-31',
    levelId,
    coachStatus: 'submitted',
    coachSubmittedAt: new Date(),
  });
  await db.insert(assessmentRatings).values(framework.ids.map((competencyId, i) => ({ id: newId(), workspaceId, assessmentId, competencyId, rater: 'coach', rating: coach[i]! })));
}
