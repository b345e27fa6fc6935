import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { proposalLabel } from './assessments.proposals.repository.js';
import {
  assessmentRatings,
  assessments,
  competencies,
  components,
  competencyFrameworks,
  decisions,
  experiments,
  featureRequirements,
  features,
  feedback,
  interviews,
  ladderLevels,
  levelExpectations,
  members,
  opportunities,
  strategyProposals,
  personLevels,
  statusUpdates,
  user,
  type ArtifactLink,
} from '../../db/schema/index.js';

export type AssessmentRow = typeof assessments.$inferSelect;
export type RatingRow = typeof assessmentRatings.$inferSelect;
export type Side = 'self' | 'coach';

export interface AssessmentFull extends AssessmentRow {
  personName: string;
  coachName: string | null;
  frameworkName: string;
  frameworkKey: string | null;
  /** The stored level, else the person's current one: the yardstick for expectations. */
  effectiveLevelId: string | null;
  levelTitle: string | null;
}

const nameOf = (memberId: SQL | typeof assessments.personId) =>
  sql<string | null>`(select u.name from ${members} m join ${user} u on u.id = m.user_id where m.id = ${memberId})`;

/** The level an assessment is measured against: the one stored when it was opened, else the person's current one. */
const effectiveLevel = sql<string | null>`coalesce(${assessments.levelId}, (select pl.level_id from ${personLevels} pl where pl.member_id = ${assessments.personId}))`;

const fullColumns = {
  row: assessments,
  personName: nameOf(assessments.personId),
  coachName: nameOf(sql`${assessments.coachId}`),
  frameworkName: competencyFrameworks.name,
  frameworkKey: competencyFrameworks.key,
  effectiveLevelId: effectiveLevel,
  levelTitle: sql<string | null>`(select l.title from ${ladderLevels} l where l.id = ${effectiveLevel})`,
};

/** Chronological order of assessments: by the period's start, else by when it was opened. */
const periodOrder = sql`coalesce(${assessments.periodStart}, (${assessments.createdAt} at time zone 'UTC')::date)`;

function toFull(r: { row: AssessmentRow; personName: string | null; coachName: string | null; frameworkName: string; frameworkKey: string | null; effectiveLevelId: string | null; levelTitle: string | null }): AssessmentFull {
  return { ...r.row, personName: r.personName ?? 'Unknown', coachName: r.coachName, frameworkName: r.frameworkName, frameworkKey: r.frameworkKey, effectiveLevelId: r.effectiveLevelId, levelTitle: r.levelTitle };
}

export async function findAssessmentRow(db: Db, workspaceId: string, id: string): Promise<AssessmentFull | undefined> {
  const [r] = await db
    .select(fullColumns)
    .from(assessments)
    .innerJoin(competencyFrameworks, eq(competencyFrameworks.id, assessments.frameworkId))
    .where(and(eq(assessments.workspaceId, workspaceId), eq(assessments.id, id)));
  return r ? toFull(r) : undefined;
}

export interface AssessmentFilter {
  personId?: string;
  period?: string;
  frameworkId?: string;
  /** Only assessments of this person or coached by them (a PM's own view). */
  involving?: string;
  limit: number;
  offset: number;
}

/** Assessments, latest period first, and the total matching. */
export async function listAssessmentRows(db: Db, workspaceId: string, q: AssessmentFilter): Promise<{ rows: AssessmentFull[]; total: number }> {
  const where: SQL[] = [eq(assessments.workspaceId, workspaceId)];
  if (q.personId) where.push(eq(assessments.personId, q.personId));
  if (q.period) where.push(eq(assessments.period, q.period));
  if (q.frameworkId) where.push(eq(assessments.frameworkId, q.frameworkId));
  if (q.involving) where.push(or(eq(assessments.personId, q.involving), eq(assessments.coachId, q.involving))!);
  const rows = await db
    .select({ ...fullColumns, total: sql<number>`count(*) over ()` })
    .from(assessments)
    .innerJoin(competencyFrameworks, eq(competencyFrameworks.id, assessments.frameworkId))
    .where(and(...where))
    .orderBy(desc(periodOrder), desc(assessments.createdAt), asc(assessments.id))
    .limit(q.limit)
    .offset(q.offset);
  if (rows.length || q.offset === 0) return { rows: rows.map(toFull), total: Number(rows[0]?.total ?? 0) };
  const [r] = await db.select({ n: sql<number>`count(*)` }).from(assessments).where(and(...where));
  return { rows: [], total: Number(r?.n ?? 0) };
}

