import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { pillars, rationaleTemplates } from '../../db/schema/index.js';

export type RationaleRow = typeof rationaleTemplates.$inferSelect & { pillarName: string | null; usageCount: number };
export type RationalePatch = Partial<Pick<typeof rationaleTemplates.$inferInsert, 'title' | 'body' | 'pillarId' | 'active' | 'position'>>;

const usage = sql<number>`(select count(*)::int from decisions d where d.rationale_template_id = ${rationaleTemplates.id})`;

const selection = {
  id: rationaleTemplates.id,
  workspaceId: rationaleTemplates.workspaceId,
  title: rationaleTemplates.title,
  body: rationaleTemplates.body,
  pillarId: rationaleTemplates.pillarId,
  active: rationaleTemplates.active,
  position: rationaleTemplates.position,
  version: rationaleTemplates.version,
  createdAt: rationaleTemplates.createdAt,
  updatedAt: rationaleTemplates.updatedAt,
  pillarName: pillars.name,
  usageCount: usage,
};

/** Templates of a workspace: active first, then by position and title. */
export async function listRationaleRows(db: Db, workspaceId: string, includeInactive: boolean): Promise<RationaleRow[]> {
  const rows = await db
    .select(selection)
    .from(rationaleTemplates)
    .leftJoin(pillars, eq(pillars.id, rationaleTemplates.pillarId))
    .where(and(eq(rationaleTemplates.workspaceId, workspaceId), includeInactive ? undefined : eq(rationaleTemplates.active, true)))
    .orderBy(desc(rationaleTemplates.active), asc(rationaleTemplates.position), asc(rationaleTemplates.title));
  return rows.map((r) => ({ ...r, usageCount: Number(r.usageCount) }));
}

export async function findRationaleRow(db: Db, workspaceId: string, id: string): Promise<RationaleRow | null> {
  const [r] = await db
    .select(selection)
    .from(rationaleTemplates)
    .leftJoin(pillars, eq(pillars.id, rationaleTemplates.pillarId))
    .where(and(eq(rationaleTemplates.workspaceId, workspaceId), eq(rationaleTemplates.id, id)));
  return r ? { ...r, usageCount: Number(r.usageCount) } : null;
}

export async function countRationales(db: Db, workspaceId: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(rationaleTemplates).where(eq(rationaleTemplates.workspaceId, workspaceId));
  return Number(r?.n ?? 0);
}

/** Inserts templates; one whose title is taken (a concurrent seed) is skipped. Returns the ids inserted. */
export async function insertRationalesIfAbsent(db: Db, rows: (typeof rationaleTemplates.$inferInsert)[]): Promise<string[]> {
  if (!rows.length) return [];
  const inserted = await db.insert(rationaleTemplates).values(rows).onConflictDoNothing().returning({ id: rationaleTemplates.id });
  return inserted.map((r) => r.id);
}

export async function insertRationale(db: Db, row: typeof rationaleTemplates.$inferInsert): Promise<void> {
  await db.insert(rationaleTemplates).values(row);
}

export async function titleTaken(db: Db, workspaceId: string, title: string, exceptId?: string): Promise<boolean> {
  const [r] = await db
    .select({ id: rationaleTemplates.id })
    .from(rationaleTemplates)
    .where(and(eq(rationaleTemplates.workspaceId, workspaceId), sql`lower(${rationaleTemplates.title}) = lower(${title})`, exceptId ? ne(rationaleTemplates.id, exceptId) : undefined))
    .limit(1);
  return Boolean(r);
}

export async function nextRationalePosition(db: Db, workspaceId: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`coalesce(max(${rationaleTemplates.position}) + 1, 0)::int` }).from(rationaleTemplates).where(eq(rationaleTemplates.workspaceId, workspaceId));
  return Number(r?.n ?? 0);
}

export async function updateRationaleRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: RationalePatch): Promise<boolean> {
  const rows = await db
    .update(rationaleTemplates)
    .set({ ...patch, version: sql`${rationaleTemplates.version} + 1`, updatedAt: new Date() })
    .where(and(eq(rationaleTemplates.workspaceId, f.workspaceId), eq(rationaleTemplates.id, f.id), eq(rationaleTemplates.version, f.version)))
    .returning({ id: rationaleTemplates.id });
  return rows.length > 0;
}

export async function deleteRationaleRow(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(rationaleTemplates)
    .where(and(eq(rationaleTemplates.workspaceId, workspaceId), eq(rationaleTemplates.id, id)))
    .returning({ id: rationaleTemplates.id });
  return rows.length > 0;
}

/** The pillar's name when it belongs to the workspace. */
export async function findPillarName(db: Db, workspaceId: string, pillarId: string): Promise<string | null> {
  const [r] = await db.select({ name: pillars.name }).from(pillars).where(and(eq(pillars.workspaceId, workspaceId), eq(pillars.id, pillarId)));
  return r?.name ?? null;
}
