import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assessments, coachingNotes, coachingSessionItems, coachingSessions, members, user } from '../../db/schema/index.js';

export type SessionRow = typeof coachingSessions.$inferSelect;
export interface SessionWithCounts extends SessionRow {
  openActionCount: number;
  openAgendaCount: number;
  journalCount: number;
}
export type ItemRow = typeof coachingSessionItems.$inferSelect;
export interface ItemFull extends ItemRow {
  carriedFromSessionId: string | null;
  carriedFromScheduledAt: Date | null;
}
export type NoteRow = typeof coachingNotes.$inferSelect;
export type SessionPatch = Partial<Pick<typeof coachingSessions.$inferInsert, 'scheduledAt' | 'status' | 'heldAt'>>;
export type ItemPatch = Partial<Pick<typeof coachingSessionItems.$inferInsert, 'text' | 'done' | 'ownerId' | 'dueOn'>>;

// Subselects name the outer table in plain SQL: drizzle leaves a lone column unqualified there.
const counts = {
  openActionCount: sql<number>`(select count(*)::int from ${coachingSessionItems} i where i.session_id = coaching_sessions.id and i.kind = 'action' and not i.done)`,
  openAgendaCount: sql<number>`(select count(*)::int from ${coachingSessionItems} i where i.session_id = coaching_sessions.id and i.kind = 'agenda' and not i.done)`,
  journalCount: sql<number>`(select count(*)::int from coaching_journal j where j.session_id = coaching_sessions.id)`,
};

const withCounts = (r: { row: SessionRow; openActionCount: number; openAgendaCount: number; journalCount: number }): SessionWithCounts => ({
  ...r.row,
  openActionCount: Number(r.openActionCount),
  openAgendaCount: Number(r.openAgendaCount),
  journalCount: Number(r.journalCount),
});

/** Display names of members, by member id (members who left are absent). */
export async function memberNames(db: Db, workspaceId: string, memberIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(memberIds)];
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: members.id, name: user.name })
    .from(members)
    .innerJoin(user, eq(user.id, members.userId))
    .where(and(eq(members.workspaceId, workspaceId), inArray(members.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A member's role in the workspace, or undefined when they are not a member. */
export async function memberRole(db: Db, workspaceId: string, memberId: string): Promise<string | undefined> {
  const [r] = await db
    .select({ role: members.role })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.id, memberId)));
  return r?.role;
}

export type SessionFilterWhen = 'upcoming' | 'past';
export interface SessionListFilter {
  participantId: string;
  personId?: string;
  status?: string;
  when?: SessionFilterWhen;
  now: Date;
  limit: number;
  offset: number;
}

/** One page of the sessions a member takes part in, and the total matching. */
export async function listSessionRows(db: Db, workspaceId: string, f: SessionListFilter): Promise<{ rows: SessionWithCounts[]; total: number }> {
  const where: SQL[] = [eq(coachingSessions.workspaceId, workspaceId), or(eq(coachingSessions.coachId, f.participantId), eq(coachingSessions.coacheeId, f.participantId))!];
  if (f.personId) where.push(or(eq(coachingSessions.coachId, f.personId), eq(coachingSessions.coacheeId, f.personId))!);
  if (f.status) where.push(eq(coachingSessions.status, f.status));
  if (f.when === 'upcoming') where.push(gte(coachingSessions.scheduledAt, f.now));
  if (f.when === 'past') where.push(lt(coachingSessions.scheduledAt, f.now));
  const order = f.when === 'upcoming' ? [asc(coachingSessions.scheduledAt), asc(coachingSessions.id)] : [desc(coachingSessions.scheduledAt), desc(coachingSessions.id)];
  const rows = await db
    .select({ row: coachingSessions, ...counts, total: sql<number>`count(*) over ()` })
    .from(coachingSessions)
    .where(and(...where))
    .orderBy(...order)
    .limit(f.limit)
    .offset(f.offset);
  if (rows.length || f.offset === 0) return { rows: rows.map(withCounts), total: Number(rows[0]?.total ?? 0) };
  const [r] = await db.select({ n: sql<number>`count(*)` }).from(coachingSessions).where(and(...where));
  return { rows: [], total: Number(r?.n ?? 0) };
}

