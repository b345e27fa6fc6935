import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { keyResults, metrics } from '../../db/schema/index.js';

/**
 * The bridge between metrics and key results: a key result linked to a metric takes the metric's
 * latest value as its current value. The okrs module calls `latestMetricValue` when a key result is
 * linked; the metrics module calls `syncKeyResultsFromMetric` after points are written.
 */

/** The metric's latest point, or null when it has none; undefined when the metric is not in the workspace. */
export async function latestMetricValue(db: Db, workspaceId: string, metricId: string): Promise<{ value: number; at: Date } | null | undefined> {
  const [row] = await db
    .select({ value: metrics.latestValue, at: metrics.latestAt })
    .from(metrics)
    .where(and(eq(metrics.workspaceId, workspaceId), eq(metrics.id, metricId)));
  if (!row) return undefined;
  return row.value === null || row.at === null ? null : { value: row.value, at: row.at };
}

/** Copies the metric's latest value into every key result that follows it; returns how many changed. */
export async function syncKeyResultsFromMetric(db: Db, workspaceId: string, metricId: string): Promise<number> {
  const changed = await db
    .update(keyResults)
    .set({ currentValue: sql`(select ${metrics.latestValue} from ${metrics} where ${metrics.id} = ${metricId})`, updatedAt: new Date() })
    .where(
      and(
        eq(keyResults.workspaceId, workspaceId),
        eq(keyResults.metricId, metricId),
        sql`${keyResults.currentValue} is distinct from (select ${metrics.latestValue} from ${metrics} where ${metrics.id} = ${metricId})`,
      ),
    )
    .returning({ id: keyResults.id });
  return changed.length;
}
