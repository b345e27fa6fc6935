/**
 * Test-only rows for the strategy tests, written straight to the database: the pillar routes are
 * another module's, and these tests must not depend on their shape. Never imported by application code.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { pillars } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';

export interface PillarRowInput {
  workspaceId: string;
  productId: string;
  name: string;
  targetShare: number;
}

/** An active pillar described as "<name> matters"; returns its id. */
export async function insertPillarRow(db: Db, { workspaceId, productId, name, targetShare }: PillarRowInput): Promise<string> {
  const id = newId();
  await db.insert(pillars).values({ id, workspaceId, productId, name, description: `${name} matters`, targetShare, status: 'active' });
  return id;
}

/** Changes a live pillar's target share behind the strategy module's back. */
export async function setPillarTargetShare(db: Db, id: string, targetShare: number): Promise<void> {
  await db.update(pillars).set({ targetShare }).where(eq(pillars.id, id));
}
