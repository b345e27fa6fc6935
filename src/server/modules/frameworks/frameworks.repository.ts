import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assessmentRatings, assessments, coachingQuestions, coachingSettings, competencies, competencyFrameworks, ladderLevels, ladders, levelExpectations } from '../../db/schema/index.js';

export type FrameworkRow = typeof competencyFrameworks.$inferSelect;
export type NewFrameworkRow = typeof competencyFrameworks.$inferInsert;
export type FrameworkPatch = Partial<Pick<NewFrameworkRow, 'name' | 'description' | 'source' | 'scaleMin' | 'scaleMax' | 'scaleLabels' | 'ratesImportance'>>;
export interface FrameworkWithCount extends FrameworkRow {
  competencyCount: number;
}
export type CompetencyRow = typeof competencies.$inferSelect;
export type NewCompetencyRow = typeof competencies.$inferInsert;
export type CompetencyPatch = Partial<Pick<NewCompetencyRow, 'key' | 'area' | 'name' | 'description' | 'descriptors' | 'position'>>;
export interface CompetencyWithCount extends CompetencyRow {
  questionCount: number;
}
export type QuestionRow = typeof coachingQuestions.$inferSelect;
export type NewQuestionRow = typeof coachingQuestions.$inferInsert;
export type ExpectationRow = typeof levelExpectations.$inferSelect;

// Advisory lock class of the coaching defaults (client.ts, dependencies and prioritization use 724_310_001, _004 and _005).
const COACHING_DEFAULTS_LOCK_CLASS = 724_310_010;

/** Serialises seeding one workspace's coaching defaults until the transaction ends. */
export async function lockCoachingDefaults(tx: Db, workspaceId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${COACHING_DEFAULTS_LOCK_CLASS}, hashtext(${workspaceId}))`);
}

/**
 * Whether the workspace's coaching defaults are in place: its default ladder (which cannot be deleted)
 * and a settings row naming the default framework (which cannot be deleted either). One cheap query,
 * so every read can ask before taking the lock.
 */
export async function coachingDefaultsPresent(db: Db, workspaceId: string): Promise<boolean> {
  const [r] = await db
    .select({ id: ladders.id })
    .from(ladders)
    .innerJoin(coachingSettings, and(eq(coachingSettings.workspaceId, ladders.workspaceId), isNotNull(coachingSettings.defaultFrameworkId)))
    .where(and(eq(ladders.workspaceId, workspaceId), eq(ladders.isDefault, true)))
    .limit(1);
  return Boolean(r);
}

// Frameworks ----------------------------------------------------------------------------------

const frameworkColumns = {
  row: competencyFrameworks,
  competencyCount: sql<number>`(select count(*) from ${competencies} c where c.framework_id = competency_frameworks.id)`,
};

/** The workspace's frameworks with their competency counts, built-in ones in catalog order first. */
export async function listFrameworkRows(db: Db, workspaceId: string): Promise<FrameworkWithCount[]> {
  const rows = await db
    .select(frameworkColumns)
    .from(competencyFrameworks)
    .where(eq(competencyFrameworks.workspaceId, workspaceId))
    .orderBy(
      sql`case ${competencyFrameworks.key} when 'product-lead' then 0 when 'pm-assessment' then 1 when 'competency-toolkit' then 2 when 'pm-wheel' then 3 else 4 end`,
      asc(competencyFrameworks.createdAt),
      asc(competencyFrameworks.name),
      asc(competencyFrameworks.id),
    );
  return rows.map((r) => ({ ...r.row, competencyCount: Number(r.competencyCount) }));
}

export async function findFrameworkRow(db: Db, workspaceId: string, id: string): Promise<FrameworkWithCount | undefined> {
  const [r] = await db
    .select(frameworkColumns)
    .from(competencyFrameworks)
    .where(and(eq(competencyFrameworks.workspaceId, workspaceId), eq(competencyFrameworks.id, id)));
  return r ? { ...r.row, competencyCount: Number(r.competencyCount) } : undefined;
}

/** Keys of the built-in frameworks the workspace holds. */
export async function builtInFrameworkIds(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: competencyFrameworks.id, key: competencyFrameworks.key })
    .from(competencyFrameworks)
    .where(and(eq(competencyFrameworks.workspaceId, workspaceId), sql`${competencyFrameworks.key} is not null`));
  return new Map(rows.map((r) => [r.key!, r.id]));
}

export async function insertFrameworkRows(db: Db, rows: NewFrameworkRow[]): Promise<void> {
  if (rows.length) await db.insert(competencyFrameworks).values(rows);
}

export async function updateFrameworkRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: FrameworkPatch) {
  const [row] = await db
    .update(competencyFrameworks)
    .set({ ...patch, version: sql`${competencyFrameworks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(competencyFrameworks.workspaceId, f.workspaceId), eq(competencyFrameworks.id, f.id), eq(competencyFrameworks.version, f.version)))
    .returning({ id: competencyFrameworks.id });
  return row;
}

