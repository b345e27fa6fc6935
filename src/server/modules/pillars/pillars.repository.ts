import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { components, features, objectives, opportunities, pillars, products } from '../../db/schema/index.js';

export type PillarRow = typeof pillars.$inferSelect;
export type PillarPatch = Partial<Pick<PillarRow, 'name' | 'description' | 'targetShare' | 'status' | 'position'>>;

/** Live figures of a product's pillars: features and their planned effort per pillar, the product's totals, linked objectives and opportunities. */
export interface PillarStats {
  features: Map<string, { count: number; plannedEffort: number }>;
  plannedEffort: number;
  unalignedEffort: number;
  objectives: Map<string, number>;
  opportunities: Map<string, number>;
}

/**
 * Planned work: not shipped or dropped, and either on the board (a horizon) or planned / in progress.
 * The drift report reads effort the same way.
 */
export const PLANNED_FEATURE = sql`(${features.status} not in ('shipped', 'wont_do') and (${features.horizon} is not null or ${features.status} in ('planned', 'in_progress')))`;

/** The product, locked for this transaction: pillar writes of one product are serialised (share sum, unique names, positions). */
export async function lockProduct(db: Db, workspaceId: string, productId: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db
    .select({ id: products.id, name: products.name })
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.id, productId)))
    .for('update');
  return row;
}

export async function findProduct(db: Db, workspaceId: string, productId: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db.select({ id: products.id, name: products.name }).from(products).where(and(eq(products.workspaceId, workspaceId), eq(products.id, productId)));
  return row;
}

export async function listPillarRows(db: Db, workspaceId: string, productId: string): Promise<PillarRow[]> {
  return db
    .select()
    .from(pillars)
    .where(and(eq(pillars.workspaceId, workspaceId), eq(pillars.productId, productId)))
    .orderBy(asc(pillars.position), asc(pillars.createdAt), asc(pillars.id));
}

export async function findPillarRow(db: Db, workspaceId: string, pillarId: string): Promise<PillarRow | undefined> {
  const [row] = await db.select().from(pillars).where(and(eq(pillars.workspaceId, workspaceId), eq(pillars.id, pillarId)));
  return row;
}

export async function insertPillar(db: Db, row: typeof pillars.$inferInsert): Promise<void> {
  await db.insert(pillars).values(row);
}

/** Applies the patch when the version matches; false when it does not (stale). */
export async function updatePillarRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: PillarPatch): Promise<boolean> {
  const rows = await db
    .update(pillars)
    .set({ ...patch, version: sql`${pillars.version} + 1`, updatedAt: new Date() })
    .where(and(eq(pillars.workspaceId, f.workspaceId), eq(pillars.id, f.id), eq(pillars.version, f.version)))
    .returning({ id: pillars.id });
  return rows.length > 0;
}

/** Renumbers pillars 0..n-1 in the given order (positions only: their versions stay). */
export async function setPositions(db: Db, workspaceId: string, orderedIds: string[], current: Map<string, number>): Promise<void> {
  for (const [i, id] of orderedIds.entries()) {
    if (current.get(id) === i) continue;
    await db
      .update(pillars)
      .set({ position: i })
      .where(and(eq(pillars.workspaceId, workspaceId), eq(pillars.id, id)));
  }
}

export async function deletePillarRow(db: Db, workspaceId: string, pillarId: string): Promise<void> {
  await db.delete(pillars).where(and(eq(pillars.workspaceId, workspaceId), eq(pillars.id, pillarId)));
}

/** The live figures of a product's pillars, in three grouped queries. */
export async function pillarStats(db: Db, workspaceId: string, productId: string, pillarIds: string[]): Promise<PillarStats> {
  const effort = sql<number>`coalesce(sum(case when ${PLANNED_FEATURE} then ${features.effort} end), 0)`;
  const [featureRows, objectiveRows, opportunityRows] = await Promise.all([
    db
      .select({ pillarId: features.pillarId, count: sql<number>`count(*)`, effort })
      .from(features)
      .innerJoin(components, eq(components.id, features.componentId))
      .where(and(eq(features.workspaceId, workspaceId), eq(components.productId, productId)))
      .groupBy(features.pillarId),
    pillarIds.length
      ? db
          .select({ pillarId: objectives.pillarId, count: sql<number>`count(*)` })
          .from(objectives)
          .where(and(eq(objectives.workspaceId, workspaceId), inArray(objectives.pillarId, pillarIds)))
          .groupBy(objectives.pillarId)
      : Promise.resolve([]),
    pillarIds.length
      ? db
          .select({ pillarId: opportunities.pillarId, count: sql<number>`count(*)` })
          .from(opportunities)
          .where(and(eq(opportunities.workspaceId, workspaceId), isNotNull(opportunities.pillarId), inArray(opportunities.pillarId, pillarIds)))
          .groupBy(opportunities.pillarId)
      : Promise.resolve([]),
  ]);
  const stats: PillarStats = { features: new Map(), plannedEffort: 0, unalignedEffort: 0, objectives: new Map(), opportunities: new Map() };
  for (const r of featureRows) {
    const planned = Number(r.effort);
    stats.plannedEffort += planned;
    if (r.pillarId) stats.features.set(r.pillarId, { count: Number(r.count), plannedEffort: planned });
    else stats.unalignedEffort += planned;
  }
  for (const r of objectiveRows) if (r.pillarId) stats.objectives.set(r.pillarId, Number(r.count));
  for (const r of opportunityRows) if (r.pillarId) stats.opportunities.set(r.pillarId, Number(r.count));
  return stats;
}
