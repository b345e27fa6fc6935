import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { ladderLevels, ladderVersions, ladders, members, personLevels, user } from '../../db/schema/index.js';

export type LadderRow = typeof ladders.$inferSelect;
export type NewLadderRow = typeof ladders.$inferInsert;
export type LevelRow = typeof ladderLevels.$inferSelect;
export type NewLevelRow = typeof ladderLevels.$inferInsert;
export type LevelPatch = Partial<Omit<NewLevelRow, 'id' | 'workspaceId' | 'ladderId' | 'key' | 'version' | 'createdAt' | 'updatedAt'>>;
export type LadderVersionRow = typeof ladderVersions.$inferSelect;
export interface LadderWithCounts extends LadderRow {
  levelCount: number;
  peopleCount: number;
}
export interface PlacementRow {
  memberId: string;
  name: string;
  role: string;
  levelId: string;
  since: string | null;
  note: string;
  version: number;
  updatedAt: Date;
}

// Ladders -------------------------------------------------------------------------------------

// The outer table is named in full: drizzle leaves a bare "id" here, which the subquery would take as its own.
const ladderColumns = {
  row: ladders,
  levelCount: sql<number>`(select count(*) from ${ladderLevels} l where l.ladder_id = ladders.id)`,
  peopleCount: sql<number>`(select count(*) from ${personLevels} p join ${ladderLevels} l on l.id = p.level_id where l.ladder_id = ladders.id)`,
};
const withCounts = (r: { row: LadderRow; levelCount: number; peopleCount: number }): LadderWithCounts => ({
  ...r.row,
  levelCount: Number(r.levelCount),
  peopleCount: Number(r.peopleCount),
});

/** The workspace's ladders, the default first. */
export async function listLadderRows(db: Db, workspaceId: string): Promise<LadderWithCounts[]> {
  const rows = await db
    .select(ladderColumns)
    .from(ladders)
    .where(eq(ladders.workspaceId, workspaceId))
    .orderBy(desc(ladders.isDefault), asc(ladders.createdAt), asc(ladders.id));
  return rows.map(withCounts);
}

export async function findLadderRow(db: Db, workspaceId: string, id: string): Promise<LadderWithCounts | undefined> {
  const [r] = await db
    .select(ladderColumns)
    .from(ladders)
    .where(and(eq(ladders.workspaceId, workspaceId), eq(ladders.id, id)));
  return r ? withCounts(r) : undefined;
}

/** The workspace's default ladder (it cannot be deleted, so it also marks the ladder as seeded). */
export async function defaultLadderId(db: Db, workspaceId: string): Promise<string | null> {
  const [r] = await db
    .select({ id: ladders.id })
    .from(ladders)
    .where(and(eq(ladders.workspaceId, workspaceId), eq(ladders.isDefault, true)))
    .orderBy(asc(ladders.createdAt))
    .limit(1);
  return r?.id ?? null;
}

export async function insertLadderRow(db: Db, row: NewLadderRow): Promise<void> {
  await db.insert(ladders).values(row);
}

/** Renames or redescribes a ladder at the version the caller read; the version moves on, like any ladder edit. */
export async function updateLadderRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: { name?: string; description?: string }) {
  const [row] = await db
    .update(ladders)
    .set({ ...patch, version: sql`${ladders.version} + 1`, updatedAt: new Date() })
    .where(and(eq(ladders.workspaceId, f.workspaceId), eq(ladders.id, f.id), eq(ladders.version, f.version)))
    .returning({ version: ladders.version });
  return row;
}

/**
 * Moves the ladder to its next version after an edit to its levels and returns that version. The row
 * lock this takes serialises concurrent edits of one ladder, so snapshot numbers never collide.
 */
export async function bumpLadderVersion(db: Db, workspaceId: string, id: string): Promise<number> {
  const [row] = await db
    .update(ladders)
    .set({ version: sql`${ladders.version} + 1`, updatedAt: new Date() })
    .where(and(eq(ladders.workspaceId, workspaceId), eq(ladders.id, id)))
    .returning({ version: ladders.version });
  return row!.version;
}

export async function deleteLadderRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(ladders).where(and(eq(ladders.workspaceId, workspaceId), eq(ladders.id, id)));
}

// Levels --------------------------------------------------------------------------------------

/** The ladder's levels by seniority (rank), the shared trunk before the branches at the same rank. */
export async function listLevelRows(db: Db, workspaceId: string, ladderId: string): Promise<LevelRow[]> {
  return db
    .select()
    .from(ladderLevels)
    .where(and(eq(ladderLevels.workspaceId, workspaceId), eq(ladderLevels.ladderId, ladderId)))
    .orderBy(
      asc(ladderLevels.rank),
      sql`case ${ladderLevels.track} when 'shared' then 0 when 'ic' then 1 else 2 end`,
      asc(ladderLevels.createdAt),
      asc(ladderLevels.id),
    );
}

export async function findLevelRow(db: Db, workspaceId: string, id: string): Promise<LevelRow | undefined> {
  const [r] = await db
    .select()
    .from(ladderLevels)
    .where(and(eq(ladderLevels.workspaceId, workspaceId), eq(ladderLevels.id, id)));
  return r;
}

export async function insertLevelRows(db: Db, rows: NewLevelRow[]): Promise<void> {
  if (rows.length) await db.insert(ladderLevels).values(rows);
}

