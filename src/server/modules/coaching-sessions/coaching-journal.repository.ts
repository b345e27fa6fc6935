import { and, asc, desc, eq, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { coachingJournal, coachingQuestions, coachingSessions, competencies } from '../../db/schema/index.js';

// The generated search vector stays in the database: it is for matching, not for showing.
const { search: _search, ...journalColumns } = getTableColumns(coachingJournal);

export type JournalRow = Omit<typeof coachingJournal.$inferSelect, 'search'>;
export interface JournalFull extends JournalRow {
  competencyName: string | null;
}
export interface JournalHit extends JournalFull {
  sessionScheduledAt: Date;
  sessionStatus: string;
  coachId: string;
  headline: string | null;
}
export type JournalPatch = Partial<Pick<typeof coachingJournal.$inferInsert, 'question' | 'answer' | 'answeredAt'>>;

const full = { ...journalColumns, competencyName: competencies.name };

/** The journal of a session in the order the questions were asked. */
export async function listJournalRows(db: Db, workspaceId: string, sessionId: string): Promise<JournalFull[]> {
  return db
    .select(full)
    .from(coachingJournal)
    .leftJoin(competencies, eq(competencies.id, coachingJournal.competencyId))
    .where(and(eq(coachingJournal.workspaceId, workspaceId), eq(coachingJournal.sessionId, sessionId)))
    .orderBy(asc(coachingJournal.position), asc(coachingJournal.createdAt));
}

export async function findJournalRow(db: Db, workspaceId: string, id: string): Promise<JournalFull | undefined> {
  const [r] = await db
    .select(full)
    .from(coachingJournal)
    .leftJoin(competencies, eq(competencies.id, coachingJournal.competencyId))
    .where(and(eq(coachingJournal.workspaceId, workspaceId), eq(coachingJournal.id, id)));
  return r;
}

export async function nextJournalPosition(db: Db, sessionId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${coachingJournal.position}) + 1, 0)::int` })
    .from(coachingJournal)
    .where(eq(coachingJournal.sessionId, sessionId));
  return Number(r?.n ?? 0);
}

export async function insertJournalEntry(db: Db, row: Omit<typeof coachingJournal.$inferInsert, 'search'>): Promise<void> {
  await db.insert(coachingJournal).values(row);
}

export async function updateJournalRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: JournalPatch): Promise<boolean> {
  const rows = await db
    .update(coachingJournal)
    .set({ ...patch, version: sql`${coachingJournal.version} + 1`, updatedAt: new Date() })
    .where(and(eq(coachingJournal.workspaceId, f.workspaceId), eq(coachingJournal.id, f.id), eq(coachingJournal.version, f.version)))
    .returning({ id: coachingJournal.id });
  return rows.length > 0;
}

export async function deleteJournalRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(coachingJournal).where(and(eq(coachingJournal.workspaceId, workspaceId), eq(coachingJournal.id, id)));
}

/** Bank question ids (and texts, for entries asked without one) already asked in these sessions. */
export async function askedInSessions(db: Db, workspaceId: string, sessionIds: readonly string[]): Promise<{ questionId: string | null; question: string }[]> {
  if (!sessionIds.length) return [];
  return db
    .select({ questionId: coachingJournal.questionId, question: coachingJournal.question })
    .from(coachingJournal)
    .where(and(eq(coachingJournal.workspaceId, workspaceId), inArray(coachingJournal.sessionId, [...sessionIds])));
}

/** A bank question of the workspace with its competency, or undefined. */
export async function findBankQuestion(db: Db, workspaceId: string, id: string): Promise<{ id: string; competencyId: string } | undefined> {
  const [r] = await db
    .select({ id: coachingQuestions.id, competencyId: coachingQuestions.competencyId })
    .from(coachingQuestions)
    .where(and(eq(coachingQuestions.workspaceId, workspaceId), eq(coachingQuestions.id, id)));
  return r;
}

/** True when the competency belongs to the workspace. */
export async function competencyExists(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const [r] = await db
    .select({ id: competencies.id })
    .from(competencies)
    .where(and(eq(competencies.workspaceId, workspaceId), eq(competencies.id, id)));
  return Boolean(r);
}

export interface JournalSearch {
  participantId: string;
  personId?: string;
  competencyId?: string;
  q?: string;
  limit: number;
  offset: number;
}

/**
 * Journal entries of the sessions a member takes part in, newest session first, matched against the
 * search vector with web-search syntax; with a query, a headline marks the matching words with « ».
 */
export async function searchJournalRows(db: Db, workspaceId: string, s: JournalSearch): Promise<{ rows: JournalHit[]; total: number }> {
  const query = s.q ? sql`websearch_to_tsquery('english', ${s.q})` : null;
  const where: SQL[] = [
    eq(coachingJournal.workspaceId, workspaceId),
    or(eq(coachingSessions.coachId, s.participantId), eq(coachingSessions.coacheeId, s.participantId))!,
  ];
  if (s.personId) where.push(eq(coachingJournal.coacheeId, s.personId));
  if (s.competencyId) where.push(eq(coachingJournal.competencyId, s.competencyId));
  if (query) where.push(sql`${coachingJournal.search} @@ ${query}`);
  const headline = query
    ? sql<string | null>`ts_headline('english', ${coachingJournal.question} || ' — ' || ${coachingJournal.answer}, ${query}, 'StartSel=«, StopSel=», MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "')`
    : sql<string | null>`null`;
  const rows = await db
    .select({
      ...full,
      sessionScheduledAt: coachingSessions.scheduledAt,
      sessionStatus: coachingSessions.status,
      coachId: coachingSessions.coachId,
      headline,
      total: sql<number>`count(*) over ()`,
    })
    .from(coachingJournal)
    .innerJoin(coachingSessions, eq(coachingSessions.id, coachingJournal.sessionId))
    .leftJoin(competencies, eq(competencies.id, coachingJournal.competencyId))
    .where(and(...where))
    .orderBy(desc(coachingSessions.scheduledAt), asc(coachingJournal.position), asc(coachingJournal.createdAt))
    .limit(s.limit)
    .offset(s.offset);
  if (rows.length || s.offset === 0) return { rows, total: Number(rows[0]?.total ?? 0) };
  const [r] = await db
    .select({ n: sql<number>`count(*)` })
    .from(coachingJournal)
    .innerJoin(coachingSessions, eq(coachingSessions.id, coachingJournal.sessionId))
    .where(and(...where));
  return { rows: [], total: Number(r?.n ?? 0) };
}
