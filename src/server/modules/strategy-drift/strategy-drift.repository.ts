import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { components, dependencies, features, keyResultFeatures, keyResults, members, objectives, okrPeriods, pillars, products, user } from '../../db/schema/index.js';
import { SQL_CONFLICT } from '../dependencies/dependencies.repository.js';

/**
 * The queries of the drift report. Each aggregates in SQL and returns only what the report shows, so
 * the report costs a handful of index-driven queries whatever the size of the product (20,000 features
 * in the bench): features are reached through the product's components (features_workspace_component_idx),
 * objectives through objectives_product_period_idx, key results through key_results_objective_idx.
 */

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows;
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const epochIso = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(Number(v) * 1000).toISOString());
const uuidArray = (ids: readonly string[]) => sql`array[${sql.join(
  ids.map((id) => sql`${id}`),
  sql`, `,
)}]::uuid[]`;

/**
 * A planned feature of the product (alias `f`, joined to its component `c`): in one of the product's
 * components, neither shipped nor won't do, and on the board (a horizon) or planned or in progress.
 */
const PLANNED = sql.raw(`f.status not in ('shipped', 'wont_do') and (f.horizon is not null or f.status in ('planned', 'in_progress'))`);

/**
 * A key result's progress from 0 to 1, as okrs.progress.ts computes it: increase (current − start) /
 * (target − start), decrease (start − current) / (start − target), clamped; no current value → 0;
 * milestone: done (current ≥ 1) or not; a target equal to the start counts as reached only when the
 * current value equals it. Kept in SQL so the at-risk filter runs in the database.
 */
const PROGRESS = sql.raw(`(case
  when kr.type = 'milestone' then case when coalesce(kr.current_value, 0) >= 1 then 1 else 0 end
  when kr.current_value is null then 0
  when kr.target_value = kr.start_value then case when kr.current_value = kr.target_value then 1 else 0 end
  when kr.direction = 'decrease' then greatest(0, least(1, (kr.start_value - kr.current_value) / (kr.start_value - kr.target_value)))
  else greatest(0, least(1, (kr.current_value - kr.start_value) / (kr.target_value - kr.start_value)))
end)::float8`);

/** The product, if it is in the workspace. */
export async function findProduct(db: Db, workspaceId: string, productId: string): Promise<{ id: string; name: string } | null> {
  const [row] = rowsOf(await db.execute(sql`select p.id, p.name from ${products} p where p.workspace_id = ${workspaceId} and p.id = ${productId}`));
  return row ? { id: row.id as string, name: row.name as string } : null;
}

export interface PeriodRow {
  id: string;
  name: string;
  kind: string;
  startsOn: string;
  endsOn: string;
}

/** Every OKR period of the workspace, latest start first. */
export async function listPeriods(db: Db, workspaceId: string): Promise<PeriodRow[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select p.id, p.name, p.kind, p.starts_on::text as starts_on, p.ends_on::text as ends_on from ${okrPeriods} p
      where p.workspace_id = ${workspaceId} order by p.starts_on desc, p.ends_on desc, p.name`),
  );
  return rows.map((r) => ({ id: r.id as string, name: r.name as string, kind: r.kind as string, startsOn: r.starts_on as string, endsOn: r.ends_on as string }));
}

export interface PillarRow {
  id: string;
  name: string;
  status: string;
  targetShare: number;
}

/** The product's pillars in their order. */
export async function listProductPillars(db: Db, workspaceId: string, productId: string): Promise<PillarRow[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select p.id, p.name, p.status, p.target_share::float8 as target_share from ${pillars} p
      where p.workspace_id = ${workspaceId} and p.product_id = ${productId} order by p.position, p.name, p.id`),
  );
  return rows.map((r) => ({ id: r.id as string, name: r.name as string, status: r.status as string, targetShare: num(r.target_share) }));
}

export interface EffortGroup {
  pillarId: string | null;
  featureCount: number;
  effort: number;
  unestimatedCount: number;
}

