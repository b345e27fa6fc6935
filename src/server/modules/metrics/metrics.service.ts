import {
  METRIC_CSV_ROWS_MAX,
  METRIC_CSV_TIME_COLUMNS,
  METRIC_DEFAULT_RANGE_DAYS,
  METRIC_POINTS_PER_CALL,
  parseMetricTime,
  parseMetricValue,
  type AddMetricPoints,
  type CreateMetric,
  type Metric,
  type MetricDetail,
  type MetricImportResult,
  type MetricList,
  type MetricPointList,
  type MetricPointSource,
  type MetricPointsWritten,
  type UpdateMetric,
} from '../../../shared/contracts.js';
import { LIMITS } from '../../../shared/limits.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { AppError, invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { csvInput, openCsv } from '../../lib/csv.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { syncKeyResultsFromMetric } from './metrics.links.js';
import {
  deleteMetricRow,
  deletePointRow,
  findMetricRow,
  followingKeyResults,
  insertMetric,
  listMetricRows,
  listPointRows,
  metricNamed,
  productExists,
  recomputeMetric,
  sparklines,
  updateMetricRow,
  upsertPoints,
  type MetricFull,
  type MetricPatch,
  type PointFull,
} from './metrics.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor };
const DAY = 86_400_000;

function presentMetric(row: MetricFull, spark: { at: Date; value: number }[] = []): Metric {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    unit: row.unit,
    productId: row.productId,
    product: row.productId ? { id: row.productId, name: row.productName ?? 'Unknown' } : null,
    latestValue: row.latestValue,
    latestAt: row.latestAt?.toISOString() ?? null,
    pointCount: row.pointCount,
    sparkline: spark.map((p) => ({ at: p.at.toISOString(), value: p.value })),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const presentPoint = (p: PointFull) => ({
  id: p.id,
  at: p.at.toISOString(),
  value: p.value,
  source: p.source as MetricPointSource,
  createdBy: p.createdById ? { id: p.createdById, name: p.createdByName ?? 'Unknown' } : null,
  createdAt: p.createdAt.toISOString(),
});

async function visibleMetric(db: Db, workspaceId: string, metricId: string, lock = false): Promise<MetricFull> {
  const row = await findMetricRow(db, workspaceId, metricId, lock);
  if (!row) throw notFound('Metric');
  return row;
}

async function loadMetric(db: Db, workspaceId: string, metricId: string): Promise<Metric> {
  const row = await visibleMetric(db, workspaceId, metricId);
  return presentMetric(row, (await sparklines(db, workspaceId, [metricId])).get(metricId));
}

/** The workspace's metrics with their latest value and a sparkline. */
export async function listMetrics({ db, actor, query }: Ctx & { query: { productId?: string; q?: string } }): Promise<MetricList> {
  authorize(actor, 'metric.read');
  const rows = await listMetricRows(db, actor.workspaceId, query);
  const spark = await sparklines(
    db,
    actor.workspaceId,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentMetric(r, spark.get(r.id))), total: rows.length };
}

/** A metric with its points in a range (default the last 180 days) and the key results that follow it. */
export async function getMetric({ db, actor, metricId, query }: Ctx & { metricId: string; query: { from?: string; to?: string } }): Promise<MetricDetail> {
  authorize(actor, 'metric.read');
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - METRIC_DEFAULT_RANGE_DAYS * DAY);
  if (from > to) throw invalid('from', 'must not be after to');
  const metric = await loadMetric(db, actor.workspaceId, metricId);
  const [points, krs] = await Promise.all([listPointRows(db, actor.workspaceId, metricId, { from, to }, METRIC_POINTS_PER_CALL), followingKeyResults(db, actor.workspaceId, metricId)]);
  return {
    ...metric,
    range: { from: from.toISOString(), to: to.toISOString() },
    points: points.rows.reverse().map(presentPoint),
    truncated: points.total > points.rows.length,
    keyResults: krs.map((k) => ({ id: k.id, title: k.title, currentValue: k.currentValue, objective: { id: k.objectiveId, title: k.objectiveTitle } })),
  };
}

async function checkName(db: Db, workspaceId: string, name: string, selfId: string | null): Promise<void> {
  const clash = await metricNamed(db, workspaceId, name);
  if (clash && clash.id !== selfId) throw invalid('name', `the workspace already has a metric named “${clash.name}”`);
}

