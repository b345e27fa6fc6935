import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { components, dependencies, features, keyResultFeatures, keyResults, objectives, okrPeriods, products } from '../../db/schema/index.js';
import type { Edge } from './dependencies.graph.js';

/** A feature at one end of a dependency: what the rules read, what people read, who owns it. */
export interface FeatureEnd {
  id: string;
  title: string;
  componentId: string;
  componentName: string;
  componentOwnerId: string | null;
  productId: string;
  productName: string;
  status: string;
  horizon: string | null;
  startDate: string | null;
  endDate: string | null;
  internal: boolean;
}

/** A dependency with both of its features: A (`a`) needs B (`b`). */
export interface EdgeRow {
  id: string;
  note: string;
  createdAt: Date;
  a: FeatureEnd;
  b: FeatureEnd;
}

const fa = alias(features, 'fa');
const ca = alias(components, 'ca');
const pa = alias(products, 'pa');

/** Features of the workspace with their component and product (missing ids are simply absent). */
export async function findFeatureEnds(db: Db, workspaceId: string, ids: string[]): Promise<Map<string, FeatureEnd>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: fa.id,
      title: fa.title,
      componentId: fa.componentId,
      componentName: ca.name,
      componentOwnerId: ca.ownerId,
      productId: ca.productId,
      productName: pa.name,
      status: fa.status,
      horizon: fa.horizon,
      startDate: fa.startDate,
      endDate: fa.endDate,
      internal: fa.internal,
    })
    .from(fa)
    .innerJoin(ca, eq(ca.id, fa.componentId))
    .innerJoin(pa, eq(pa.id, ca.productId))
    .where(and(eq(fa.workspaceId, workspaceId), inArray(fa.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

const endJson = (f: 'fa' | 'fb', c: 'ca' | 'cb', p: 'pa' | 'pb') =>
  sql.raw(`json_build_object('id', ${f}.id, 'title', ${f}.title, 'componentId', ${f}.component_id, 'componentName', ${c}.name,
    'componentOwnerId', ${c}.owner_id, 'productId', ${c}.product_id, 'productName', ${p}.name, 'status', ${f}.status,
    'horizon', ${f}.horizon, 'startDate', ${f}.start_date, 'endDate', ${f}.end_date, 'internal', ${f}.internal)`);

/**
 * Dependencies with both features' fields, in ONE query and ONE row: the edges come back as a single
 * json_agg value, which both drivers hand over parsed (or as one string) instead of converting a
 * thousand rows of 27 columns one by one, the larger part of the time on a big product. Features,
 * components and products are joined by primary key; `where` narrows the dependencies.
 */
async function selectEdges(db: Db, where: SQL): Promise<EdgeRow[]> {
  const result = await db.execute(sql`
    select coalesce(json_agg(json_build_object('id', d.id, 'note', d.note, 'createdAt', d.created_at, 'a', ${endJson('fa', 'ca', 'pa')}, 'b', ${endJson('fb', 'cb', 'pb')})), '[]'::json) as edges
    from ${dependencies} d
    join ${features} fa on fa.id = d.feature_id
    join ${components} ca on ca.id = fa.component_id
    join ${products} pa on pa.id = ca.product_id
    join ${features} fb on fb.id = d.depends_on_id
    join ${components} cb on cb.id = fb.component_id
    join ${products} pb on pb.id = cb.product_id
    where ${where}`);
  const raw = (result as unknown as { rows: { edges: unknown }[] }).rows[0]?.edges ?? [];
  const rows = (typeof raw === 'string' ? JSON.parse(raw) : raw) as (Omit<EdgeRow, 'createdAt'> & { createdAt: string })[];
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

/**
 * The conflict rules of dependencies.graph.ts as one SQL predicate over `fa` (A) and `fb` (B), for
 * edges whose A is open: true exactly when edgeConflicts(A, B) is not empty (a property test holds
 * the two to each other on the real database). It lets the product's conflict list read only the
 * edges in conflict; the reasons and messages still come from edgeConflicts. Every comparison with a
 * nullable column is wrapped in coalesce: NULL must mean "no", never "unknown".
 */
export const SQL_CONFLICT = sql.raw(`(fb.status = 'wont_do' or (fb.status <> 'shipped' and (
    ((fa.status in ('planned', 'in_progress') or coalesce(fa.horizon in ('now', 'next'), false))
      and (not (fb.status in ('planned', 'in_progress') or coalesce(fb.horizon in ('now', 'next'), false))
           or ((fa.horizon is not null or fa.start_date is not null or fa.end_date is not null)
               and fb.horizon is null and fb.start_date is null and fb.end_date is null)))
    or coalesce(fb.end_date > fa.start_date, false)
    or ((fa.start_date is null or fb.end_date is null)
        and coalesce(array_position(array['now', 'next', 'later'], fb.horizon) > array_position(array['now', 'next', 'later'], fa.horizon), false)))))`);
const OPEN_A = sql.raw(`fa.status not in ('shipped', 'wont_do')`);

/** The dependencies around a feature: those it needs and those that need it. */
export function edgesAround(db: Db, workspaceId: string, featureId: string): Promise<EdgeRow[]> {
  return selectEdges(db, sql`d.workspace_id = ${workspaceId} and (d.feature_id = ${featureId} or d.depends_on_id = ${featureId})`);
}

/** The dependencies of a product: those whose dependent feature (A) is in one of its components; B may be anywhere in the workspace. */
export function productEdges(db: Db, workspaceId: string, productId: string): Promise<EdgeRow[]> {
  return selectEdges(db, sql`d.workspace_id = ${workspaceId} and ca.product_id = ${productId}`);
}

/** The product's dependencies in conflict (see SQL_CONFLICT), with both features. */
export function conflictingProductEdges(db: Db, workspaceId: string, productId: string): Promise<EdgeRow[]> {
  return selectEdges(db, sql`d.workspace_id = ${workspaceId} and ca.product_id = ${productId} and ${OPEN_A} and ${SQL_CONFLICT}`);
}

/** One dependency of the workspace with both features, or null. */
export async function findEdge(db: Db, workspaceId: string, dependencyId: string): Promise<EdgeRow | null> {
  const [row] = await selectEdges(db, sql`d.workspace_id = ${workspaceId} and d.id = ${dependencyId}`);
  return row ?? null;
}

/** Every edge of the workspace, ids only: the graph the cycle check walks (5,000 edges are ~100 KB). */
export function workspaceEdges(db: Db, workspaceId: string): Promise<Edge[]> {
  return db.select({ featureId: dependencies.featureId, dependsOnId: dependencies.dependsOnId }).from(dependencies).where(eq(dependencies.workspaceId, workspaceId));
}

/**
 * Serializes dependency writes of one workspace until the transaction ends, so two concurrent inserts
 * cannot each pass the cycle check and together close a cycle. A transaction-scoped advisory lock keyed
 * by the workspace: released at commit or rollback, and PGlite (one connection) takes it as PostgreSQL does.
 */
export async function lockWorkspaceDependencies(tx: Db, workspaceId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${DEPENDENCY_LOCK_CLASS}, hashtext(${workspaceId}))`);
}
// The first key of the two-key advisory lock: this module's own namespace, apart from other locks.
const DEPENDENCY_LOCK_CLASS = 724_310_004;

/** Inserts an edge; false when the pair already exists (the unique index decides, race-free). */
export async function insertDependency(
  tx: Db,
  row: { id: string; workspaceId: string; featureId: string; dependsOnId: string; note: string; createdById: string },
): Promise<{ createdAt: Date } | null> {
  const [inserted] = await tx.insert(dependencies).values(row).onConflictDoNothing().returning({ createdAt: dependencies.createdAt });
  return inserted ?? null;
}

export async function deleteDependencyRow(tx: Db, workspaceId: string, dependencyId: string): Promise<boolean> {
  const deleted = await tx
    .delete(dependencies)
    .where(and(eq(dependencies.workspaceId, workspaceId), eq(dependencies.id, dependencyId)))
    .returning({ id: dependencies.id });
  return deleted.length > 0;
}

/** The product, if it is in the workspace. */
export async function productExists(db: Db, workspaceId: string, productId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.id, productId)));
  return Boolean(row);
}

/** A key result driven by a feature, with its objective and period (for the what-if preview). */
export interface DrivenKeyResult {
  id: string;
  title: string;
  objectiveId: string;
  objectiveTitle: string;
  periodName: string;
  periodEndsOn: string;
  featureId: string;
}

/**
 * The key results these features drive (key_result_features), of active objectives whose period has not
 * ended by `today`: those a plan change can still hurt. One row per key result and feature.
 */
export async function keyResultsDrivenBy(db: Db, workspaceId: string, featureIds: readonly string[], today: string): Promise<DrivenKeyResult[]> {
  if (!featureIds.length) return [];
  const rows = await db
    .select({
      id: keyResults.id,
      title: keyResults.title,
      objectiveId: objectives.id,
      objectiveTitle: objectives.title,
      periodName: okrPeriods.name,
      periodEndsOn: okrPeriods.endsOn,
      featureId: keyResultFeatures.featureId,
    })
    .from(keyResultFeatures)
    .innerJoin(keyResults, eq(keyResults.id, keyResultFeatures.keyResultId))
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(okrPeriods, eq(okrPeriods.id, objectives.periodId))
    .where(
      and(
        eq(keyResultFeatures.workspaceId, workspaceId),
        inArray(keyResultFeatures.featureId, [...new Set(featureIds)]),
        eq(objectives.status, 'active'),
        sql`${okrPeriods.endsOn} >= ${today}::date`,
      ),
    )
    .orderBy(objectives.title, keyResults.title, keyResults.id);
  return rows;
}
