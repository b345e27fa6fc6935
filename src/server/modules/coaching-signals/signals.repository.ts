import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  competencies,
  competencyFrameworks,
  decisions,
  evidence,
  experiments,
  featureEvidence,
  featureRequirementRevisions,
  featureRequirements,
  features,
  feedback,
  interviews,
  keyResultCheckIns,
  members,
  statusUpdates,
  strategyProposals,
  user,
} from '../../db/schema/index.js';
import type { ExperimentFact, InterviewFact, Period, RequirementsFact } from './signals.rules.js';
import { periodInstants } from './signals.rules.js';

/** Whose work, over which period. */
export interface SignalQuery {
  workspaceId: string;
  personId: string;
  period: Period;
}

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows;
const epochToIso = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(Number(v) * 1000).toISOString());
const uuidArray = (ids: readonly string[]) => sql`array[${sql.join(
  ids.map((id) => sql`${id}`),
  sql`, `,
)}]::uuid[]`;

/**
 * The person's interviews in the period, each marked when it has a highlight, and the date of their
 * latest interview up to the period's end. Reads interviews_interviewer_idx, then the feedback of those
 * interviews (feedback_interview_idx) for their highlights.
 */
export async function readInterviews(db: Db, q: SignalQuery): Promise<{ items: InterviewFact[]; lastAt: string | null }> {
  const { workspaceId, personId, period } = q;
  const rows = rowsOf(
    await db.execute(sql`
      select m.last_at, r.id, r.title, r.date
      from (select max(i.date)::text as last_at from ${interviews} i
            where i.workspace_id = ${workspaceId} and i.interviewer_id = ${personId} and i.date <= ${period.to}) m
      left join lateral (
        select i.id, i.title, i.date::text as date from ${interviews} i
        where i.workspace_id = ${workspaceId} and i.interviewer_id = ${personId} and i.date between ${period.from} and ${period.to}
      ) r on true
      order by r.date, r.id`),
  );
  const lastAt = (rows[0]?.last_at as string | null) ?? null;
  const held = rows.filter((r) => r.id);
  if (!held.length) return { items: [], lastAt };
  // Highlights are feedback captured from the interview (feedback_interview_idx).
  const ids = held.map((r) => r.id as string);
  const highlighted = new Set(
    rowsOf(
      await db.execute(sql`
        select distinct f.interview_id from ${feedback} f
        where f.interview_id = any(${uuidArray(ids)}) and f.workspace_id = ${workspaceId}`),
    ).map((r) => r.interview_id as string),
  );
  return {
    items: held.map((r) => ({ id: r.id as string, title: r.title as string, date: r.date as string, highlighted: highlighted.has(r.id as string) })),
    lastAt,
  };
}

/**
 * Feedback the person first triaged in the period, how many of those they linked as evidence (to an
 * opportunity or a feature) in the period, and when they last triaged. Reads feedback_triaged_by_idx,
 * then the evidence of those items by their feedback id.
 */
export async function readTriage(db: Db, q: SignalQuery): Promise<{ count: number; quality: number; lastAt: string | null }> {
  const { workspaceId, personId } = q;
  const { start, end } = periodInstants(q.period);
  const [row] = rowsOf(
    await db.execute(sql`
      select
        count(*)::int as count,
        count(*) filter (where
          exists (select 1 from ${evidence} e where e.feedback_id = f.id and e.created_by_id = ${personId}
                  and e.created_at >= ${start}::timestamptz and e.created_at < ${end}::timestamptz)
          or exists (select 1 from ${featureEvidence} fe where fe.feedback_id = f.id and fe.created_by_id = ${personId}
                  and fe.created_at >= ${start}::timestamptz and fe.created_at < ${end}::timestamptz))::int as quality,
        (select extract(epoch from max(x.triaged_at))::float8 from ${feedback} x
         where x.workspace_id = ${workspaceId} and x.triaged_by_id = ${personId} and x.triaged_at < ${end}::timestamptz) as last_at
      from ${feedback} f
      where f.workspace_id = ${workspaceId} and f.triaged_by_id = ${personId} and f.triaged_at >= ${start}::timestamptz and f.triaged_at < ${end}::timestamptz`),
  );
  return { count: Number(row?.count ?? 0), quality: Number(row?.quality ?? 0), lastAt: epochToIso(row?.last_at) };
}

/**
 * The person's experiments that may have run up to the period's end (not merely planned): the rules
 * (signals.rules.ts) decide which ran and which concluded in the period. Reads experiments_owner_idx.
 */
