import { beforeAll, describe, expect, it } from 'vitest';
import { TestClient, addMember, signUp, uniqueEmail, workspaceFixture, type Fixture } from './helpers.js';

/**
 * The privacy matrix of coaching (issue 5), through the HTTP API. Private notes, draft assessment sides,
 * private growth plans and the reasoning journal carry unique marker strings; every GET route of the API
 * (coaching, audit log, export, search, notifications…) is called by every kind of caller, and a
 * marker may appear only in answers to those allowed to read it. New GET routes are covered as they are
 * registered; a coaching route whose path parameters this test cannot fill fails it.
 */
type Caller = 'admin' | 'lead' | 'other-lead' | 'pm' | 'pm-token' | 'other-pm' | 'contributor' | 'viewer' | 'outsider' | 'anonymous';

const stamp = Date.now().toString(36);
const SECRET = {
  coachNote: `COACH-PRIVATE-${stamp}`,
  pmNote: `PM-PRIVATE-${stamp}`,
  coachDraft: `COACH-DRAFT-${stamp}`,
  selfDraft: `SELF-DRAFT-${stamp}`,
  privatePlan: `PRIVATE-PLAN-${stamp}`,
  sharedNote: `SHARED-NOTE-${stamp}`,
  answer: `JOURNAL-ANSWER-${stamp}`,
};
type Secret = keyof typeof SECRET;

/** Who may read each marker. The coachee reads through a session and through their own API token alike. */
const READERS: Record<Secret, Caller[]> = {
  coachNote: ['lead'],
  pmNote: ['pm', 'pm-token'],
  coachDraft: ['lead'],
  selfDraft: ['pm', 'pm-token'],
  privatePlan: ['lead', 'pm', 'pm-token'],
  sharedNote: ['lead', 'pm', 'pm-token'],
  answer: ['lead', 'pm', 'pm-token'],
};

const COACHING_URL = /coaching|assessment|growth|learning|people|ladders|frameworks|competencies|questions/;

