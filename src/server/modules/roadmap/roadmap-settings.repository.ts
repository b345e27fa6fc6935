import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { roadmapSettings } from '../../db/schema/index.js';

export type RoadmapSettingsRow = typeof roadmapSettings.$inferSelect;

/** The workspace's roadmap settings row, or undefined while it keeps the defaults. */
export async function findRoadmapSettingsRow(db: Db, workspaceId: string): Promise<RoadmapSettingsRow | undefined> {
  const [row] = await db.select().from(roadmapSettings).where(eq(roadmapSettings.workspaceId, workspaceId));
  return row;
}

/** Updates the row if it is at `version`; false when it is not (or there is none). */
export async function updateRoadmapSettingsRow(
  db: Db,
  f: { workspaceId: string; version: number },
  patch: { capacityUnit: string; internalFields: string[] },
): Promise<boolean> {
  const rows = await db
    .update(roadmapSettings)
    .set({ ...patch, version: sql`${roadmapSettings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(roadmapSettings.workspaceId, f.workspaceId), eq(roadmapSettings.version, f.version)))
    .returning({ workspaceId: roadmapSettings.workspaceId });
  return rows.length > 0;
}

/** Writes the first row (version 2: the defaults were version 1); false when someone wrote it first. */
export async function insertRoadmapSettingsRow(db: Db, workspaceId: string, values: { capacityUnit: string; internalFields: string[] }): Promise<boolean> {
  const rows = await db
    .insert(roadmapSettings)
    .values({ workspaceId, ...values, version: 2 })
    .onConflictDoNothing()
    .returning({ workspaceId: roadmapSettings.workspaceId });
  return rows.length > 0;
}
