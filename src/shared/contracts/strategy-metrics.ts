import { z } from 'zod';
import { Description, Id, IsoDate, Name, Version, VersionedUpdate, listOf } from './common.js';

/** Metrics (issue 6): named time series fed by hand, by CSV and by scripts; key results may follow one. */

export const METRIC_POINT_SOURCES = ['manual', 'csv', 'api'] as const;
export type MetricPointSource = (typeof METRIC_POINT_SOURCES)[number];
/** Points one call may write. */
export const METRIC_POINTS_PER_CALL = 10_000;
/** Points a list shows in its sparkline. */
export const METRIC_SPARKLINE_POINTS = 30;
/** Days the metric page shows when no range is given. */
export const METRIC_DEFAULT_RANGE_DAYS = 180;
export const METRIC_UNIT_MAX = 30;
/** CSV columns the import reads the time from (the first one present wins), and the value column. */
export const METRIC_CSV_TIME_COLUMNS = ['at', 'date', 'timestamp', 'time'] as const;

const Unit = z.string().trim().max(METRIC_UNIT_MAX, `must be at most ${METRIC_UNIT_MAX} characters`).describe('Unit shown after values, e.g. %, ms, €, users');
const Instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-11-28T09:00:00Z' });
const Value = z.number({ message: 'must be a number' }).refine(Number.isFinite, 'must be a finite number');

export const MetricPoint = z
  .object({
    id: Id,
    at: IsoDate.describe('When the value was observed'),
    value: z.number(),
    source: z.enum(METRIC_POINT_SOURCES).describe('manual (entered in the app), csv (imported) or api (sent with an API token)'),
    createdBy: z.object({ id: Id, name: z.string() }).nullable().describe('Who wrote it'),
    createdAt: IsoDate,
  })
  .describe('One observation of a metric');
export type MetricPoint = z.infer<typeof MetricPoint>;

const SparkPoint = z.object({ at: IsoDate, value: z.number() });

export const Metric = z
  .object({
    id: Id,
    name: z.string(),
    description: z.string(),
    unit: z.string(),
    productId: Id.nullable(),
    product: z.object({ id: Id, name: z.string() }).nullable().describe('The product it measures, if any'),
    latestValue: z.number().nullable().describe('Value of the latest point (by time), null while there is none'),
    latestAt: IsoDate.nullable(),
    pointCount: z.number().int(),
    sparkline: z.array(SparkPoint).describe(`The last ${METRIC_SPARKLINE_POINTS} points, oldest first`),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('A metric: a named time series');
export type Metric = z.infer<typeof Metric>;

export const MetricKeyResult = z
  .object({ id: Id, title: z.string(), currentValue: z.number().nullable(), objective: z.object({ id: Id, title: z.string() }) })
  .describe('A key result whose current value follows the metric');

export const MetricDetail = Metric.extend({
  range: z.object({ from: IsoDate, to: IsoDate }).describe('The range the points cover'),
  points: z.array(MetricPoint).describe('Points in the range, oldest first'),
  truncated: z.boolean().describe(`True when the range holds more than ${METRIC_POINTS_PER_CALL} points: only the latest are given`),
  keyResults: z.array(MetricKeyResult).describe('Key results that follow the metric'),
}).describe('A metric with its points in a range and the key results following it');
export type MetricDetail = z.infer<typeof MetricDetail>;

export const MetricList = listOf(Metric, 'Metrics, by name');
export type MetricList = z.infer<typeof MetricList>;
export const MetricListQuery = z.object({
  productId: Id.optional().describe('Only metrics of this product'),
  q: z.string().trim().max(200).optional().describe('Words in the name or description'),
});
export const MetricParams = z.object({ workspaceId: Id, metricId: Id });
export const MetricPointParams = z.object({ workspaceId: Id, metricId: Id, pointId: Id });

const RangeFields = {
  from: Instant.optional().describe('Earliest time, inclusive'),
  to: Instant.optional().describe('Latest time, inclusive (default now)'),
};
export const MetricDetailQuery = z.object({ ...RangeFields, from: RangeFields.from.describe(`Earliest time, inclusive (default ${METRIC_DEFAULT_RANGE_DAYS} days before \`to\`)`) });
export const MetricPointsQuery = z.object({
  ...RangeFields,
  limit: z.coerce.number().int().min(1).max(METRIC_POINTS_PER_CALL).default(500).describe('How many of the latest points in the range'),
});

export const MetricPointList = listOf(MetricPoint, 'Points, newest first');
export type MetricPointList = z.infer<typeof MetricPointList>;

export const CreateMetric = z
  .object({
    name: Name.describe('Name, unique in the workspace'),
    description: Description.optional(),
    unit: Unit.optional(),
    productId: Id.nullable().optional().describe('The product it measures'),
  })
  .strict();
export type CreateMetric = z.infer<typeof CreateMetric>;
export const UpdateMetric = VersionedUpdate.extend({
  name: Name.optional(),
  description: Description.optional(),
  unit: Unit.optional(),
  productId: Id.nullable().optional(),
}).strict();
export type UpdateMetric = z.infer<typeof UpdateMetric>;

const PointInput = z.object({ value: Value, at: Instant.optional().describe('When it was observed (default now)') }).strict();

export const AddMetricPoints = z
  .object({
    value: Value.optional().describe('One point’s value'),
    at: Instant.optional().describe('When it was observed (default now)'),
    points: z.array(PointInput).min(1, 'must not be empty').max(METRIC_POINTS_PER_CALL, `at most ${METRIC_POINTS_PER_CALL} per call`).optional().describe('Several points at once'),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.points && (b.value !== undefined || b.at !== undefined)) ctx.addIssue({ code: 'custom', path: ['points'], message: 'send either value (and at) or points, not both' });
    if (!b.points && b.value === undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: 'is required (or send points)' });
  })
  .describe('One point `{value, at?}` or many `{points: [{value, at?}, …]}`; a point at an instant the metric already has replaces its value');
