import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { alias } from 'drizzle-orm/pg-core';
import { competencies, learningEntries, members, user } from '../../db/schema/index.js';

export type LearningRow = typeof learningEntries.$inferSelect;
export type LearningPatch = Partial<Pick<LearningRow, 'resource' | 'url' | 'type' | 'competencyId' | 'takeaway' | 'learnedOn'>>;
export interface LearningFull extends LearningRow {
  personName: string;
  competency: { id: string; name: string; frameworkId: string } | null;
  loggedBy: { id: string; name: string } | null;
}

/** The audit action of logging an entry. */
export const LEARNING_CREATE_ACTION = 'learning.create';

const logger = alias(members, 'logger');
const loggerUser = alias(user, 'logger_user');

const columns = {
  row: learningEntries,
  personName: user.name,
  competencyName: competencies.name,
  frameworkId: competencies.frameworkId,
  // Who logged the entry (the person, or a coach for them); null once they left the workspace.
  loggedById: logger.id,
  loggedByName: loggerUser.name,
};

function toFull(r: { row: LearningRow; personName: string; competencyName: string | null; frameworkId: string | null; loggedById: string | null; loggedByName: string | null }): LearningFull {
  return {
    ...r.row,
    personName: r.personName,
    competency: r.row.competencyId && r.competencyName && r.frameworkId ? { id: r.row.competencyId, name: r.competencyName, frameworkId: r.frameworkId } : null,
    loggedBy: r.loggedById && r.loggedByName ? { id: r.loggedById, name: r.loggedByName } : null,
  };
}

function baseQuery(db: Db) {
  return db
    .select({ ...columns, total: sql<number>`count(*) over ()` })
    .from(learningEntries)
    .innerJoin(members, eq(members.id, learningEntries.personId))
    .innerJoin(user, eq(user.id, members.userId))
    .leftJoin(competencies, eq(competencies.id, learningEntries.competencyId))
    .leftJoin(logger, eq(logger.id, learningEntries.loggedById))
    .leftJoin(loggerUser, eq(loggerUser.id, logger.userId));
}

/** One page of learning entries, newest first, and the total matching. */
export async function listLearningRows(
  db: Db,
  workspaceId: string,
  q: { personIds?: string[]; competencyId?: string; type?: string; limit: number; offset: number },
): Promise<{ rows: LearningFull[]; total: number }> {
  const where: SQL[] = [eq(learningEntries.workspaceId, workspaceId)];
  if (q.personIds) where.push(q.personIds.length ? inArray(learningEntries.personId, q.personIds) : sql`false`);
  if (q.competencyId) where.push(eq(learningEntries.competencyId, q.competencyId));
  if (q.type) where.push(eq(learningEntries.type, q.type));
  const rows = await baseQuery(db)
    .where(and(...where))
    .orderBy(desc(learningEntries.learnedOn), desc(learningEntries.createdAt), desc(learningEntries.id))
    .limit(q.limit)
    .offset(q.offset);
  if (rows.length || q.offset === 0) return { rows: rows.map(toFull), total: Number(rows[0]?.total ?? 0) };
  // A page past the end has no row for count(*) over () to ride on.
  const [r] = await db.select({ n: sql<number>`count(*)` }).from(learningEntries).where(and(...where));
  return { rows: [], total: Number(r?.n ?? 0) };
}

export async function findLearningRow(db: Db, workspaceId: string, id: string): Promise<LearningFull | undefined> {
  const [r] = await baseQuery(db).where(and(eq(learningEntries.workspaceId, workspaceId), eq(learningEntries.id, id)));
  return r ? toFull(r) : undefined;
}

/** A person's entries on these competencies, newest first. */
export async function entriesOnCompetencies(
  db: Db,
  workspaceId: string,
  personId: string,
  competencyIds: string[],
): Promise<Pick<LearningRow, 'id' | 'competencyId' | 'resource' | 'type' | 'learnedOn'>[]> {
  if (!competencyIds.length) return [];
  return db
    .select({ id: learningEntries.id, competencyId: learningEntries.competencyId, resource: learningEntries.resource, type: learningEntries.type, learnedOn: learningEntries.learnedOn })
    .from(learningEntries)
    .where(and(eq(learningEntries.workspaceId, workspaceId), eq(learningEntries.personId, personId), inArray(learningEntries.competencyId, competencyIds)))
    .orderBy(desc(learningEntries.learnedOn), desc(learningEntries.createdAt));
}

export async function insertLearningEntry(db: Db, row: typeof learningEntries.$inferInsert): Promise<void> {
  await db.insert(learningEntries).values(row);
}

export async function updateLearningRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: LearningPatch) {
  const [row] = await db
    .update(learningEntries)
    .set({ ...patch, version: sql`${learningEntries.version} + 1`, updatedAt: new Date() })
    .where(and(eq(learningEntries.workspaceId, f.workspaceId), eq(learningEntries.id, f.id), eq(learningEntries.version, f.version)))
    .returning({ id: learningEntries.id });
  return row;
}

export async function deleteLearningRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(learningEntries).where(and(eq(learningEntries.workspaceId, workspaceId), eq(learningEntries.id, id)));
}
