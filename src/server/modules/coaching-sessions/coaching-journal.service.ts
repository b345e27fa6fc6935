import type { CoachingJournalEntry, CreateJournalEntry, JournalSearchResult, UpdateJournalEntry } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordRead } from '../audit/audit.service.js';
import { isParticipant } from '../coaching/coaching.access.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import {
  competencyExists,
  deleteJournalRow,
  findBankQuestion,
  findJournalRow,
  insertJournalEntry,
  nextJournalPosition,
  searchJournalRows,
  updateJournalRow,
  type JournalPatch,
} from './coaching-journal.repository.js';
import { presentJournalEntry, presentJournalHit } from './coaching-sessions.presenter.js';
import { findSessionRow, memberNames } from './coaching-sessions.repository.js';
import { participantSession, sessionLabel, sessionNames } from './session-access.js';

type Ctx = { db: Db; actor: WorkspaceActor };
type SearchQuery = { personId?: string; q?: string; competencyId?: string; limit: number; offset: number };

// Questions and answers are coaching content: audit entries name the session, never the words.

/**
 * The reasoning journal across sessions: the entries of every session the caller takes part in (a
 * coachee sees all of theirs, a coach those of the sessions they ran), newest session first, optionally
 * for one coachee, one competency, or matching words of the question or the answer.
 */
export async function searchJournal({ db, actor, query }: Ctx & { query: SearchQuery }): Promise<JournalSearchResult> {
  authorize(actor, 'coaching.read');
  const { rows, total } = await searchJournalRows(db, actor.workspaceId, { participantId: actor.memberId, ...query, q: query.q || undefined });
  const names = await memberNames(db, actor.workspaceId, [...rows.flatMap((r) => [r.coachId, r.coacheeId]), ...(query.personId ? [query.personId] : [])]);
  // The search words are left out: they can say as much as the answers they look for.
  await recordRead(db, actor, {
    workspaceId: actor.workspaceId,
    action: 'coaching-journal.search',
    entityType: 'coaching_journal',
    entityId: null,
    summary: query.personId ? `Read the reasoning journal of ${names.get(query.personId) ?? 'a member'}` : 'Read their reasoning journal',
  });
  return { items: rows.map((r) => presentJournalHit(r, names)), total };
}

/** A bank question and a competency must be the workspace's; the question's competency is the default. */
async function resolveRefs(db: Db, workspaceId: string, input: CreateJournalEntry): Promise<{ questionId: string | null; competencyId: string | null }> {
  let competencyId = input.competencyId ?? null;
  if (input.questionId) {
    const q = await findBankQuestion(db, workspaceId, input.questionId);
    if (!q) throw invalid('questionId', 'is not a question of this workspace’s bank');
    competencyId ??= q.competencyId;
  }
  if (input.competencyId && !(await competencyExists(db, workspaceId, input.competencyId))) throw invalid('competencyId', 'is not a competency of this workspace');
  return { questionId: input.questionId ?? null, competencyId };
}

/** Asks a question in a session: it joins the session's journal, for the coachee to answer. */
export async function createJournalEntry({ db, actor, sessionId, input }: Ctx & { sessionId: string; input: CreateJournalEntry }): Promise<CoachingJournalEntry> {
  authorize(actor, 'coaching.write');
  return db.transaction(async (tx) => {
    const session = await participantSession(tx, actor, sessionId);
    const refs = await resolveRefs(tx, actor.workspaceId, input);
    const id = newId();
    await insertJournalEntry(tx, {
      id,
      workspaceId: actor.workspaceId,
      sessionId,
      coacheeId: session.coacheeId,
      ...refs,
      question: input.question,
      position: await nextJournalPosition(tx, sessionId),
    });
    const names = await sessionNames(tx, actor.workspaceId, session);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'coaching-journal.create',
      entityType: 'coaching_journal',
      entityId: id,
      summary: `Asked a question in ${sessionLabel(session, names)}`,
    });
    return presentJournalEntry((await findJournalRow(tx, actor.workspaceId, id))!);
  });
}

/** The entry and its session, when the actor takes part in the session; else 404 as if it did not exist. */
async function participantEntry(db: Db, actor: WorkspaceActor, entryId: string) {
  const entry = await findJournalRow(db, actor.workspaceId, entryId);
  const session = entry ? await findSessionRow(db, actor.workspaceId, entry.sessionId) : undefined;
  if (!entry || !session || !isParticipant(actor, session)) throw notFound('Journal entry');
  return { entry, session };
}

/**
 * The coachee writes the answer, in their own words; the coach may rephrase the question. Each side's
 * field is theirs alone: the journal is the coachee's reasoning, not the coach's summary of it.
 */
export async function updateJournalEntry({ db, actor, journalEntryId, input }: Ctx & { journalEntryId: string; input: UpdateJournalEntry }): Promise<CoachingJournalEntry> {
  authorize(actor, 'coaching.write');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const { entry, session } = await participantEntry(tx, actor, journalEntryId);
    const isCoachee = actor.memberId === session.coacheeId;
    if (input.answer !== undefined && !isCoachee) throw invalid('answer', 'only the coachee answers; add your thoughts as a note instead');
    if (input.question !== undefined && isCoachee) throw invalid('question', 'only the coach rephrases the question; answer it in your own words');
    const patch: JournalPatch = {};
    if (input.question !== undefined) patch.question = input.question;
    if (input.answer !== undefined && input.answer !== entry.answer) {
      patch.answer = input.answer;
      patch.answeredAt = input.answer ? new Date() : null;
    }
    if (!(await updateJournalRow(tx, { workspaceId: actor.workspaceId, id: journalEntryId, version }, patch))) throw versionConflict('Journal entry');
    const names = await sessionNames(tx, actor.workspaceId, session);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'coaching-journal.update',
      entityType: 'coaching_journal',
      entityId: journalEntryId,
      summary: `${patch.answer !== undefined ? 'Answered' : 'Rephrased'} a question of ${sessionLabel(session, names)}`,
    });
    return presentJournalEntry((await findJournalRow(tx, actor.workspaceId, journalEntryId))!);
  });
}

/** Removes a question from the journal; the coach only, since the coachee's answer goes with it. */
export async function deleteJournalEntry({ db, actor, journalEntryId }: Ctx & { journalEntryId: string }): Promise<void> {
  authorize(actor, 'coaching.write');
  await db.transaction(async (tx) => {
    const { session } = await participantEntry(tx, actor, journalEntryId);
    if (actor.memberId !== session.coachId) throw invalid('journalEntryId', 'only the coach removes a question from the journal');
    await deleteJournalRow(tx, actor.workspaceId, journalEntryId);
    const names = await sessionNames(tx, actor.workspaceId, session);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'coaching-journal.delete',
      entityType: 'coaching_journal',
      entityId: journalEntryId,
      summary: `Removed a question from ${sessionLabel(session, names)}`,
    });
  });
}
