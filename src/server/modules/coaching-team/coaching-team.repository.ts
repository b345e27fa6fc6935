import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assessmentRatings, assessments, coachingSessions, coachingSettings, ladderLevels, members, personLevels, user } from '../../db/schema/index.js';

/**
 * The team view's reads, each one set-based query over the whole workspace (no query per person), so
 * the heatmap stays fast with dozens of PMs, hundreds of assessments and thousands of sessions.
 */

export interface TeamPersonRow {
  id: string;
  name: string;
  role: string;
  levelId: string | null;
  levelTitle: string | null;
}

/** PMs, and anyone else with an assessment or a coaching session as coachee, by name. */
export async function teamPeople(db: Db, workspaceId: string): Promise<TeamPersonRow[]> {
  return db
    .select({ id: members.id, name: user.name, role: members.role, levelId: personLevels.levelId, levelTitle: ladderLevels.title })
    .from(members)
    .innerJoin(user, eq(user.id, members.userId))
    .leftJoin(personLevels, eq(personLevels.memberId, members.id))
    .leftJoin(ladderLevels, eq(ladderLevels.id, personLevels.levelId))
    .where(
      and(
        eq(members.workspaceId, workspaceId),
        sql`(${members.role} = 'pm'
          or exists (select 1 from ${assessments} a where a.workspace_id = ${workspaceId} and a.person_id = ${members.id})
          or exists (select 1 from ${coachingSessions} s where s.workspace_id = ${workspaceId} and s.coachee_id = ${members.id}))`,
      ),
    )
    .orderBy(user.name, members.id);
}

export interface TeamRating {
  competencyId: string;
  rater: 'self' | 'coach';
  rating: number | null;
  importance: number | null;
}

export interface RankedAssessmentRow {
  id: string;
  personId: string;
  period: string;
  levelId: string | null;
  /** 1 for the latest, 2 for the one before. */
  rank: number;
  /** The ratings of its submitted sides only: a draft side never reaches the team view. */
  ratings: TeamRating[];
}

/**
 * Per person, the latest two assessments on the framework with at least one submitted side, each
 * with the ratings of its submitted sides. One query: ranked by period with a window function, the
 * ratings folded into a JSON array per assessment (far fewer rows to carry than one per rating).
 */
export async function latestTwoAssessments(db: Db, workspaceId: string, frameworkId: string): Promise<RankedAssessmentRow[]> {
  // Raw SQL with explicit aliases: inside the correlated subquery an unqualified column would bind
  // to the ratings table, not to the ranked assessment.
  const result = await db.execute(sql`
    with ranked as (
      select a.id, a.person_id, a.period, a.self_status, a.coach_status,
        coalesce(a.level_id, pl.level_id) as level_id,
        row_number() over (partition by a.person_id order by coalesce(a.period_start, (a.created_at at time zone 'UTC')::date) desc, a.created_at desc) as rank
      from ${assessments} a
      left join ${personLevels} pl on pl.member_id = a.person_id
      where a.workspace_id = ${workspaceId} and a.framework_id = ${frameworkId}
        and (a.self_status = 'submitted' or a.coach_status = 'submitted')
    )
    select x.id, x.person_id, x.period, x.level_id, x.rank,
      coalesce((select json_agg(json_build_array(r.competency_id, r.rater, r.rating, r.importance))
        from ${assessmentRatings} r
        where r.assessment_id = x.id
          and ((r.rater = 'self' and x.self_status = 'submitted') or (r.rater = 'coach' and x.coach_status = 'submitted'))), '[]'::json) as ratings
    from ranked x
    where x.rank <= 2`);
  const rows = (result as unknown as { rows: { id: string; person_id: string; period: string; level_id: string | null; rank: number | string; ratings: unknown }[] }).rows;
  return rows.map((r) => {
    const raw = (typeof r.ratings === 'string' ? JSON.parse(r.ratings) : r.ratings) as [string, 'self' | 'coach', number | null, number | null][];
    return {
      id: r.id,
      personId: r.person_id,
      period: r.period,
      levelId: r.level_id,
      rank: Number(r.rank),
      ratings: raw.map(([competencyId, rater, rating, importance]) => ({ competencyId, rater, rating, importance })),
    };
  });
}

export interface CadenceRow {
  coacheeId: string;
  lastAt: Date | null;
  nextAt: Date | null;
  recent: number;
}

const parseTime = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));

/**
 * Session dates per coachee, from session metadata only (never notes): the last one that took place
 * (held, or scheduled in the past and not cancelled), the next scheduled one, and how many in 90 days.
 */
export async function sessionCadence(db: Db, workspaceId: string, now: Date): Promise<CadenceRow[]> {
  const at = sql`coalesce(${coachingSessions.heldAt}, ${coachingSessions.scheduledAt})`;
  const past = sql`${coachingSessions.status} <> 'cancelled' and ${at} <= ${now.toISOString()}::timestamptz`;
  const rows = await db
    .select({
      coacheeId: coachingSessions.coacheeId,
      lastAt: sql<unknown>`max(${at}) filter (where ${past})`,
      nextAt: sql<unknown>`min(${coachingSessions.scheduledAt}) filter (where ${coachingSessions.status} = 'scheduled' and ${coachingSessions.scheduledAt} > ${now.toISOString()}::timestamptz)`,
      recent: sql<number>`count(*) filter (where ${past} and ${at} > ${now.toISOString()}::timestamptz - interval '90 days')`,
    })
    .from(coachingSessions)
    .where(eq(coachingSessions.workspaceId, workspaceId))
    .groupBy(coachingSessions.coacheeId);
  return rows.map((r) => ({ coacheeId: r.coacheeId, lastAt: parseTime(r.lastAt), nextAt: parseTime(r.nextAt), recent: Number(r.recent) }));
}

/** The cadence a coach aims for, in days (14 unless the workspace set another). */
export async function cadenceDays(db: Db, workspaceId: string): Promise<number> {
  const [row] = await db.select({ days: coachingSettings.cadenceDays }).from(coachingSettings).where(eq(coachingSettings.workspaceId, workspaceId));
  return row?.days ?? 14;
}
