import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { capacities, components, features, roadmapSettings } from '../../db/schema/index.js';

export interface RoadmapSettingsFacts {
  capacityUnit: string;
  internalFields: string[];
}

/** The workspace's capacity unit and the feature fields hidden from viewers, or the defaults. */
export async function loadRoadmapFacts(db: Db, workspaceId: string): Promise<RoadmapSettingsFacts> {
  const [row] = await db
    .select({ capacityUnit: roadmapSettings.capacityUnit, internalFields: roadmapSettings.internalFields })
    .from(roadmapSettings)
    .where(eq(roadmapSettings.workspaceId, workspaceId));
  // Defaults as in the schema: a workspace that never saved its roadmap settings has no row.
  return row ?? { capacityUnit: 'points', internalFields: ['effort', 'scores'] };
}

/** Capacities set for the given components in a quarter, by component id. */
export async function capacitiesOf(db: Db, workspaceId: string, componentIds: string[], quarter: string): Promise<Map<string, number>> {
  if (!componentIds.length) return new Map();
  const rows = await db
    .select({ componentId: capacities.componentId, capacity: capacities.capacity })
    .from(capacities)
    .where(and(eq(capacities.workspaceId, workspaceId), eq(capacities.quarter, quarter), inArray(capacities.componentId, componentIds)));
  return new Map(rows.map((r) => [r.componentId, Number(r.capacity)]));
}

export interface PlannedFeatureRow {
  componentId: string;
  effort: number | null;
  horizon: string | null;
  startDate: string | null;
  endDate: string | null;
}

/**
 * Planned and in-progress features of a product that may fall in [start, end]: dated ones whose span
 * overlaps it, and undated ones on the now/next horizons. The proration decides the exact share.
 */
export async function plannedFeatureRows(db: Db, workspaceId: string, productId: string, bounds: { start: string; end: string }): Promise<PlannedFeatureRow[]> {
  const from = sql`least(coalesce(${features.startDate}, ${features.endDate}), coalesce(${features.endDate}, ${features.startDate}))`;
  const to = sql`greatest(coalesce(${features.startDate}, ${features.endDate}), coalesce(${features.endDate}, ${features.startDate}))`;
  return db
    .select({ componentId: features.componentId, effort: features.effort, horizon: features.horizon, startDate: features.startDate, endDate: features.endDate })
    .from(features)
    .innerJoin(components, eq(components.id, features.componentId))
    .where(
      and(
        eq(features.workspaceId, workspaceId),
        eq(components.productId, productId),
        inArray(features.status, ['planned', 'in_progress']),
        sql`((${features.startDate} is null and ${features.endDate} is null and ${features.horizon} in ('now', 'next'))
          or (${from} <= ${bounds.end} and ${to} >= ${bounds.start}))`,
      ),
    );
}

/** Sets (upserts) capacities of components in a quarter. */
export async function upsertCapacities(db: Db, workspaceId: string, quarter: string, rows: { componentId: string; capacity: number }[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insert(capacities)
    .values(rows.map((r) => ({ workspaceId, componentId: r.componentId, quarter, capacity: r.capacity })))
    .onConflictDoUpdate({ target: [capacities.componentId, capacities.quarter], set: { capacity: sql`excluded.capacity`, updatedAt: new Date() } });
}

/** Removes the capacities of components in a quarter. */
export async function deleteCapacities(db: Db, workspaceId: string, quarter: string, componentIds: string[]): Promise<void> {
  if (!componentIds.length) return;
  await db.delete(capacities).where(and(eq(capacities.workspaceId, workspaceId), eq(capacities.quarter, quarter), inArray(capacities.componentId, componentIds)));
}