async function checkProduct(db: Db, workspaceId: string, productId: string | null | undefined): Promise<void> {
  if (productId && !(await productExists(db, workspaceId, productId))) throw invalid('productId', 'no such product in this workspace');
}

/** Names are unique per workspace; the unique index settles a race the check above lost. */
const isNameClash = (e: unknown) => /metrics_name_uq/.test(String((e as { message?: string })?.message) + String((e as { cause?: { message?: string } })?.cause?.message));

export async function createMetric({ db, actor, input }: Ctx & { input: CreateMetric }): Promise<Metric> {
  authorize(actor, 'metric.write');
  try {
    return await db.transaction(async (tx) => {
      await checkName(tx, actor.workspaceId, input.name, null);
      await checkProduct(tx, actor.workspaceId, input.productId);
      const id = newId();
      await insertMetric(tx, { id, workspaceId: actor.workspaceId, name: input.name, description: input.description ?? '', unit: input.unit ?? '', productId: input.productId ?? null });
      await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'metric.create', entityType: 'metric', entityId: id, summary: `Created metric “${input.name}”` });
      return loadMetric(tx, actor.workspaceId, id);
    });
  } catch (e) {
    if (isNameClash(e)) throw invalid('name', 'the workspace already has a metric with this name');
    throw e;
  }
}

export async function updateMetric({ db, actor, metricId, input }: Ctx & { metricId: string; input: UpdateMetric }): Promise<Metric> {
  authorize(actor, 'metric.write');
  const version = requireVersion(input.version);
  try {
    return await db.transaction(async (tx) => {
      const before = await visibleMetric(tx, actor.workspaceId, metricId);
      const { version: _v, ...fields } = input;
      const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as MetricPatch;
      if (patch.name !== undefined) await checkName(tx, actor.workspaceId, patch.name, metricId);
      await checkProduct(tx, actor.workspaceId, patch.productId);
      if (!(await updateMetricRow(tx, { workspaceId: actor.workspaceId, id: metricId, version }, patch))) throw versionConflict('Metric');
      await recordUpdate(tx, actor, { workspaceId: actor.workspaceId, action: 'metric.update', entityType: 'metric', entityId: metricId, label: `Updated metric “${before.name}”`, before, patch });
      return loadMetric(tx, actor.workspaceId, metricId);
    });
  } catch (e) {
    if (isNameClash(e)) throw invalid('name', 'the workspace already has a metric with this name');
    throw e;
  }
}

/** Deletes a metric with its points; key results that followed it keep their last value. */
export async function deleteMetric({ db, actor, metricId }: Ctx & { metricId: string }): Promise<void> {
  authorize(actor, 'metric.write');
  await db.transaction(async (tx) => {
    const before = await visibleMetric(tx, actor.workspaceId, metricId);
    await deleteMetricRow(tx, actor.workspaceId, metricId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'metric.delete',
      entityType: 'metric',
      entityId: metricId,
      summary: `Deleted metric “${before.name}” and its ${before.pointCount} point${before.pointCount === 1 ? '' : 's'}`,
    });
  });
}

export async function listMetricPoints({ db, actor, metricId, query }: Ctx & { metricId: string; query: { from?: string; to?: string; limit: number } }): Promise<MetricPointList> {
  authorize(actor, 'metric.read');
  await visibleMetric(db, actor.workspaceId, metricId);
  const range = { from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined };
  if (range.from && range.to && range.from > range.to) throw invalid('from', 'must not be after to');
  const { rows, total } = await listPointRows(db, actor.workspaceId, metricId, range, query.limit);
  return { items: rows.map(presentPoint), total };
}

/**
 * Writes points (a later one at the same instant wins), then, in the same transaction, recomputes the
 * metric's latest value and count and brings the key results that follow it up to date. One audit entry.
 */
async function writePoints(
  tx: Db,
  actor: WorkspaceActor,
  metric: MetricFull,
  points: { at: Date; value: number }[],
  source: MetricPointSource,
): Promise<{ created: number; replaced: number; keyResultsUpdated: number }> {
  const byInstant = new Map<number, { at: Date; value: number }>();
  for (const p of points) byInstant.set(p.at.getTime(), p);
  const duplicates = points.length - byInstant.size;
  const rows = [...byInstant.values()].map((p) => ({ id: newId(), workspaceId: actor.workspaceId, metricId: metric.id, at: p.at, value: p.value, source, createdById: actor.memberId }));
  const { created, replaced } = await upsertPoints(tx, rows);
  await recomputeMetric(tx, metric.id);
  const keyResultsUpdated = await syncKeyResultsFromMetric(tx, actor.workspaceId, metric.id);
  const via = source === 'api' ? ' with an API token' : source === 'csv' ? ' from a CSV file' : '';
  await recordAudit(tx, actor, {
    workspaceId: actor.workspaceId,
    action: source === 'csv' ? 'metric.import' : 'metric.points',
    entityType: 'metric',
    entityId: metric.id,
    summary: `Wrote ${points.length} point${points.length === 1 ? '' : 's'} to metric “${metric.name}”${via} (${created} new, ${replaced + duplicates} replaced)`,
  });
  return { created, replaced: replaced + duplicates, keyResultsUpdated };
}

