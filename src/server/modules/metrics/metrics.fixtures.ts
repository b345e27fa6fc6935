/**
 * Test-only rows for the metrics tests, written straight to the database: the OKR routes are another
 * module's, and these tests must not depend on their shape. Never imported by application code.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { keyResults, objectives, okrPeriods } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';

export interface KeyResultRowInput {
  workspaceId: string;
  productId: string;
  metricId: string;
  title: string;
}

/** A Q1 2027 period, an objective on the product and a key result (40 → 60) following the metric. */
export async function insertKeyResultRow(db: Db, { workspaceId, productId, metricId, title }: KeyResultRowInput): Promise<{ id: string; objectiveId: string }> {
  const periodId = newId();
  const objectiveId = newId();
  const id = newId();
  await db.insert(okrPeriods).values({ id: periodId, workspaceId, name: 'Q1', startsOn: '2027-01-01', endsOn: '2027-03-31' });
  await db.insert(objectives).values({ id: objectiveId, workspaceId, periodId, productId, title: 'Activate more teams' });
  await db.insert(keyResults).values({ id, workspaceId, objectiveId, title, startValue: 40, targetValue: 60, metricId });
  return { id, objectiveId };
}

/** The key result's row as stored. */
export async function readKeyResultRow(db: Db, id: string) {
  return (await db.select().from(keyResults).where(eq(keyResults.id, id)))[0]!;
}
