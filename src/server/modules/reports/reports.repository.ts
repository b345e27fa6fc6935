import { and, desc, eq, gte, inArray, isNotNull, lte, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { isUuid } from '../../lib/ids.js';
import {
  auditLog,
  components,
  decisions,
  dependencies,
  features,
  keyResults,
  members,
  objectives,
  products,
  reportShareLinks,
  reports,
  statusUpdates,
  user,
} from '../../db/schema/index.js';

export type ReportRow = typeof reports.$inferSelect & { productName: string; creatorName: string | null };
export type ShareLinkRow = typeof reportShareLinks.$inferSelect & { creatorName: string | null };

// ---------------------------------------------------------------------------------------------
// Reports and share links
// ---------------------------------------------------------------------------------------------

const reportColumns = {
  report: reports,
  productName: products.name,
  creatorName: user.name,
};

function flatten(r: { report: typeof reports.$inferSelect; productName: string; creatorName: string | null }): ReportRow {
  return { ...r.report, productName: r.productName, creatorName: r.creatorName };
}

export async function findProduct(db: Db, workspaceId: string, productId: string) {
  const [row] = await db.select({ id: products.id, name: products.name }).from(products).where(and(eq(products.workspaceId, workspaceId), eq(products.id, productId)));
  return row ?? null;
}

export async function findReport(db: Db, workspaceId: string, reportId: string): Promise<ReportRow | null> {
  const [row] = await db
    .select(reportColumns)
    .from(reports)
    .innerJoin(products, eq(products.id, reports.productId))
    .leftJoin(members, eq(members.id, reports.createdById))
    .leftJoin(user, eq(user.id, members.userId))
    .where(and(eq(reports.workspaceId, workspaceId), eq(reports.id, reportId)));
  return row ? flatten(row) : null;
}

export async function listReportRows(db: Db, workspaceId: string, filter: { productId?: string; audience?: string }): Promise<ReportRow[]> {
  const rows = await db
    .select(reportColumns)
    .from(reports)
    .innerJoin(products, eq(products.id, reports.productId))
    .leftJoin(members, eq(members.id, reports.createdById))
    .leftJoin(user, eq(user.id, members.userId))
    .where(
      and(
        eq(reports.workspaceId, workspaceId),
        filter.productId ? eq(reports.productId, filter.productId) : undefined,
        filter.audience ? eq(reports.audience, filter.audience) : undefined,
      ),
    )
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(500);
  return rows.map(flatten);
}

/** The latest earlier report of the same product and audience: where "what changed" starts. */
export async function previousReport(db: Db, workspaceId: string, productId: string, audience: string) {
  const [row] = await db
    .select({ id: reports.id, createdAt: reports.createdAt })
    .from(reports)
    .where(and(eq(reports.workspaceId, workspaceId), eq(reports.productId, productId), eq(reports.audience, audience)))
    .orderBy(desc(reports.createdAt))
    .limit(1);
  return row ?? null;
}

export async function insertReport(db: Db, row: typeof reports.$inferInsert): Promise<void> {
  await db.insert(reports).values(row);
}

export async function publishReportRow(db: Db, workspaceId: string, reportId: string, version: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(reports)
    .set({ status: 'published', publishedAt: at, version: sql`${reports.version} + 1`, updatedAt: at })
    .where(and(eq(reports.workspaceId, workspaceId), eq(reports.id, reportId), eq(reports.version, version)))
    .returning({ id: reports.id });
  return rows.length > 0;
}

export async function deleteReportRow(db: Db, workspaceId: string, reportId: string): Promise<void> {
  await db.delete(reports).where(and(eq(reports.workspaceId, workspaceId), eq(reports.id, reportId)));
}

const linkColumns = { link: reportShareLinks, creatorName: user.name };

export async function listShareLinkRows(db: Db, workspaceId: string, reportId: string): Promise<ShareLinkRow[]> {
  const rows = await db
    .select(linkColumns)
    .from(reportShareLinks)
    .leftJoin(members, eq(members.id, reportShareLinks.createdById))
    .leftJoin(user, eq(user.id, members.userId))
    .where(and(eq(reportShareLinks.workspaceId, workspaceId), eq(reportShareLinks.reportId, reportId)))
    .orderBy(desc(reportShareLinks.createdAt), desc(reportShareLinks.id));
  return rows.map((r) => ({ ...r.link, creatorName: r.creatorName }));
}

export async function findShareLink(db: Db, workspaceId: string, linkId: string) {
  const [row] = await db.select().from(reportShareLinks).where(and(eq(reportShareLinks.workspaceId, workspaceId), eq(reportShareLinks.id, linkId)));
  return row ?? null;
}

export async function insertShareLink(db: Db, row: typeof reportShareLinks.$inferInsert): Promise<void> {
  await db.insert(reportShareLinks).values(row);
}

export async function revokeShareLinkRow(db: Db, workspaceId: string, linkId: string, at: Date): Promise<void> {
  await db.update(reportShareLinks).set({ revokedAt: at }).where(and(eq(reportShareLinks.workspaceId, workspaceId), eq(reportShareLinks.id, linkId)));
}

/** The link of a token hash with its report, or null. */
export async function findLinkByHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ link: reportShareLinks, report: reports })
    .from(reportShareLinks)
    .innerJoin(reports, eq(reports.id, reportShareLinks.reportId))
    .where(eq(reportShareLinks.tokenHash, tokenHash));
  return row ?? null;
}

