import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { components, featureRequirements, features, products, releaseComponents, releases } from '../../db/schema/index.js';

export type ReleaseRow = typeof releases.$inferSelect;
export interface ReleaseFull extends ReleaseRow {
  componentIds: string[];
  featureCount: number;
  shippedCount: number;
}
export interface ReleaseFeatureRow {
  id: string;
  title: string;
  componentId: string;
  componentName: string;
  status: string;
  effort: number | null;
}
export interface ComponentRef {
  id: string;
  name: string;
  ownerId: string | null;
}

/** json from a subselect: PGlite and node-postgres both parse it, but be safe with a string. */
const parseJson = <T>(raw: unknown): T => (typeof raw === 'string' ? JSON.parse(raw) : raw) as T;

// Correlated subqueries name the outer table literally (releases.id): drizzle leaves a column
// unqualified in a single-table query, and an unqualified "id" would bind to the inner table.
/** Columns of a release with its components and feature counts; internal features are left out for viewers. */
function fullColumns(hideInternal: boolean) {
  const visible = hideInternal ? sql`and not f.internal` : sql``;
  return {
    row: releases,
    componentIds: sql<unknown>`coalesce((select json_agg(rc.component_id order by rc.component_id) from ${releaseComponents} rc where rc.release_id = releases.id), '[]'::json)`,
    featureCount: sql<number>`(select count(*) from ${features} f where f.release_id = releases.id ${visible})`,
    shippedCount: sql<number>`(select count(*) from ${features} f where f.release_id = releases.id and f.status = 'shipped' ${visible})`,
  };
}

function toFull(r: { row: ReleaseRow; componentIds: unknown; featureCount: number; shippedCount: number }): ReleaseFull {
  return { ...r.row, componentIds: parseJson<string[]>(r.componentIds), featureCount: Number(r.featureCount), shippedCount: Number(r.shippedCount) };
}

/** Releases of a workspace, by date (undated last), then name. */
export async function listReleaseRows(db: Db, workspaceId: string, q: { productId?: string; status?: string; hideInternal: boolean }): Promise<ReleaseFull[]> {
  const where: SQL[] = [eq(releases.workspaceId, workspaceId)];
  if (q.productId) where.push(eq(releases.productId, q.productId));
  if (q.status) where.push(eq(releases.status, q.status));
  const rows = await db
    .select(fullColumns(q.hideInternal))
    .from(releases)
    .where(and(...where))
    .orderBy(sql`${releases.date} asc nulls last`, asc(releases.name), asc(releases.id));
  return rows.map(toFull);
}

export async function findReleaseRow(db: Db, workspaceId: string, id: string, hideInternal = false): Promise<ReleaseFull | undefined> {
  const [r] = await db
    .select(fullColumns(hideInternal))
    .from(releases)
    .where(and(eq(releases.workspaceId, workspaceId), eq(releases.id, id)));
  return r ? toFull(r) : undefined;
}

/** The features of a release with their component, by component name then title. */
export async function listReleaseFeatureRows(db: Db, workspaceId: string, releaseId: string, hideInternal: boolean): Promise<ReleaseFeatureRow[]> {
  return db
    .select({ id: features.id, title: features.title, componentId: features.componentId, componentName: components.name, status: features.status, effort: features.effort })
    .from(features)
    .innerJoin(components, eq(components.id, features.componentId))
    .where(and(eq(features.workspaceId, workspaceId), eq(features.releaseId, releaseId), hideInternal ? eq(features.internal, false) : undefined))
    .orderBy(asc(components.name), asc(features.title), asc(features.id));
}

/** The shipped features of a release with their component's name and requirements document, for drafting notes. */
export async function listShippedForNotes(db: Db, workspaceId: string, releaseId: string) {
  return db
    .select({ title: features.title, description: features.description, componentName: components.name, requirements: featureRequirements.body })
    .from(features)
    .innerJoin(components, eq(components.id, features.componentId))
    .leftJoin(featureRequirements, eq(featureRequirements.featureId, features.id))
    .where(and(eq(features.workspaceId, workspaceId), eq(features.releaseId, releaseId), eq(features.status, 'shipped')));
}

/** A product of the workspace with its components by name, or undefined. */
export async function findProductComponents(db: Db, workspaceId: string, productId: string): Promise<{ id: string; name: string; components: ComponentRef[] } | undefined> {
  const [product] = await db
    .select({ id: products.id, name: products.name })
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.id, productId)));
  if (!product) return undefined;
  const rows = await db
    .select({ id: components.id, name: components.name, ownerId: components.ownerId })
    .from(components)
    .where(and(eq(components.workspaceId, workspaceId), eq(components.productId, productId)))
    .orderBy(asc(components.name), asc(components.id));
  return { ...product, components: rows };
}

/** Names of the given components, by name. */
export async function componentNames(db: Db, workspaceId: string, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (!ids.length) return [];
  return db
    .select({ id: components.id, name: components.name })
    .from(components)
    .where(and(eq(components.workspaceId, workspaceId), inArray(components.id, ids)))
    .orderBy(asc(components.name), asc(components.id));
}

export async function insertRelease(db: Db, row: typeof releases.$inferInsert): Promise<void> {
  await db.insert(releases).values(row);
}

export type ReleasePatch = Partial<Pick<ReleaseRow, 'name' | 'date' | 'description' | 'status' | 'notes'>>;

/** Applies a patch when the version matches; undefined when it did not (stale or gone). */
export async function updateReleaseRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: ReleasePatch) {
  const [row] = await db
    .update(releases)
    .set({ ...patch, version: sql`${releases.version} + 1`, updatedAt: new Date() })
    .where(and(eq(releases.workspaceId, f.workspaceId), eq(releases.id, f.id), eq(releases.version, f.version)))
    .returning({ id: releases.id });
  return row;
}

export async function deleteReleaseRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(releases).where(and(eq(releases.workspaceId, workspaceId), eq(releases.id, id)));
}

/** Replaces the components of a release. */
export async function setReleaseComponents(db: Db, workspaceId: string, releaseId: string, componentIds: string[]): Promise<void> {
  await db.delete(releaseComponents).where(and(eq(releaseComponents.workspaceId, workspaceId), eq(releaseComponents.releaseId, releaseId)));
  const ids = [...new Set(componentIds)];
  if (ids.length) await db.insert(releaseComponents).values(ids.map((componentId) => ({ workspaceId, releaseId, componentId })));
}