/** The person's assessment for this framework and period, if one exists. */
export async function findAssessmentForPeriod(db: Db, f: { workspaceId: string; personId: string; frameworkId: string; period: string }): Promise<{ id: string } | undefined> {
  const [r] = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.workspaceId, f.workspaceId), eq(assessments.personId, f.personId), eq(assessments.frameworkId, f.frameworkId), eq(assessments.period, f.period)));
  return r;
}

export async function insertAssessment(db: Db, row: typeof assessments.$inferInsert): Promise<void> {
  await db.insert(assessments).values(row);
}

export async function deleteAssessmentRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(assessments).where(and(eq(assessments.workspaceId, workspaceId), eq(assessments.id, id)));
}

/** Makes the member the coach of an assessment that has none yet; false when someone was first. */
export async function claimCoach(db: Db, workspaceId: string, id: string, coachId: string): Promise<boolean> {
  const rows = await db
    .update(assessments)
    .set({ coachId, version: sql`${assessments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(assessments.workspaceId, workspaceId), eq(assessments.id, id), isNull(assessments.coachId)))
    .returning({ id: assessments.id });
  return rows.length > 0;
}

/** Submits a side still in draft; false when it was already submitted. */
export async function markSideSubmitted(db: Db, workspaceId: string, id: string, side: Side): Promise<boolean> {
  const now = new Date();
  const patch = side === 'self' ? { selfStatus: 'submitted', selfSubmittedAt: now } : { coachStatus: 'submitted', coachSubmittedAt: now };
  const status = side === 'self' ? assessments.selfStatus : assessments.coachStatus;
  const rows = await db
    .update(assessments)
    .set({ ...patch, version: sql`${assessments.version} + 1`, updatedAt: now })
    .where(and(eq(assessments.workspaceId, workspaceId), eq(assessments.id, id), eq(status, 'draft')))
    .returning({ id: assessments.id });
  return rows.length > 0;
}

/** Bumps the version after a ratings change, so readers know the assessment moved. */
export async function touchAssessment(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .update(assessments)
    .set({ version: sql`${assessments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(assessments.workspaceId, workspaceId), eq(assessments.id, id)));
}

export interface FrameworkInfo {
  id: string;
  key: string | null;
  name: string;
  scaleMin: number;
  scaleMax: number;
  scaleLabels: string[];
  ratesImportance: boolean;
}

export async function findFramework(db: Db, workspaceId: string, frameworkId: string): Promise<FrameworkInfo | undefined> {
  const [r] = await db
    .select({
      id: competencyFrameworks.id,
      key: competencyFrameworks.key,
      name: competencyFrameworks.name,
      scaleMin: competencyFrameworks.scaleMin,
      scaleMax: competencyFrameworks.scaleMax,
      scaleLabels: competencyFrameworks.scaleLabels,
      ratesImportance: competencyFrameworks.ratesImportance,
    })
    .from(competencyFrameworks)
    .where(and(eq(competencyFrameworks.workspaceId, workspaceId), eq(competencyFrameworks.id, frameworkId)));
  return r;
}

export interface CompetencyWithExpectation {
  id: string;
  key: string;
  name: string;
  area: string;
  description: string;
  descriptors: string[];
  position: number;
  expected: number | null;
}

/** The framework's competencies in order, with what the level expects of each (null without a level). */
export async function competenciesWithExpectations(db: Db, workspaceId: string, frameworkId: string, levelId: string | null): Promise<CompetencyWithExpectation[]> {
  return db
    .select({
      id: competencies.id,
      key: competencies.key,
      name: competencies.name,
      area: competencies.area,
      description: competencies.description,
      descriptors: competencies.descriptors,
      position: competencies.position,
      expected: levelId ? levelExpectations.expected : sql<number | null>`null::int`,
    })
    .from(competencies)
    .leftJoin(levelExpectations, and(eq(levelExpectations.competencyId, competencies.id), eq(levelExpectations.levelId, levelId ?? sql`null::uuid`)))
    .where(and(eq(competencies.workspaceId, workspaceId), eq(competencies.frameworkId, frameworkId)))
    .orderBy(asc(competencies.position), asc(competencies.name));
}

/** Ratings of the given sides of one or more assessments. */
export async function ratingRows(db: Db, workspaceId: string, assessmentIds: readonly string[], sides: readonly Side[]): Promise<RatingRow[]> {
  if (!assessmentIds.length || !sides.length) return [];
  return db
    .select()
    .from(assessmentRatings)
    .where(and(eq(assessmentRatings.workspaceId, workspaceId), inArray(assessmentRatings.assessmentId, [...assessmentIds]), inArray(assessmentRatings.rater, [...sides])));
}

export interface RatingUpsert {
  id: string;
  workspaceId: string;
  assessmentId: string;
  competencyId: string;
  rater: Side;
  raterId: string;
  rating: number | null;
  importance: number | null | undefined;
  evidence: string | undefined;
  links: ArtifactLink[] | undefined;
}

/** Inserts or updates one side's ratings; fields left undefined keep what was there. */
export async function upsertRatings(db: Db, rows: readonly RatingUpsert[]): Promise<void> {
  for (const r of rows) {
    const set: Record<string, unknown> = {
      rating: r.rating,
      raterId: r.raterId,
      version: sql`${assessmentRatings.version} + 1`,
      updatedAt: new Date(),
    };
    if (r.importance !== undefined) set.importance = r.importance;
    if (r.evidence !== undefined) set.evidence = r.evidence;
    if (r.links !== undefined) set.links = r.links;
    await db
      .insert(assessmentRatings)
      .values({
        id: r.id,
        workspaceId: r.workspaceId,
        assessmentId: r.assessmentId,
        competencyId: r.competencyId,
        rater: r.rater,
        raterId: r.raterId,
        rating: r.rating,
        importance: r.importance ?? null,
        evidence: r.evidence ?? '',
        links: r.links ?? [],
      })
      .onConflictDoUpdate({ target: [assessmentRatings.assessmentId, assessmentRatings.competencyId, assessmentRatings.rater], set });
  }
}

export interface MemberBasics {
  id: string;
  name: string;
  role: string;
}

export async function memberBasics(db: Db, workspaceId: string, ids: readonly string[]): Promise<Map<string, MemberBasics>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: members.id, name: user.name, role: members.role })
    .from(members)
    .innerJoin(user, eq(user.id, members.userId))
    .where(and(eq(members.workspaceId, workspaceId), inArray(members.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The accounts behind these members, to notify them. */
export async function memberUserIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), inArray(members.id, [...new Set(ids)])));
  return rows.map((r) => r.userId);
}