export async function readExperiments(db: Db, q: SignalQuery): Promise<ExperimentFact[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select x.id, x.title, x.hypothesis, x.status, x.starts_on::text as starts_on, x.ends_on::text as ends_on,
        x.result is not null and x.result <> '' as has_result, to_char(x.created_at at time zone 'UTC', 'YYYY-MM-DD') as created_on
      from ${experiments} x
      where x.workspace_id = ${q.workspaceId} and x.owner_id = ${q.personId} and x.status <> 'planned'
        and coalesce(x.starts_on, x.ends_on, (x.created_at at time zone 'UTC')::date) <= ${q.period.to}
      order by coalesce(x.starts_on, x.ends_on, (x.created_at at time zone 'UTC')::date) desc, x.id`),
  );
  return rows.map((r) => ({
    id: r.id as string,
    title: (r.title as string) || (r.hypothesis as string).slice(0, 120),
    status: r.status as string,
    startsOn: (r.starts_on as string | null) ?? null,
    endsOn: (r.ends_on as string | null) ?? null,
    hasResult: Boolean(r.has_result),
    createdOn: r.created_on as string,
  }));
}

/**
 * The features whose requirements the person revised in the period, with the current document and
 * whether the feature has any linked evidence, and when they last revised any. Reads
 * feature_requirement_revisions_author_idx.
 */
export async function readRequirements(db: Db, q: SignalQuery): Promise<{ items: RequirementsFact[]; lastAt: string | null }> {
  const { workspaceId, personId } = q;
  const { start, end } = periodInstants(q.period);
  const rows = rowsOf(
    await db.execute(sql`
      select m.last_at, d.feature_id, d.last_revised, ft.title, fr.body,
        exists (select 1 from ${featureEvidence} fe where fe.feature_id = d.feature_id) as has_evidence
      from (select extract(epoch from max(r.created_at))::float8 as last_at from ${featureRequirementRevisions} r
            where r.workspace_id = ${workspaceId} and r.author_id = ${personId} and r.created_at < ${end}::timestamptz) m
      left join lateral (
        select r.feature_id, extract(epoch from max(r.created_at))::float8 as last_revised from ${featureRequirementRevisions} r
        where r.workspace_id = ${workspaceId} and r.author_id = ${personId} and r.created_at >= ${start}::timestamptz and r.created_at < ${end}::timestamptz
        group by r.feature_id
      ) d on true
      left join ${features} ft on ft.id = d.feature_id
      left join ${featureRequirements} fr on fr.feature_id = d.feature_id
      order by d.last_revised desc nulls last, d.feature_id`),
  );
  return {
    lastAt: epochToIso(rows[0]?.last_at),
    items: rows
      .filter((r) => r.feature_id && r.title !== null)
      .map((r) => ({
        featureId: r.feature_id as string,
        title: r.title as string,
        body: (r.body as string | null) ?? null,
        hasEvidence: Boolean(r.has_evidence),
        lastRevisedAt: epochToIso(r.last_revised)!,
      })),
  };
}

/**
 * The OKR check-ins the person wrote in the period, how many carry a note (the why behind the number),
 * and when they last checked in. Reads key_result_check_ins_author_idx.
 */
export async function readCheckIns(db: Db, q: SignalQuery): Promise<{ count: number; quality: number; lastAt: string | null }> {
  const { workspaceId, personId } = q;
  const { start, end } = periodInstants(q.period);
  const [row] = rowsOf(
    await db.execute(sql`
      select count(*) filter (where c.created_at >= ${start}::timestamptz)::int as count,
        count(*) filter (where c.created_at >= ${start}::timestamptz and btrim(c.note) <> '')::int as quality,
        extract(epoch from max(c.created_at))::float8 as last_at
      from ${keyResultCheckIns} c
      where c.author_id = ${personId} and c.workspace_id = ${workspaceId} and c.created_at < ${end}::timestamptz`),
  );
  return { count: Number(row?.count ?? 0), quality: Number(row?.quality ?? 0), lastAt: epochToIso(row?.last_at) };
}

/**
 * The strategy proposals the person made in the period, how many of those the lead accepted (so far),
 * and when they last proposed one. Reads strategy_proposals_author_idx.
 */
export async function readProposals(db: Db, q: SignalQuery): Promise<{ count: number; quality: number; lastAt: string | null }> {
  const { workspaceId, personId } = q;
  const { start, end } = periodInstants(q.period);
  const [row] = rowsOf(
    await db.execute(sql`
      select count(*) filter (where p.created_at >= ${start}::timestamptz)::int as count,
        count(*) filter (where p.created_at >= ${start}::timestamptz and p.status = 'accepted')::int as quality,
        extract(epoch from max(p.created_at))::float8 as last_at
      from ${strategyProposals} p
      where p.author_id = ${personId} and p.workspace_id = ${workspaceId} and p.created_at < ${end}::timestamptz`),
  );
  return { count: Number(row?.count ?? 0), quality: Number(row?.quality ?? 0), lastAt: epochToIso(row?.last_at) };
}

/** A decision's rationale explains it: it came from a template, or its free text runs to this many characters. */
export const EXPLAINED_RATIONALE_MIN = 40;

/**
 * The triage decisions the person made in the period, how many were explained (a rationale template, or
 * a free-text rationale of at least EXPLAINED_RATIONALE_MIN characters), and when they last decided one.
 * Reads decisions_decided_by_idx.
 */
export async function readDecisions(db: Db, q: SignalQuery): Promise<{ count: number; quality: number; lastAt: string | null }> {
  const { workspaceId, personId } = q;
  const { start, end } = periodInstants(q.period);
  const [row] = rowsOf(
    await db.execute(sql`
      select count(*) filter (where d.decided_at >= ${start}::timestamptz)::int as count,
        count(*) filter (where d.decided_at >= ${start}::timestamptz
          and (d.rationale_template_id is not null or char_length(btrim(d.rationale)) >= ${EXPLAINED_RATIONALE_MIN}))::int as quality,
        extract(epoch from max(d.decided_at))::float8 as last_at
      from ${decisions} d
      where d.decided_by_id = ${personId} and d.workspace_id = ${workspaceId} and d.decided_at < ${end}::timestamptz`),
  );
  return { count: Number(row?.count ?? 0), quality: Number(row?.quality ?? 0), lastAt: epochToIso(row?.last_at) };
}

/** The last day of an ISO week ("2027-W02"), YYYY-MM-DD, or null when the label is not one. */
export function isoWeekEnd(label: string): string | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1 || week > 53) return null;
  // The Monday of week 1 is the Monday on or before 4 January.
  const jan4 = Date.UTC(year, 0, 4);
  const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday1 + ((week - 1) * 7 + 6) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Whether a status update was delivered on time: written no later than the day after the last day of
 * the period it reports on (a week "2027-W02" or a month "2027-03"), so a Friday or a next-Monday-morning
 * update both count. A sprint's dates are not known from its name, so a sprint update counts as on time.
 */
export function updateOnTime(period: string, createdAt: Date): boolean {
  let last: string | null = isoWeekEnd(period);
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (!last && month && Number(month[2]) >= 1 && Number(month[2]) <= 12) last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).toISOString().slice(0, 10);
  if (!last) return true;
  const deadline = Date.parse(`${last}T00:00:00.000Z`) + 2 * 86_400_000;
  return createdAt.getTime() < deadline;
}

/**
 * The status updates the person wrote in the period, how many were on time (updateOnTime), and when
 * they last wrote one. Reads status_updates_author_idx.
 */
export async function readStatusUpdates(db: Db, q: SignalQuery): Promise<{ count: number; quality: number; lastAt: string | null }> {
  const { workspaceId, personId } = q;
  const { start, end } = periodInstants(q.period);
  const rows = rowsOf(
    await db.execute(sql`
      select u.period, extract(epoch from u.created_at)::float8 as created, u.created_at >= ${start}::timestamptz as in_period
      from ${statusUpdates} u
      where u.author_id = ${personId} and u.workspace_id = ${workspaceId} and u.created_at < ${end}::timestamptz
      order by u.created_at desc`),
  );
  const inPeriod = rows.filter((r) => r.in_period === true || r.in_period === 't');
  const quality = inPeriod.filter((r) => updateOnTime(r.period as string, new Date(Number(r.created) * 1000))).length;
  return { count: inPeriod.length, quality, lastAt: epochToIso(rows[0]?.created) };
}

/** Names of the default framework's competencies in this workspace ("product-lead"), by key; empty before it is seeded. */
export async function productLeadCompetencyNames(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const rows = rowsOf(
    await db.execute(sql`
      select c.key, c.name from ${competencies} c join ${competencyFrameworks} fw on fw.id = c.framework_id
      where fw.workspace_id = ${workspaceId} and fw.key = 'product-lead'`),
  );
  return new Map(rows.map((r) => [r.key as string, r.name as string]));
}

/** A member's display name, or null when they are not a member of the workspace. */
export async function findPersonName(db: Db, workspaceId: string, memberId: string): Promise<string | null> {
  const [row] = await db
    .select({ name: user.name })
    .from(members)
    .innerJoin(user, eq(user.id, members.userId))
    .where(and(eq(members.workspaceId, workspaceId), eq(members.id, memberId)));
  return row?.name ?? null;
}