export async function deleteFrameworkRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(competencyFrameworks).where(and(eq(competencyFrameworks.workspaceId, workspaceId), eq(competencyFrameworks.id, id)));
}

/** How many assessments use the framework (deleting it would delete them). */
export async function countAssessmentsOfFramework(db: Db, workspaceId: string, frameworkId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)` })
    .from(assessments)
    .where(and(eq(assessments.workspaceId, workspaceId), eq(assessments.frameworkId, frameworkId)));
  return Number(r?.n ?? 0);
}

// Competencies --------------------------------------------------------------------------------

const competencyColumns = {
  row: competencies,
  questionCount: sql<number>`(select count(*) from ${coachingQuestions} q where q.competency_id = competencies.id)`,
};

/** The framework's competencies in order, with the size of each one's question bank. */
export async function listCompetencyRows(db: Db, workspaceId: string, frameworkId: string): Promise<CompetencyWithCount[]> {
  const rows = await db
    .select(competencyColumns)
    .from(competencies)
    .where(and(eq(competencies.workspaceId, workspaceId), eq(competencies.frameworkId, frameworkId)))
    .orderBy(asc(competencies.position), asc(competencies.name), asc(competencies.id));
  return rows.map((r) => ({ ...r.row, questionCount: Number(r.questionCount) }));
}

export async function findCompetencyRow(db: Db, workspaceId: string, id: string): Promise<CompetencyWithCount | undefined> {
  const [r] = await db
    .select(competencyColumns)
    .from(competencies)
    .where(and(eq(competencies.workspaceId, workspaceId), eq(competencies.id, id)));
  return r ? { ...r.row, questionCount: Number(r.questionCount) } : undefined;
}

/** Names of these competencies (for version diffs), by id. */
export async function competencyNames(db: Db, workspaceId: string, ids: readonly string[]): Promise<Map<string, { name: string; frameworkId: string }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: competencies.id, name: competencies.name, frameworkId: competencies.frameworkId })
    .from(competencies)
    .where(and(eq(competencies.workspaceId, workspaceId), inArray(competencies.id, [...ids])));
  return new Map(rows.map((r) => [r.id, { name: r.name, frameworkId: r.frameworkId }]));
}

export async function insertCompetencyRows(db: Db, rows: NewCompetencyRow[]): Promise<void> {
  // Inserted in slices: one statement's bind parameters are bounded.
  for (let i = 0; i < rows.length; i += 200) await db.insert(competencies).values(rows.slice(i, i + 200));
}

export async function updateCompetencyRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: CompetencyPatch) {
  const [row] = await db
    .update(competencies)
    .set({ ...patch, version: sql`${competencies.version} + 1`, updatedAt: new Date() })
    .where(and(eq(competencies.workspaceId, f.workspaceId), eq(competencies.id, f.id), eq(competencies.version, f.version)))
    .returning({ id: competencies.id });
  return row;
}

export async function deleteCompetencyRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(competencies).where(and(eq(competencies.workspaceId, workspaceId), eq(competencies.id, id)));
}

/** The next free position at the end of the framework. */
export async function nextCompetencyPosition(db: Db, workspaceId: string, frameworkId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${competencies.position}) + 1, 0)` })
    .from(competencies)
    .where(and(eq(competencies.workspaceId, workspaceId), eq(competencies.frameworkId, frameworkId)));
  return Number(r?.n ?? 0);
}

/** Counts ratings already given on the competency (deleting it would delete them). */
export async function countRatingsOfCompetency(db: Db, competencyId: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)` }).from(assessmentRatings).where(eq(assessmentRatings.competencyId, competencyId));
  return Number(r?.n ?? 0);
}

// Question bank -------------------------------------------------------------------------------

/** Bank questions of these competencies, in bank order (competency position, then question position). */
export async function listQuestionRows(db: Db, workspaceId: string, competencyIds: readonly string[]): Promise<QuestionRow[]> {
  if (!competencyIds.length) return [];
  const rows = await db
    .select({ row: coachingQuestions })
    .from(coachingQuestions)
    .innerJoin(competencies, eq(competencies.id, coachingQuestions.competencyId))
    .where(and(eq(coachingQuestions.workspaceId, workspaceId), inArray(coachingQuestions.competencyId, [...competencyIds])))
    .orderBy(asc(competencies.position), asc(competencies.id), asc(coachingQuestions.position), asc(coachingQuestions.createdAt), asc(coachingQuestions.id));
  return rows.map((r) => r.row);
}

export async function findQuestionRow(db: Db, workspaceId: string, id: string): Promise<QuestionRow | undefined> {
  const [r] = await db
    .select()
    .from(coachingQuestions)
    .where(and(eq(coachingQuestions.workspaceId, workspaceId), eq(coachingQuestions.id, id)));
  return r;
}

export async function insertQuestionRows(db: Db, rows: NewQuestionRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insert(coachingQuestions).values(rows.slice(i, i + 200));
}

export async function deleteQuestionRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(coachingQuestions).where(and(eq(coachingQuestions.workspaceId, workspaceId), eq(coachingQuestions.id, id)));
}

export async function nextQuestionPosition(db: Db, workspaceId: string, competencyId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${coachingQuestions.position}) + 1, 0)` })
    .from(coachingQuestions)
    .where(and(eq(coachingQuestions.workspaceId, workspaceId), eq(coachingQuestions.competencyId, competencyId)));
  return Number(r?.n ?? 0);
}