// ---------------------------------------------------------------------------------------------
// Evidence links
// ---------------------------------------------------------------------------------------------

export type LinkType = 'interview' | 'experiment' | 'feature' | 'requirements' | 'opportunity' | 'feedback' | 'decision' | 'update';

/** How a decision reads as evidence: “Declined: Fax support”. */
const decisionLabel = sql<string>`(case ${decisions.action} when 'accept' then 'Accepted' when 'merge' then 'Merged' when 'defer' then 'Deferred' when 'roadmap' then 'Roadmap decision' else 'Declined' end) || ': ' || ${decisions.title}`;
/** How a status update reads as evidence: “Billing status update, 2027-W02”. */
const updateLabel = sql<string>`${components.name} || ' status update, ' || ${statusUpdates.period}`;

/** The titles of linked records of one type that exist in the workspace, by id. */
export async function linkTargets(db: Db, workspaceId: string, type: LinkType, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const list = [...new Set(ids)];
  let rows: { id: string; label: string }[];
  switch (type) {
    case 'interview':
      rows = await db.select({ id: interviews.id, label: interviews.title }).from(interviews).where(and(eq(interviews.workspaceId, workspaceId), inArray(interviews.id, list)));
      break;
    case 'experiment':
      rows = await db
        .select({ id: experiments.id, label: sql<string>`coalesce(nullif(${experiments.title}, ''), ${experiments.hypothesis})` })
        .from(experiments)
        .where(and(eq(experiments.workspaceId, workspaceId), inArray(experiments.id, list)));
      break;
    case 'feature':
      rows = await db.select({ id: features.id, label: features.title }).from(features).where(and(eq(features.workspaceId, workspaceId), inArray(features.id, list)));
      break;
    case 'requirements':
      // A requirements link points at the feature whose document it is; the document must exist.
      rows = await db
        .select({ id: features.id, label: sql<string>`${features.title} || ' — requirements'` })
        .from(features)
        .innerJoin(featureRequirements, eq(featureRequirements.featureId, features.id))
        .where(and(eq(features.workspaceId, workspaceId), inArray(features.id, list)));
      break;
    case 'opportunity':
      rows = await db.select({ id: opportunities.id, label: opportunities.title }).from(opportunities).where(and(eq(opportunities.workspaceId, workspaceId), inArray(opportunities.id, list)));
      break;
    case 'feedback':
      rows = await db
        .select({ id: feedback.id, label: sql<string>`left(${feedback.text}, 100)` })
        .from(feedback)
        .where(and(eq(feedback.workspaceId, workspaceId), inArray(feedback.id, list)));
      break;
    case 'decision':
      rows = await db.select({ id: decisions.id, label: decisionLabel }).from(decisions).where(and(eq(decisions.workspaceId, workspaceId), inArray(decisions.id, list)));
      break;
    case 'update':
      rows = await db
        .select({ id: statusUpdates.id, label: updateLabel })
        .from(statusUpdates)
        .innerJoin(components, eq(components.id, statusUpdates.componentId))
        .where(and(eq(statusUpdates.workspaceId, workspaceId), inArray(statusUpdates.id, list)));
      break;
  }
  return new Map(rows.map((r) => [r.id, r.label]));
}

