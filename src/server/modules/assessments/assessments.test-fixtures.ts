import { and, eq } from 'drizzle-orm';
import { competencyFrameworks, ladderLevels, personLevels } from '../../db/schema/index.js';
import type { Fixture, TestClient } from '../../test/helpers.js';
import { testDatabase } from '../../test/database.js';
import { ensureCoachingDefaults } from '../frameworks/frameworks.lookup.js';

/** Test factories for assessments: placements and built-in ids straight from the worker's database. */

export interface AssessmentJson {
  id: string;
  personId: string;
  coachId: string | null;
  frameworkId: string;
  period: string;
  periodStart: string | null;
  periodEnd: string | null;
  levelId: string | null;
  level: { id: string; title: string } | null;
  selfStatus: string;
  coachStatus: string;
  mySides: string[];
  canDelete: boolean;
  version: number;
}

export interface RatingJson {
  rating: number | null;
  importance: number | null;
  evidence: string;
  links: { type: string; id: string; label: string; exists: boolean }[];
}

export interface RatingsJson {
  assessmentId: string;
  scale: { min: number; max: number; labels: string[]; ratesImportance: boolean };
  sides: { self: { status: string; visible: boolean }; coach: { status: string; visible: boolean } };
  competencies: { competencyId: string; key: string; name: string; expected: number | null; self: RatingJson | null; coach: RatingJson | null }[];
}

/** Places a member at a built-in level (e.g. "product-manager"), seeding the coaching defaults first. */
export async function placeAt(f: Fixture, memberId: string, levelKey: string): Promise<string> {
  const { db } = await testDatabase();
  await ensureCoachingDefaults(db, f.workspaceId);
  const [level] = await db
    .select({ id: ladderLevels.id })
    .from(ladderLevels)
    .where(and(eq(ladderLevels.workspaceId, f.workspaceId), eq(ladderLevels.key, levelKey)));
  if (!level) throw new Error(`no level ${levelKey}`);
  await db
    .insert(personLevels)
    .values({ memberId, workspaceId: f.workspaceId, levelId: level.id })
    .onConflictDoUpdate({ target: personLevels.memberId, set: { levelId: level.id } });
  return level.id;
}

/** The id of a built-in framework of the workspace. */
export async function builtInFramework(f: Fixture, key: string): Promise<string> {
  const { db } = await testDatabase();
  await ensureCoachingDefaults(db, f.workspaceId);
  const [row] = await db
    .select({ id: competencyFrameworks.id })
    .from(competencyFrameworks)
    .where(and(eq(competencyFrameworks.workspaceId, f.workspaceId), eq(competencyFrameworks.key, key)));
  if (!row) throw new Error(`no framework ${key}`);
  return row.id;
}

export const put = (client: TestClient, url: string, body: unknown) => client.request('PUT', url, body);

/** Rates every competency of the side with the same rating, or per key where given. */
export async function rateAll(client: TestClient, w: string, assessmentId: string, side: 'self' | 'coach', rating: number | Record<string, number>, extra: { evidence?: string; importance?: number } = {}) {
  const view = (await client.get(`${w}/assessments/${assessmentId}/ratings`)).json<RatingsJson>();
  const ratings = view.competencies.map((c) => ({ competencyId: c.competencyId, rating: typeof rating === 'number' ? rating : (rating[c.key] ?? 3), ...extra }));
  return put(client, `${w}/assessments/${assessmentId}/ratings`, { side, ratings });
}
