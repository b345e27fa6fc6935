/**
 * Test-only rows for the coaching team tests, written straight to the database: sessions with exact
 * times in the past, and the workspace's coaching settings. Never imported by application code.
 */
import type { Db } from '../../db/client.js';
import { coachingSessions, coachingSettings } from '../../db/schema/index.js';

export type CoachingSessionRow = typeof coachingSessions.$inferInsert;

/** Coaching sessions, exactly as given. */
export async function insertCoachingSessionRows(db: Db, rows: CoachingSessionRow[]): Promise<void> {
  await db.insert(coachingSessions).values(rows);
}

/** Sets the workspace's coaching cadence, creating its settings row if there is none. */
export async function upsertCoachingCadence(db: Db, workspaceId: string, cadenceDays: number): Promise<void> {
  await db.insert(coachingSettings).values({ workspaceId, cadenceDays }).onConflictDoUpdate({ target: coachingSettings.workspaceId, set: { cadenceDays } });
}