export async function addMetricPoints({ db, actor, metricId, input }: Ctx & { metricId: string; input: AddMetricPoints }): Promise<MetricPointsWritten> {
  authorize(actor, 'metric.write');
  const now = new Date();
  const points = (input.points ?? [{ value: input.value!, at: input.at }]).map((p) => ({ value: p.value, at: p.at ? new Date(p.at) : now }));
  return db.transaction(async (tx) => {
    const metric = await visibleMetric(tx, actor.workspaceId, metricId, true);
    const written = await writePoints(tx, actor, metric, points, actor.via === 'token' ? 'api' : 'manual');
    return { ...written, metric: await loadMetric(tx, actor.workspaceId, metricId) };
  });
}

export async function deleteMetricPoint({ db, actor, metricId, pointId }: Ctx & { metricId: string; pointId: string }): Promise<void> {
  authorize(actor, 'metric.write');
  await db.transaction(async (tx) => {
    const metric = await visibleMetric(tx, actor.workspaceId, metricId, true);
    const gone = await deletePointRow(tx, actor.workspaceId, metricId, pointId);
    if (!gone) throw notFound('Point');
    await recomputeMetric(tx, metricId);
    await syncKeyResultsFromMetric(tx, actor.workspaceId, metricId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'metric.point.delete',
      entityType: 'metric',
      entityId: metricId,
      summary: `Deleted the point of ${gone.at.toISOString()} (${gone.value}) from metric “${metric.name}”`,
    });
  });
}

/**
 * Imports points from CSV: a time column (at, date, timestamp or time) and a value column. The file is
 * read whole before anything is written: a bad row refuses the file with 400 naming its line and field.
 */
export async function importMetricCsv({ db, actor, metricId, stream }: Ctx & { metricId: string; stream: unknown }): Promise<MetricImportResult> {
  authorize(actor, 'metric.write');
  await visibleMetric(db, actor.workspaceId, metricId);
  const table = await openCsv(csvInput(stream), { known: [...METRIC_CSV_TIME_COLUMNS, 'value'], required: ['value'], maxBytes: LIMITS.importLimitBytes });
  const timeColumn = METRIC_CSV_TIME_COLUMNS.find((c) => table.columns.includes(c));
  if (!timeColumn) throw invalid('columns', `the header must have a time column: ${METRIC_CSV_TIME_COLUMNS.join(', ')}`);
  const points: { at: Date; value: number }[] = [];
  for await (const row of table.rows) {
    if (row.error) throw new AppError('validation_failed', `row ${row.line}: ${row.error}`, 'file');
    const at = parseMetricTime(row.values[timeColumn] ?? '');
    if (!at) throw new AppError('validation_failed', `row ${row.line}, ${timeColumn}: “${row.values[timeColumn] ?? ''}” is not a date or time (use 2026-11-28 or 2026-11-28T09:00:00Z)`, timeColumn);
    const value = parseMetricValue(row.values.value ?? '');
    if (value === null) throw new AppError('validation_failed', `row ${row.line}, value: “${row.values.value ?? ''}” is not a number (use a dot for decimals)`, 'value');
    points.push({ at, value });
    if (points.length > METRIC_CSV_ROWS_MAX) throw invalid('file', `has more than ${METRIC_CSV_ROWS_MAX} rows; split it`);
  }
  if (!points.length) throw invalid('file', 'has no rows under the header');
  return db.transaction(async (tx) => {
    const metric = await visibleMetric(tx, actor.workspaceId, metricId, true);
    const written = await writePoints(tx, actor, metric, points, 'csv');
    return { imported: points.length, replaced: written.replaced, errors: [], keyResultsUpdated: written.keyResultsUpdated, metric: await loadMetric(tx, actor.workspaceId, metricId) };
  });
}
