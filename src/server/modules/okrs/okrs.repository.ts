import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import {
  components,
  dependencies,
  features,
  keyResultCheckIns,
  keyResultFeatures,
  keyResults,
  members,
  objectives,
  okrPeriods,
  pillars,
  products,
  user,
} from '../../db/schema/index.js';

export type PeriodRow = typeof okrPeriods.$inferSelect;
export type ObjectiveRow = typeof objectives.$inferSelect;
export type KeyResultRow = typeof keyResults.$inferSelect;
export type CheckInRow = typeof keyResultCheckIns.$inferSelect;
export type PeriodPatch = Partial<Pick<PeriodRow, 'name' | 'kind' | 'startsOn' | 'endsOn'>>;
export type ObjectivePatch = Partial<Pick<ObjectiveRow, 'title' | 'description' | 'status' | 'componentId' | 'parentId' | 'ownerId' | 'pillarId'>>;
export type KeyResultPatch = Partial<
  Pick<KeyResultRow, 'title' | 'startValue' | 'targetValue' | 'unit' | 'direction' | 'type' | 'metricId' | 'ownerId' | 'currentValue' | 'confidence' | 'confidenceStatus' | 'lastCheckInAt'>
>;

export interface ObjectiveFull extends ObjectiveRow {
  ownerName: string | null;
  componentName: string | null;
  componentOwnerId: string | null;
  pillarName: string | null;
}
export interface KeyResultFull extends KeyResultRow {
  ownerName: string | null;
}
export interface CheckInFull extends CheckInRow {
  authorName: string | null;
}

const ownerMember = alias(members, 'owner_member');
const ownerUser = alias(user, 'owner_user');

// Periods

const periodColumns = {
  row: okrPeriods,
  objectiveCount: sql<number>`(select count(*) from ${objectives} o where o.period_id = okr_periods.id)::int`,
};

export async function listPeriodRows(db: Db, workspaceId: string): Promise<(PeriodRow & { objectiveCount: number })[]> {
  const rows = await db
    .select(periodColumns)
    .from(okrPeriods)
    .where(eq(okrPeriods.workspaceId, workspaceId))
    .orderBy(asc(okrPeriods.startsOn), asc(okrPeriods.endsOn), asc(okrPeriods.id));
  return rows.map((r) => ({ ...r.row, objectiveCount: Number(r.objectiveCount) }));
}

export async function findPeriodRow(db: Db, workspaceId: string, periodId: string): Promise<(PeriodRow & { objectiveCount: number }) | undefined> {
  const [r] = await db
    .select(periodColumns)
    .from(okrPeriods)
    .where(and(eq(okrPeriods.workspaceId, workspaceId), eq(okrPeriods.id, periodId)));
  return r ? { ...r.row, objectiveCount: Number(r.objectiveCount) } : undefined;
}

export async function periodNameTaken(db: Db, workspaceId: string, name: string, exceptId?: string): Promise<boolean> {
  const [r] = await db
    .select({ id: okrPeriods.id })
    .from(okrPeriods)
    .where(and(eq(okrPeriods.workspaceId, workspaceId), sql`lower(${okrPeriods.name}) = lower(${name})`, exceptId ? sql`${okrPeriods.id} <> ${exceptId}` : undefined));
  return Boolean(r);
}

export async function insertPeriod(db: Db, row: typeof okrPeriods.$inferInsert): Promise<void> {
  await db.insert(okrPeriods).values(row);
}

export async function updatePeriodRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: PeriodPatch) {
  const [row] = await db
    .update(okrPeriods)
    .set({ ...patch, version: sql`${okrPeriods.version} + 1`, updatedAt: new Date() })
    .where(and(eq(okrPeriods.workspaceId, f.workspaceId), eq(okrPeriods.id, f.id), eq(okrPeriods.version, f.version)))
    .returning({ id: okrPeriods.id });
  return row;
}

export async function deletePeriodRow(db: Db, workspaceId: string, periodId: string): Promise<void> {
  await db.delete(okrPeriods).where(and(eq(okrPeriods.workspaceId, workspaceId), eq(okrPeriods.id, periodId)));
}

// Objectives

function objectiveQuery(db: Db) {
  return db
    .select({ row: objectives, ownerName: ownerUser.name, componentName: components.name, componentOwnerId: components.ownerId, pillarName: pillars.name })
    .from(objectives)
    .leftJoin(ownerMember, eq(ownerMember.id, objectives.ownerId))
    .leftJoin(ownerUser, eq(ownerUser.id, ownerMember.userId))
    .leftJoin(components, eq(components.id, objectives.componentId))
    .leftJoin(pillars, eq(pillars.id, objectives.pillarId));
}