export interface ArtifactRow {
  type: LinkType | 'proposal';
  id: string;
  label: string;
  date: string;
}

/** The person's recent interviews, experiments, features, requirements documents, opportunities and strategy proposals, newest first. */
export async function personArtifactRows(db: Db, workspaceId: string, personId: string, q: string | undefined, limit: number): Promise<ArtifactRow[]> {
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const each = async (type: LinkType | 'proposal'): Promise<ArtifactRow[]> => {
    switch (type) {
      case 'interview':
        return db
          .select({ type: sql<LinkType>`'interview'`, id: interviews.id, label: interviews.title, date: sql<string>`${interviews.date}::text` })
          .from(interviews)
          .where(and(eq(interviews.workspaceId, workspaceId), eq(interviews.interviewerId, personId), like ? ilike(interviews.title, like) : undefined))
          .orderBy(desc(interviews.date))
          .limit(limit);
      case 'experiment': {
        const label = sql<string>`coalesce(nullif(${experiments.title}, ''), ${experiments.hypothesis})`;
        return db
          .select({ type: sql<LinkType>`'experiment'`, id: experiments.id, label, date: sql<string>`(${experiments.updatedAt} at time zone 'UTC')::date::text` })
          .from(experiments)
          .where(and(eq(experiments.workspaceId, workspaceId), eq(experiments.ownerId, personId), like ? sql`${label} ilike ${like}` : undefined))
          .orderBy(desc(experiments.updatedAt))
          .limit(limit);
      }
      case 'feature':
        return db
          .select({ type: sql<LinkType>`'feature'`, id: features.id, label: features.title, date: sql<string>`(${features.updatedAt} at time zone 'UTC')::date::text` })
          .from(features)
          .where(and(eq(features.workspaceId, workspaceId), eq(features.ownerId, personId), like ? ilike(features.title, like) : undefined))
          .orderBy(desc(features.updatedAt))
          .limit(limit);
      case 'requirements':
        // Documents of the person's features, and documents they last edited.
        return db
          .select({
            type: sql<LinkType>`'requirements'`,
            id: features.id,
            label: sql<string>`${features.title} || ' — requirements'`,
            date: sql<string>`(${featureRequirements.updatedAt} at time zone 'UTC')::date::text`,
          })
          .from(featureRequirements)
          .innerJoin(features, eq(features.id, featureRequirements.featureId))
          .where(
            and(
              eq(featureRequirements.workspaceId, workspaceId),
              or(eq(features.ownerId, personId), eq(featureRequirements.updatedById, personId)),
              like ? ilike(features.title, like) : undefined,
            ),
          )
          .orderBy(desc(featureRequirements.updatedAt))
          .limit(limit);
      case 'opportunity':
        return db
          .select({ type: sql<LinkType>`'opportunity'`, id: opportunities.id, label: opportunities.title, date: sql<string>`(${opportunities.updatedAt} at time zone 'UTC')::date::text` })
          .from(opportunities)
          .where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.ownerId, personId), like ? ilike(opportunities.title, like) : undefined))
          .orderBy(desc(opportunities.updatedAt))
          .limit(limit);
      case 'proposal': {
        const rows = await db
          .select({ id: strategyProposals.id, section: strategyProposals.section, text: strategyProposals.text, date: sql<string>`(${strategyProposals.createdAt} at time zone 'UTC')::date::text` })
          .from(strategyProposals)
          .where(and(eq(strategyProposals.workspaceId, workspaceId), eq(strategyProposals.authorId, personId), like ? sql`${strategyProposals.text} ilike ${like}` : undefined))
          .orderBy(desc(strategyProposals.createdAt))
          .limit(limit);
        return rows.map((r) => ({ type: 'proposal' as const, id: r.id, label: proposalLabel(r.section, r.text), date: r.date }));
      }
      case 'decision':
        // Decisions the person made.
        return db
          .select({ type: sql<LinkType>`'decision'`, id: decisions.id, label: decisionLabel, date: sql<string>`(${decisions.decidedAt} at time zone 'UTC')::date::text` })
          .from(decisions)
          .where(and(eq(decisions.workspaceId, workspaceId), eq(decisions.decidedById, personId), like ? sql`${decisionLabel} ilike ${like}` : undefined))
          .orderBy(desc(decisions.decidedAt))
          .limit(limit);
      case 'update':
        // Status updates the person wrote.
        return db
          .select({ type: sql<LinkType>`'update'`, id: statusUpdates.id, label: updateLabel, date: sql<string>`(${statusUpdates.createdAt} at time zone 'UTC')::date::text` })
          .from(statusUpdates)
          .innerJoin(components, eq(components.id, statusUpdates.componentId))
          .where(and(eq(statusUpdates.workspaceId, workspaceId), eq(statusUpdates.authorId, personId), like ? sql`${updateLabel} ilike ${like}` : undefined))
          .orderBy(desc(statusUpdates.createdAt))
          .limit(limit);
      case 'feedback':
        return [];
    }
  };
  const all = (await Promise.all((['interview', 'experiment', 'feature', 'requirements', 'opportunity', 'proposal', 'decision', 'update'] as const).map(each))).flat();
  return all.sort((a, b) => (a.date === b.date ? a.label.localeCompare(b.label) : a.date < b.date ? 1 : -1)).slice(0, limit);
}