export async function findSessionRow(db: Db, workspaceId: string, id: string): Promise<SessionWithCounts | undefined> {
  const [r] = await db
    .select({ row: coachingSessions, ...counts })
    .from(coachingSessions)
    .where(and(eq(coachingSessions.workspaceId, workspaceId), eq(coachingSessions.id, id)));
  return r ? withCounts(r) : undefined;
}

/** The pair's latest session scheduled before `before` (any status), if any. */
export async function findPreviousSession(
  db: Db,
  workspaceId: string,
  pair: { coachId: string; coacheeId: string },
  before: Date,
  excludeId?: string,
): Promise<SessionRow | undefined> {
  const where: SQL[] = [
    eq(coachingSessions.workspaceId, workspaceId),
    eq(coachingSessions.coachId, pair.coachId),
    eq(coachingSessions.coacheeId, pair.coacheeId),
    lt(coachingSessions.scheduledAt, before),
  ];
  if (excludeId) where.push(sql`${coachingSessions.id} <> ${excludeId}`);
  const [r] = await db
    .select()
    .from(coachingSessions)
    .where(and(...where))
    .orderBy(desc(coachingSessions.scheduledAt), desc(coachingSessions.createdAt))
    .limit(1);
  return r;
}

/** Ids of the coachee's latest sessions (any coach) scheduled before `before`, newest first. */
export async function recentCoacheeSessionIds(db: Db, workspaceId: string, coacheeId: string, before: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: coachingSessions.id })
    .from(coachingSessions)
    .where(and(eq(coachingSessions.workspaceId, workspaceId), eq(coachingSessions.coacheeId, coacheeId), lt(coachingSessions.scheduledAt, before)))
    .orderBy(desc(coachingSessions.scheduledAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function insertSession(db: Db, row: typeof coachingSessions.$inferInsert): Promise<void> {
  await db.insert(coachingSessions).values(row);
}

export async function updateSessionRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: SessionPatch): Promise<boolean> {
  const rows = await db
    .update(coachingSessions)
    .set({ ...patch, version: sql`${coachingSessions.version} + 1`, updatedAt: new Date() })
    .where(and(eq(coachingSessions.workspaceId, f.workspaceId), eq(coachingSessions.id, f.id), eq(coachingSessions.version, f.version)))
    .returning({ id: coachingSessions.id });
  return rows.length > 0;
}

/** Deletes a session; its items, journal and notes go with it. */
export async function deleteSessionRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(coachingSessions).where(and(eq(coachingSessions.workspaceId, workspaceId), eq(coachingSessions.id, id)));
}

// Items

const itemColumns = {
  row: coachingSessionItems,
  carriedFromSessionId: sql<string | null>`(select o.session_id from ${coachingSessionItems} o where o.id = coaching_session_items.carried_from_id)`,
  carriedFromScheduledAt: sql<number | null>`(select (extract(epoch from s.scheduled_at) * 1000)::float8 from ${coachingSessionItems} o join ${coachingSessions} s on s.id = o.session_id where o.id = coaching_session_items.carried_from_id)`,
};

const toItem = (r: { row: ItemRow; carriedFromSessionId: string | null; carriedFromScheduledAt: number | string | null }): ItemFull => ({
  ...r.row,
  carriedFromSessionId: r.carriedFromSessionId,
  // Epoch milliseconds: a raw timestamp would arrive in a driver-specific text form.
  carriedFromScheduledAt: r.carriedFromScheduledAt === null ? null : new Date(Number(r.carriedFromScheduledAt)),
});

/** The items of a session, agenda and actions each in position order. */
export async function listItemRows(db: Db, workspaceId: string, sessionId: string): Promise<ItemFull[]> {
  const rows = await db
    .select(itemColumns)
    .from(coachingSessionItems)
    .where(and(eq(coachingSessionItems.workspaceId, workspaceId), eq(coachingSessionItems.sessionId, sessionId)))
    .orderBy(asc(coachingSessionItems.kind), asc(coachingSessionItems.position), asc(coachingSessionItems.createdAt));
  return rows.map(toItem);
}

export async function findItemRow(db: Db, workspaceId: string, id: string): Promise<ItemFull | undefined> {
  const [r] = await db
    .select(itemColumns)
    .from(coachingSessionItems)
    .where(and(eq(coachingSessionItems.workspaceId, workspaceId), eq(coachingSessionItems.id, id)));
  return r ? toItem(r) : undefined;
}

