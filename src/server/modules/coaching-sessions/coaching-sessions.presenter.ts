import type {
  CoachingJournalEntry,
  CoachingNote,
  CoachingNoteKind,
  CoachingPerson,
  CoachingSessionItem,
  CoachingSessionStatus,
  CoachingSessionSummary,
  JournalSearchHit,
  SessionItemKind,
} from '../../../shared/contracts.js';
import type { JournalFull, JournalHit } from './coaching-journal.repository.js';
import type { ItemFull, NoteRow, SessionWithCounts } from './coaching-sessions.repository.js';

/** Member names by id; someone who left the workspace still shows, as "Former member". */
export type Names = Map<string, string>;
const person = (names: Names, id: string): CoachingPerson => ({ id, name: names.get(id) ?? 'Former member' });

/** A session as the list shows it, from the caller's side. */
export function presentSessionSummary(s: SessionWithCounts, names: Names, viewerId: string): CoachingSessionSummary {
  return {
    id: s.id,
    coach: person(names, s.coachId),
    coachee: person(names, s.coacheeId),
    myRole: s.coachId === viewerId ? 'coach' : 'coachee',
    scheduledAt: s.scheduledAt.toISOString(),
    status: s.status as CoachingSessionStatus,
    heldAt: s.heldAt?.toISOString() ?? null,
    openActionCount: s.openActionCount,
    openAgendaCount: s.openAgendaCount,
    journalCount: s.journalCount,
    version: s.version,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function presentItem(i: ItemFull, names: Names): CoachingSessionItem {
  return {
    id: i.id,
    sessionId: i.sessionId,
    kind: i.kind as SessionItemKind,
    text: i.text,
    ownerId: i.ownerId,
    owner: i.ownerId ? person(names, i.ownerId) : null,
    dueOn: i.dueOn,
    done: i.done,
    carriedFromId: i.carriedFromId,
    carriedFrom: i.carriedFromSessionId && i.carriedFromScheduledAt ? { sessionId: i.carriedFromSessionId, scheduledAt: i.carriedFromScheduledAt.toISOString() } : null,
    position: i.position,
    version: i.version,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

/** A note; the caller must already be allowed to read it (canSeeNote). */
export function presentNote(n: NoteRow, names: Names, viewerId: string): CoachingNote {
  return {
    id: n.id,
    sessionId: n.sessionId,
    kind: n.kind as CoachingNoteKind,
    author: person(names, n.authorId),
    mine: n.authorId === viewerId,
    body: n.body,
    version: n.version,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}

export function presentJournalEntry(j: JournalFull): CoachingJournalEntry {
  return {
    id: j.id,
    sessionId: j.sessionId,
    coacheeId: j.coacheeId,
    questionId: j.questionId,
    competencyId: j.competencyId,
    competency: j.competencyId && j.competencyName !== null ? { id: j.competencyId, name: j.competencyName } : null,
    question: j.question,
    answer: j.answer,
    answeredAt: j.answeredAt?.toISOString() ?? null,
    position: j.position,
    version: j.version,
    createdAt: j.createdAt.toISOString(),
    updatedAt: j.updatedAt.toISOString(),
  };
}

export function presentJournalHit(j: JournalHit, names: Names): JournalSearchHit {
  return {
    ...presentJournalEntry(j),
    session: {
      id: j.sessionId,
      scheduledAt: j.sessionScheduledAt.toISOString(),
      status: j.sessionStatus as CoachingSessionStatus,
      coach: person(names, j.coachId),
      coachee: person(names, j.coacheeId),
    },
    headline: j.headline,
  };
}
