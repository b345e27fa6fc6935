import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CoachingJournalEntry,
  CoachingNote,
  CoachingNoteList,
  CoachingNoteParams,
  CoachingSessionDetail,
  CoachingSessionItem,
  CoachingSessionList,
  CoachingSessionListQuery,
  CoachingSessionParams,
  CoachingSessionSummary,
  CreateCoachingNote,
  CreateCoachingSession,
  CreateJournalEntry,
  CreateSessionItem,
  CreatedCoachingSession,
  JournalEntryParams,
  JournalQuery,
  JournalSearchResult,
  SessionItemParams,
  UpdateCoachingNote,
  UpdateCoachingSession,
  UpdateJournalEntry,
  UpdateSessionItem,
  WorkspaceParams,
} from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { createCoachingNote, deleteCoachingNote, listCoachingNotes, updateCoachingNote } from './coaching-notes.service.js';
import { createJournalEntry, deleteJournalEntry, searchJournal, updateJournalEntry } from './coaching-journal.service.js';
import { createCoachingSession, deleteCoachingSession, getCoachingSession, listCoachingSessions, updateCoachingSession } from './coaching-sessions.service.js';
import { createSessionItem, deleteSessionItem, updateSessionItem } from './session-items.service.js';

const PARTICIPANTS = 'Only the session’s coach and coachee see it; anyone else, admins included, gets 404.';

