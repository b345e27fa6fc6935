import { and, asc, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { keyResults, members, metricPoints, metrics, objectives, products, user } from '../../db/schema/index.js';
import { METRIC_SPARKLINE_POINTS } from '../../../shared/contracts.js';

export type MetricRow = typeof metrics.$inferSelect;
export type MetricPatch = Partial<Pick<MetricRow, 'name' | 'description' | 'unit' | 'productId'>>;
export interface MetricFull extends MetricRow {
  productName: string | null;
}
export interface PointFull {
  id: string;
  at: Date;
  value: number;
  source: string;
  createdById: string | null;
  createdByName: string | null;
  createdAt: Date;
}

const likeEscape = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

function metricQuery(db: Db) {
  return db.select({ row: metrics, productName: products.name }).from(metrics).leftJoin(products, eq(products.id, metrics.productId));
}
const toFull = (r: { row: MetricRow; productName: string | null }): MetricFull => ({ ...r.row, productName: r.productName });

export async function listMetricRows(db: Db, workspaceId: string, q: { productId?: string; q?: string }): Promise<MetricFull[]> {
  const where: SQL[] = [eq(metrics.workspaceId, workspaceId)];
  if (q.productId) where.push(eq(metrics.productId, q.productId));
  if (q.q) {
    const like = `%${likeEscape(q.q)}%`;
    where.push(or(ilike(metrics.name, like), ilike(metrics.description, like))!);
  }
  const rows = await metricQuery(db)
    .where(and(...where))
    .orderBy(sql`lower(${metrics.name})`, asc(metrics.id));
  return rows.map(toFull);
}

export async function findMetricRow(db: Db, workspaceId: string, metricId: string, lock = false): Promise<MetricFull | undefined> {
  if (lock) {
    // Point writes of one metric are serialised, so the recomputed latest value and count hold.
    await db.select({ id: metrics.id }).from(metrics).where(and(eq(metrics.workspaceId, workspaceId), eq(metrics.id, metricId))).for('update');
  }
  const [row] = await metricQuery(db).where(and(eq(metrics.workspaceId, workspaceId), eq(metrics.id, metricId)));
  return row ? toFull(row) : undefined;
}

/** Another metric of the workspace with this name, whatever its case. */
export async function metricNamed(db: Db, workspaceId: string, name: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db
    .select({ id: metrics.id, name: metrics.name })
    .from(metrics)
    .where(and(eq(metrics.workspaceId, workspaceId), sql`lower(${metrics.name}) = lower(${name})`));
  return row;
}

export async function productExists(db: Db, workspaceId: string, productId: string): Promise<boolean> {
  const [row] = await db.select({ id: products.id }).from(products).where(and(eq(products.workspaceId, workspaceId), eq(products.id, productId)));
  return !!row;
}

export async function insertMetric(db: Db, row: typeof metrics.$inferInsert): Promise<void> {
  await db.insert(metrics).values(row);
}

export async function updateMetricRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: MetricPatch): Promise<boolean> {
  const rows = await db
    .update(metrics)
    .set({ ...patch, version: sql`${metrics.version} + 1`, updatedAt: new Date() })
    .where(and(eq(metrics.workspaceId, f.workspaceId), eq(metrics.id, f.id), eq(metrics.version, f.version)))
    .returning({ id: metrics.id });
  return rows.length > 0;
}

export async function deleteMetricRow(db: Db, workspaceId: string, metricId: string): Promise<void> {
  await db.delete(metrics).where(and(eq(metrics.workspaceId, workspaceId), eq(metrics.id, metricId)));
}

/** The last points of each metric, oldest first, for sparklines: one query for the whole list. */
export async function sparklines(db: Db, workspaceId: string, metricIds: string[]): Promise<Map<string, { at: Date; value: number }[]>> {
  const out = new Map<string, { at: Date; value: number }[]>();
  if (!metricIds.length) return out;
  const ranked = db
    .select({
      metricId: metricPoints.metricId,
      at: metricPoints.at,
      value: metricPoints.value,
      rn: sql<number>`row_number() over (partition by ${metricPoints.metricId} order by ${metricPoints.at} desc)`.as('rn'),
    })
    .from(metricPoints)
    .where(and(eq(metricPoints.workspaceId, workspaceId), inArray(metricPoints.metricId, metricIds)))
    .as('ranked');
  const rows = await db
    .select({ metricId: ranked.metricId, at: ranked.at, value: ranked.value })
    .from(ranked)
    .where(lte(ranked.rn, METRIC_SPARKLINE_POINTS))
    .orderBy(ranked.metricId, asc(ranked.at));
  for (const r of rows) {
    const list = out.get(r.metricId) ?? [];
    list.push({ at: r.at, value: r.value });
    out.set(r.metricId, list);
  }
  return out;
}

