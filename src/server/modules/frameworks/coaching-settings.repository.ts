import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { coachingSettings } from '../../db/schema/index.js';

export type CoachingSettingsRow = typeof coachingSettings.$inferSelect;
export type CoachingSettingsPatch = Partial<Pick<typeof coachingSettings.$inferInsert, 'salaryRoles' | 'defaultFrameworkId' | 'cadenceDays'>>;

export async function findCoachingSettingsRow(db: Db, workspaceId: string): Promise<CoachingSettingsRow | undefined> {
  const [r] = await db.select().from(coachingSettings).where(eq(coachingSettings.workspaceId, workspaceId));
  return r;
}

/** Creates the settings row, or fills its default framework when the row exists without one. */
export async function ensureCoachingSettingsRow(db: Db, workspaceId: string, defaultFrameworkId: string): Promise<void> {
  await db
    .insert(coachingSettings)
    .values({ workspaceId, defaultFrameworkId })
    .onConflictDoUpdate({
      target: coachingSettings.workspaceId,
      set: { defaultFrameworkId: sql`coalesce(${coachingSettings.defaultFrameworkId}, excluded.default_framework_id)` },
    });
}

export async function updateCoachingSettingsRow(db: Db, f: { workspaceId: string; version: number }, patch: CoachingSettingsPatch) {
  const [row] = await db
    .update(coachingSettings)
    .set({ ...patch, version: sql`${coachingSettings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(coachingSettings.workspaceId, f.workspaceId), eq(coachingSettings.version, f.version)))
    .returning({ version: coachingSettings.version });
  return row;
}
