import { and, asc, eq, inArray, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { components, dependencies, featureEvidence, features, members, products, releases, user } from '../../db/schema/index.js';
import type { Ranked } from './roadmap.rank.js';

/** A feature as the roadmap reads it: the card's columns, whether it is internal, its evidence count. */
export interface CardRow {
  id: string;
  componentId: string;
  title: string;
  status: string;
  horizon: string | null;
  boardRank: number;
  startDate: string | null;
  endDate: string | null;
  effort: number | null;
  ownerId: string | null;
  releaseId: string | null;
  pillarId: string | null;
  version: number;
  evidenceCount: number;
  internal: boolean;
}

export interface LaneRow {
  id: string;
  name: string;
  ownerId: string | null;
  ownerName: string | null;
}

export interface CardFilter {
  workspaceId: string;
  productId: string;
  view: 'horizon' | 'timeline';
  /** Leave out features marked internal (the stakeholder version). */
  excludeInternal: boolean;
  componentIds?: string[];
  pillarIds?: string[];
  statuses?: string[];
  ownerIds?: string[];
  releaseIds?: string[];
}

const cardColumns = {
  id: features.id,
  componentId: features.componentId,
  title: features.title,
  status: features.status,
  horizon: features.horizon,
  boardRank: features.boardRank,
  startDate: features.startDate,
  endDate: features.endDate,
  effort: features.effort,
  ownerId: features.ownerId,
  releaseId: features.releaseId,
  pillarId: features.pillarId,
  version: features.version,
  internal: features.internal,
  // One card: a scan of the feature's evidence is cheap enough.
  evidenceCount: sql<number>`(select count(*)::int from ${featureEvidence} fe where fe.feature_id = ${features.id})`,
};

const toCard = (r: CardRow): CardRow => ({ ...r, evidenceCount: Number(r.evidenceCount), effort: r.effort === null ? null : Number(r.effort) });

/** The product's id and name, or undefined outside the workspace. */
export async function findProduct(db: Db, workspaceId: string, productId: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db
    .select({ id: products.id, name: products.name })
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.id, productId)));
  return row;
}

/** The product's components with their owner's name, by name. */
export async function listLanes(db: Db, workspaceId: string, productId: string): Promise<LaneRow[]> {
  return db
    .select({ id: components.id, name: components.name, ownerId: components.ownerId, ownerName: user.name })
    .from(components)
    .leftJoin(members, eq(members.id, components.ownerId))
    .leftJoin(user, eq(user.id, members.userId))
    .where(and(eq(components.workspaceId, workspaceId), eq(components.productId, productId)))
    .orderBy(asc(components.name), asc(components.id));
}

/** The conditions of a roadmap read, on `features` (not aliased, so drizzle's column names resolve). */
function cardConditions(f: CardFilter): SQL[] {
  const where: SQL[] = [
    eq(features.workspaceId, f.workspaceId),
    sql`${features.componentId} in (select ${components.id} from ${components} where ${components.workspaceId} = ${f.workspaceId} and ${components.productId} = ${f.productId})`,
    ne(features.status, 'wont_do'),
  ];
  if (f.view === 'horizon') where.push(isNotNull(features.horizon));
  else where.push(or(isNotNull(features.startDate), isNotNull(features.endDate))!);
  if (f.excludeInternal) where.push(eq(features.internal, false));
  if (f.componentIds?.length) where.push(inArray(features.componentId, f.componentIds));
  if (f.pillarIds?.length) where.push(inArray(features.pillarId, f.pillarIds));
  if (f.statuses?.length) where.push(inArray(features.status, f.statuses));
  if (f.ownerIds?.length) where.push(inArray(features.ownerId, f.ownerIds));
  if (f.releaseIds?.length) where.push(inArray(features.releaseId, f.releaseIds));
  return where;
}

/** A card as the JSON query returns it: positional, in the order of the select below. */
type CardTuple = [string, string, string, string, string | null, number, string | null, string | null, string | number | null, string | null, string | null, string | null, number, number, boolean];

const tupleToCard = (t: CardTuple): CardRow => ({
  id: t[0],
  componentId: t[1],
  title: t[2],
  status: t[3],
  horizon: t[4],
  boardRank: t[5],
  startDate: t[6],
  endDate: t[7],
  effort: t[8] === null ? null : Number(t[8]),
  ownerId: t[9],
  releaseId: t[10],
  pillarId: t[11],
  version: t[12],
  evidenceCount: t[13],
  internal: t[14],
});

const parseText = <T>(raw: unknown): T => (typeof raw === 'string' ? JSON.parse(raw) : raw) as T;

/**
 * The cards of a roadmap (unordered: the service orders them by lane) with their evidence counts, in ONE
 * statement that aggregates to JSON text: thousands of rows cross the driver as one value, which on
 * the embedded database halves the cost of reading them row by row.
 *
 * Each part is a scan or an index lookup, never a join the planner could turn into a nested loop of
 * cards × something: the embedded database has no autovacuum, so its planner often works without
 * statistics, and it once chose cards × cards (4 million probes, seconds) for the dependency edges.
 */
