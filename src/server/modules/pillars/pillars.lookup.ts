import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { pillars } from '../../db/schema/index.js';
import { invalid } from '../../lib/app-error.js';

/**
 * Checks that a pillar named by a feature, opportunity or objective is one of this workspace's, and,
 * when the record belongs to a product, one of that product's pillars. Refuses with 400 naming `field`.
 */
export async function assertPillarOfProduct(db: Db, workspaceId: string, pillarId: string, productId: string | null, field = 'pillarId'): Promise<void> {
  const [row] = await db.select({ productId: pillars.productId }).from(pillars).where(and(eq(pillars.workspaceId, workspaceId), eq(pillars.id, pillarId)));
  if (!row) throw invalid(field, 'no such pillar in this workspace');
  if (productId && row.productId !== productId) throw invalid(field, 'the pillar belongs to another product');
}
