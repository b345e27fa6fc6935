import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { discoverySettings } from '../../db/schema/index.js';
import { DEFAULT_GRADING } from './evidence-grading.js';

export type DiscoverySettingsRow = typeof discoverySettings.$inferSelect;

export async function findSettingsRow(db: Db, workspaceId: string): Promise<DiscoverySettingsRow | undefined> {
  const [r] = await db.select().from(discoverySettings).where(eq(discoverySettings.workspaceId, workspaceId));
  return r;
}

/** Creates the row with the defaults unless it exists (the row is made lazily, on the first change). */
export async function ensureSettingsRow(db: Db, workspaceId: string): Promise<void> {
  await db
    .insert(discoverySettings)
    .values({
      workspaceId,
      sourceWeights: DEFAULT_GRADING.sourceWeights,
      halfLifeDays: DEFAULT_GRADING.halfLifeDays,
      concentrationThreshold: DEFAULT_GRADING.concentrationThreshold,
    })
    .onConflictDoNothing();
}

export async function updateSettingsRow(
  db: Db,
  f: { workspaceId: string; version: number },
  patch: { sourceWeights?: Record<string, number>; halfLifeDays?: number; concentrationThreshold?: number },
) {
  const [row] = await db
    .update(discoverySettings)
    .set({ ...patch, version: sql`${discoverySettings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(discoverySettings.workspaceId, f.workspaceId), eq(discoverySettings.version, f.version)))
    .returning({ version: discoverySettings.version });
  return row;
}