export async function listCards(db: Db, f: CardFilter): Promise<CardRow[]> {
  const result = await db.execute(sql`
    select
      (select coalesce(json_agg(json_build_array(${features.id}, ${features.componentId}, ${features.title}, ${features.status}, ${features.horizon},
        ${features.boardRank}, ${features.startDate}, ${features.endDate}, ${features.effort}, ${features.ownerId}, ${features.releaseId},
        ${features.pillarId}, ${features.version}, 0, ${features.internal})), '[]'::json)
        from ${features} where ${and(...cardConditions(f))})::text as cards,
      -- Evidence counts in one grouped pass: feature_evidence has no index that a lookup by feature_id
      -- alone can use (its unique indexes are partial), so a count per card would scan it per card.
      (select coalesce(json_agg(json_build_array(x.feature_id, x.n)), '[]'::json)
        from (select fe.feature_id, count(*)::int as n from ${featureEvidence} fe where fe.workspace_id = ${f.workspaceId} group by fe.feature_id) x)::text as evidence`);
  const row = (result as unknown as { rows: { cards: unknown; evidence: unknown }[] }).rows[0];
  const evidence = new Map(parseText<[string, number][]>(row?.evidence ?? '[]'));
  return parseText<CardTuple[]>(row?.cards ?? '[]').map((t) => ({ ...tupleToCard(t), evidenceCount: evidence.get(t[0]) ?? 0 }));
}

/**
 * Thousands of ids as ONE array parameter ('{…}'): a parameter per id costs more to bind and plan than
 * the lookup itself. Ids are UUIDs (hex and dashes), so the literal needs no quoting.
 */
const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

/** Dependency edges whose dependent is one of `featureIds`: index lookups on the (feature, prerequisite) key. */
export async function listEdgesFrom(db: Db, workspaceId: string, featureIds: string[]): Promise<{ id: string; featureId: string; dependsOnId: string }[]> {
  if (!featureIds.length) return [];
  const result = await db.execute(sql`
    select coalesce(json_agg(json_build_array(${dependencies.id}, ${dependencies.featureId}, ${dependencies.dependsOnId})), '[]'::json)::text as edges
    from ${dependencies} where ${dependencies.workspaceId} = ${workspaceId} and ${dependencies.featureId} = any(${uuidArray(featureIds)}::uuid[])`);
  const row = (result as unknown as { rows: { edges: unknown }[] }).rows[0];
  return parseText<[string, string, string][]>(row?.edges ?? '[]').map(([id, featureId, dependsOnId]) => ({ id, featureId, dependsOnId }));
}

/** One card, whatever its horizon or dates (the answer to a move). */
export async function findCard(db: Db, workspaceId: string, featureId: string): Promise<CardRow | undefined> {
  const [row] = await db
    .select(cardColumns)
    .from(features)
    .where(and(eq(features.workspaceId, workspaceId), eq(features.id, featureId)));
  return row ? toCard(row) : undefined;
}

/** The product's releases, by date (undated last). */
export async function listProductReleases(db: Db, workspaceId: string, productId: string) {
  return db
    .select({ id: releases.id, name: releases.name, date: releases.date, status: releases.status })
    .from(releases)
    .where(and(eq(releases.workspaceId, workspaceId), eq(releases.productId, productId)))
    .orderBy(sql`${releases.date} asc nulls last`, asc(releases.name), asc(releases.id));
}

/** What a move needs to know of the feature: its lane, version, title and its component's owner. */
export async function findMovable(db: Db, workspaceId: string, featureId: string) {
  const [row] = await db
    .select({
      id: features.id,
      componentId: features.componentId,
      title: features.title,
      horizon: features.horizon,
      boardRank: features.boardRank,
      version: features.version,
      componentOwnerId: components.ownerId,
    })
    .from(features)
    .innerJoin(components, eq(components.id, features.componentId))
    .where(and(eq(features.workspaceId, workspaceId), eq(features.id, featureId)));
  return row;
}

/** The lane of a neighbour card, to check it is in the target lane. */
export async function findLaneOf(db: Db, workspaceId: string, featureId: string): Promise<{ componentId: string; horizon: string | null } | undefined> {
  const [row] = await db
    .select({ componentId: features.componentId, horizon: features.horizon })
    .from(features)
    .where(and(eq(features.workspaceId, workspaceId), eq(features.id, featureId)));
  return row;
}

/** Every card of a lane (one component's column) with its rank. */
export async function listLaneRanks(db: Db, workspaceId: string, componentId: string, horizon: string): Promise<Ranked[]> {
  return db
    .select({ id: features.id, rank: features.boardRank })
    .from(features)
    .where(and(eq(features.workspaceId, workspaceId), eq(features.componentId, componentId), eq(features.horizon, horizon)));
}

/**
 * New ranks for cards of a lane, in one statement. Their version is not bumped: board order is not an
 * edit of the feature, and bumping it would make every open editor of those features stale.
 */
export async function setRanks(db: Db, workspaceId: string, ranks: Ranked[]): Promise<void> {
  if (!ranks.length) return;
  const values = sql.join(
    ranks.map((r) => sql`(${r.id}::uuid, ${r.rank}::double precision)`),
    sql`, `,
  );
  await db.execute(sql`update ${features} set board_rank = v.rank from (values ${values}) as v(id, rank) where ${features.id} = v.id and ${features.workspaceId} = ${workspaceId}`);
}

/** Moves the feature to a horizon and rank if it is still at `version`; false when it is not. */
export async function moveFeatureRow(db: Db, f: { workspaceId: string; id: string; version: number; horizon: string; rank: number }): Promise<boolean> {
  const rows = await db
    .update(features)
    .set({ horizon: f.horizon, boardRank: f.rank, version: sql`${features.version} + 1`, updatedAt: new Date() })
    .where(and(eq(features.workspaceId, f.workspaceId), eq(features.id, f.id), eq(features.version, f.version)))
    .returning({ id: features.id });
  return rows.length > 0;
}

