import { and, asc, count, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog, components, featureScores, features, members, prioritizationFrameworks, products, user, type FeatureScoreInputs } from '../../db/schema/index.js';

export type FrameworkRow = typeof prioritizationFrameworks.$inferSelect;
export type NewFrameworkRow = typeof prioritizationFrameworks.$inferInsert;

/** The audit action of replacing a workspace's frameworks: how many there were gives the set's version. */
export const FRAMEWORKS_UPDATE_ACTION = 'prioritization-frameworks.update';

// Advisory lock class of the prioritization module (client.ts and dependencies use 724_310_001 and _004).
const FRAMEWORKS_LOCK_CLASS = 724_310_005;

/** Serialises creating and replacing one workspace's frameworks until the transaction ends. */
export async function lockFrameworks(tx: Db, workspaceId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${FRAMEWORKS_LOCK_CLASS}, hashtext(${workspaceId}))`);
}

export async function listFrameworkRows(db: Db, workspaceId: string): Promise<FrameworkRow[]> {
  return db
    .select()
    .from(prioritizationFrameworks)
    .where(eq(prioritizationFrameworks.workspaceId, workspaceId))
    .orderBy(asc(prioritizationFrameworks.position), asc(prioritizationFrameworks.createdAt), asc(prioritizationFrameworks.id));
}

export async function insertFrameworkRows(db: Db, rows: NewFrameworkRow[]): Promise<void> {
  if (rows.length) await db.insert(prioritizationFrameworks).values(rows);
}

export async function updateFrameworkRow(db: Db, workspaceId: string, id: string, patch: Omit<NewFrameworkRow, 'id' | 'workspaceId'>): Promise<void> {
  await db
    .update(prioritizationFrameworks)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(prioritizationFrameworks.workspaceId, workspaceId), eq(prioritizationFrameworks.id, id)));
}

/** Deletes the workspace's frameworks other than `keepIds` (their scores go with them, by cascade). */
export async function deleteFrameworkRowsExcept(db: Db, workspaceId: string, keepIds: string[]): Promise<void> {
  const where = [eq(prioritizationFrameworks.workspaceId, workspaceId)];
  if (keepIds.length) where.push(notInArray(prioritizationFrameworks.id, keepIds));
  await db.delete(prioritizationFrameworks).where(and(...where));
}

/** How many times the workspace's frameworks were replaced (the set's version is this plus one). */
export async function countFrameworkUpdates(db: Db, workspaceId: string): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, FRAMEWORKS_UPDATE_ACTION)));
  return Number(r?.n ?? 0);
}

export interface ScoringFactsRow {
  id: string;
  effort: number | null;
  scoreInputs: FeatureScoreInputs;
}

/** The scoring inputs of these features (all of the workspace's when `featureIds` is omitted), in one query. */
export async function loadScoringFacts(db: Db, workspaceId: string, featureIds?: string[]): Promise<ScoringFactsRow[]> {
  if (featureIds && featureIds.length === 0) return [];
  const where = [eq(features.workspaceId, workspaceId)];
  if (featureIds) where.push(inArray(features.id, featureIds));
  const rows = await db.select({ id: features.id, effort: features.effort, scoreInputs: features.scoreInputs }).from(features).where(and(...where));
  // numeric(10,2) in "number" mode still arrives as a string from some drivers.
  return rows.map((r) => ({ id: r.id, effort: r.effort === null ? null : Number(r.effort), scoreInputs: r.scoreInputs ?? {} }));
}

/** A PostgreSQL array literal: one bind parameter however many values (20,000 when rescoring all). */
const arrayLiteral = (values: readonly (string | number | null)[]) =>
  `{${values.map((v) => (v === null || (typeof v === 'number' && !Number.isFinite(v)) ? 'NULL' : String(v))).join(',')}}`;

/**
 * Stores one framework's scores of these features (`scores[i]` belongs to `featureIds[i]`) in two
 * set-based statements: an update of the rows whose score changed, then an insert of the rows that do
 * not exist yet. Unchanged rows are neither written nor locked (an INSERT … ON CONFLICT DO UPDATE would
 * lock every one of them), so after a change to one framework only its scores are written.
 */
export async function writeFrameworkScores(db: Db, workspaceId: string, frameworkId: string, featureIds: readonly string[], scores: readonly (number | null)[]): Promise<void> {
  if (!featureIds.length) return;
  const ids = arrayLiteral(featureIds);
  const values = arrayLiteral(scores);
  await db.execute(sql`
    update ${featureScores} as fs set score = v.s, computed_at = now()
    from unnest(${ids}::uuid[], ${values}::double precision[]) as v(f, s)
    where fs.framework_id = ${frameworkId} and fs.feature_id = v.f and fs.score is distinct from v.s`);
  await db.execute(sql`
    insert into ${featureScores} (workspace_id, feature_id, framework_id, score, computed_at)
    select ${workspaceId}::uuid, v.f, ${frameworkId}::uuid, v.s, now()
    from unnest(${ids}::uuid[], ${values}::double precision[]) as v(f, s)
    where not exists (select 1 from ${featureScores} as fs where fs.feature_id = v.f and fs.framework_id = ${frameworkId})
    on conflict do nothing`);
}

/** Drops the stored scores of frameworks that are no longer scored (disabled ones). */
export async function deleteScoresOfFrameworks(db: Db, workspaceId: string, frameworkIds: string[]): Promise<void> {
  if (!frameworkIds.length) return;
  await db.delete(featureScores).where(and(eq(featureScores.workspaceId, workspaceId), inArray(featureScores.frameworkId, frameworkIds)));
}

export interface BacklogRow {
  id: string;
  title: string;
  status: string;
  componentId: string;
  componentName: string;
  productId: string;
  ownerId: string | null;
  ownerName: string | null;
  score: number | null;
}

/** Statuses that close a feature: closed features leave the backlog unless asked for. */
export const CLOSED_STATUSES = ['shipped', 'wont_do'];

/**
 * Every feature of the backlog (a product's, or the workspace's) with its stored score under one
 * framework and its owner: the feature's owner PM, else its component's.
 */
export async function loadBacklog(db: Db, workspaceId: string, q: { productId?: string; frameworkId: string; includeClosed: boolean }): Promise<BacklogRow[]> {
  const owner = sql<string | null>`coalesce(${features.ownerId}, ${components.ownerId})`;
  const where: SQL[] = [eq(features.workspaceId, workspaceId)];
  if (q.productId) where.push(eq(components.productId, q.productId));
  if (!q.includeClosed) where.push(notInArray(features.status, CLOSED_STATUSES));
  const rows = await db
    .select({
      id: features.id,
      title: features.title,
      status: features.status,
      componentId: features.componentId,
      componentName: components.name,
      productId: components.productId,
      ownerId: owner,
      ownerName: user.name,
      score: featureScores.score,
    })
    .from(features)
    .innerJoin(components, eq(components.id, features.componentId))
    .leftJoin(featureScores, and(eq(featureScores.featureId, features.id), eq(featureScores.frameworkId, q.frameworkId)))
    .leftJoin(members, eq(members.id, owner))
    .leftJoin(user, eq(user.id, members.userId))
    .where(and(...where));
  return rows.map((r) => ({ ...r, score: r.score === null ? null : Number(r.score) }));
}

export interface FeatureForScores {
  id: string;
  title: string;
  version: number;
  effort: number | null;
  scoreInputs: FeatureScoreInputs;
  componentOwnerId: string | null;
}

export async function findFeatureForScores(db: Db, workspaceId: string, featureId: string): Promise<FeatureForScores | undefined> {
  const [r] = await db
    .select({
      id: features.id,
      title: features.title,
      version: features.version,
      effort: features.effort,
      scoreInputs: features.scoreInputs,
      componentOwnerId: components.ownerId,
    })
    .from(features)
    .innerJoin(components, eq(components.id, features.componentId))
    .where(and(eq(features.workspaceId, workspaceId), eq(features.id, featureId)));
  return r ? { ...r, effort: r.effort === null ? null : Number(r.effort), scoreInputs: r.scoreInputs ?? {} } : undefined;
}

/** Writes a feature's typed inputs if it is still at `version`; returns the new version, or undefined when stale. */
export async function updateFeatureScoreInputs(db: Db, workspaceId: string, featureId: string, version: number, inputs: FeatureScoreInputs): Promise<number | undefined> {
  const [r] = await db
    .update(features)
    .set({ scoreInputs: inputs, version: sql`${features.version} + 1`, updatedAt: new Date() })
    .where(and(eq(features.workspaceId, workspaceId), eq(features.id, featureId), eq(features.version, version)))
    .returning({ version: features.version });
  return r?.version;
}

export async function productExists(db: Db, workspaceId: string, productId: string): Promise<boolean> {
  const [r] = await db.select({ id: products.id }).from(products).where(and(eq(products.workspaceId, workspaceId), eq(products.id, productId)));
  return Boolean(r);
}

export async function findComponentBase(db: Db, workspaceId: string, componentId: string): Promise<{ id: string; productId: string } | undefined> {
  const [r] = await db
    .select({ id: components.id, productId: components.productId })
    .from(components)
    .where(and(eq(components.workspaceId, workspaceId), eq(components.id, componentId)));
  return r;
}