/** Open (not done) items of a session, agenda first, in position order. */
export async function openItemRows(db: Db, workspaceId: string, sessionId: string): Promise<ItemRow[]> {
  return db
    .select()
    .from(coachingSessionItems)
    .where(and(eq(coachingSessionItems.workspaceId, workspaceId), eq(coachingSessionItems.sessionId, sessionId), eq(coachingSessionItems.done, false)))
    .orderBy(asc(coachingSessionItems.kind), asc(coachingSessionItems.position), asc(coachingSessionItems.createdAt));
}

/** The position after the last item of that kind in the session. */
export async function nextItemPosition(db: Db, sessionId: string, kind: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${coachingSessionItems.position}) + 1, 0)::int` })
    .from(coachingSessionItems)
    .where(and(eq(coachingSessionItems.sessionId, sessionId), eq(coachingSessionItems.kind, kind)));
  return Number(r?.n ?? 0);
}

export async function insertItems(db: Db, rows: (typeof coachingSessionItems.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(coachingSessionItems).values(rows);
}

export async function updateItemRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: ItemPatch): Promise<boolean> {
  const rows = await db
    .update(coachingSessionItems)
    .set({ ...patch, version: sql`${coachingSessionItems.version} + 1`, updatedAt: new Date() })
    .where(and(eq(coachingSessionItems.workspaceId, f.workspaceId), eq(coachingSessionItems.id, f.id), eq(coachingSessionItems.version, f.version)))
    .returning({ id: coachingSessionItems.id });
  return rows.length > 0;
}

export async function deleteItemRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(coachingSessionItems).where(and(eq(coachingSessionItems.workspaceId, workspaceId), eq(coachingSessionItems.id, id)));
}

// Notes

/**
 * The notes of a session a member may be shown: shared ones and the member's own private ones. The
 * service still passes each through canSeeNote; this filter keeps other people's private notes from
 * ever leaving the database.
 */
export async function listVisibleNoteRows(db: Db, workspaceId: string, sessionId: string, readerId: string): Promise<NoteRow[]> {
  return db
    .select()
    .from(coachingNotes)
    .where(
      and(
        eq(coachingNotes.workspaceId, workspaceId),
        eq(coachingNotes.sessionId, sessionId),
        or(eq(coachingNotes.kind, 'shared'), and(eq(coachingNotes.kind, 'private'), eq(coachingNotes.authorId, readerId))),
      ),
    )
    .orderBy(asc(coachingNotes.createdAt), asc(coachingNotes.id));
}

export async function findNoteRow(db: Db, workspaceId: string, id: string): Promise<NoteRow | undefined> {
  const [r] = await db
    .select()
    .from(coachingNotes)
    .where(and(eq(coachingNotes.workspaceId, workspaceId), eq(coachingNotes.id, id)));
  return r;
}

export async function insertNote(db: Db, row: typeof coachingNotes.$inferInsert): Promise<void> {
  await db.insert(coachingNotes).values(row);
}

export async function updateNoteRow(db: Db, f: { workspaceId: string; id: string; version: number }, body: string): Promise<boolean> {
  const rows = await db
    .update(coachingNotes)
    .set({ body, version: sql`${coachingNotes.version} + 1`, updatedAt: new Date() })
    .where(and(eq(coachingNotes.workspaceId, f.workspaceId), eq(coachingNotes.id, f.id), eq(coachingNotes.version, f.version)))
    .returning({ id: coachingNotes.id });
  return rows.length > 0;
}

export async function deleteNoteRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(coachingNotes).where(and(eq(coachingNotes.workspaceId, workspaceId), eq(coachingNotes.id, id)));
}

/**
 * The period label of the person's latest assessment with a submitted side: the one latestGaps
 * reads (assessments module), named in the reasons of suggested questions.
 */
export async function latestSubmittedPeriod(db: Db, workspaceId: string, personId: string): Promise<string | null> {
  const [r] = await db
    .select({ period: assessments.period })
    .from(assessments)
    .where(
      and(
        eq(assessments.workspaceId, workspaceId),
        eq(assessments.personId, personId),
        or(eq(assessments.selfStatus, 'submitted'), eq(assessments.coachStatus, 'submitted')),
      ),
    )
    // The order latestGaps uses (assessments.repository periodOrder): by period start, else when opened.
    .orderBy(desc(sql`coalesce(${assessments.periodStart}, (${assessments.createdAt} at time zone 'UTC')::date)`), desc(assessments.createdAt))
    .limit(1);
  return r?.period ?? null;
}
