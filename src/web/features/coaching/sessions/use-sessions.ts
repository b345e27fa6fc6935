import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CoachingJournalEntry,
  CoachingNote,
  CoachingNoteKind,
  CoachingSessionDetail,
  CoachingSessionItem,
  CoachingSessionList,
  CoachingSessionStatus,
  CoachingSessionSummary,
  CreatedCoachingSession,
  JournalSearchResult,
  SessionItemKind,
} from '../../../../shared/contracts.js';
import { api, wsPath } from '../../../lib/api/client';

export const sessionsKey = (workspaceId: string) => ['coaching-sessions', workspaceId] as const;
export const journalKey = (workspaceId: string) => ['coaching-journal', workspaceId] as const;
const sessionKey = (workspaceId: string, sessionId: string) => [...sessionsKey(workspaceId), 'item', sessionId] as const;

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The caller's own sessions: upcoming (soonest first) or past (latest first). */
export function useCoachingSessions(workspaceId: string, params: { when?: 'upcoming' | 'past'; personId?: string; status?: CoachingSessionStatus; limit?: number }) {
  return useQuery({
    queryKey: [...sessionsKey(workspaceId), 'list', params],
    queryFn: () => api<CoachingSessionList>(wsPath(workspaceId, `/coaching-sessions${query(params)}`)),
    placeholderData: keepPreviousData,
  });
}

export function useCoachingSession(workspaceId: string, sessionId: string) {
  return useQuery({
    queryKey: sessionKey(workspaceId, sessionId),
    queryFn: () => api<CoachingSessionDetail>(wsPath(workspaceId, `/coaching-sessions/${sessionId}`)),
  });
}

/** Searches the reasoning journal across the sessions the caller takes part in. */
export function useJournalSearch(workspaceId: string, params: { personId?: string; q?: string; competencyId?: string }) {
  return useQuery({
    queryKey: [...journalKey(workspaceId), params],
    queryFn: () => api<JournalSearchResult>(wsPath(workspaceId, `/coaching/journal${query({ ...params, limit: 200 })}`)),
    placeholderData: keepPreviousData,
  });
}

/** After a change inside a session: the session, the lists (their counts) and the journal refetch. */
function useRefresh(workspaceId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: sessionsKey(workspaceId) });
    void qc.invalidateQueries({ queryKey: journalKey(workspaceId) });
  };
}

/** Swaps one changed record into the cached session at once, so a checkbox answers before the refetch. */
function usePatchSession(workspaceId: string) {
  const qc = useQueryClient();
  return (sessionId: string, change: (s: CoachingSessionDetail) => CoachingSessionDetail) =>
    qc.setQueryData<CoachingSessionDetail>(sessionKey(workspaceId, sessionId), (s) => (s ? change(s) : s));
}

