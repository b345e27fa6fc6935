import type {
  CoachingSessionDetail,
  CoachingSessionList,
  CoachingSessionStatus,
  CoachingSessionSummary,
  CreateCoachingSession,
  CreatedCoachingSession,
  UpdateCoachingSession,
} from '../../../shared/contracts.js';
import { roleAllows } from '../../../shared/policy.js';
import type { Role } from '../../../shared/roles.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordRead, recordUpdate } from '../audit/audit.service.js';
import { canCoach, canSeeNote } from '../coaching/coaching.access.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { listJournalRows } from './coaching-journal.repository.js';
import { presentItem, presentJournalEntry, presentNote, presentSessionSummary } from './coaching-sessions.presenter.js';
import {
  deleteSessionRow,
  findPreviousSession,
  findSessionRow,
  insertItems,
  insertSession,
  listItemRows,
  listSessionRows,
  listVisibleNoteRows,
  memberNames,
  memberRole,
  openItemRows,
  updateSessionRow,
  type SessionFilterWhen,
  type SessionPatch,
} from './coaching-sessions.repository.js';
import { participantSession, sessionLabel, sessionNames } from './session-access.js';
import { suggestQuestions, type WarnLog } from './suggested-questions.service.js';

type Ctx = { db: Db; actor: WorkspaceActor };
type ListQuery = { personId?: string; status?: CoachingSessionStatus; when?: SessionFilterWhen; limit: number; offset: number };

/** The sessions the caller takes part in, as coach or coachee; nobody else's, whatever their role. */
export async function listCoachingSessions({ db, actor, query }: Ctx & { query: ListQuery }): Promise<CoachingSessionList> {
  authorize(actor, 'coaching.read');
  const { rows, total } = await listSessionRows(db, actor.workspaceId, { participantId: actor.memberId, ...query, now: new Date() });
  const names = await memberNames(db, actor.workspaceId, [...rows.flatMap((r) => [r.coachId, r.coacheeId]), ...(query.personId ? [query.personId] : [])]);
  await recordRead(db, actor, {
    workspaceId: actor.workspaceId,
    action: 'coaching-session.list',
    entityType: 'coaching_session',
    entityId: null,
    summary: query.personId ? `Listed their 1:1s with ${names.get(query.personId) ?? 'a member'}` : 'Listed their 1:1s',
  });
  return { items: rows.map((r) => presentSessionSummary(r, names, actor.memberId)), total };
}

/**
 * A session with its agenda, actions, journal, the notes the caller may read (shared ones and their own
 * private ones) and the questions suggested for it. Participants only.
 */
export async function getCoachingSession({ db, actor, sessionId, log }: Ctx & { sessionId: string; log: WarnLog }): Promise<CoachingSessionDetail> {
  authorize(actor, 'coaching.read');
  const session = await participantSession(db, actor, sessionId);
  const [items, journal, notes, previous, suggestedQuestions] = await Promise.all([
    listItemRows(db, actor.workspaceId, sessionId),
    listJournalRows(db, actor.workspaceId, sessionId),
    listVisibleNoteRows(db, actor.workspaceId, sessionId, actor.memberId),
    findPreviousSession(db, actor.workspaceId, session, session.scheduledAt, session.id),
    suggestQuestions(db, actor.workspaceId, session, log),
  ]);
  const visible = notes.filter((n) => canSeeNote(actor, session, n));
  const names = await sessionNames(db, actor.workspaceId, session, [...items.map((i) => i.ownerId), ...visible.map((n) => n.authorId)]);
  await recordRead(db, actor, {
    workspaceId: actor.workspaceId,
    action: 'coaching-session.read',
    entityType: 'coaching_session',
    entityId: session.id,
    summary: `Viewed ${sessionLabel(session, names)}`,
  });
  return {
    ...presentSessionSummary(session, names, actor.memberId),
    previousSession: previous ? { id: previous.id, scheduledAt: previous.scheduledAt.toISOString() } : null,
    agenda: items.filter((i) => i.kind === 'agenda').map((i) => presentItem(i, names)),
    actions: items.filter((i) => i.kind === 'action').map((i) => presentItem(i, names)),
    journal: journal.map(presentJournalEntry),
    notes: visible.map((n) => presentNote(n, names, actor.memberId)),
    suggestedQuestions,
  };
}