// ---------------------------------------------------------------------------------------------
// Latest and historical assessments
// ---------------------------------------------------------------------------------------------

const anySubmitted = or(eq(assessments.selfStatus, 'submitted'), eq(assessments.coachStatus, 'submitted'))!;

/** The person's latest assessment with at least one submitted side (any framework). */
export async function latestSubmittedAssessment(db: Db, workspaceId: string, personId: string): Promise<AssessmentFull | undefined> {
  const [r] = await db
    .select(fullColumns)
    .from(assessments)
    .innerJoin(competencyFrameworks, eq(competencyFrameworks.id, assessments.frameworkId))
    .where(and(eq(assessments.workspaceId, workspaceId), eq(assessments.personId, personId), anySubmitted))
    .orderBy(desc(periodOrder), desc(assessments.createdAt))
    .limit(1);
  return r ? toFull(r) : undefined;
}

/** The person's assessments on one framework with at least one submitted side, oldest period first. */
export async function submittedAssessmentsOf(db: Db, workspaceId: string, personId: string, frameworkId: string): Promise<AssessmentFull[]> {
  const rows = await db
    .select(fullColumns)
    .from(assessments)
    .innerJoin(competencyFrameworks, eq(competencyFrameworks.id, assessments.frameworkId))
    .where(and(eq(assessments.workspaceId, workspaceId), eq(assessments.personId, personId), eq(assessments.frameworkId, frameworkId), anySubmitted))
    .orderBy(asc(periodOrder), asc(assessments.createdAt));
  return rows.map(toFull);
}

/** What each of these levels expects on each competency of the framework: `${levelId}:${competencyId}` → rating. */
export async function expectationsFor(db: Db, workspaceId: string, levelIds: readonly string[], frameworkId: string): Promise<Map<string, number>> {
  const ids = [...new Set(levelIds)];
  if (!ids.length) return new Map();
  const rows = await db
    .select({ levelId: levelExpectations.levelId, competencyId: levelExpectations.competencyId, expected: levelExpectations.expected })
    .from(levelExpectations)
    .innerJoin(competencies, eq(competencies.id, levelExpectations.competencyId))
    .where(and(eq(levelExpectations.workspaceId, workspaceId), inArray(levelExpectations.levelId, ids), eq(competencies.frameworkId, frameworkId)));
  return new Map(rows.map((r) => [`${r.levelId}:${r.competencyId}`, r.expected]));
}