/** Routes of the coaching-sessions module: 1:1s, their items and notes, and the reasoning journal (issue 5). */
export async function coachingSessionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Coaching sessions'];
  const ws = '/api/v1/workspaces/:workspaceId';
  const base = `${ws}/coaching-sessions`;
  const one = `${base}/:sessionId`;

  r.get(base, {
    config: { permission: 'coaching.read' },
    schema: {
      summary: 'List your 1:1 coaching sessions',
      description: 'The sessions you take part in, as coach or coachee; nobody else’s, whatever your role. Reading is recorded in the audit log.',
      tags,
      params: WorkspaceParams,
      querystring: CoachingSessionListQuery,
      response: { 200: CoachingSessionList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listCoachingSessions({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
  r.post(base, {
    config: { permission: 'coaching-session.create' },
    schema: {
      summary: 'Schedule a 1:1 with a PM you coach',
      description:
        'You are the coach. The open agenda and action items of your previous session with this person are copied into the new one (carriedFromId points to the original); the originals stay as they were.',
      tags,
      params: WorkspaceParams,
      body: CreateCoachingSession,
      response: { 201: CreatedCoachingSession, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createCoachingSession({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.get(one, {
    config: { permission: 'coaching.read' },
    schema: {
      summary: 'Read a 1:1 with its agenda, actions, journal, notes and suggested questions',
      description: `${PARTICIPANTS} Notes are the shared ones and your own private ones. suggestedQuestions come from the coachee’s assessment gaps and recent work signals.`,
      tags,
      params: CoachingSessionParams,
      response: { 200: CoachingSessionDetail, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getCoachingSession({ db: app.db, actor: workspaceActor(req), sessionId: req.params.sessionId, log: req.log }),
  });
  r.patch(one, {
    config: { permission: 'coaching.write' },
    schema: {
      summary: 'Reschedule a 1:1, or mark it held or cancelled',
      description: `${PARTICIPANTS} Status held records when it was held.`,
      tags,
      params: CoachingSessionParams,
      body: UpdateCoachingSession,
      response: { 200: CoachingSessionSummary, ...UPDATE_ERRORS },
    },
    handler: (req) => updateCoachingSession({ db: app.db, actor: workspaceActor(req), sessionId: req.params.sessionId, input: withVersion(req, req.body) }),
  });
  r.delete(one, {
    config: { permission: 'coaching.write' },
    schema: {
      summary: 'Delete a 1:1',
      description: 'The coach only; the items, journal and notes of both people go with it. Cancel it instead to keep the record.',
      tags,
      params: CoachingSessionParams,
      response: { 204: NoContent, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => {
      await deleteCoachingSession({ db: app.db, actor: workspaceActor(req), sessionId: req.params.sessionId });
      return reply.status(204).send(null);
    },
  });

  // Agenda and action items
  r.post(`${one}/items`, {
    config: { permission: 'coaching.write' },
    schema: {
      summary: 'Add an agenda item or an action item',
      description: `${PARTICIPANTS} An action’s owner is the coach or the coachee.`,
      tags,
      params: CoachingSessionParams,
      body: CreateSessionItem,
      response: { 201: CoachingSessionItem, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await createSessionItem({ db: app.db, actor: workspaceActor(req), sessionId: req.params.sessionId, input: req.body })),
  });
  const item = `${ws}/coaching-session-items/:itemId`;
  r.patch(item, {
    config: { permission: 'coaching.write' },
    schema: { summary: 'Edit or check off a session item', tags, params: SessionItemParams, body: UpdateSessionItem, response: { 200: CoachingSessionItem, ...UPDATE_ERRORS } },
    handler: (req) => updateSessionItem({ db: app.db, actor: workspaceActor(req), itemId: req.params.itemId, input: withVersion(req, req.body) }),
  });
  r.delete(item, {
    config: { permission: 'coaching.write' },
    schema: { summary: 'Remove a session item', tags, params: SessionItemParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteSessionItem({ db: app.db, actor: workspaceActor(req), itemId: req.params.itemId });
      return reply.status(204).send(null);
    },
  });

  // Notes
  r.get(`${one}/notes`, {
    config: { permission: 'coaching.read' },
    schema: {
      summary: 'List the notes of a 1:1 you may read',
      description: `${PARTICIPANTS} Shared notes and your own private notes; another person’s private notes never appear, to anyone.`,
      tags,
      params: CoachingSessionParams,
      response: { 200: CoachingNoteList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listCoachingNotes({ db: app.db, actor: workspaceActor(req), sessionId: req.params.sessionId }),
  });
  r.post(`${one}/notes`, {
    config: { permission: 'coaching.write' },
    schema: {
      summary: 'Write a shared or a private note',
      description: `${PARTICIPANTS} A private note is read by its author only (the coach’s and the PM’s alike); the audit log records that it was written, never what it says.`,
      tags,
      params: CoachingSessionParams,
      body: CreateCoachingNote,
      response: { 201: CoachingNote, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await createCoachingNote({ db: app.db, actor: workspaceActor(req), sessionId: req.params.sessionId, input: req.body })),
  });
  const note = `${ws}/coaching-notes/:noteId`;
  r.patch(note, {
    config: { permission: 'coaching.write' },
    schema: { summary: 'Edit a note you wrote', description: 'Its author only; anyone else gets 404.', tags, params: CoachingNoteParams, body: UpdateCoachingNote, response: { 200: CoachingNote, ...UPDATE_ERRORS } },
    handler: (req) => updateCoachingNote({ db: app.db, actor: workspaceActor(req), noteId: req.params.noteId, input: withVersion(req, req.body) }),
  });
  r.delete(note, {
    config: { permission: 'coaching.write' },
    schema: { summary: 'Delete a note you wrote', description: 'Its author only; anyone else gets 404.', tags, params: CoachingNoteParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteCoachingNote({ db: app.db, actor: workspaceActor(req), noteId: req.params.noteId });
      return reply.status(204).send(null);
    },
  });

  // Reasoning journal
  r.post(`${one}/journal`, {
    config: { permission: 'coaching.write' },
    schema: {
      summary: 'Ask a question: add it to the reasoning journal',
      description: `${PARTICIPANTS} Usually one of the suggested questions (send its questionId); the coachee answers it.`,
      tags,
      params: CoachingSessionParams,
      body: CreateJournalEntry,
      response: { 201: CoachingJournalEntry, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await createJournalEntry({ db: app.db, actor: workspaceActor(req), sessionId: req.params.sessionId, input: req.body })),
  });
  const entry = `${ws}/coaching-journal/:journalEntryId`;
  r.patch(entry, {
    config: { permission: 'coaching.write' },
    schema: {
      summary: 'Answer a journal question, or rephrase it',
      description: 'The coachee writes the answer; the coach may rephrase the question.',
      tags,
      params: JournalEntryParams,
      body: UpdateJournalEntry,
      response: { 200: CoachingJournalEntry, ...UPDATE_ERRORS },
    },
    handler: (req) => updateJournalEntry({ db: app.db, actor: workspaceActor(req), journalEntryId: req.params.journalEntryId, input: withVersion(req, req.body) }),
  });
  r.delete(entry, {
    config: { permission: 'coaching.write' },
    schema: { summary: 'Remove a question from the journal', description: 'The coach only.', tags, params: JournalEntryParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteJournalEntry({ db: app.db, actor: workspaceActor(req), journalEntryId: req.params.journalEntryId });
      return reply.status(204).send(null);
    },
  });
  r.get(`${ws}/coaching/journal`, {
    config: { permission: 'coaching.read' },
    schema: {
      summary: 'Search the reasoning journal across sessions',
      description:
        'Entries of the sessions you take part in, newest session first: the coachee sees all of theirs, a coach those of the sessions they ran. q searches questions and answers (web search syntax).',
      tags,
      params: WorkspaceParams,
      querystring: JournalQuery,
      response: { 200: JournalSearchResult, ...WORKSPACE_ERRORS },
    },
    handler: (req) => searchJournal({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
}