/** The product's planned features grouped by pillar: count, effort (null counts 0) and how many are unestimated. */
export async function plannedEffortByPillar(db: Db, workspaceId: string, productId: string): Promise<EffortGroup[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select f.pillar_id, count(*)::int as n, coalesce(sum(f.effort), 0)::float8 as effort, count(*) filter (where f.effort is null)::int as unestimated
      from ${components} c join ${features} f on f.component_id = c.id and f.workspace_id = ${workspaceId}
      where c.workspace_id = ${workspaceId} and c.product_id = ${productId} and ${PLANNED}
      group by f.pillar_id`),
  );
  return rows.map((r) => ({ pillarId: str(r.pillar_id), featureCount: num(r.n), effort: num(r.effort), unestimatedCount: num(r.unestimated) }));
}

export interface UnalignedFeatureRow {
  id: string;
  title: string;
  componentId: string;
  componentName: string;
  status: string;
  horizon: string | null;
  effort: number | null;
}

/**
 * The largest planned features of the product that serve none of its pillars (no pillar, or, should one
 * ever point elsewhere, a pillar of another product), by effort, unestimated ones last.
 */
export async function largestUnalignedFeatures(db: Db, workspaceId: string, productId: string, limit: number): Promise<UnalignedFeatureRow[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select f.id, f.title, f.component_id, c.name as component_name, f.status, f.horizon, f.effort::float8 as effort
      from ${components} c join ${features} f on f.component_id = c.id and f.workspace_id = ${workspaceId}
      where c.workspace_id = ${workspaceId} and c.product_id = ${productId} and ${PLANNED}
        and (f.pillar_id is null or not exists (select 1 from ${pillars} p where p.id = f.pillar_id and p.product_id = ${productId}))
      order by f.effort desc nulls last, f.title, f.id
      limit ${limit}`),
  );
  return rows.map((r) => ({
    id: r.id as string,
    title: r.title as string,
    componentId: r.component_id as string,
    componentName: r.component_name as string,
    status: r.status as string,
    horizon: str(r.horizon),
    effort: numOrNull(r.effort),
  }));
}

export interface ObjectiveRow {
  id: string;
  title: string;
  status: string;
  componentName: string | null;
  ownerId: string | null;
  ownerName: string | null;
  /** Its pillar when that pillar is one of the product's; null otherwise. */
  pillarId: string | null;
  keyResultCount: number;
  lastCheckInAt: string | null;
}

/** The product's objectives of the period, each with its key-result count and latest check-in. */
export async function listObjectives(db: Db, workspaceId: string, productId: string, periodId: string): Promise<ObjectiveRow[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select o.id, o.title, o.status, c.name as component_name, o.owner_id, u.name as owner_name, p.id as pillar_id,
        k.n as kr_count, k.last_at
      from ${objectives} o
      left join ${components} c on c.id = o.component_id
      left join ${members} m on m.id = o.owner_id
      left join ${user} u on u.id = m.user_id
      left join ${pillars} p on p.id = o.pillar_id and p.product_id = o.product_id
      cross join lateral (
        select count(*)::int as n, extract(epoch from max(kr.last_check_in_at))::float8 as last_at
        from ${keyResults} kr where kr.objective_id = o.id
      ) k
      where o.workspace_id = ${workspaceId} and o.product_id = ${productId} and o.period_id = ${periodId}
      order by o.title, o.id`),
  );
  return rows.map((r) => ({
    id: r.id as string,
    title: r.title as string,
    status: r.status as string,
    componentName: str(r.component_name),
    ownerId: str(r.owner_id),
    ownerName: str(r.owner_name),
    pillarId: str(r.pillar_id),
    keyResultCount: num(r.kr_count),
    lastCheckInAt: epochIso(r.last_at),
  }));
}

export interface RiskRow {
  id: string;
  title: string;
  objectiveId: string;
  objectiveTitle: string;
  ownerId: string | null;
  ownerName: string | null;
  progress: number;
  confidence: number | null;
  status: string | null;
}

/**
 * Key results of the product's active objectives in the period that are at risk: their latest check-in
 * says at risk or off track, or its confidence is at most `maxConfidence`, or their progress (0-1)
 * trails `expected` by more than `behind`.
 */
export async function listKeyResultsAtRisk(
  db: Db,
  q: { workspaceId: string; productId: string; periodId: string; expected: number; behind: number; maxConfidence: number },
): Promise<RiskRow[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select * from (
        select kr.id, kr.title, o.id as objective_id, o.title as objective_title, coalesce(kr.owner_id, o.owner_id) as owner_id,
          kr.confidence, kr.confidence_status, ${PROGRESS} as progress
        from ${objectives} o join ${keyResults} kr on kr.objective_id = o.id
        where o.workspace_id = ${q.workspaceId} and o.product_id = ${q.productId} and o.period_id = ${q.periodId} and o.status = 'active'
      ) x
      where x.confidence_status in ('at_risk', 'off_track') or x.confidence <= ${q.maxConfidence} or x.progress < ${q.expected - q.behind}::float8`),
  );
  const names = await memberNames(
    db,
    q.workspaceId,
    rows.map((r) => str(r.owner_id)),
  );
  return rows.map((r) => ({
    id: r.id as string,
    title: r.title as string,
    objectiveId: r.objective_id as string,
    objectiveTitle: r.objective_title as string,
    ownerId: str(r.owner_id),
    ownerName: names.get(str(r.owner_id) ?? '') ?? null,
    progress: num(r.progress),
    confidence: numOrNull(r.confidence),
    status: str(r.confidence_status),
  }));
}

/** Display names of members, by member id. */
async function memberNames(db: Db, workspaceId: string, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = rowsOf(
    await db.execute(sql`
      select m.id, u.name from ${members} m join ${user} u on u.id = m.user_id
      where m.workspace_id = ${workspaceId} and m.id = any(${uuidArray(wanted)})`),
  );
  return new Map(rows.map((r) => [r.id as string, r.name as string]));
}