export type AddMetricPoints = z.infer<typeof AddMetricPoints>;

export const MetricPointsWritten = z
  .object({
    created: z.number().int().describe('New points'),
    replaced: z.number().int().describe('Points whose instant already had a value (replaced)'),
    keyResultsUpdated: z.number().int().describe('Key results whose current value changed'),
    metric: Metric,
  })
  .describe('What a write did, and the metric after it');
export type MetricPointsWritten = z.infer<typeof MetricPointsWritten>;

export const MetricImportResult = z
  .object({
    imported: z.number().int().describe('Rows written'),
    replaced: z.number().int().describe('Of those, rows that replaced a value at the same instant'),
    errors: z
      .array(z.object({ row: z.number().int().describe('Line of the file (the header is line 1)'), field: z.string(), message: z.string() }))
      .describe('Always empty on success: a file with a bad row is refused whole (400 naming the row and field)'),
    keyResultsUpdated: z.number().int(),
    metric: Metric,
  })
  .describe('The result of a CSV import');
export type MetricImportResult = z.infer<typeof MetricImportResult>;

/** Rows one CSV import may hold. */
export const METRIC_CSV_ROWS_MAX = 100_000;

/**
 * Reads a time cell of a metric CSV: an ISO date (midnight UTC), an ISO date-time (UTC when it has no
 * offset; a space may stand for the T), or a Unix timestamp in seconds (10 digits) or milliseconds (13).
 * Null when it is none of these. The import and the web preview share it.
 */
export function parseMetricTime(raw: string): Date | null {
  const s = raw.trim();
  if (/^\d{10}$/.test(s)) return new Date(Number(s) * 1000);
  if (/^\d{13}$/.test(s)) return new Date(Number(s));
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s);
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = '', zone = 'Z'] = m;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${sec}${frac.slice(0, 4)}${offset}`);
  if (Number.isNaN(date.getTime())) return null;
  // Reject dates the engine rolls over (2026-02-30 → March 2).
  if (zone.toUpperCase() === 'Z' && date.getUTCDate() !== Number(d)) return null;
  return date;
}

/** Reads a value cell: a plain number with a dot for decimals (1234.5, -3, 1e3). Null when it is not one. */
export function parseMetricValue(raw: string): number | null {
  const s = raw.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
