import { and, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog, components, features, members, products, releases, roadmapSettings, user } from '../../db/schema/index.js';

export type FeatureRow = typeof features.$inferSelect;
export type NewFeatureRow = typeof features.$inferInsert;

/** A feature with the names lists and pages show next to it. */
export interface FeatureFull extends FeatureRow {
  componentName: string;
  componentOwnerId: string | null;
  productId: string;
  productName: string;
  ownerName: string | null;
  releaseName: string | null;
  /** updated_at as PostgreSQL prints it: microseconds kept, so a cursor built from it is exact. */
  cursorKey: string;
}

/** The fields of a feature its writes may change. */
export type FeaturePatch = Partial<
  Pick<
    FeatureRow,
    'componentId' | 'title' | 'description' | 'ownerId' | 'status' | 'horizon' | 'startDate' | 'endDate' | 'effort' | 'releaseId' | 'pillarId' | 'internal' | 'public' | 'scoreInputs' | 'boardRank'
  >
>;

export interface FeatureListFilter {
  productId?: string;
  componentId?: string;
  status?: string;
  horizon?: string;
  ownerId?: string;
  releaseId?: string;
  q?: string;
  /** Leave out internal features (the stakeholder version). */
  publicOnly: boolean;
  /** Rows after this (updated_at, id) in the list order. */
  after?: { updatedAt: string; id: string };
  limit: number;
}

const fullColumns = {
  row: features,
  componentName: components.name,
  componentOwnerId: components.ownerId,
  productId: components.productId,
  productName: products.name,
  ownerName: user.name,
  releaseName: releases.name,
  cursorKey: sql<string>`${features.updatedAt}::text`,
};

type Selected = { row: FeatureRow } & Omit<FeatureFull, keyof FeatureRow>;
const toFull = ({ row, ...rest }: Selected): FeatureFull => ({ ...row, ...rest });

/** The select with every join a FeatureFull needs. */
function selectFull(db: Db) {
  return db
    .select(fullColumns)
    .from(features)
    .innerJoin(components, eq(components.id, features.componentId))
    .innerJoin(products, eq(products.id, components.productId))
    .leftJoin(members, eq(members.id, features.ownerId))
    .leftJoin(user, eq(user.id, members.userId))
    .leftJoin(releases, eq(releases.id, features.releaseId));
}

/** Escapes LIKE wildcards so a title search matches the words literally. */
const likeEscape = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One page of features, most recently changed first, reading one row past the page so the caller
 * knows whether there is a next one. Keyset paging on (updated_at, id) follows the
 * features_workspace_updated_idx index, so a deep page costs what the first one does.
 */
export async function listFeatureRows(db: Db, workspaceId: string, f: FeatureListFilter): Promise<FeatureFull[]> {
  const where: (SQL | undefined)[] = [
    eq(features.workspaceId, workspaceId),
    f.productId ? eq(components.productId, f.productId) : undefined,
    f.componentId ? eq(features.componentId, f.componentId) : undefined,
    f.status ? eq(features.status, f.status) : undefined,
    f.horizon ? eq(features.horizon, f.horizon) : undefined,
    f.ownerId ? eq(features.ownerId, f.ownerId) : undefined,
    f.releaseId ? eq(features.releaseId, f.releaseId) : undefined,
    f.q ? ilike(features.title, `%${likeEscape(f.q)}%`) : undefined,
    f.publicOnly ? eq(features.internal, false) : undefined,
    f.after ? sql`(${features.updatedAt}, ${features.id}) < (${f.after.updatedAt}::timestamptz, ${f.after.id}::uuid)` : undefined,
  ];
  const rows = await selectFull(db)
    .where(and(...where))
    .orderBy(desc(features.updatedAt), desc(features.id))
    .limit(f.limit + 1);
  return rows.map(toFull);
}

/** A feature with its names, or undefined when it is not one of the workspace's. */
export async function findFeatureFull(db: Db, workspaceId: string, id: string): Promise<FeatureFull | undefined> {
  const [r] = await selectFull(db).where(and(eq(features.workspaceId, workspaceId), eq(features.id, id)));
  return r ? toFull(r) : undefined;
}

/** The component a feature is created in or moved to, with its product. */
export async function findComponentForFeature(db: Db, workspaceId: string, componentId: string) {
  const [r] = await db
    .select({ id: components.id, name: components.name, ownerId: components.ownerId, productId: components.productId })
    .from(components)
    .where(and(eq(components.workspaceId, workspaceId), eq(components.id, componentId)));
  return r;
}

/** A release's product, to check that a feature ships in a release of its own product. */
export async function findReleaseProduct(db: Db, workspaceId: string, releaseId: string): Promise<{ id: string; productId: string; name: string } | undefined> {
  const [r] = await db
    .select({ id: releases.id, productId: releases.productId, name: releases.name })
    .from(releases)
    .where(and(eq(releases.workspaceId, workspaceId), eq(releases.id, releaseId)));
  return r;
}

/** The rank after the last card of a (component, horizon) lane: where a new or moved feature goes. */
export async function nextBoardRank(db: Db, componentId: string, horizon: string | null): Promise<number> {
  const [r] = await db
    .select({ max: sql<number | null>`max(${features.boardRank})` })
    .from(features)
    .where(and(eq(features.componentId, componentId), horizon === null ? sql`${features.horizon} is null` : eq(features.horizon, horizon)));
  const max = r?.max === null || r?.max === undefined ? null : Number(r.max);
  return max === null ? 1 : Math.floor(max) + 1;
}

export async function insertFeature(db: Db, row: NewFeatureRow): Promise<void> {
  await db.insert(features).values(row);
}

/** Applies a patch when the version still matches; undefined when it does not (or the row is gone). */
export async function updateFeatureRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: FeaturePatch): Promise<{ id: string } | undefined> {
  const [row] = await db
    .update(features)
    .set({ ...patch, version: sql`${features.version} + 1`, updatedAt: new Date() })
    .where(and(eq(features.workspaceId, f.workspaceId), eq(features.id, f.id), eq(features.version, f.version)))
    .returning({ id: features.id });
  return row;
}

export async function deleteFeatureRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(features).where(and(eq(features.workspaceId, workspaceId), eq(features.id, id)));
}

/** Fields the workspace hides from stakeholders; the default until roadmap settings are saved. */
export async function readInternalFields(db: Db, workspaceId: string): Promise<string[] | null> {
  const [r] = await db.select({ fields: roadmapSettings.internalFields }).from(roadmapSettings).where(eq(roadmapSettings.workspaceId, workspaceId));
  return r?.fields ?? null;
}

/** Member ids that exist in the workspace, with their user ids (for notifications). */
export async function findMemberUsers(db: Db, workspaceId: string, memberIds: string[]): Promise<Map<string, string>> {
  if (!memberIds.length) return new Map();
  const rows = await db
    .select({ id: members.id, userId: members.userId })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), inArray(members.id, memberIds)));
  return new Map(rows.map((r) => [r.id, r.userId]));
}

/** The audit entries about one feature, newest first. */
export async function listFeatureAudit(db: Db, workspaceId: string, featureId: string, limit: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.entityType, 'feature'), eq(auditLog.entityId, featureId)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
}