export interface DrivingFeatureRow {
  keyResultId: string;
  keyResultTitle: string;
  objectiveId: string;
  objectiveTitle: string;
  ownerName: string | null;
  featureId: string;
  featureTitle: string;
  componentName: string;
  status: string;
  endDate: string | null;
  /** The end date is past (before today) and the feature is still open. */
  overdue: boolean;
  /** The end date falls after the period's end. */
  afterPeriod: boolean;
  /** At least one dependency of the feature (as the dependent) is in conflict. */
  conflicted: boolean;
}

/**
 * Open features driving the key results of the product's active objectives in the period that slipped
 * (end date before `today`, or after the period's end) or whose dependencies conflict (SQL_CONFLICT,
 * the dependencies module's rules, over the feature as the dependent `fa` and what it needs `fb`).
 */
export async function listSlippingDrivers(db: Db, q: { workspaceId: string; productId: string; periodId: string; today: string; periodEnd: string }): Promise<DrivingFeatureRow[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select * from (
        select kr.id as kr_id, kr.title as kr_title, o.id as objective_id, o.title as objective_title, coalesce(kr.owner_id, o.owner_id) as owner_id,
          fa.id as feature_id, fa.title as feature_title, ca.name as component_name, fa.status, fa.end_date::text as end_date,
          coalesce(fa.end_date < ${q.today}::date, false) as overdue,
          coalesce(fa.end_date > ${q.periodEnd}::date, false) as after_period,
          exists (select 1 from ${dependencies} d join ${features} fb on fb.id = d.depends_on_id where d.feature_id = fa.id and ${SQL_CONFLICT}) as conflicted
        from ${objectives} o
        join ${keyResults} kr on kr.objective_id = o.id
        join ${keyResultFeatures} krf on krf.key_result_id = kr.id
        join ${features} fa on fa.id = krf.feature_id and fa.workspace_id = ${q.workspaceId}
        join ${components} ca on ca.id = fa.component_id
        where o.workspace_id = ${q.workspaceId} and o.product_id = ${q.productId} and o.period_id = ${q.periodId} and o.status = 'active'
          and fa.status not in ('shipped', 'wont_do')
      ) x
      where x.overdue or x.after_period or x.conflicted
      order by x.objective_title, x.objective_id, x.kr_title, x.kr_id, x.feature_title, x.feature_id`),
  );
  const names = await memberNames(
    db,
    q.workspaceId,
    rows.map((r) => str(r.owner_id)),
  );
  return rows.map((r) => ({
    keyResultId: r.kr_id as string,
    keyResultTitle: r.kr_title as string,
    objectiveId: r.objective_id as string,
    objectiveTitle: r.objective_title as string,
    ownerName: names.get(str(r.owner_id) ?? '') ?? null,
    featureId: r.feature_id as string,
    featureTitle: r.feature_title as string,
    componentName: r.component_name as string,
    status: r.status as string,
    endDate: str(r.end_date),
    overdue: Boolean(r.overdue),
    afterPeriod: Boolean(r.after_period),
    conflicted: Boolean(r.conflicted),
  }));
}

export interface ConflictEdgeRow {
  featureId: string;
  a: { title: string; status: string; horizon: string | null; startDate: string | null; endDate: string | null };
  b: { title: string; status: string; horizon: string | null; startDate: string | null; endDate: string | null };
}

/** The dependencies in conflict of these features as dependents, with what the conflict rules read of both ends. */
export async function conflictingEdgesOf(db: Db, workspaceId: string, featureIds: readonly string[]): Promise<ConflictEdgeRow[]> {
  if (!featureIds.length) return [];
  const rows = rowsOf(
    await db.execute(sql`
      select fa.id as feature_id, fa.title as a_title, fa.status as a_status, fa.horizon as a_horizon, fa.start_date::text as a_start, fa.end_date::text as a_end,
        fb.title as b_title, fb.status as b_status, fb.horizon as b_horizon, fb.start_date::text as b_start, fb.end_date::text as b_end
      from ${dependencies} d join ${features} fa on fa.id = d.feature_id join ${features} fb on fb.id = d.depends_on_id
      where d.workspace_id = ${workspaceId} and d.feature_id = any(${uuidArray(featureIds)}) and ${SQL_CONFLICT}
      order by fb.title, fb.id`),
  );
  return rows.map((r) => ({
    featureId: r.feature_id as string,
    a: { title: r.a_title as string, status: r.a_status as string, horizon: str(r.a_horizon), startDate: str(r.a_start), endDate: str(r.a_end) },
    b: { title: r.b_title as string, status: r.b_status as string, horizon: str(r.b_horizon), startDate: str(r.b_start), endDate: str(r.b_end) },
  }));
}
