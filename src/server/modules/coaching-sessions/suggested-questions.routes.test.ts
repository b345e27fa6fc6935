import { beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabase } from '../../test/database.js';
import { addMember, testApp, workspaceFixture } from '../../test/helpers.js';
import { SUGGESTION_SOURCES, suggestQuestions } from './suggested-questions.service.js';

interface Suggestion {
  questionId: string;
  competencyId: string;
  competencyName: string;
  text: string;
  reason: string;
  source: string;
  signalKey: string | null;
}

async function pair() {
  const f = await workspaceFixture();
  const lead = await addMember(f, 'lead', 'Lee Lead');
  const pm = await addMember(f, 'pm', 'Pia PM');
  const session = async (scheduledAt: string) => (await lead.post(`${f.w}/coaching-sessions`, { coacheeId: pm.memberId, scheduledAt })).json<{ id: string }>().id;
  const suggestions = async (id: string, client = lead) => (await client.get(`${f.w}/coaching-sessions/${id}`)).json<{ suggestedQuestions: Suggestion[] }>().suggestedQuestions;
  return { f, lead, pm, session, suggestions };
}

const today = () => new Date().toISOString().slice(0, 10);

describe('suggested questions', () => {
  // Booting the app (migrations included) is setup, not part of the first test's time.
  beforeAll(() => testApp(), 120_000);

  it('suggests at least three questions with their reasons, from weak work signals, for a PM with no history', async () => {
    const { session, suggestions, pm } = await pair();
    const id = await session('2099-01-10T10:00:00Z');
    const got = await suggestions(id);
    expect(got.length).toBeGreaterThanOrEqual(3);
    expect(got.length).toBeLessThanOrEqual(8);
    for (const q of got) {
      expect(q.text).toMatch(/\?$/);
      expect(q.reason.length).toBeGreaterThan(15);
      expect(q.competencyName).not.toBe('');
    }
    // Nothing in Sextant yet: interviews read as zero (their module exists), never as unavailable.
    expect(got.find((q) => q.signalKey === 'interviews')?.reason).toBe('No interviews held in the last 6 weeks');
    expect(new Set(got.map((q) => q.questionId)).size).toBe(got.length);
    // The coachee sees the same suggestions in their session.
    expect((await suggestions(id, pm)).map((q) => q.questionId)).toEqual(got.map((q) => q.questionId));
  });

  it('puts the biggest gap of the latest submitted assessment first, naming its period', async () => {
    const { f, lead, pm, session, suggestions } = await pair();
    const ladder = (await lead.get(`${f.w}/ladders`)).json<{ items: { id: string }[] }>().items[0]!;
    const levels = (await lead.get(`${f.w}/ladders/${ladder.id}/levels`)).json<{ items: { id: string; rank: number }[] }>().items;
    const level = [...levels].sort((a, b) => b.rank - a.rank)[Math.floor(levels.length / 2)]!;
    expect((await lead.request('PUT', `${f.w}/people/${pm.memberId}/level`, { levelId: level.id })).statusCode).toBe(200);
    const assessment = (await lead.post(`${f.w}/people/${pm.memberId}/assessments`, { period: '2027-Q1' })).json<{ id: string }>();
    const sheet = (await lead.get(`${f.w}/assessments/${assessment.id}/ratings`)).json<{
      scale: { min: number };
      competencies: { competencyId: string; key: string; name: string; expected: number | null }[];
    }>();
    const target = sheet.competencies.find((c) => c.key === 'interviewing-users')!;
    expect(target.expected).not.toBeNull();
    const low = Math.max(sheet.scale.min, target.expected! - 2);
    expect(target.expected! - low).toBeGreaterThan(0);
    const ratings = sheet.competencies.map((c) => ({ competencyId: c.competencyId, rating: c.competencyId === target.competencyId ? low : (c.expected ?? sheet.scale.min) }));
    expect((await lead.request('PUT', `${f.w}/assessments/${assessment.id}/ratings`, { side: 'coach', ratings })).statusCode).toBe(200);
    // A draft never counts: nothing is suggested from it yet.
    const id = await session('2099-01-10T10:00:00Z');
    expect((await suggestions(id)).some((q) => q.source === 'gap')).toBe(false);
    expect((await lead.post(`${f.w}/assessments/${assessment.id}/submit`, { side: 'coach' })).statusCode).toBe(200);

    const got = await suggestions(id);
    expect(got[0]).toMatchObject({
      source: 'gap',
      competencyId: target.competencyId,
      competencyName: target.name,
      reason: `Gap of ${target.expected! - low} on ${target.name} in the 2027-Q1 assessment (level expects ${target.expected}, coach rating ${low})`,
    });
    expect(got.length).toBeGreaterThanOrEqual(3);
    expect(got.length).toBeLessThanOrEqual(8);
  });

  it('stops asking about interviews once the PM holds some', async () => {
    const { f, pm, session, suggestions } = await pair();
    for (let i = 0; i < 2; i++) {
      const res = await pm.post(`${f.w}/interviews`, { title: `Churn interview ${i}`, date: today(), notes: 'Why they left' });
      expect(res.statusCode).toBe(201);
    }
    const got = await suggestions(await session('2099-01-10T10:00:00Z'));
    expect(got.some((q) => q.reason === 'No interviews held in the last 6 weeks')).toBe(false);
    expect(got.length).toBeGreaterThanOrEqual(3);
  });

  it('leaves out what was asked in this session and the recent ones', async () => {
    const { f, lead, session, suggestions } = await pair();
    const first = await session('2099-01-10T10:00:00Z');
    const before = await suggestions(first);
    const asked = before[0]!;
    const entry = await lead.post(`${f.w}/coaching-sessions/${first}/journal`, { question: asked.text, questionId: asked.questionId });
    expect(entry.json()).toMatchObject({ questionId: asked.questionId, competencyId: asked.competencyId, competency: { id: asked.competencyId, name: asked.competencyName } });
    const after = await suggestions(first);
    expect(after.map((q) => q.questionId)).not.toContain(asked.questionId);
    expect(after.length).toBeGreaterThanOrEqual(3);
    const next = await session('2099-01-24T10:00:00Z');
    expect((await suggestions(next)).map((q) => q.questionId)).not.toContain(asked.questionId);
  });

  it('keeps suggesting from the other sources when one fails, and logs the failure', async () => {
    const { f, pm, session } = await pair();
    const id = await session('2099-01-10T10:00:00Z');
    const { db } = await testDatabase();
    const warn = vi.fn();
    const boom = () => Promise.reject(new Error('source down'));
    const got = await suggestQuestions(
      db,
      f.workspaceId,
      { id, coacheeId: pm.memberId, scheduledAt: new Date('2099-01-10T10:00:00Z') },
      { warn },
      { sources: { ...SUGGESTION_SOURCES, latestGaps: boom, computeSignals: boom } },
    );
    expect(got.length).toBeGreaterThanOrEqual(3);
    expect(got.every((q) => q.source === 'framework')).toBe(true);
    expect(warn.mock.calls.map(([ctx]) => (ctx as { source: string }).source).sort()).toEqual(['assessments', 'signals']);
    // With the framework gone too, the session still opens, with no suggestions.
    const none = await suggestQuestions(db, f.workspaceId, { id, coacheeId: pm.memberId, scheduledAt: new Date() }, { warn }, { sources: { ...SUGGESTION_SOURCES, defaultFrameworkId: boom } });
    expect(none).toEqual([]);
  });
});
