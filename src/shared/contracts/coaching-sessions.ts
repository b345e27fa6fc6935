import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Id, IsoDate, Version, VersionedUpdate, listOf } from './common.js';
import { CalendarDate } from './discovery-research.js';

// Contracts of the coaching-sessions module (issue 5): 1:1 sessions between a coach and a PM, their
// agenda and action items (open ones carry over), notes (shared or private to their author), the
// suggested questions and the reasoning journal (questions asked and the PM's answers).

export const COACHING_SESSION_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type CoachingSessionStatus = (typeof COACHING_SESSION_STATUSES)[number];
export const SESSION_ITEM_KINDS = ['agenda', 'action'] as const;
export type SessionItemKind = (typeof SESSION_ITEM_KINDS)[number];
export const COACHING_NOTE_KINDS = ['shared', 'private'] as const;
export type CoachingNoteKind = (typeof COACHING_NOTE_KINDS)[number];
/** Where a suggested question comes from: a gap of the latest assessment, a weak work signal, or the framework's order. */
export const SUGGESTION_SOURCES = ['gap', 'signal', 'framework'] as const;
export type SuggestionSource = (typeof SUGGESTION_SOURCES)[number];

/** Limits of the session module, shared by the server's validation and the web forms. */
export const COACHING_SESSION_LIMITS = {
  itemTextMax: 500,
  noteMax: 20_000,
  questionMax: 1_000,
  answerMax: 20_000,
  searchMax: 200,
} as const;

const L = COACHING_SESSION_LIMITS;
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const SessionStatusSchema = z.enum(COACHING_SESSION_STATUSES).describe('scheduled, held or cancelled');
const ItemKindSchema = z.enum(SESSION_ITEM_KINDS).describe('agenda (a topic to talk about) or action (something someone will do)');
const NoteKindSchema = z.enum(COACHING_NOTE_KINDS).describe('shared (both participants read it) or private (only its author ever reads it)');
const Timestamp = z.string().datetime({ offset: true, message: 'must be an ISO 8601 timestamp, e.g. 2027-01-10T10:00:00Z' });

export const CoachingPerson = z.object({ id: Id.describe('Member id'), name: z.string() }).describe('A participant of a session');
export type CoachingPerson = z.infer<typeof CoachingPerson>;

// Items

