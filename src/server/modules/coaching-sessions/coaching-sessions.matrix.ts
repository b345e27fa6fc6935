import type { MatrixBody, MatrixParam } from '../../test/matrix-body.js';

type Ctx = Parameters<MatrixParam>[0];
const W = '/api/v1/workspaces/:workspaceId';

/** A PM of the matrix workspace, for a lead or an admin to coach. */
const aPm: MatrixBody = async ({ admin, w }) => {
  const members = (await admin.get(`${w}/members`)).json<{ items: { id: string; role: string }[] }>().items;
  return { coacheeId: members.find((m) => m.role === 'pm')?.id, scheduledAt: '2027-01-10T10:00:00Z' };
};

/** Request bodies the permission matrix sends to this module's routes, keyed by "METHOD /url". */
export const MATRIX_BODIES: Record<string, unknown | MatrixBody> = {
  [`POST ${W}/coaching-sessions`]: aPm,
  [`PATCH ${W}/coaching-sessions/:sessionId`]: { status: 'held', version: 1 },
  [`POST ${W}/coaching-sessions/:sessionId/items`]: { kind: 'agenda', text: 'Matrix topic' },
  [`PATCH ${W}/coaching-session-items/:itemId`]: { done: true, version: 1 },
  [`POST ${W}/coaching-sessions/:sessionId/notes`]: { kind: 'shared', body: 'Matrix note' },
  [`PATCH ${W}/coaching-notes/:noteId`]: { body: 'Edited', version: 1 },
  [`POST ${W}/coaching-sessions/:sessionId/journal`]: { question: 'What would you try next?' },
  // The admin made the session, so is its coach: the coach rephrases, the coachee answers.
  [`PATCH ${W}/coaching-journal/:journalEntryId`]: { question: 'What would you try first?', version: 1 },
};

/** A fresh session the admin coaches, with a fresh PM. */
async function session({ admin, w, memberOf }: Ctx): Promise<string> {
  const res = await admin.post(`${w}/coaching-sessions`, { coacheeId: await memberOf('pm'), scheduledAt: '2027-02-01T09:00:00Z' });
  return res.json<{ id?: string }>().id ?? '00000000-0000-4000-8000-000000000000';
}

const child = async (ctx: Ctx, path: string, body: unknown) => {
  const sessionId = await session(ctx);
  const res = await ctx.admin.post(`${ctx.w}/coaching-sessions/${sessionId}/${path}`, body);
  return res.json<{ id?: string }>().id ?? '00000000-0000-4000-8000-000000000000';
};

/** Makers of the path parameters this module's routes introduce (see MatrixParam). */
export const MATRIX_PARAMS: Record<string, MatrixParam> = {
  ':sessionId': async (ctx) => ({ ':sessionId': await session(ctx) }),
  ':itemId': async (ctx) => ({ ':itemId': await child(ctx, 'items', { kind: 'action', text: 'Matrix action' }) }),
  ':noteId': async (ctx) => ({ ':noteId': await child(ctx, 'notes', { kind: 'private', body: 'Matrix private note' }) }),
  ':journalEntryId': async (ctx) => ({ ':journalEntryId': await child(ctx, 'journal', { question: 'What did you learn?' }) }),
};
