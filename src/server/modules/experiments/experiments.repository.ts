import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { experimentOpportunities, experiments, featureExperiments, features, members, opportunities, user } from '../../db/schema/index.js';

export type ExperimentRow = typeof experiments.$inferSelect;
export interface ExperimentFull extends ExperimentRow {
  ownerName: string | null;
  opportunities: { id: string; title: string }[];
  features: { id: string; title: string; status: string }[];
}
export type ExperimentPatch = Partial<Omit<typeof experiments.$inferInsert, 'id' | 'workspaceId' | 'version' | 'createdAt' | 'updatedAt'>>;

/** json from a subselect: PGlite and node-postgres both parse it, but be safe with a string. */
const parseJson = <T>(raw: unknown): T => (typeof raw === 'string' ? JSON.parse(raw) : raw) as T;

const columns = {
  row: experiments,
  ownerName: user.name,
  opportunities: sql<unknown>`coalesce((select json_agg(json_build_object('id', o.id, 'title', o.title) order by o.title, o.id)
    from ${experimentOpportunities} xo join ${opportunities} o on o.id = xo.opportunity_id where xo.experiment_id = experiments.id), '[]'::json)`,
  // Features are linked from the feature's side; internal ones stay off the experiment, which viewers read.
  features: sql<unknown>`coalesce((select json_agg(json_build_object('id', ft.id, 'title', ft.title, 'status', ft.status) order by ft.title, ft.id)
    from ${featureExperiments} fx join ${features} ft on ft.id = fx.feature_id where fx.experiment_id = experiments.id and not ft.internal), '[]'::json)`,
};

function toFull(r: { row: ExperimentRow; ownerName: string | null; opportunities: unknown; features: unknown }): ExperimentFull {
  return {
    ...r.row,
    ownerName: r.ownerName,
    opportunities: parseJson<{ id: string; title: string }[]>(r.opportunities),
    features: parseJson<{ id: string; title: string; status: string }[]>(r.features),
  };
}

/** One page of experiments with owners and opportunities, and the total matching. */
export async function listExperimentRows(
  db: Db,
  workspaceId: string,
  q: { status?: string; type?: string; opportunityId?: string; limit: number; offset: number },
): Promise<{ rows: ExperimentFull[]; total: number }> {
  const where: SQL[] = [eq(experiments.workspaceId, workspaceId)];
  if (q.status) where.push(eq(experiments.status, q.status));
  if (q.type) where.push(eq(experiments.type, q.type));
  if (q.opportunityId) {
    where.push(sql`exists (select 1 from ${experimentOpportunities} xo where xo.experiment_id = experiments.id and xo.opportunity_id = ${q.opportunityId})`);
  }
  const rows = await db
    .select({ ...columns, total: sql<number>`count(*) over ()` })
    .from(experiments)
    .leftJoin(members, eq(members.id, experiments.ownerId))
    .leftJoin(user, eq(user.id, members.userId))
    .where(and(...where))
    .orderBy(desc(experiments.updatedAt), desc(experiments.id))
    .limit(q.limit)
    .offset(q.offset);
  if (rows.length || q.offset === 0) return { rows: rows.map(toFull), total: Number(rows[0]?.total ?? 0) };
  // A page past the end has no row for count(*) over () to ride on.
  const [r] = await db.select({ n: sql<number>`count(*)` }).from(experiments).where(and(...where));
  return { rows: [], total: Number(r?.n ?? 0) };
}

export async function findExperimentRow(db: Db, workspaceId: string, id: string): Promise<ExperimentFull | undefined> {
  const [r] = await db
    .select(columns)
    .from(experiments)
    .leftJoin(members, eq(members.id, experiments.ownerId))
    .leftJoin(user, eq(user.id, members.userId))
    .where(and(eq(experiments.workspaceId, workspaceId), eq(experiments.id, id)));
  return r ? toFull(r) : undefined;
}

export async function insertExperiment(db: Db, row: typeof experiments.$inferInsert): Promise<void> {
  await db.insert(experiments).values(row);
}

export async function updateExperimentRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: ExperimentPatch) {
  const [row] = await db
    .update(experiments)
    .set({ ...patch, version: sql`${experiments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(experiments.workspaceId, f.workspaceId), eq(experiments.id, f.id), eq(experiments.version, f.version)))
    .returning({ id: experiments.id });
  return row;
}

export async function deleteExperimentRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(experiments).where(and(eq(experiments.workspaceId, workspaceId), eq(experiments.id, id)));
}

/** Replaces the opportunities an experiment tests. */
export async function setExperimentOpportunities(db: Db, workspaceId: string, experimentId: string, opportunityIds: string[]): Promise<void> {
  await db.delete(experimentOpportunities).where(and(eq(experimentOpportunities.workspaceId, workspaceId), eq(experimentOpportunities.experimentId, experimentId)));
  if (opportunityIds.length) {
    await db.insert(experimentOpportunities).values([...new Set(opportunityIds)].map((opportunityId) => ({ workspaceId, experimentId, opportunityId })));
  }
}