export async function updateLevelRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: LevelPatch) {
  const [row] = await db
    .update(ladderLevels)
    .set({ ...patch, version: sql`${ladderLevels.version} + 1`, updatedAt: new Date() })
    .where(and(eq(ladderLevels.workspaceId, f.workspaceId), eq(ladderLevels.id, f.id), eq(ladderLevels.version, f.version)))
    .returning({ id: ladderLevels.id });
  return row;
}

export async function deleteLevelRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(ladderLevels).where(and(eq(ladderLevels.workspaceId, workspaceId), eq(ladderLevels.id, id)));
}

// Placements ----------------------------------------------------------------------------------

const placementColumns = {
  memberId: personLevels.memberId,
  name: user.name,
  role: members.role,
  levelId: personLevels.levelId,
  since: personLevels.since,
  note: personLevels.note,
  version: personLevels.version,
  updatedAt: personLevels.updatedAt,
};

/** Everyone placed on the ladder, by name. */
export async function listPlacementRows(db: Db, workspaceId: string, ladderId: string): Promise<PlacementRow[]> {
  return db
    .select(placementColumns)
    .from(personLevels)
    .innerJoin(ladderLevels, eq(ladderLevels.id, personLevels.levelId))
    .innerJoin(members, eq(members.id, personLevels.memberId))
    .innerJoin(user, eq(user.id, members.userId))
    .where(and(eq(personLevels.workspaceId, workspaceId), eq(ladderLevels.ladderId, ladderId)))
    .orderBy(asc(user.name), asc(personLevels.memberId));
}

export async function findPlacementRow(db: Db, workspaceId: string, memberId: string): Promise<PlacementRow | undefined> {
  const [r] = await db
    .select(placementColumns)
    .from(personLevels)
    .innerJoin(members, eq(members.id, personLevels.memberId))
    .innerJoin(user, eq(user.id, members.userId))
    .where(and(eq(personLevels.workspaceId, workspaceId), eq(personLevels.memberId, memberId)));
  return r;
}

/** The level a person is placed at, with its title, track and rank. */
export async function findPersonLevel(db: Db, workspaceId: string, memberId: string): Promise<{ levelId: string; title: string; track: string; rank: number } | undefined> {
  const [r] = await db
    .select({ levelId: ladderLevels.id, title: ladderLevels.title, track: ladderLevels.track, rank: ladderLevels.rank })
    .from(personLevels)
    .innerJoin(ladderLevels, eq(ladderLevels.id, personLevels.levelId))
    .where(and(eq(personLevels.workspaceId, workspaceId), eq(personLevels.memberId, memberId)));
  return r;
}

/** Places a person at a level, replacing an earlier placement. */
export async function upsertPlacementRow(db: Db, row: { workspaceId: string; memberId: string; levelId: string; since: string | null; note: string; updatedById: string }): Promise<void> {
  await db
    .insert(personLevels)
    .values(row)
    .onConflictDoUpdate({
      target: personLevels.memberId,
      set: { levelId: row.levelId, since: row.since, note: row.note, updatedById: row.updatedById, version: sql`${personLevels.version} + 1`, updatedAt: new Date() },
    });
}

export async function deletePlacementRow(db: Db, workspaceId: string, memberId: string): Promise<void> {
  await db.delete(personLevels).where(and(eq(personLevels.workspaceId, workspaceId), eq(personLevels.memberId, memberId)));
}

export async function countPlacementsAtLevel(db: Db, workspaceId: string, levelId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)` })
    .from(personLevels)
    .where(and(eq(personLevels.workspaceId, workspaceId), eq(personLevels.levelId, levelId)));
  return Number(r?.n ?? 0);
}

// Versions ------------------------------------------------------------------------------------

export interface LadderVersionWithAuthor extends LadderVersionRow {
  createdByName: string | null;
}

export async function insertLadderVersionRow(db: Db, row: typeof ladderVersions.$inferInsert): Promise<void> {
  await db.insert(ladderVersions).values(row);
}

const versionColumns = { row: ladderVersions, createdByName: user.name };

/** The ladder's versions, newest first, without their snapshots unless asked. */
export async function listLadderVersionRows(db: Db, workspaceId: string, ladderId: string): Promise<LadderVersionWithAuthor[]> {
  const rows = await db
    .select(versionColumns)
    .from(ladderVersions)
    .leftJoin(members, eq(members.id, ladderVersions.createdById))
    .leftJoin(user, eq(user.id, members.userId))
    .where(and(eq(ladderVersions.workspaceId, workspaceId), eq(ladderVersions.ladderId, ladderId)))
    .orderBy(desc(ladderVersions.version));
  return rows.map((r) => ({ ...r.row, createdByName: r.createdByName }));
}

/** One version and the one before it (to diff against), newest first. */
export async function findLadderVersionPair(db: Db, workspaceId: string, ladderId: string, version: number): Promise<LadderVersionWithAuthor[]> {
  const rows = await db
    .select(versionColumns)
    .from(ladderVersions)
    .leftJoin(members, eq(members.id, ladderVersions.createdById))
    .leftJoin(user, eq(user.id, members.userId))
    .where(and(eq(ladderVersions.workspaceId, workspaceId), eq(ladderVersions.ladderId, ladderId), sql`${ladderVersions.version} <= ${version}`))
    .orderBy(desc(ladderVersions.version))
    .limit(2);
  return rows.map((r) => ({ ...r.row, createdByName: r.createdByName }));
}