// Level expectations --------------------------------------------------------------------------

/** Expectations of these levels on the framework's competencies (all frameworks when frameworkId is null). */
export async function listExpectationRows(db: Db, workspaceId: string, levelIds: readonly string[], frameworkId: string | null): Promise<(ExpectationRow & { frameworkId: string })[]> {
  if (!levelIds.length) return [];
  const where = [eq(levelExpectations.workspaceId, workspaceId), inArray(levelExpectations.levelId, [...levelIds])];
  if (frameworkId) where.push(eq(competencies.frameworkId, frameworkId));
  const rows = await db
    .select({ row: levelExpectations, frameworkId: competencies.frameworkId })
    .from(levelExpectations)
    .innerJoin(competencies, eq(competencies.id, levelExpectations.competencyId))
    .where(and(...where))
    .orderBy(asc(competencies.position), asc(competencies.id));
  return rows.map((r) => ({ ...r.row, frameworkId: r.frameworkId }));
}

/** Sets expectations, replacing any already there for the same level and competency. */
export async function upsertExpectationRows(db: Db, rows: ExpectationRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 300) {
    await db
      .insert(levelExpectations)
      .values(rows.slice(i, i + 300))
      .onConflictDoUpdate({ target: [levelExpectations.levelId, levelExpectations.competencyId], set: { expected: sql`excluded.expected` } });
  }
}

/** Copies every expectation set on one framework's competencies to the matching (same key) competencies of another. */
export async function copyExpectations(db: Db, workspaceId: string, fromFrameworkId: string, toFrameworkId: string): Promise<void> {
  await db.execute(sql`
    insert into ${levelExpectations} (workspace_id, level_id, competency_id, expected)
    select ${workspaceId}, e.level_id, target.id, e.expected
    from ${levelExpectations} e
    join ${competencies} source on source.id = e.competency_id and source.framework_id = ${fromFrameworkId}
    join ${competencies} target on target.framework_id = ${toFrameworkId} and target.key = source.key
    join ${ladderLevels} l on l.id = e.level_id and l.workspace_id = ${workspaceId}
    on conflict do nothing`);
}

/** Inserts expectations, leaving alone any the workspace already set. */
export async function insertMissingExpectationRows(db: Db, rows: ExpectationRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 300) await db.insert(levelExpectations).values(rows.slice(i, i + 300)).onConflictDoNothing();
}

/** Every competency of the workspace's built-in frameworks, as framework key → competency key → id. */
export async function builtInCompetencyIds(db: Db, workspaceId: string): Promise<Map<string, Map<string, string>>> {
  const rows = await db
    .select({ frameworkKey: competencyFrameworks.key, key: competencies.key, id: competencies.id })
    .from(competencies)
    .innerJoin(competencyFrameworks, eq(competencyFrameworks.id, competencies.frameworkId))
    .where(and(eq(competencies.workspaceId, workspaceId), sql`${competencyFrameworks.key} is not null`));
  const out = new Map<string, Map<string, string>>();
  for (const r of rows) {
    const inner = out.get(r.frameworkKey!) ?? new Map<string, string>();
    inner.set(r.key, r.id);
    out.set(r.frameworkKey!, inner);
  }
  return out;
}

/** The framework scale of each of these competencies, by competency id (for validating expectations). */
export async function competencyScales(db: Db, workspaceId: string, ids: readonly string[]): Promise<Map<string, { name: string; min: number; max: number }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: competencies.id, name: competencies.name, min: competencyFrameworks.scaleMin, max: competencyFrameworks.scaleMax })
    .from(competencies)
    .innerJoin(competencyFrameworks, eq(competencyFrameworks.id, competencies.frameworkId))
    .where(and(eq(competencies.workspaceId, workspaceId), inArray(competencies.id, [...ids])));
  return new Map(rows.map((r) => [r.id, { name: r.name, min: r.min, max: r.max }]));
}

/** Pulls every expectation on the framework's competencies into its new scale. */
export async function clampExpectations(db: Db, workspaceId: string, frameworkId: string, min: number, max: number): Promise<void> {
  await db
    .update(levelExpectations)
    .set({ expected: sql`least(greatest(${levelExpectations.expected}, ${min}), ${max})` })
    .where(
      and(
        eq(levelExpectations.workspaceId, workspaceId),
        inArray(levelExpectations.competencyId, db.select({ id: competencies.id }).from(competencies).where(eq(competencies.frameworkId, frameworkId))),
      ),
    );
}