type ObjectiveSelect = { row: ObjectiveRow; ownerName: string | null; componentName: string | null; componentOwnerId: string | null; pillarName: string | null };
const toObjective = (r: ObjectiveSelect): ObjectiveFull => ({
  ...r.row,
  ownerName: r.ownerName,
  componentName: r.componentName,
  componentOwnerId: r.componentOwnerId,
  pillarName: r.pillarName,
});

/** Objectives matching the filters, product level first, then by component name, position and creation. */
export async function listObjectiveRows(db: Db, workspaceId: string, q: { periodId?: string; productId?: string; componentId?: string; parentId?: string }): Promise<ObjectiveFull[]> {
  const where: SQL[] = [eq(objectives.workspaceId, workspaceId)];
  if (q.periodId) where.push(eq(objectives.periodId, q.periodId));
  if (q.productId) where.push(eq(objectives.productId, q.productId));
  if (q.componentId) where.push(eq(objectives.componentId, q.componentId));
  if (q.parentId) where.push(eq(objectives.parentId, q.parentId));
  const rows = await objectiveQuery(db)
    .where(and(...where))
    .orderBy(sql`${objectives.componentId} is not null`, asc(components.name), asc(objectives.position), asc(objectives.createdAt), asc(objectives.id));
  return rows.map(toObjective);
}

export async function findObjectiveRow(db: Db, workspaceId: string, objectiveId: string): Promise<ObjectiveFull | undefined> {
  const [r] = await objectiveQuery(db).where(and(eq(objectives.workspaceId, workspaceId), eq(objectives.id, objectiveId)));
  return r ? toObjective(r) : undefined;
}

/** id → parentId of every objective of a period (for cycle checks and roll-ups). */
export async function periodParents(db: Db, workspaceId: string, periodId: string): Promise<Map<string, string | null>> {
  const rows = await db
    .select({ id: objectives.id, parentId: objectives.parentId })
    .from(objectives)
    .where(and(eq(objectives.workspaceId, workspaceId), eq(objectives.periodId, periodId)));
  return new Map(rows.map((r) => [r.id, r.parentId]));
}

export async function nextObjectivePosition(db: Db, workspaceId: string, productId: string, periodId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${objectives.position}) + 1, 0)` })
    .from(objectives)
    .where(and(eq(objectives.workspaceId, workspaceId), eq(objectives.productId, productId), eq(objectives.periodId, periodId)));
  return Number(r?.n ?? 0);
}

export async function insertObjective(db: Db, row: typeof objectives.$inferInsert): Promise<void> {
  await db.insert(objectives).values(row);
}

export async function updateObjectiveRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: ObjectivePatch) {
  const [row] = await db
    .update(objectives)
    .set({ ...patch, version: sql`${objectives.version} + 1`, updatedAt: new Date() })
    .where(and(eq(objectives.workspaceId, f.workspaceId), eq(objectives.id, f.id), eq(objectives.version, f.version)))
    .returning({ id: objectives.id });
  return row;
}

export async function deleteObjectiveRow(db: Db, workspaceId: string, objectiveId: string): Promise<void> {
  await db.delete(objectives).where(and(eq(objectives.workspaceId, workspaceId), eq(objectives.id, objectiveId)));
}

// The tree: two queries, whatever the size (check-ins are never scanned).

export async function treeObjectiveRows(db: Db, workspaceId: string, productId: string, periodId: string): Promise<ObjectiveFull[]> {
  return listObjectiveRows(db, workspaceId, { productId, periodId });
}

export async function treeKeyResultRows(db: Db, workspaceId: string, productId: string, periodId: string): Promise<KeyResultRow[]> {
  const rows = await db
    .select({ row: keyResults })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .where(and(eq(objectives.workspaceId, workspaceId), eq(objectives.productId, productId), eq(objectives.periodId, periodId)))
    .orderBy(asc(keyResults.objectiveId), asc(keyResults.position), asc(keyResults.createdAt), asc(keyResults.id));
  return rows.map((r) => r.row);
}

// Key results

function keyResultQuery(db: Db) {
  return db
    .select({ row: keyResults, ownerName: ownerUser.name })
    .from(keyResults)
    .leftJoin(ownerMember, eq(ownerMember.id, keyResults.ownerId))
    .leftJoin(ownerUser, eq(ownerUser.id, ownerMember.userId));
}

export async function listKeyResultRows(db: Db, workspaceId: string, objectiveIds: string[]): Promise<KeyResultFull[]> {
  if (!objectiveIds.length) return [];
  const rows = await keyResultQuery(db)
    .where(and(eq(keyResults.workspaceId, workspaceId), inArray(keyResults.objectiveId, objectiveIds)))
    .orderBy(asc(keyResults.position), asc(keyResults.createdAt), asc(keyResults.id));
  return rows.map((r) => ({ ...r.row, ownerName: r.ownerName }));
}

export async function findKeyResultRow(db: Db, workspaceId: string, keyResultId: string): Promise<KeyResultFull | undefined> {
  const [r] = await keyResultQuery(db).where(and(eq(keyResults.workspaceId, workspaceId), eq(keyResults.id, keyResultId)));
  return r ? { ...r.row, ownerName: r.ownerName } : undefined;
}

export async function nextKeyResultPosition(db: Db, workspaceId: string, objectiveId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${keyResults.position}) + 1, 0)` })
    .from(keyResults)
    .where(and(eq(keyResults.workspaceId, workspaceId), eq(keyResults.objectiveId, objectiveId)));
  return Number(r?.n ?? 0);
}