/** The coachee must be someone else, in this workspace, whose role may take part in coaching. */
async function checkCoachee(db: Db, actor: WorkspaceActor, coacheeId: string): Promise<void> {
  const role = await memberRole(db, actor.workspaceId, coacheeId);
  if (!role) throw invalid('coacheeId', 'is not a member of this workspace');
  if (!canCoach(actor, coacheeId)) throw invalid('coacheeId', 'must be someone you coach, not yourself');
  if (!roleAllows(role as Role, 'coaching.read')) throw invalid('coacheeId', `a ${role} has no access to coaching: coach a PM or a lead`);
}

/**
 * Schedules a 1:1 with the caller as the coach. The open agenda and action items of the pair's latest
 * earlier session are copied into it (each copy points to its original through carriedFromId); the
 * originals stay as they were, so the earlier session still reads as it ended, and the copies are
 * what the pair tracks from now on.
 */
export async function createCoachingSession({ db, actor, input }: Ctx & { input: CreateCoachingSession }): Promise<CreatedCoachingSession> {
  authorize(actor, 'coaching-session.create');
  const scheduledAt = new Date(input.scheduledAt);
  return db.transaction(async (tx) => {
    await checkCoachee(tx, actor, input.coacheeId);
    const id = newId();
    await insertSession(tx, { id, workspaceId: actor.workspaceId, coachId: actor.memberId, coacheeId: input.coacheeId, scheduledAt });
    const previous = await findPreviousSession(tx, actor.workspaceId, { coachId: actor.memberId, coacheeId: input.coacheeId }, scheduledAt, id);
    const open = previous ? await openItemRows(tx, actor.workspaceId, previous.id) : [];
    const position = { agenda: 0, action: 0 } as Record<string, number>;
    await insertItems(
      tx,
      open.map((o) => ({
        id: newId(),
        workspaceId: actor.workspaceId,
        sessionId: id,
        kind: o.kind,
        text: o.text,
        ownerId: o.ownerId,
        dueOn: o.dueOn,
        carriedFromId: o.id,
        position: position[o.kind]!++,
      })),
    );
    const session = (await findSessionRow(tx, actor.workspaceId, id))!;
    const names = await sessionNames(tx, actor.workspaceId, session);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'coaching-session.create',
      entityType: 'coaching_session',
      entityId: id,
      summary: `Scheduled ${sessionLabel(session, names)}${open.length ? ` (${open.length} open item${open.length === 1 ? '' : 's'} carried over)` : ''}`,
    });
    return { ...presentSessionSummary(session, names, actor.memberId), carriedOverCount: open.length };
  });
}

/** Reschedules a session or records that it was held or cancelled. Either participant may. */
export async function updateCoachingSession({ db, actor, sessionId, input }: Ctx & { sessionId: string; input: UpdateCoachingSession }): Promise<CoachingSessionSummary> {
  authorize(actor, 'coaching.write');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await participantSession(tx, actor, sessionId);
    const patch: SessionPatch = {};
    if (input.scheduledAt !== undefined) patch.scheduledAt = new Date(input.scheduledAt);
    if (input.status !== undefined && input.status !== before.status) {
      patch.status = input.status;
      patch.heldAt = input.status === 'held' ? new Date() : null;
    }
    if (!(await updateSessionRow(tx, { workspaceId: actor.workspaceId, id: sessionId, version }, patch))) throw versionConflict('Coaching session');
    const after = (await findSessionRow(tx, actor.workspaceId, sessionId))!;
    const names = await sessionNames(tx, actor.workspaceId, after);
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'coaching-session.update',
      entityType: 'coaching_session',
      entityId: sessionId,
      label: `Updated ${sessionLabel(before, names)}`,
      before: { scheduledAt: before.scheduledAt.toISOString(), status: before.status },
      patch: { scheduledAt: patch.scheduledAt?.toISOString(), status: patch.status },
    });
    return presentSessionSummary(after, names, actor.memberId);
  });
}

/**
 * Deletes a session with its items, journal and notes, the coachee's private notes included; only its
 * coach may. To keep the record of a 1:1 that did not happen, cancel it instead.
 */
export async function deleteCoachingSession({ db, actor, sessionId }: Ctx & { sessionId: string }): Promise<void> {
  authorize(actor, 'coaching.write');
  await db.transaction(async (tx) => {
    const session = await participantSession(tx, actor, sessionId);
    if (session.coachId !== actor.memberId) throw invalid('sessionId', 'only the coach deletes a session; set its status to cancelled instead');
    const names = await sessionNames(tx, actor.workspaceId, session);
    await deleteSessionRow(tx, actor.workspaceId, sessionId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'coaching-session.delete',
      entityType: 'coaching_session',
      entityId: sessionId,
      summary: `Deleted ${sessionLabel(session, names)}`,
    });
  });
}
