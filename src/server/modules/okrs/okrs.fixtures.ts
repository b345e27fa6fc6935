/**
 * Test-only rows for the OKR tests, written straight to the database: the metrics routes are another
 * module's, and these tests must not depend on their shape. Never imported by application code.
 */
import type { Db } from '../../db/client.js';
import { metrics } from '../../db/schema/index.js';

export type MetricRow = typeof metrics.$inferInsert;

/** A metric row, exactly as given (its latest value is what a following key result starts at). */
export async function insertMetricRow(db: Db, row: MetricRow): Promise<void> {
  await db.insert(metrics).values(row);
}