export async function insertKeyResult(db: Db, row: typeof keyResults.$inferInsert): Promise<void> {
  await db.insert(keyResults).values(row);
}

/** Updates a key result; `version` null skips the version check (a check-in moves the current value). */
export async function updateKeyResultRow(db: Db, f: { workspaceId: string; id: string; version: number | null }, patch: KeyResultPatch) {
  const [row] = await db
    .update(keyResults)
    .set({ ...patch, version: sql`${keyResults.version} + 1`, updatedAt: new Date() })
    .where(and(eq(keyResults.workspaceId, f.workspaceId), eq(keyResults.id, f.id), f.version === null ? undefined : eq(keyResults.version, f.version)))
    .returning({ id: keyResults.id });
  return row;
}

export async function deleteKeyResultRow(db: Db, workspaceId: string, keyResultId: string): Promise<void> {
  await db.delete(keyResults).where(and(eq(keyResults.workspaceId, workspaceId), eq(keyResults.id, keyResultId)));
}

// Check-ins

const authorMember = alias(members, 'author_member');
const authorUser = alias(user, 'author_user');

export async function insertCheckIn(db: Db, row: typeof keyResultCheckIns.$inferInsert): Promise<void> {
  await db.insert(keyResultCheckIns).values(row);
}

/** Check-ins of a key result, oldest first; `latest` keeps only the newest n (still oldest first). */
export async function listCheckInRows(db: Db, workspaceId: string, keyResultId: string, latest?: number): Promise<CheckInFull[]> {
  const q = db
    .select({ row: keyResultCheckIns, authorName: authorUser.name })
    .from(keyResultCheckIns)
    .leftJoin(authorMember, eq(authorMember.id, keyResultCheckIns.authorId))
    .leftJoin(authorUser, eq(authorUser.id, authorMember.userId))
    .where(and(eq(keyResultCheckIns.workspaceId, workspaceId), eq(keyResultCheckIns.keyResultId, keyResultId)));
  const rows = latest
    ? (await q.orderBy(desc(keyResultCheckIns.createdAt), desc(keyResultCheckIns.id)).limit(latest)).reverse()
    : await q.orderBy(asc(keyResultCheckIns.createdAt), asc(keyResultCheckIns.id));
  return rows.map((r) => ({ ...r.row, authorName: r.authorName }));
}

export async function findCheckInRow(db: Db, workspaceId: string, checkInId: string): Promise<CheckInFull | undefined> {
  const [r] = await db
    .select({ row: keyResultCheckIns, authorName: authorUser.name })
    .from(keyResultCheckIns)
    .leftJoin(authorMember, eq(authorMember.id, keyResultCheckIns.authorId))
    .leftJoin(authorUser, eq(authorUser.id, authorMember.userId))
    .where(and(eq(keyResultCheckIns.workspaceId, workspaceId), eq(keyResultCheckIns.id, checkInId)));
  return r ? { ...r.row, authorName: r.authorName } : undefined;
}

// Driving features

export interface FeatureFacts {
  id: string;
  title: string;
  status: string;
  horizon: string | null;
  startDate: string | null;
  endDate: string | null;
  componentId: string;
  componentName: string;
  productId: string;
}