export function useCreateSession(workspaceId: string) {
  const refresh = useRefresh(workspaceId);
  return useMutation({
    mutationFn: (body: { coacheeId: string; scheduledAt: string }) => api<CreatedCoachingSession>(wsPath(workspaceId, '/coaching-sessions'), { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useUpdateSession(workspaceId: string) {
  const refresh = useRefresh(workspaceId);
  return useMutation({
    mutationFn: ({ sessionId, ...body }: { sessionId: string; version: number; status?: CoachingSessionStatus; scheduledAt?: string }) =>
      api<CoachingSessionSummary>(wsPath(workspaceId, `/coaching-sessions/${sessionId}`), { method: 'PATCH', body }),
    onSettled: refresh,
  });
}

export function useDeleteSession(workspaceId: string) {
  const refresh = useRefresh(workspaceId);
  return useMutation({
    mutationFn: (sessionId: string) => api<void>(wsPath(workspaceId, `/coaching-sessions/${sessionId}`), { method: 'DELETE' }),
    onSettled: refresh,
  });
}

// Items

const replaceItem = (s: CoachingSessionDetail, item: CoachingSessionItem): CoachingSessionDetail => ({
  ...s,
  agenda: s.agenda.map((i) => (i.id === item.id ? item : i)),
  actions: s.actions.map((i) => (i.id === item.id ? item : i)),
});

export function useCreateItem(workspaceId: string, sessionId: string) {
  const refresh = useRefresh(workspaceId);
  return useMutation({
    mutationFn: (body: { kind: SessionItemKind; text: string; ownerId?: string | null; dueOn?: string | null }) =>
      api<CoachingSessionItem>(wsPath(workspaceId, `/coaching-sessions/${sessionId}/items`), { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useUpdateItem(workspaceId: string, sessionId: string) {
  const refresh = useRefresh(workspaceId);
  const patch = usePatchSession(workspaceId);
  return useMutation({
    mutationFn: ({ itemId, ...body }: { itemId: string; version: number; text?: string; done?: boolean; ownerId?: string | null; dueOn?: string | null }) =>
      api<CoachingSessionItem>(wsPath(workspaceId, `/coaching-session-items/${itemId}`), { method: 'PATCH', body }),
    onSuccess: (item) => patch(sessionId, (s) => replaceItem(s, item)),
    onSettled: refresh,
  });
}

export function useDeleteItem(workspaceId: string) {
  const refresh = useRefresh(workspaceId);
  return useMutation({
    mutationFn: (itemId: string) => api<void>(wsPath(workspaceId, `/coaching-session-items/${itemId}`), { method: 'DELETE' }),
    onSettled: refresh,
  });
}

// Notes

export function useCreateNote(workspaceId: string, sessionId: string) {
  const refresh = useRefresh(workspaceId);
  return useMutation({
    mutationFn: (body: { kind: CoachingNoteKind; body: string }) => api<CoachingNote>(wsPath(workspaceId, `/coaching-sessions/${sessionId}/notes`), { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useUpdateNote(workspaceId: string, sessionId: string) {
  const refresh = useRefresh(workspaceId);
  const patch = usePatchSession(workspaceId);
  return useMutation({
    mutationFn: ({ noteId, ...body }: { noteId: string; body: string; version: number }) =>
      api<CoachingNote>(wsPath(workspaceId, `/coaching-notes/${noteId}`), { method: 'PATCH', body }),
    onSuccess: (note) => patch(sessionId, (s) => ({ ...s, notes: s.notes.map((n) => (n.id === note.id ? note : n)) })),
    onSettled: refresh,
  });
}

export function useDeleteNote(workspaceId: string) {
  const refresh = useRefresh(workspaceId);
  return useMutation({
    mutationFn: (noteId: string) => api<void>(wsPath(workspaceId, `/coaching-notes/${noteId}`), { method: 'DELETE' }),
    onSettled: refresh,
  });
}

// Journal

export function useAskQuestion(workspaceId: string, sessionId: string) {
  const refresh = useRefresh(workspaceId);
  return useMutation({
    mutationFn: (body: { question: string; questionId?: string; competencyId?: string }) =>
      api<CoachingJournalEntry>(wsPath(workspaceId, `/coaching-sessions/${sessionId}/journal`), { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useUpdateJournalEntry(workspaceId: string, sessionId: string) {
  const refresh = useRefresh(workspaceId);
  const patch = usePatchSession(workspaceId);
  return useMutation({
    mutationFn: ({ entryId, ...body }: { entryId: string; version: number; answer?: string; question?: string }) =>
      api<CoachingJournalEntry>(wsPath(workspaceId, `/coaching-journal/${entryId}`), { method: 'PATCH', body }),
    onSuccess: (entry) => patch(sessionId, (s) => ({ ...s, journal: s.journal.map((j) => (j.id === entry.id ? entry : j)) })),
    onSettled: refresh,
  });
}

export function useDeleteJournalEntry(workspaceId: string) {
  const refresh = useRefresh(workspaceId);
  return useMutation({
    mutationFn: (entryId: string) => api<void>(wsPath(workspaceId, `/coaching-journal/${entryId}`), { method: 'DELETE' }),
    onSettled: refresh,
  });
}
