import type { CoachingNote, CreateCoachingNote, UpdateCoachingNote } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordRead } from '../audit/audit.service.js';
import { canSeeNote } from '../coaching/coaching.access.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { presentNote } from './coaching-sessions.presenter.js';
import { deleteNoteRow, findNoteRow, findSessionRow, insertNote, listVisibleNoteRows, updateNoteRow } from './coaching-sessions.repository.js';
import { participantSession, sessionLabel, sessionNames } from './session-access.js';

type Ctx = { db: Db; actor: WorkspaceActor };

// A note's body never reaches the audit log: entries say which session and what kind, with no changes.

const kindLabel = (kind: string) => (kind === 'private' ? 'a private note' : 'a shared note');

/** The notes of a session the caller may read: shared ones, and their own private ones. */
export async function listCoachingNotes({ db, actor, sessionId }: Ctx & { sessionId: string }): Promise<{ items: CoachingNote[]; total: number }> {
  authorize(actor, 'coaching.read');
  const session = await participantSession(db, actor, sessionId);
  const notes = (await listVisibleNoteRows(db, actor.workspaceId, sessionId, actor.memberId)).filter((n) => canSeeNote(actor, session, n));
  const names = await sessionNames(db, actor.workspaceId, session);
  await recordRead(db, actor, {
    workspaceId: actor.workspaceId,
    action: 'coaching-note.list',
    entityType: 'coaching_session',
    entityId: session.id,
    summary: `Viewed the notes of ${sessionLabel(session, names)}`,
  });
  return { items: notes.map((n) => presentNote(n, names, actor.memberId)), total: notes.length };
}

/**
 * Adds a note to a session. A shared note is read by both participants; a private note by its author
 * only, whoever they are: the coach's private notes and the PM's own are both kind private.
 */
export async function createCoachingNote({ db, actor, sessionId, input }: Ctx & { sessionId: string; input: CreateCoachingNote }): Promise<CoachingNote> {
  authorize(actor, 'coaching.write');
  return db.transaction(async (tx) => {
    const session = await participantSession(tx, actor, sessionId);
    const id = newId();
    await insertNote(tx, { id, workspaceId: actor.workspaceId, sessionId, authorId: actor.memberId, kind: input.kind, body: input.body });
    const names = await sessionNames(tx, actor.workspaceId, session);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'coaching-note.create',
      entityType: 'coaching_note',
      entityId: id,
      summary: `Added ${kindLabel(input.kind)} to ${sessionLabel(session, names)}`,
    });
    return presentNote((await findNoteRow(tx, actor.workspaceId, id))!, names, actor.memberId);
  });
}

/** The note and its session when the actor wrote it; anyone else gets 404, as if it did not exist. */
async function authoredNote(db: Db, actor: WorkspaceActor, noteId: string) {
  const note = await findNoteRow(db, actor.workspaceId, noteId);
  const session = note ? await findSessionRow(db, actor.workspaceId, note.sessionId) : undefined;
  if (!note || !session || note.authorId !== actor.memberId || !canSeeNote(actor, session, note)) throw notFound('Coaching note');
  return { note, session };
}

/** Edits a note; its author only. */
export async function updateCoachingNote({ db, actor, noteId, input }: Ctx & { noteId: string; input: UpdateCoachingNote }): Promise<CoachingNote> {
  authorize(actor, 'coaching.write');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const { note, session } = await authoredNote(tx, actor, noteId);
    if (!(await updateNoteRow(tx, { workspaceId: actor.workspaceId, id: noteId, version }, input.body))) throw versionConflict('Coaching note');
    const names = await sessionNames(tx, actor.workspaceId, session);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'coaching-note.update',
      entityType: 'coaching_note',
      entityId: noteId,
      summary: `Edited ${kindLabel(note.kind)} of ${sessionLabel(session, names)}`,
    });
    return presentNote((await findNoteRow(tx, actor.workspaceId, noteId))!, names, actor.memberId);
  });
}

/** Deletes a note; its author only. */
export async function deleteCoachingNote({ db, actor, noteId }: Ctx & { noteId: string }): Promise<void> {
  authorize(actor, 'coaching.write');
  await db.transaction(async (tx) => {
    const { note, session } = await authoredNote(tx, actor, noteId);
    await deleteNoteRow(tx, actor.workspaceId, noteId);
    const names = await sessionNames(tx, actor.workspaceId, session);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'coaching-note.delete',
      entityType: 'coaching_note',
      entityId: noteId,
      summary: `Deleted ${kindLabel(note.kind)} of ${sessionLabel(session, names)}`,
    });
  });
}
