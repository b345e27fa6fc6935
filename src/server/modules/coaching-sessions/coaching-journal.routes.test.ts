import { beforeAll, describe, expect, it } from 'vitest';
import { TestClient, addMember, testApp, workspaceFixture } from '../../test/helpers.js';

interface Entry {
  id: string;
  sessionId: string;
  question: string;
  answer: string;
  answeredAt: string | null;
  version: number;
}
interface Hit extends Entry {
  headline: string | null;
  session: { id: string; scheduledAt: string; coach: { name: string }; coachee: { name: string } };
}

async function setup() {
  const f = await workspaceFixture();
  const lead = await addMember(f, 'lead', 'Lee Lead');
  const pm = await addMember(f, 'pm', 'Pia PM');
  const pm2 = await addMember(f, 'pm', 'Otto PM');
  const session = async (coacheeId: string, scheduledAt: string) =>
    (await lead.post(`${f.w}/coaching-sessions`, { coacheeId, scheduledAt })).json<{ id: string }>().id;
  return { f, lead, pm, pm2, session };
}

describe('reasoning journal', () => {
  // Booting the app (migrations included) is setup, not part of the first test's time.
  beforeAll(() => testApp(), 120_000);

  it('keeps the questions asked and the coachee’s answers, each side editing its own field', async () => {
    const { f, lead, pm, session } = await setup();
    const s = await session(pm.memberId, '2027-01-10T10:00:00Z');
    const asked = await lead.post(`${f.w}/coaching-sessions/${s}/journal`, { question: 'How do you know the churned customers wanted this?' });
    expect(asked.statusCode).toBe(201);
    const entry = asked.json<Entry>();
    expect(entry).toMatchObject({ sessionId: s, answer: '', answeredAt: null, version: 1 });
    const url = `${f.w}/coaching-journal/${entry.id}`;

    const coachAnswers = await lead.patch(url, { answer: 'They said so', version: 1 });
    expect(coachAnswers.statusCode).toBe(400);
    expect(coachAnswers.json<{ field: string }>().field).toBe('answer');
    expect((await pm.patch(url, { question: 'Something easier?', version: 1 })).json<{ field: string }>().field).toBe('question');

    const answered = (await pm.patch(url, { answer: 'Mostly from support tickets, not interviews', version: 1 })).json<Entry>();
    expect(answered).toMatchObject({ answer: 'Mostly from support tickets, not interviews', version: 2 });
    expect(answered.answeredAt).not.toBeNull();
    expect((await pm.patch(url, { answer: 'stale', version: 1 })).statusCode).toBe(409);
    expect((await lead.patch(url, { question: 'How do you know what the churned customers wanted?', version: 2 })).json<Entry>().question).toBe(
      'How do you know what the churned customers wanted?',
    );
    const detail = (await pm.get(`${f.w}/coaching-sessions/${s}`)).json<{ journal: Entry[]; journalCount: number }>();
    expect(detail.journal.map((j) => j.answer)).toEqual(['Mostly from support tickets, not interviews']);
    expect(detail.journalCount).toBe(1);

    // Only the coach removes a question, since the answer goes with it.
    expect((await pm.delete(url)).json<{ field: string }>().field).toBe('journalEntryId');
    expect((await lead.delete(url)).statusCode).toBe(204);
    expect((await pm.get(`${f.w}/coaching-sessions/${s}`)).json<{ journal: Entry[] }>().journal).toEqual([]);
  });

  it('validates the bank question and the competency, naming the field', async () => {
    const { f, lead, pm, session } = await setup();
    const s = await session(pm.memberId, '2027-01-10T10:00:00Z');
    const url = `${f.w}/coaching-sessions/${s}/journal`;
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await lead.post(url, { question: '' })).json<{ field: string }>().field).toBe('question');
    expect((await lead.post(url, { question: 'x'.repeat(1_001) })).json<{ field: string }>().field).toBe('question');
    expect((await lead.post(url, { question: 'Why?', questionId: unknown })).json()).toEqual({
      code: 'validation_failed',
      message: 'questionId: is not a question of this workspace’s bank',
      field: 'questionId',
    });
    expect((await lead.post(url, { question: 'Why?', competencyId: unknown })).json<{ field: string }>().field).toBe('competencyId');
    expect((await lead.post(url, { question: 'Why?', competencyId: 'nope' })).json<{ field: string }>().field).toBe('competencyId');
  });

  it('searches answers across sessions, newest first, for participants only and never across people', async () => {
    const { f, lead, pm, pm2, session } = await setup();
    const ask = async (sessionId: string, question: string, answer: string, client = pm) => {
      const e = (await lead.post(`${f.w}/coaching-sessions/${sessionId}/journal`, { question })).json<Entry>();
      if (answer) await client.patch(`${f.w}/coaching-journal/${e.id}`, { answer, version: 1 });
      return e.id;
    };
    const jan = await session(pm.memberId, '2027-01-10T10:00:00Z');
    const feb = await session(pm.memberId, '2027-02-10T10:00:00Z');
    const other = await session(pm2.memberId, '2027-02-12T10:00:00Z');
    const early = await ask(jan, 'How do you decide what to build next?', 'Whoever shouts loudest, honestly');
    const later = await ask(feb, 'How do you decide what to build next?', 'I weigh the evidence from interviews against our pillars');
    await ask(feb, 'What would you stop doing?', '');
    await ask(other, 'How do you decide what to build next?', 'Interviews and a scoring model', pm2);

    const search = async (client: TestClient, q: string) => (await client.get(`${f.w}/coaching/journal${q}`)).json<{ items: Hit[]; total: number }>();
    const mine = await search(pm, '');
    expect(mine.items.map((h) => h.id)).toEqual([later, expect.any(String), early]);
    expect(mine.items[0]!.session).toMatchObject({ id: feb, scheduledAt: '2027-02-10T10:00:00.000Z', coach: { name: 'Lee Lead' }, coachee: { name: 'Pia PM' } });

    const found = await search(pm, '?q=interviews');
    expect(found.items.map((h) => h.id)).toEqual([later]);
    expect(found.items[0]!.headline).toContain('«interviews»');
    // Stemming: "shouting" finds "shouts".
    expect((await search(pm, '?q=shouting')).items.map((h) => h.id)).toEqual([early]);
    // The coach searches across their PMs, or one of them; another PM never sees Pia's answers.
    expect((await search(lead, '?q=interviews')).total).toBe(2);
    expect((await search(lead, `?q=interviews&personId=${pm.memberId}`)).items.map((h) => h.id)).toEqual([later]);
    expect((await search(pm2, '?q=evidence')).items).toEqual([]);
    expect((await search(pm2, `?personId=${pm.memberId}`)).items).toEqual([]);
    expect((await search(f.admin, `?personId=${pm.memberId}`)).items).toEqual([]);
    // Stop words only: nothing to match, no error.
    expect((await search(pm, '?q=the')).items).toEqual([]);
    expect((await pm.get(`${f.w}/coaching/journal?personId=nope`)).json<{ field: string }>().field).toBe('personId');

    // Reads are audited without the search words.
    const log = (await f.admin.get(`${f.w}/audit-log?limit=200`)).json<{ items: { action: string; summary: string }[] }>().items;
    const reads = log.filter((e) => e.action === 'coaching-journal.search');
    expect(reads.length).toBeGreaterThan(0);
    expect(JSON.stringify(reads)).not.toMatch(/interviews|shouting|evidence/);
    expect(reads.some((e) => e.summary === 'Read the reasoning journal of Pia PM')).toBe(true);
  });
});