describe('coaching privacy', () => {
  let f: Fixture;
  const clients = new Map<Caller, TestClient>();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    f = await workspaceFixture('Privacy');
    const lead = await addMember(f, 'lead', 'Lee Lead');
    const otherLead = await addMember(f, 'lead', 'Lou Lead');
    const pm = await addMember(f, 'pm', 'Pia PM');
    const otherPm = await addMember(f, 'pm', 'Otto PM');
    const token = (await pm.post('/api/v1/me/tokens', { name: 'scripts' })).json<{ token: string }>().token;
    const pmToken = Object.assign(new TestClient(f.app), { bearer: token });
    const outsider = await signUp(f.app, 'Olga Outsider', uniqueEmail('outsider'));
    await outsider.post('/api/v1/workspaces', { name: 'Elsewhere' });
    clients.set('admin', f.admin);
    clients.set('lead', lead);
    clients.set('other-lead', otherLead);
    clients.set('pm', pm);
    clients.set('pm-token', pmToken);
    clients.set('other-pm', otherPm);
    clients.set('contributor', await addMember(f, 'contributor'));
    clients.set('viewer', await addMember(f, 'viewer'));
    clients.set('outsider', outsider);
    clients.set('anonymous', new TestClient(f.app));
    ids.personId = pm.memberId;
    const ok = <T>(res: { statusCode: number; body: string; json: <U>() => U }, what: string): T => {
      if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
      return res.json<T>();
    };

    // A session with a private note each, a shared note, and a journal answer.
    ids.sessionId = ok<{ id: string }>(await lead.post(`${f.w}/coaching-sessions`, { coacheeId: pm.memberId, scheduledAt: '2027-01-10T10:00:00Z' }), 'session').id;
    const s = `${f.w}/coaching-sessions/${ids.sessionId}`;
    ids.noteId = ok<{ id: string }>(await lead.post(`${s}/notes`, { kind: 'private', body: SECRET.coachNote }), 'coach note').id;
    ok(await pm.post(`${s}/notes`, { kind: 'private', body: SECRET.pmNote }), 'pm note');
    ok(await lead.post(`${s}/notes`, { kind: 'shared', body: SECRET.sharedNote }), 'shared note');
    ids.itemId = ok<{ id: string }>(await lead.post(`${s}/items`, { kind: 'agenda', text: 'Discovery cadence' }), 'item').id;
    const entry = ok<{ id: string; version: number }>(await lead.post(`${s}/journal`, { question: 'How did you learn why they asked for this?' }), 'journal');
    ids.journalEntryId = entry.id;
    ok(await pm.patch(`${f.w}/coaching-journal/${entry.id}`, { answer: `From three interviews: ${SECRET.answer}`, version: entry.version }), 'answer');

    // An assessment with both sides in draft, each with evidence only its author may read.
    ids.assessmentId = ok<{ id: string }>(await lead.post(`${f.w}/people/${pm.memberId}/assessments`, { period: '2027-Q1' }), 'assessment').id;
    const sheet = ok<{ competencies: { competencyId: string }[] }>(await lead.get(`${f.w}/assessments/${ids.assessmentId}/ratings`), 'ratings');
    const competencyId = sheet.competencies[0]!.competencyId;
    ok(await lead.request('PUT', `${f.w}/assessments/${ids.assessmentId}/ratings`, { side: 'coach', ratings: [{ competencyId, rating: 2, evidence: SECRET.coachDraft }] }), 'coach draft');
    ok(await pm.request('PUT', `${f.w}/assessments/${ids.assessmentId}/ratings`, { side: 'self', ratings: [{ competencyId, rating: 4, evidence: SECRET.selfDraft }] }), 'self draft');

    // A private growth plan with a goal, and a learning entry.
    ids.planId = ok<{ id: string }>(await lead.post(`${f.w}/growth-plans`, { personId: pm.memberId, title: SECRET.privatePlan, private: true }), 'plan').id;
    ids.goalId = ok<{ id: string }>(await lead.post(`${f.w}/growth-plans/${ids.planId}/goals`, { title: 'Run a pricing experiment' }), 'goal').id;
    ids.learningEntryId = ok<{ id: string }>(
      await pm.post(`${f.w}/learning`, { resource: 'Continuous Discovery Habits', type: 'book', takeaway: 'Interview weekly', learnedOn: '2026-11-01' }),
      'learning',
    ).id;
    const ladders = ok<{ items: { id: string }[] }>(await lead.get(`${f.w}/ladders`), 'ladders').items;
    ids.ladderId = ladders[0]!.id;
    ids.levelId = ok<{ items: { id: string }[] }>(await lead.get(`${f.w}/ladders/${ids.ladderId}/levels`), 'levels').items[0]!.id;
    ids.frameworkId = ok<{ items: { id: string }[] }>(await lead.get(`${f.w}/frameworks`), 'frameworks').items[0]!.id;
    ids.competencyId = competencyId;
  }, 120_000);

  /** The path with every parameter filled, or null when it names one this test does not know. */
  function fill(url: string): string | null {
    let path = url.replace(':workspaceId', f.workspaceId);
    for (const [name, id] of Object.entries(ids)) path = path.replaceAll(`:${name}`, id);
    return path.includes(':') ? null : path;
  }

  it('never shows a private marker to anyone but its readers, on any GET route', async () => {
    const leaks: string[] = [];
    const unfilled: string[] = [];
    let walked = 0;
    const gets = f.app.apiRoutes.filter((r) => r.method === 'GET');
    for (const route of gets) {
      const base = fill(route.url);
      if (!base) {
        if (COACHING_URL.test(route.url)) unfilled.push(route.url);
        continue;
      }
      walked++;
      const queries = ['', `?personId=${ids.personId}`, `?personId=${ids.personId}&q=${encodeURIComponent(stamp)}`];
      for (const [caller, client] of clients) {
        for (const q of queries) {
          const res = await client.get(base + q);
          for (const [secret, marker] of Object.entries(SECRET) as [Secret, string][]) {
            if (res.body.includes(marker) && !READERS[secret].includes(caller)) leaks.push(`${caller} read ${secret} at GET ${base}${q}`);
          }
        }
      }
    }
    expect(unfilled).toEqual([]);
    expect(leaks).toEqual([]);
    expect(walked).toBeGreaterThan(40);
  }, 600_000);

  it('shows each marker to its readers where they look for it', async () => {
    const s = `${f.w}/coaching-sessions/${ids.sessionId}`;
    const body = async (caller: Caller, url: string) => (await clients.get(caller)!.get(url)).body;
    expect(await body('lead', s)).toContain(SECRET.coachNote);
    expect(await body('lead', s)).toContain(SECRET.sharedNote);
    expect(await body('pm', s)).toContain(SECRET.pmNote);
    expect(await body('pm-token', `${s}/notes`)).toContain(SECRET.pmNote);
    expect(await body('pm', `${s}/notes`)).toContain(SECRET.sharedNote);
    expect(await body('lead', `${f.w}/assessments/${ids.assessmentId}/ratings`)).toContain(SECRET.coachDraft);
    expect(await body('pm', `${f.w}/assessments/${ids.assessmentId}/ratings`)).toContain(SECRET.selfDraft);
    expect(await body('pm', `${f.w}/growth-plans/${ids.planId}`)).toContain(SECRET.privatePlan);
    expect(await body('lead', `${f.w}/coaching/journal?personId=${ids.personId}&q=interviews`)).toContain(SECRET.answer);
  });

  it('answers 404 to those who may not see a record, and 401 to the anonymous', async () => {
    const s = `${f.w}/coaching-sessions/${ids.sessionId}`;
    for (const caller of ['admin', 'other-lead', 'other-pm'] as Caller[]) expect((await clients.get(caller)!.get(s)).statusCode, caller).toBe(404);
    for (const caller of ['admin', 'other-pm'] as Caller[]) expect((await clients.get(caller)!.get(`${f.w}/growth-plans/${ids.planId}`)).statusCode, caller).toBe(404);
    expect((await clients.get('other-pm')!.get(`${f.w}/coaching/insights?personId=${ids.personId}`)).statusCode).toBe(404);
    expect((await clients.get('other-pm')!.get(`${f.w}/assessments/${ids.assessmentId}`)).statusCode).toBe(404);
    expect((await clients.get('anonymous')!.get(s)).statusCode).toBe(401);
    expect((await clients.get('outsider')!.get(s)).statusCode).toBe(404);
    // Nor can anyone else change or delete a private note.
    expect((await clients.get('pm')!.patch(`${f.w}/coaching-notes/${ids.noteId}`, { body: 'overwritten', version: 1 })).statusCode).toBe(404);
    expect((await clients.get('admin')!.delete(`${f.w}/coaching-notes/${ids.noteId}`)).statusCode).toBe(404);
    expect((await clients.get('lead')!.get(s)).body).toContain(SECRET.coachNote);
  });

  it('audits reads of coaching data, naming the record and never its content', async () => {
    await clients.get('pm-token')!.get(`${f.w}/coaching-sessions/${ids.sessionId}`);
    const log = (await f.admin.get(`${f.w}/audit-log?limit=200`)).json<{ items: { kind: string; entityId: string | null; actorName: string; summary: string }[] }>().items;
    const reads = log.filter((e) => e.kind === 'read');
    expect(reads.some((e) => e.entityId === ids.sessionId && e.actorName === 'Pia PM')).toBe(true);
    expect(reads.some((e) => e.entityId === ids.assessmentId)).toBe(true);
    for (const marker of Object.values(SECRET)) expect(JSON.stringify(log)).not.toContain(marker);
  });
});
