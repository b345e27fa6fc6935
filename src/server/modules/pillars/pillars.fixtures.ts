/**
 * Test-only rows for the pillars tests, written straight to the database: the OKR routes are another
 * module's, and these tests must not depend on their shape. Never imported by application code.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { features, objectives, okrPeriods } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';

export interface ObjectiveRowInput {
  workspaceId: string;
  productId: string;
  pillarId: string;
  title: string;
}

/** A Q1 2027 period and one objective in it on the product, linked to the pillar. */
export async function insertObjectiveRow(db: Db, { workspaceId, productId, pillarId, title }: ObjectiveRowInput): Promise<string> {
  const periodId = newId();
  const id = newId();
  await db.insert(okrPeriods).values({ id: periodId, workspaceId, name: 'Q1', startsOn: '2027-01-01', endsOn: '2027-03-31' });
  await db.insert(objectives).values({ id, workspaceId, periodId, productId, title, pillarId });
  return id;
}

/** The pillar of every feature of the component, as stored. */
export async function readFeaturePillarIds(db: Db, componentId: string): Promise<{ pillarId: string | null }[]> {
  return db.select({ pillarId: features.pillarId }).from(features).where(eq(features.componentId, componentId));
}
