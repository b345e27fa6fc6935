import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { contacts, customers, evidence, feedback, interviews, members, user } from '../../db/schema/index.js';

export type InterviewRow = typeof interviews.$inferSelect;
export interface InterviewFull extends InterviewRow {
  contactName: string | null;
  customerId: string | null;
  customerName: string | null;
  interviewerName: string | null;
  highlightCount: number;
}
export interface HighlightRow {
  id: string;
  text: string;
  importance: number;
  status: string;
  capturedAt: Date;
  opportunityIds: string[];
}
export type InterviewPatch = Partial<Pick<InterviewRow, 'title' | 'date' | 'contactId' | 'participantName' | 'interviewerId' | 'script' | 'notes'>>;

/** json from a subselect: PGlite and node-postgres both parse it, but be safe with a string. */
const parseJson = <T>(raw: unknown): T => (typeof raw === 'string' ? JSON.parse(raw) : raw) as T;
const likeEscape = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

const columns = {
  row: interviews,
  contactName: contacts.name,
  customerId: customers.id,
  customerName: customers.name,
  interviewerName: user.name,
  highlightCount: sql<number>`(select count(*) from ${feedback} hf where hf.interview_id = interviews.id and hf.workspace_id = interviews.workspace_id)`,
};

function selectOne(db: Db) {
  return db
    .select(columns)
    .from(interviews)
    .leftJoin(contacts, eq(contacts.id, interviews.contactId))
    .leftJoin(customers, eq(customers.id, contacts.customerId))
    .leftJoin(members, eq(members.id, interviews.interviewerId))
    .leftJoin(user, eq(user.id, members.userId));
}

const toFull = (r: { row: InterviewRow; contactName: string | null; customerId: string | null; customerName: string | null; interviewerName: string | null; highlightCount: number }): InterviewFull => ({
  ...r.row,
  contactName: r.contactName,
  customerId: r.customerId,
  customerName: r.customerName,
  interviewerName: r.interviewerName,
  highlightCount: Number(r.highlightCount),
});

/** One page of interviews, newest first, and the total matching. */
export async function listInterviewRows(db: Db, workspaceId: string, q: { contactId?: string; q?: string; limit: number; offset: number }): Promise<{ rows: InterviewFull[]; total: number }> {
  const where: SQL[] = [eq(interviews.workspaceId, workspaceId)];
  if (q.contactId) where.push(eq(interviews.contactId, q.contactId));
  if (q.q) {
    const like = `%${likeEscape(q.q)}%`;
    where.push(or(ilike(interviews.title, like), ilike(interviews.participantName, like), ilike(contacts.name, like))!);
  }
  const rows = await db
    .select({ ...columns, total: sql<number>`count(*) over ()` })
    .from(interviews)
    .leftJoin(contacts, eq(contacts.id, interviews.contactId))
    .leftJoin(customers, eq(customers.id, contacts.customerId))
    .leftJoin(members, eq(members.id, interviews.interviewerId))
    .leftJoin(user, eq(user.id, members.userId))
    .where(and(...where))
    .orderBy(desc(interviews.date), desc(interviews.createdAt), desc(interviews.id))
    .limit(q.limit)
    .offset(q.offset);
  if (rows.length || q.offset === 0) return { rows: rows.map(toFull), total: Number(rows[0]?.total ?? 0) };
  // A page past the end has no row for count(*) over () to ride on.
  const [r] = await db
    .select({ n: sql<number>`count(*)` })
    .from(interviews)
    .leftJoin(contacts, eq(contacts.id, interviews.contactId))
    .where(and(...where));
  return { rows: [], total: Number(r?.n ?? 0) };
}

export async function findInterviewRow(db: Db, workspaceId: string, id: string): Promise<InterviewFull | undefined> {
  const [r] = await selectOne(db).where(and(eq(interviews.workspaceId, workspaceId), eq(interviews.id, id)));
  return r ? toFull(r) : undefined;
}

/** The feedback made from an interview's highlights, with the opportunities each is evidence for. */
export async function listHighlightRows(db: Db, workspaceId: string, interviewId: string): Promise<HighlightRow[]> {
  const rows = await db
    .select({
      id: feedback.id,
      text: feedback.text,
      importance: feedback.importance,
      status: feedback.status,
      capturedAt: feedback.capturedAt,
      opportunityIds: sql<unknown>`coalesce((select json_agg(e.opportunity_id order by e.created_at) from ${evidence} e where e.feedback_id = feedback.id), '[]'::json)`,
    })
    .from(feedback)
    .where(and(eq(feedback.workspaceId, workspaceId), eq(feedback.interviewId, interviewId)))
    .orderBy(asc(feedback.createdAt), asc(feedback.id));
  return rows.map((r) => ({ ...r, opportunityIds: parseJson<string[]>(r.opportunityIds) }));
}

/** A contact of the workspace with its customer. */
export async function findContactRef(db: Db, workspaceId: string, contactId: string): Promise<{ id: string; customerId: string } | undefined> {
  const [r] = await db
    .select({ id: contacts.id, customerId: contacts.customerId })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
  return r;
}

export async function insertInterview(db: Db, row: typeof interviews.$inferInsert): Promise<void> {
  await db.insert(interviews).values(row);
}

export async function updateInterviewRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: InterviewPatch) {
  const [row] = await db
    .update(interviews)
    .set({ ...patch, version: sql`${interviews.version} + 1`, updatedAt: new Date() })
    .where(and(eq(interviews.workspaceId, f.workspaceId), eq(interviews.id, f.id), eq(interviews.version, f.version)))
    .returning({ id: interviews.id });
  return row;
}

export async function deleteInterviewRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(interviews).where(and(eq(interviews.workspaceId, workspaceId), eq(interviews.id, id)));
}