export async function countView(db: Db, linkId: string, at: Date): Promise<void> {
  await db
    .update(reportShareLinks)
    .set({ viewCount: sql`${reportShareLinks.viewCount} + 1`, lastViewedAt: at })
    .where(eq(reportShareLinks.id, linkId));
}

// ---------------------------------------------------------------------------------------------
// Live data a report is compiled from
// ---------------------------------------------------------------------------------------------

export async function productComponents(db: Db, workspaceId: string, productId: string) {
  return db
    .select({ id: components.id, name: components.name })
    .from(components)
    .where(and(eq(components.workspaceId, workspaceId), eq(components.productId, productId)))
    .orderBy(components.name);
}

/**
 * The latest status update of each component (by date), latest first: one row per component from the
 * database rather than every update of every component.
 */
export async function latestUpdates(db: Db, workspaceId: string, componentIds: string[]) {
  if (!componentIds.length) return [];
  const rows = await db
    .selectDistinctOn([statusUpdates.componentId])
    .from(statusUpdates)
    .where(and(eq(statusUpdates.workspaceId, workspaceId), inArray(statusUpdates.componentId, componentIds)))
    .orderBy(statusUpdates.componentId, desc(statusUpdates.createdAt));
  return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** Active objectives of the product (product- and component-level) with their key results. */
export async function productKeyResults(db: Db, workspaceId: string, productId: string) {
  return db
    .select({
      objectiveId: objectives.id,
      objectiveTitle: objectives.title,
      componentId: objectives.componentId,
      id: keyResults.id,
      title: keyResults.title,
      type: keyResults.type,
      direction: keyResults.direction,
      start: keyResults.startValue,
      target: keyResults.targetValue,
      current: keyResults.currentValue,
      unit: keyResults.unit,
      confidence: keyResults.confidence,
      confidenceStatus: keyResults.confidenceStatus,
    })
    .from(objectives)
    .leftJoin(keyResults, eq(keyResults.objectiveId, objectives.id))
    .where(and(eq(objectives.workspaceId, workspaceId), eq(objectives.productId, productId), eq(objectives.status, 'active')))
    .orderBy(objectives.position, objectives.title, keyResults.position);
}

export type FeatureFacts = {
  id: string;
  componentId: string;
  title: string;
  description: string;
  status: string;
  horizon: string | null;
  startDate: string | null;
  endDate: string | null;
  internal: boolean;
  /** A public roadmap item: the only features a customer-facing report names. */
  public: boolean;
  updatedAt: Date;
};

/**
 * Which of a product's features a report reads, when it needs only some: the ones it names (the
 * features of its roadmap changes and of its dependency conflicts), plus the slipped ones (end before
 * `slippedBefore`, neither shipped nor dropped) or the public ones (public and not internal). Any such
 * subset keeps the report the same: every part of it reads features through one of these filters.
 */
export interface FeatureScope {
  ids: readonly string[];
  slippedBefore?: string;
  publicOnes?: boolean;
}

/** The product's features (all, or those of `scope`), in board order. */
export async function productFeatures(db: Db, workspaceId: string, componentIds: string[], scope?: FeatureScope): Promise<FeatureFacts[]> {
  if (!componentIds.length) return [];
  let only: SQL | undefined;
  if (scope) {
    const ids = [...new Set(scope.ids)].filter(isUuid);
    // One array parameter (checked UUIDs), however many features the report names.
    const parts: SQL[] = [sql`${features.id} = any(${`{${ids.join(',')}}`}::uuid[])`];
    if (scope.slippedBefore) parts.push(sql`(${features.endDate} < ${scope.slippedBefore}::date and ${features.status} not in ('shipped', 'wont_do'))`);
    if (scope.publicOnes) parts.push(sql`(${features.public} and not ${features.internal})`);
    only = or(...parts);
  }
  return db
    .select({
      id: features.id,
      componentId: features.componentId,
      title: features.title,
      description: features.description,
      status: features.status,
      horizon: features.horizon,
      startDate: features.startDate,
      endDate: features.endDate,
      internal: features.internal,
      public: features.public,
      updatedAt: features.updatedAt,
    })
    .from(features)
    .where(and(eq(features.workspaceId, workspaceId), inArray(features.componentId, componentIds), only))
    .orderBy(features.boardRank, features.title);
}

/**
 * Dependencies between features of the product that conflict: the dependent is still open (neither
 * shipped nor dropped) and its blocker is dropped, or is not shipped and ends after the dependent starts.
 * The same test as the report's, in the database, so only the conflicts (not every dependency) are read.
 */
export async function dependencyConflicts(db: Db, workspaceId: string, componentIds: string[]) {
  if (!componentIds.length) return [];
  const a = alias(features, 'a');
  const b = alias(features, 'b');
  return db
    .select({ featureId: dependencies.featureId, dependsOnId: dependencies.dependsOnId })
    .from(dependencies)
    .innerJoin(a, eq(a.id, dependencies.featureId))
    .innerJoin(b, eq(b.id, dependencies.dependsOnId))
    .where(
      and(
        eq(dependencies.workspaceId, workspaceId),
        inArray(a.componentId, componentIds),
        inArray(b.componentId, componentIds),
        notInArray(a.status, ['shipped', 'wont_do']),
        or(eq(b.status, 'wont_do'), and(isNotNull(a.startDate), isNotNull(b.endDate), sql`${b.endDate} > ${a.startDate}`, ne(b.status, 'shipped'))),
      ),
    )
    .orderBy(dependencies.createdAt, dependencies.id);
}

export async function decisionsInRange(db: Db, workspaceId: string, productId: string, componentIds: string[], from: Date, to: Date) {
  const scope = componentIds.length
    ? // The feature test looks the decision's own feature up: an IN over the product's features would hash all of them first.
      sql`(${decisions.productId} = ${productId} or ${inArray(decisions.componentId, componentIds)} or exists (select 1 from ${features} where ${features.id} = ${decisions.featureId} and ${inArray(features.componentId, componentIds)}))`
    : eq(decisions.productId, productId);
  return db
    .select({
      id: decisions.id,
      title: decisions.title,
      action: decisions.action,
      rationale: decisions.rationale,
      featureId: decisions.featureId,
      decidedAt: decisions.decidedAt,
    })
    .from(decisions)
    .where(and(eq(decisions.workspaceId, workspaceId), scope, gte(decisions.decidedAt, from), lte(decisions.decidedAt, to)))
    .orderBy(desc(decisions.decidedAt))
    .limit(500);
}

/** Latest rationale per feature from the decision log (any time up to `to`). */
export async function featureRationales(db: Db, workspaceId: string, featureIds: string[], to: Date): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!featureIds.length) return out;
  const rows = await db
    .select({ featureId: decisions.featureId, rationale: decisions.rationale })
    .from(decisions)
    .where(and(eq(decisions.workspaceId, workspaceId), inArray(decisions.featureId, featureIds), lte(decisions.decidedAt, to)))
    .orderBy(desc(decisions.decidedAt));
  for (const r of rows) if (r.featureId && r.rationale.trim() && !out.has(r.featureId)) out.set(r.featureId, r.rationale.trim());
  return out;
}

/** Audited feature changes (create, update, move, delete) in the workspace since `from`, oldest first. */
export async function featureChanges(db: Db, workspaceId: string, from: Date, to: Date) {
  return db
    .select({ action: auditLog.action, entityId: auditLog.entityId, summary: auditLog.summary, changes: auditLog.changes, at: auditLog.createdAt })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.workspaceId, workspaceId),
        eq(auditLog.entityType, 'feature'),
        inArray(auditLog.action, ['feature.create', 'feature.update', 'feature.move', 'feature.delete']),
        eq(auditLog.kind, 'change'),
        gte(auditLog.createdAt, from),
        lte(auditLog.createdAt, to),
      ),
    )
    .orderBy(auditLog.createdAt)
    .limit(20000);
}