/** The latest `limit` points of a metric in a range, newest first. */
export async function listPointRows(db: Db, workspaceId: string, metricId: string, range: { from?: Date; to?: Date }, limit: number): Promise<{ rows: PointFull[]; total: number }> {
  const where: SQL[] = [eq(metricPoints.workspaceId, workspaceId), eq(metricPoints.metricId, metricId)];
  if (range.from) where.push(gte(metricPoints.at, range.from));
  if (range.to) where.push(lte(metricPoints.at, range.to));
  const rows = await db
    .select({
      id: metricPoints.id,
      at: metricPoints.at,
      value: metricPoints.value,
      source: metricPoints.source,
      createdById: metricPoints.createdById,
      createdByName: user.name,
      createdAt: metricPoints.createdAt,
      total: sql<number>`count(*) over ()`,
    })
    .from(metricPoints)
    .leftJoin(members, eq(members.id, metricPoints.createdById))
    .leftJoin(user, eq(user.id, members.userId))
    .where(and(...where))
    .orderBy(desc(metricPoints.at))
    .limit(limit);
  return { rows: rows.map(({ total: _t, ...r }) => r), total: Number(rows[0]?.total ?? 0) };
}

/**
 * Writes points, replacing the value of any at an instant the metric already has. Returns how many
 * were new and how many replaced one (xmax is 0 for a freshly inserted row).
 */
export async function upsertPoints(
  db: Db,
  rows: { id: string; workspaceId: string; metricId: string; at: Date; value: number; source: string; createdById: string | null }[],
): Promise<{ created: number; replaced: number }> {
  let created = 0;
  let replaced = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const out = await db
      .insert(metricPoints)
      .values(chunk)
      .onConflictDoUpdate({
        target: [metricPoints.metricId, metricPoints.at],
        set: { value: sql`excluded.value`, source: sql`excluded.source`, createdById: sql`excluded.created_by_id`, createdAt: sql`now()` },
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    for (const r of out) {
      if (r.inserted === true || String(r.inserted) === 'true' || String(r.inserted) === 't') created++;
      else replaced++;
    }
  }
  return { created, replaced };
}

export async function deletePointRow(db: Db, workspaceId: string, metricId: string, pointId: string): Promise<{ at: Date; value: number } | undefined> {
  const [row] = await db
    .delete(metricPoints)
    .where(and(eq(metricPoints.workspaceId, workspaceId), eq(metricPoints.metricId, metricId), eq(metricPoints.id, pointId)))
    .returning({ at: metricPoints.at, value: metricPoints.value });
  return row;
}

/** Recomputes the metric's latest value and time and its point count from its points. */
export async function recomputeMetric(db: Db, metricId: string): Promise<void> {
  const latest = sql`(select p.value from ${metricPoints} p where p.metric_id = ${metricId} order by p.at desc limit 1)`;
  const latestAt = sql`(select p.at from ${metricPoints} p where p.metric_id = ${metricId} order by p.at desc limit 1)`;
  const count = sql`(select count(*)::int from ${metricPoints} p where p.metric_id = ${metricId})`;
  await db
    .update(metrics)
    .set({ latestValue: latest, latestAt, pointCount: count, updatedAt: new Date() })
    .where(eq(metrics.id, metricId));
}

export async function followingKeyResults(db: Db, workspaceId: string, metricId: string) {
  return db
    .select({ id: keyResults.id, title: keyResults.title, currentValue: keyResults.currentValue, objectiveId: objectives.id, objectiveTitle: objectives.title })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .where(and(eq(keyResults.workspaceId, workspaceId), eq(keyResults.metricId, metricId)))
    .orderBy(asc(objectives.title), asc(keyResults.position), asc(keyResults.title));
}