export const CoachingSessionItem = z
  .object({
    id: Id,
    sessionId: Id,
    kind: ItemKindSchema,
    text: z.string(),
    ownerId: Id.nullable().describe('Member id of whoever will do it (the coach or the coachee)'),
    owner: CoachingPerson.nullable(),
    dueOn: z.string().nullable().describe('Due date, YYYY-MM-DD'),
    done: z.boolean().describe('Checked off (an agenda topic covered, an action done)'),
    carriedFromId: Id.nullable().describe('The open item of the pair’s previous session this one continues'),
    carriedFrom: z
      .object({ sessionId: Id, scheduledAt: IsoDate })
      .nullable()
      .describe('The session the item was carried over from'),
    position: z.number().int(),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('An agenda item or an action item of a session');
export type CoachingSessionItem = z.infer<typeof CoachingSessionItem>;

export const CreateSessionItem = z.object({
  kind: ItemKindSchema,
  text: text(L.itemTextMax).describe('The topic or the action'),
  ownerId: Id.nullable().optional().describe('Member id of the owner: the coach or the coachee'),
  dueOn: CalendarDate.nullable().optional(),
});
export type CreateSessionItem = z.infer<typeof CreateSessionItem>;

export const UpdateSessionItem = VersionedUpdate.extend({
  text: text(L.itemTextMax).optional(),
  done: z.boolean().optional(),
  ownerId: Id.nullable().optional(),
  dueOn: CalendarDate.nullable().optional(),
});
export type UpdateSessionItem = z.infer<typeof UpdateSessionItem>;

// Notes

export const CoachingNote = z
  .object({
    id: Id,
    sessionId: Id,
    kind: NoteKindSchema,
    author: CoachingPerson,
    mine: z.boolean().describe('True when the caller wrote it (only the author edits or deletes a note)'),
    body: z.string().describe('Markdown'),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('A session note the caller may read: a shared note, or one of the caller’s own private notes');
export type CoachingNote = z.infer<typeof CoachingNote>;
export const CoachingNoteList = listOf(CoachingNote, 'The notes of a session the caller may read, oldest first');

export const CreateCoachingNote = z.object({
  kind: NoteKindSchema,
  body: text(L.noteMax).describe('Markdown'),
});
export type CreateCoachingNote = z.infer<typeof CreateCoachingNote>;
export const UpdateCoachingNote = VersionedUpdate.extend({ body: text(L.noteMax).describe('Markdown') });
export type UpdateCoachingNote = z.infer<typeof UpdateCoachingNote>;

// Reasoning journal

export const CoachingJournalEntry = z
  .object({
    id: Id,
    sessionId: Id,
    coacheeId: Id,
    questionId: Id.nullable().describe('The bank question it was asked from, if any'),
    competencyId: Id.nullable(),
    competency: z.object({ id: Id, name: z.string() }).nullable(),
    question: z.string(),
    answer: z.string().describe('The coachee’s answer, in their words; empty until answered'),
    answeredAt: IsoDate.nullable(),
    position: z.number().int(),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('A question asked in a session and the coachee’s answer');
export type CoachingJournalEntry = z.infer<typeof CoachingJournalEntry>;

export const CreateJournalEntry = z.object({
  question: text(L.questionMax).describe('An open question that makes the coachee reason'),
  questionId: Id.nullable().optional().describe('The bank question, when asked from the suggestions'),
  competencyId: Id.nullable().optional().describe('The competency it probes (defaults to the bank question’s)'),
});
export type CreateJournalEntry = z.infer<typeof CreateJournalEntry>;

export const UpdateJournalEntry = VersionedUpdate.extend({
  answer: z.string().trim().max(L.answerMax, `must be at most ${L.answerMax} characters`).optional().describe('Only the coachee answers'),
  question: text(L.questionMax).optional().describe('Only the coach rephrases the question'),
});
export type UpdateJournalEntry = z.infer<typeof UpdateJournalEntry>;

export const JournalSearchHit = CoachingJournalEntry.extend({
  session: z.object({ id: Id, scheduledAt: IsoDate, status: SessionStatusSchema, coach: CoachingPerson, coachee: CoachingPerson }),
  headline: z.string().nullable().describe('With a search: the matching words in context, each wrapped in « and »'),
}).describe('A journal entry with the session it was asked in');
export type JournalSearchHit = z.infer<typeof JournalSearchHit>;
export const JournalSearchResult = listOf(JournalSearchHit, 'Journal entries, newest session first');
export type JournalSearchResult = z.infer<typeof JournalSearchResult>;

export const JournalQuery = z.object({
  personId: Id.optional().describe('Only this coachee’s entries'),
  q: z.string().trim().max(L.searchMax).optional().describe('Words to find in questions and answers (web search syntax: "quoted phrase", -word, or)'),
  competencyId: Id.optional().describe('Only questions about this competency'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(100).describe('Page size'),
  offset: z.coerce.number().int().min(0).default(0).describe('Rows to skip'),
});

// Suggested questions

export const SuggestedQuestion = z
  .object({
    questionId: Id,
    competencyId: Id,
    competencyName: z.string(),
    text: z.string(),
    reason: z.string().describe('Why Sextant suggests it, e.g. “Gap of 2 on Interviewing users in the 2027-Q1 assessment”'),
    source: z.enum(SUGGESTION_SOURCES).describe('gap, signal or framework'),
    signalKey: z.string().nullable().describe('The work signal behind it, for source signal'),
  })
  .describe('A question of the bank suggested for this session');
export type SuggestedQuestion = z.infer<typeof SuggestedQuestion>;

// Sessions

export const CoachingSessionSummary = z
  .object({
    id: Id,
    coach: CoachingPerson,
    coachee: CoachingPerson,
    myRole: z.enum(['coach', 'coachee']).describe('How the caller takes part'),
    scheduledAt: IsoDate,
    status: SessionStatusSchema,
    heldAt: IsoDate.nullable(),
    openActionCount: z.number().int().describe('Action items not done'),
    openAgendaCount: z.number().int().describe('Agenda items not covered'),
    journalCount: z.number().int().describe('Questions asked'),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('A 1:1 coaching session');
export type CoachingSessionSummary = z.infer<typeof CoachingSessionSummary>;
export const CoachingSessionList = listOf(CoachingSessionSummary, 'Sessions the caller takes part in');
export type CoachingSessionList = z.infer<typeof CoachingSessionList>;
export const CreatedCoachingSession = CoachingSessionSummary.extend({
  carriedOverCount: z.number().int().describe('Open items copied from the pair’s previous session'),
});
export type CreatedCoachingSession = z.infer<typeof CreatedCoachingSession>;

export const CoachingSessionDetail = CoachingSessionSummary.extend({
  previousSession: z.object({ id: Id, scheduledAt: IsoDate }).nullable().describe('The pair’s session before this one'),
  agenda: z.array(CoachingSessionItem),
  actions: z.array(CoachingSessionItem),
  journal: z.array(CoachingJournalEntry),
  notes: z.array(CoachingNote).describe('Shared notes and the caller’s own private notes; never anyone else’s private notes'),
  suggestedQuestions: z.array(SuggestedQuestion).describe('Questions for this session from the coachee’s gaps and recent work'),
}).describe('A coaching session with everything the caller may see of it');
export type CoachingSessionDetail = z.infer<typeof CoachingSessionDetail>;

export const CoachingSessionListQuery = z.object({
  personId: Id.optional().describe('Only sessions with this person (as coach or coachee)'),
  status: SessionStatusSchema.optional(),
  when: z.enum(['upcoming', 'past']).optional().describe('upcoming: scheduled from now on, soonest first; past: before now, latest first'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50).describe('Page size'),
  offset: z.coerce.number().int().min(0).default(0).describe('Rows to skip'),
});

export const CreateCoachingSession = z.object({
  coacheeId: Id.describe('Member id of the PM you coach; you are the coach'),
  scheduledAt: Timestamp.describe('When the 1:1 takes place'),
});
export type CreateCoachingSession = z.infer<typeof CreateCoachingSession>;

export const UpdateCoachingSession = VersionedUpdate.extend({
  scheduledAt: Timestamp.optional(),
  status: SessionStatusSchema.optional().describe('held records when it took place'),
});
export type UpdateCoachingSession = z.infer<typeof UpdateCoachingSession>;

export const CoachingSessionParams = z.object({ workspaceId: Id, sessionId: Id.describe('Coaching session id') });
export const SessionItemParams = z.object({ workspaceId: Id, itemId: Id.describe('Agenda or action item id') });
export const CoachingNoteParams = z.object({ workspaceId: Id, noteId: Id.describe('Note id') });
export const JournalEntryParams = z.object({ workspaceId: Id, journalEntryId: Id.describe('Journal entry id') });