const featureColumns = {
  id: features.id,
  title: features.title,
  status: features.status,
  horizon: features.horizon,
  startDate: features.startDate,
  endDate: features.endDate,
  componentId: features.componentId,
  componentName: components.name,
  productId: components.productId,
};

/** The features of this workspace among these ids. */
export async function featuresByIds(db: Db, workspaceId: string, ids: string[]): Promise<FeatureFacts[]> {
  if (!ids.length) return [];
  return db
    .select(featureColumns)
    .from(features)
    .innerJoin(components, eq(components.id, features.componentId))
    .where(and(eq(features.workspaceId, workspaceId), inArray(features.id, ids)));
}

/** The driving features of a key result, by title. */
export async function drivingFeatureRows(db: Db, workspaceId: string, keyResultId: string): Promise<FeatureFacts[]> {
  return db
    .select(featureColumns)
    .from(keyResultFeatures)
    .innerJoin(features, eq(features.id, keyResultFeatures.featureId))
    .innerJoin(components, eq(components.id, features.componentId))
    .where(and(eq(keyResultFeatures.workspaceId, workspaceId), eq(keyResultFeatures.keyResultId, keyResultId)))
    .orderBy(asc(features.title), asc(features.id));
}

/** The dependencies of these features ("featureId needs dependsOnId") with the prerequisites' facts. */
export async function prerequisitesOf(db: Db, workspaceId: string, featureIds: string[]) {
  if (!featureIds.length) return [];
  const pre = alias(features, 'prerequisite');
  return db
    .select({
      featureId: dependencies.featureId,
      title: pre.title,
      status: pre.status,
      horizon: pre.horizon,
      startDate: pre.startDate,
      endDate: pre.endDate,
    })
    .from(dependencies)
    .innerJoin(pre, eq(pre.id, dependencies.dependsOnId))
    .where(and(eq(dependencies.workspaceId, workspaceId), inArray(dependencies.featureId, featureIds)));
}

export async function replaceDrivingFeatures(db: Db, workspaceId: string, keyResultId: string, featureIds: string[]): Promise<void> {
  await db.delete(keyResultFeatures).where(and(eq(keyResultFeatures.workspaceId, workspaceId), eq(keyResultFeatures.keyResultId, keyResultId)));
  if (featureIds.length) await db.insert(keyResultFeatures).values(featureIds.map((featureId) => ({ workspaceId, keyResultId, featureId })));
}

// References

export async function memberNames(db: Db, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: members.id, name: user.name })
    .from(members)
    .innerJoin(user, eq(user.id, members.userId))
    .where(and(eq(members.workspaceId, workspaceId), inArray(members.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findProductRow(db: Db, workspaceId: string, productId: string) {
  const [r] = await db
    .select({ id: products.id, name: products.name })
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.id, productId)));
  return r;
}

export async function findComponentRow(db: Db, workspaceId: string, componentId: string) {
  const [r] = await db
    .select({ id: components.id, name: components.name, productId: components.productId, ownerId: components.ownerId })
    .from(components)
    .where(and(eq(components.workspaceId, workspaceId), eq(components.id, componentId)));
  return r;
}

export async function countChildren(db: Db, workspaceId: string, objectiveIds: string[]): Promise<Map<string, number>> {
  if (!objectiveIds.length) return new Map();
  const rows = await db
    .select({ parentId: objectives.parentId, n: count() })
    .from(objectives)
    .where(and(eq(objectives.workspaceId, workspaceId), inArray(objectives.parentId, objectiveIds)))
    .groupBy(objectives.parentId);
  return new Map(rows.map((r) => [r.parentId!, Number(r.n)]));
}

/** Every objective of a period (id, parent) and the progress facts of its key results: what roll-ups need. */
export async function periodRollupFacts(db: Db, workspaceId: string, periodId: string) {
  const [objs, krs] = await Promise.all([
    db
      .select({ id: objectives.id, parentId: objectives.parentId })
      .from(objectives)
      .where(and(eq(objectives.workspaceId, workspaceId), eq(objectives.periodId, periodId))),
    db
      .select({
        objectiveId: keyResults.objectiveId,
        type: keyResults.type,
        direction: keyResults.direction,
        start: keyResults.startValue,
        target: keyResults.targetValue,
        current: keyResults.currentValue,
        confidence: keyResults.confidence,
        status: keyResults.confidenceStatus,
      })
      .from(keyResults)
      .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
      .where(and(eq(objectives.workspaceId, workspaceId), eq(objectives.periodId, periodId))),
  ]);
  return { objs, krs };
}
