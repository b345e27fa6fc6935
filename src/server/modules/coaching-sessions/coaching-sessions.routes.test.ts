import { beforeAll, describe, expect, it } from 'vitest';
import { TestClient, addMember, signUp, testApp, workspaceFixture } from '../../test/helpers.js';

interface Item {
  id: string;
  kind: string;
  text: string;
  done: boolean;
  version: number;
  ownerId: string | null;
  carriedFromId: string | null;
  carriedFrom: { sessionId: string; scheduledAt: string } | null;
}
interface Session {
  id: string;
  version: number;
  status: string;
  heldAt: string | null;
  myRole: string;
  coach: { id: string; name: string };
  coachee: { id: string; name: string };
  openActionCount: number;
  openAgendaCount: number;
  carriedOverCount?: number;
  previousSession: { id: string } | null;
  agenda: Item[];
  actions: Item[];
}

async function pair() {
  const f = await workspaceFixture();
  const lead = await addMember(f, 'lead', 'Lee Lead');
  const pm = await addMember(f, 'pm', 'Pia PM');
  return { f, lead, pm };
}

describe('coaching sessions routes', () => {
  // Booting the app (migrations included) is setup, not part of the first test's time.
  beforeAll(() => testApp(), 120_000);

  it('schedules a 1:1 and carries the open items of the previous one over', async () => {
    const { f, lead, pm } = await pair();
    const first = await lead.post(`${f.w}/coaching-sessions`, { coacheeId: pm.memberId, scheduledAt: '2027-01-10T10:00:00Z' });
    expect(first.statusCode).toBe(201);
    const s1 = first.json<Session>();
    expect(s1).toMatchObject({ coach: { id: lead.memberId, name: 'Lee Lead' }, coachee: { id: pm.memberId, name: 'Pia PM' }, status: 'scheduled', myRole: 'coach', carriedOverCount: 0 });

    const add = (body: object) => lead.post(`${f.w}/coaching-sessions/${s1.id}/items`, body);
    const open = (await add({ kind: 'agenda', text: 'Discovery cadence' })).json<Item>();
    const covered = (await add({ kind: 'agenda', text: 'Pricing page' })).json<Item>();
    const action = (await add({ kind: 'action', text: 'Interview five churned customers', ownerId: pm.memberId, dueOn: '2027-01-20' })).json<Item>();
    const doneAction = (await pm.post(`${f.w}/coaching-sessions/${s1.id}/items`, { kind: 'action', text: 'Share the survey', ownerId: pm.memberId })).json<Item>();
    expect(action).toMatchObject({ kind: 'action', ownerId: pm.memberId, done: false, carriedFromId: null });
    expect((await pm.patch(`${f.w}/coaching-session-items/${covered.id}`, { done: true, version: 1 })).json<Item>()).toMatchObject({ done: true, version: 2 });
    expect((await lead.patch(`${f.w}/coaching-session-items/${doneAction.id}`, { done: true, version: 1 })).statusCode).toBe(200);

    const second = (await lead.post(`${f.w}/coaching-sessions`, { coacheeId: pm.memberId, scheduledAt: '2027-01-24T10:00:00Z' })).json<Session>();
    expect(second.carriedOverCount).toBe(2);
    expect(second).toMatchObject({ openAgendaCount: 1, openActionCount: 1 });
    const s2 = (await pm.get(`${f.w}/coaching-sessions/${second.id}`)).json<Session>();
    expect(s2.myRole).toBe('coachee');
    expect(s2.previousSession?.id).toBe(s1.id);
    expect(s2.agenda).toEqual([expect.objectContaining({ text: 'Discovery cadence', done: false, carriedFromId: open.id, carriedFrom: { sessionId: s1.id, scheduledAt: '2027-01-10T10:00:00.000Z' } })]);
    expect(s2.actions).toEqual([expect.objectContaining({ text: 'Interview five churned customers', ownerId: pm.memberId, carriedFromId: action.id })]);
    // The originals stay as they were: the earlier session still reads as it ended.
    const s1Again = (await lead.get(`${f.w}/coaching-sessions/${s1.id}`)).json<Session>();
    expect(s1Again.agenda.map((i) => [i.text, i.done])).toEqual([
      ['Discovery cadence', false],
      ['Pricing page', true],
    ]);

    // A session scheduled between the two carries from the one before it, not from a later one.
    const between = (await lead.post(`${f.w}/coaching-sessions`, { coacheeId: pm.memberId, scheduledAt: '2027-01-17T10:00:00Z' })).json<Session>();
    const b = (await lead.get(`${f.w}/coaching-sessions/${between.id}`)).json<Session>();
    expect(b.agenda.map((i) => i.carriedFromId)).toEqual([open.id]);
    // Another coach's sessions with the same PM are another pair.
    const lead2 = await addMember(f, 'lead', 'Lou Lead');
    expect((await lead2.post(`${f.w}/coaching-sessions`, { coacheeId: pm.memberId, scheduledAt: '2027-02-01T10:00:00Z' })).json<Session>().carriedOverCount).toBe(0);
  });

  it('lists only the caller’s own sessions, filtered by person, status and time', async () => {
    const { f, lead, pm } = await pair();
    const pm2 = await addMember(f, 'pm', 'Otto PM');
    const past = (await lead.post(`${f.w}/coaching-sessions`, { coacheeId: pm.memberId, scheduledAt: '2025-01-10T10:00:00Z' })).json<Session>();
    const future = (await lead.post(`${f.w}/coaching-sessions`, { coacheeId: pm.memberId, scheduledAt: '2099-01-10T10:00:00Z' })).json<Session>();
    const other = (await lead.post(`${f.w}/coaching-sessions`, { coacheeId: pm2.memberId, scheduledAt: '2099-02-10T10:00:00Z' })).json<Session>();
    await f.admin.post(`${f.w}/coaching-sessions`, { coacheeId: pm2.memberId, scheduledAt: '2099-03-10T10:00:00Z' });
    const ids = async (client: TestClient, q = '') => (await client.get(`${f.w}/coaching-sessions${q}`)).json<{ items: Session[] }>().items.map((s) => s.id);

    expect(await ids(lead)).toEqual([other.id, future.id, past.id]);
    expect(await ids(pm)).toEqual([future.id, past.id]);
    expect(await ids(lead, `?personId=${pm.memberId}`)).toEqual([future.id, past.id]);
    expect(await ids(lead, '?when=upcoming')).toEqual([future.id, other.id]);
    expect(await ids(lead, '?when=past')).toEqual([past.id]);
    await lead.patch(`${f.w}/coaching-sessions/${past.id}`, { status: 'held', version: 1 });
    expect(await ids(lead, '?status=held')).toEqual([past.id]);
    // The admin sees their own session only, never the lead's.
    expect((await ids(f.admin)).length).toBe(1);
    expect(await ids(pm2)).not.toContain(future.id);
    expect((await lead.get(`${f.w}/coaching-sessions?limit=1&offset=1`)).json<{ total: number; items: Session[] }>()).toMatchObject({ total: 3, items: [{ id: future.id }] });
  });

  it('records a held session, rejects stale versions, and lets only the coach delete', async () => {
    const { f, lead, pm } = await pair();
    const s = (await lead.post(`${f.w}/coaching-sessions`, { coacheeId: pm.memberId, scheduledAt: '2027-01-10T10:00:00Z' })).json<Session>();
    const url = `${f.w}/coaching-sessions/${s.id}`;
    const held = await pm.patch(url, { status: 'held', version: 1 });
    expect(held.statusCode).toBe(200);
    expect(held.json<Session>().heldAt).not.toBeNull();
    expect((await lead.patch(url, { scheduledAt: '2027-01-11T10:00:00Z', version: 1 })).statusCode).toBe(409);
    const moved = (await lead.patch(url, { scheduledAt: '2027-01-11T10:00:00Z', status: 'scheduled', version: 2 })).json<Session & { scheduledAt: string }>();
    expect(moved).toMatchObject({ scheduledAt: '2027-01-11T10:00:00.000Z', status: 'scheduled', heldAt: null, version: 3 });
    expect((await lead.patch(url, { status: 'held' })).json<{ field: string }>().field).toBe('version');

    const refused = await pm.delete(url);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: 'sessionId' });
    expect((await lead.delete(url)).statusCode).toBe(204);
    expect((await lead.get(url)).statusCode).toBe(404);
    const log = (await f.admin.get(`${f.w}/audit-log?limit=100`)).json<{ items: { action: string; summary: string }[] }>().items;
    expect(log.find((e) => e.action === 'coaching-session.delete')?.summary).toBe('Deleted the 1:1 of Lee Lead with Pia PM on 2027-01-11');
  });

  it('validates input, naming the field', async () => {
    const { f, lead, pm } = await pair();
    const other = await workspaceFixture();
    const stranger = (await other.admin.get(`${other.w}/members`)).json<{ items: { id: string }[] }>().items[0]!.id;
    const viewer = await addMember(f, 'viewer');
    const base = `${f.w}/coaching-sessions`;
    const field = async (body: object, client = lead) => {
      const res = await client.post(base, body);
      expect(res.statusCode).toBe(400);
      return res.json<{ field: string; message: string }>();
    };
    expect((await field({ coacheeId: pm.memberId, scheduledAt: 'next Tuesday' })).field).toBe('scheduledAt');
    expect((await field({ scheduledAt: '2027-01-10T10:00:00Z' })).field).toBe('coacheeId');
    expect(await field({ coacheeId: stranger, scheduledAt: '2027-01-10T10:00:00Z' })).toMatchObject({ field: 'coacheeId', message: 'coacheeId: is not a member of this workspace' });
    expect(await field({ coacheeId: lead.memberId, scheduledAt: '2027-01-10T10:00:00Z' })).toMatchObject({ field: 'coacheeId', message: 'coacheeId: must be someone you coach, not yourself' });
    expect((await field({ coacheeId: viewer.memberId, scheduledAt: '2027-01-10T10:00:00Z' })).message).toMatch(/no access to coaching/);

    const s = (await lead.post(base, { coacheeId: pm.memberId, scheduledAt: '2027-01-10T10:00:00Z' })).json<Session>();
    const items = `${base}/${s.id}/items`;
    expect((await lead.post(items, { kind: 'topic', text: 'x' })).json<{ field: string }>().field).toBe('kind');
    expect((await lead.post(items, { kind: 'agenda', text: '   ' })).json<{ field: string }>().field).toBe('text');
    expect((await lead.post(items, { kind: 'action', text: 'x', dueOn: '2027-02-30' })).json<{ field: string }>().field).toBe('dueOn');
    const owner = await lead.post(items, { kind: 'action', text: 'x', ownerId: viewer.memberId });
    expect(owner.json()).toEqual({ code: 'validation_failed', message: 'ownerId: must be the coach or the coachee of this session', field: 'ownerId' });
    expect((await lead.patch(`${base}/${s.id}`, { status: 'done', version: 1 })).json<{ field: string }>().field).toBe('status');
    const item = (await lead.post(items, { kind: 'action', text: 'x' })).json<Item>();
    expect((await lead.patch(`${f.w}/coaching-session-items/${item.id}`, { done: true, version: 7 })).statusCode).toBe(409);
  });

  it('answers 404 to everyone who does not take part, on every session route', async () => {
    const { f, lead, pm } = await pair();
    const s = (await lead.post(`${f.w}/coaching-sessions`, { coacheeId: pm.memberId, scheduledAt: '2027-01-10T10:00:00Z' })).json<Session>();
    const item = (await lead.post(`${f.w}/coaching-sessions/${s.id}/items`, { kind: 'agenda', text: 'Roadmap trade-offs' })).json<Item>();
    const entry = (await lead.post(`${f.w}/coaching-sessions/${s.id}/journal`, { question: 'What would you cut?' })).json<{ id: string }>();
    const note = (await lead.post(`${f.w}/coaching-sessions/${s.id}/notes`, { kind: 'shared', body: 'Agreed to revisit' })).json<{ id: string }>();
    const others = { admin: f.admin, lead: await addMember(f, 'lead'), pm: await addMember(f, 'pm'), outsider: await signUp(f.app) };
    const one = `${f.w}/coaching-sessions/${s.id}`;
    for (const [who, client] of Object.entries(others)) {
      const calls = [
        client.get(one),
        client.patch(one, { status: 'cancelled', version: 1 }),
        client.delete(one),
        client.post(`${one}/items`, { kind: 'agenda', text: 'x' }),
        client.patch(`${f.w}/coaching-session-items/${item.id}`, { done: true, version: 1 }),
        client.delete(`${f.w}/coaching-session-items/${item.id}`),
        client.get(`${one}/notes`),
        client.post(`${one}/notes`, { kind: 'shared', body: 'x' }),
        client.patch(`${f.w}/coaching-notes/${note.id}`, { body: 'x', version: 1 }),
        client.delete(`${f.w}/coaching-notes/${note.id}`),
        client.post(`${one}/journal`, { question: 'x' }),
        client.patch(`${f.w}/coaching-journal/${entry.id}`, { question: 'x', version: 1 }),
        client.delete(`${f.w}/coaching-journal/${entry.id}`),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.statusCode, `${who}: ${res.body}`).toBe(404);
        expect(res.body).not.toContain('Roadmap');
      }
    }
    expect((await new TestClient(f.app).get(one)).statusCode).toBe(401);
    // Nothing changed: the participants still see it as it was.
    const still = (await pm.get(one)).json<Session>();
    expect(still).toMatchObject({ status: 'scheduled', version: 1, agenda: [{ id: item.id, done: false }] });
  });

  it('audits reads by naming the session, and item changes without their words', async () => {
    const { f, lead, pm } = await pair();
    const s = (await lead.post(`${f.w}/coaching-sessions`, { coacheeId: pm.memberId, scheduledAt: '2027-01-10T10:00:00Z' })).json<Session>();
    const item = (await pm.post(`${f.w}/coaching-sessions/${s.id}/items`, { kind: 'agenda', text: 'Imposter syndrome at the exec review' })).json<Item>();
    await pm.patch(`${f.w}/coaching-session-items/${item.id}`, { text: 'Exec review nerves', version: 1 });
    await pm.get(`${f.w}/coaching-sessions/${s.id}`);
    await lead.get(`${f.w}/coaching-sessions`);
    const log = (await f.admin.get(`${f.w}/audit-log?limit=100`)).json<{ items: { action: string; kind?: string; entityId: string | null; summary: string; actorName: string }[] }>().items;
    expect(JSON.stringify(log)).not.toMatch(/Imposter|nerves/);
    expect(log.find((e) => e.action === 'coaching-session.read' && e.entityId === s.id)).toMatchObject({ actorName: 'Pia PM', summary: 'Viewed the 1:1 of Lee Lead with Pia PM on 2027-01-10' });
    expect(log.find((e) => e.action === 'coaching-session.list')).toMatchObject({ actorName: 'Lee Lead', summary: 'Listed their 1:1s' });
    expect(log.find((e) => e.action === 'coaching-session-item.update')?.summary).toBe('Edited an agenda item of the 1:1 of Lee Lead with Pia PM on 2027-01-10 (text)');
  });
});
