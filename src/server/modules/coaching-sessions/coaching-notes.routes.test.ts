import { beforeAll, describe, expect, it } from 'vitest';
import { TestClient, addMember, testApp, workspaceFixture } from '../../test/helpers.js';

interface Note {
  id: string;
  kind: string;
  body: string;
  mine: boolean;
  version: number;
  author: { id: string; name: string };
}

describe('coaching notes', () => {
  // Booting the app (migrations included) is setup, not part of the first test's time.
  beforeAll(() => testApp(), 120_000);

  it('keeps each private note to its author on every route, for every other caller', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead', 'Lee Lead');
    const pm = await addMember(f, 'pm', 'Pia PM');
    const otherPm = await addMember(f, 'pm', 'Otto PM');
    const otherLead = await addMember(f, 'lead', 'Lou Lead');
    const token = (await pm.post('/api/v1/me/tokens', { name: 'scripts' })).json<{ token: string }>().token;
    const pmToken = Object.assign(new TestClient(f.app), { bearer: token });
    const stamp = Date.now().toString(36);
    const coachSecret = `coach-only-${stamp}`;
    const pmSecret = `pm-only-${stamp}`;
    const shared = `shared-${stamp}`;

    const s = (await lead.post(`${f.w}/coaching-sessions`, { coacheeId: pm.memberId, scheduledAt: '2027-01-10T10:00:00Z' })).json<{ id: string }>();
    const url = `${f.w}/coaching-sessions/${s.id}`;
    const coachNote = await lead.post(`${url}/notes`, { kind: 'private', body: coachSecret });
    expect(coachNote.statusCode).toBe(201);
    expect(coachNote.json<Note>()).toMatchObject({ kind: 'private', mine: true, body: coachSecret, author: { id: lead.memberId, name: 'Lee Lead' } });
    // The coachee keeps private notes of their own, which the coach never sees.
    const pmNote = (await pm.post(`${url}/notes`, { kind: 'private', body: pmSecret })).json<Note>();
    await lead.post(`${url}/notes`, { kind: 'shared', body: shared });
    // A journal entry and a later session, so the journal and the carried-over session are walked too.
    const entry = (await lead.post(`${url}/journal`, { question: 'What did the churned customers have in common?' })).json<{ id: string }>();
    await pm.patch(`${f.w}/coaching-journal/${entry.id}`, { answer: 'They all came through the partner channel', version: 1 });

    const paths = [url, `${url}/notes`, `${f.w}/coaching-sessions`, `${f.w}/coaching-sessions?personId=${pm.memberId}`, `${f.w}/coaching/journal`, `${f.w}/coaching/journal?personId=${pm.memberId}`, `${f.w}/audit-log?limit=200`];
    const read = async (client: TestClient) => (await Promise.all(paths.map((p) => client.get(p)))).map((r) => r.body).join('\n');

    const coachSees = await read(lead);
    expect(coachSees).toContain(coachSecret);
    expect(coachSees).toContain(shared);
    expect(coachSees).not.toContain(pmSecret);
    for (const pmClient of [pm, pmToken]) {
      const pmSees = await read(pmClient);
      expect(pmSees).toContain(pmSecret);
      expect(pmSees).toContain(shared);
      expect(pmSees).not.toContain(coachSecret);
    }
    for (const [who, client] of [['admin', f.admin], ['other pm', otherPm], ['other lead', otherLead]] as const) {
      const seen = await read(client);
      for (const secret of [coachSecret, pmSecret, shared]) expect(seen.includes(secret), `${who} read ${secret}`).toBe(false);
    }

    const notes = (await pm.get(`${url}/notes`)).json<{ items: Note[]; total: number }>();
    expect(notes.items.map((n) => [n.kind, n.mine])).toEqual([
      ['private', true],
      ['shared', false],
    ]);
    // Only the author edits or deletes a note; the other participant and the admin get 404.
    const coachNoteId = coachNote.json<Note>().id;
    expect((await pm.patch(`${f.w}/coaching-notes/${coachNoteId}`, { body: 'x', version: 1 })).statusCode).toBe(404);
    expect((await f.admin.delete(`${f.w}/coaching-notes/${coachNoteId}`)).statusCode).toBe(404);
    expect((await lead.patch(`${f.w}/coaching-notes/${pmNote.id}`, { body: 'x', version: 1 })).statusCode).toBe(404);
    const edited = await pm.patch(`${f.w}/coaching-notes/${pmNote.id}`, { body: `${pmSecret} and more`, version: 1 });
    expect(edited.json<Note>()).toMatchObject({ body: `${pmSecret} and more`, version: 2 });
    expect((await pm.patch(`${f.w}/coaching-notes/${pmNote.id}`, { body: 'stale', version: 1 })).statusCode).toBe(409);
    expect((await pm.delete(`${f.w}/coaching-notes/${pmNote.id}`)).statusCode).toBe(204);
    expect((await pm.get(`${url}/notes`)).body).not.toContain(pmSecret);

    // The audit log knows that notes were written and read, never what they say.
    const log = (await f.admin.get(`${f.w}/audit-log?limit=200`)).json<{ items: { action: string; summary: string; changes: unknown }[] }>().items;
    const noteEntries = log.filter((e) => e.action.startsWith('coaching-note.'));
    expect(noteEntries.map((e) => e.action).sort()).toEqual(expect.arrayContaining(['coaching-note.create', 'coaching-note.update', 'coaching-note.delete', 'coaching-note.list']));
    expect(noteEntries.every((e) => e.changes === null)).toBe(true);
    expect(log.find((e) => e.action === 'coaching-note.create')?.summary).toMatch(/^Added a (private|shared) note to the 1:1 of Lee Lead with Pia PM on 2027-01-10$/);
  });

  it('validates notes, naming the field', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead');
    const pm = await addMember(f, 'pm');
    const s = (await lead.post(`${f.w}/coaching-sessions`, { coacheeId: pm.memberId, scheduledAt: '2027-01-10T10:00:00Z' })).json<{ id: string }>();
    const url = `${f.w}/coaching-sessions/${s.id}/notes`;
    expect((await lead.post(url, { kind: 'secret', body: 'x' })).json<{ field: string }>().field).toBe('kind');
    const empty = await lead.post(url, { kind: 'shared', body: ' ' });
    expect(empty.json()).toEqual({ code: 'validation_failed', message: 'body: must not be empty', field: 'body' });
    expect((await lead.post(url, { kind: 'shared', body: 'x'.repeat(20_001) })).json<{ field: string }>().field).toBe('body');
    const note = (await lead.post(url, { kind: 'shared', body: 'ok' })).json<Note>();
    expect((await lead.patch(`${f.w}/coaching-notes/${note.id}`, { body: 'edited' })).json<{ field: string }>().field).toBe('version');
  });
});
