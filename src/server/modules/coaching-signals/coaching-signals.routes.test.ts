import { beforeAll, describe, expect, it } from 'vitest';
import type { CoachingInsightsResponse, CoachingSignalsResponse } from '../../../shared/contracts.js';
import { SIGNAL_KEYS } from '../../../shared/coaching.js';
import { testDatabase } from '../../test/database.js';
import { TestClient, addMember, workspaceFixture, type Fixture } from '../../test/helpers.js';
import { REQUIREMENTS_TEMPLATE } from '../features/features.template.js';
import { QUARTER, insertInterviewRow, insertRevisedRequirementsFeature, readAuditRowsAbout, seedSignalsWorld, type SignalsWorld } from './signals.fixtures.js';
import { addDays, isoDay } from './signals.rules.js';
import { flushReads } from '../audit/audit.service.js';

describe('coaching signals and insights routes', () => {
  let f: Fixture;
  let world: SignalsWorld;
  let lead: Awaited<ReturnType<typeof addMember>>;
  const signalsOf = (personId: string, extra = `&from=${QUARTER.from}&to=${QUARTER.to}`) => `${f.w}/coaching/signals?personId=${personId}${extra}`;

  beforeAll(async () => {
    f = await workspaceFixture('Signals routes');
    world = await seedSignalsWorld(f);
    lead = await addMember(f, 'lead', 'Lee Lead');
  });

  it('gives the lead exact counts, the previous period and named competencies', async () => {
    const res = await lead.get(signalsOf(world.pmId));
    expect(res.statusCode).toBe(200);
    const body = res.json<CoachingSignalsResponse>();
    expect(body).toMatchObject({ personId: world.pmId, from: QUARTER.from, to: QUARTER.to, previous: { from: '2026-10-03', to: '2026-12-31' } });
    expect(body.signals.map((s) => s.key)).toEqual([...SIGNAL_KEYS]);
    const by = Object.fromEntries(body.signals.map((s) => [s.key, s]));
    expect(by.interviews).toMatchObject({ available: true, count: 2, quality: { label: 'with highlights', count: 1 }, previous: { count: 1, quality: 0 } });
    expect(by['feedback-triage']).toMatchObject({ count: 3, quality: { count: 1 }, previous: { count: 1, quality: 0 } });
    expect(by.experiments).toMatchObject({ count: 2, quality: { count: 1 }, previous: { count: 2, quality: 1 } });
    expect(by.requirements).toMatchObject({ count: 2, quality: { count: 1 }, previous: { count: 1, quality: 0 } });
    expect(by.interviews!.competencies).toEqual([
      { key: 'interviewing-users', name: 'Interviewing users' },
      { key: 'understanding-customers', name: 'Understanding customers' },
    ]);
    // The fixture has no OKR check-ins or strategy proposals: available, and zero.
    expect(by['okr-check-ins']).toMatchObject({ available: true, count: 0, quality: { label: 'with a note', count: 0 }, lastAt: null });
    expect(by['strategy-proposals']).toMatchObject({ available: true, count: 0, quality: { label: 'accepted', count: 0 }, lastAt: null });
    // No decisions or status updates either (issue 7): available, and zero.
    expect(by.decisions).toMatchObject({ available: true, count: 0, quality: { label: 'with a rationale', count: 0 }, lastAt: null });
    expect(by['status-updates']).toMatchObject({ available: true, count: 0, quality: { label: 'on time', count: 0 }, lastAt: null });
  });

  it('lets the PM read their own signals, by session and by API token, and defaults to the caller', async () => {
    expect((await world.pm.get(signalsOf(world.pmId))).statusCode).toBe(200);
    const own = await world.pm.get(`${f.w}/coaching/signals?from=${QUARTER.from}&to=${QUARTER.to}`);
    expect(own.json<CoachingSignalsResponse>().personId).toBe(world.pmId);
    const { token } = (await world.pm.post('/api/v1/me/tokens', { name: 'coachee script' })).json<{ token: string }>();
    const bot = new TestClient(f.app);
    bot.bearer = token;
    expect((await bot.get(signalsOf(world.pmId))).statusCode).toBe(200);
    expect((await bot.get(`${f.w}/coaching/insights?personId=${world.pmId}`)).statusCode).toBe(200);
    expect((await bot.get(signalsOf(world.otherId))).statusCode).toBe(404);
  });

  it('defaults to the last 90 days up to today', async () => {
    const body = (await lead.get(`${f.w}/coaching/signals?personId=${world.pmId}`)).json<CoachingSignalsResponse>();
    const today = isoDay(new Date());
    expect([body.from, body.to]).toEqual([addDays(today, -89), today]);
  });

  it('answers 404 to another PM, as for someone who is not a member, and to other workspaces', async () => {
    for (const path of [signalsOf(world.pmId), `${f.w}/coaching/insights?personId=${world.pmId}`]) {
      const res = await world.other.get(path);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ code: 'not_found', message: 'Person not found' });
    }
    expect((await lead.get(signalsOf('00000000-0000-4000-8000-000000000000'))).json()).toEqual({ code: 'not_found', message: 'Person not found' });
    const elsewhere = await workspaceFixture('Elsewhere');
    const stranger = await addMember(elsewhere, 'pm');
    expect((await lead.get(signalsOf(stranger.memberId))).statusCode).toBe(404);
    expect((await elsewhere.admin.get(`${elsewhere.w}/coaching/signals?personId=${world.pmId}`)).statusCode).toBe(404);
  });

  it('refuses roles without coaching access, and anonymous callers', async () => {
    for (const role of ['contributor', 'viewer']) {
      const client = await addMember(f, role);
      expect((await client.get(signalsOf(world.pmId))).statusCode).toBe(403);
      expect((await client.get(`${f.w}/coaching/insights?personId=${world.pmId}`)).statusCode).toBe(403);
    }
    expect((await new TestClient(f.app).get(signalsOf(world.pmId))).statusCode).toBe(401);
  });

  it('answers 400 naming the field for a bad period', async () => {
    const reversed = await lead.get(signalsOf(world.pmId, '&from=2027-03-01&to=2027-01-01'));
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toEqual({ code: 'validation_failed', message: 'from: must be on or before to (2027-01-01)', field: 'from' });
    const tooLong = await lead.get(signalsOf(world.pmId, '&from=2020-01-01&to=2027-01-01'));
    expect(tooLong.json()).toEqual({ code: 'validation_failed', message: 'from: the period may span at most 1100 days', field: 'from' });
    const notADate = await lead.get(signalsOf(world.pmId, '&from=2027-02-30'));
    expect(notADate.statusCode).toBe(400);
    expect(notADate.json<{ field: string }>().field).toBe('from');
    expect((await lead.get(`${f.w}/coaching/signals?personId=nope`)).json<{ field: string }>().field).toBe('personId');
  });

  it('writes a read entry naming the person, never the figures', async () => {
    const admin = f.admin;
    await admin.get(signalsOf(world.pmId));
    await admin.get(`${f.w}/coaching/insights?personId=${world.pmId}`);
    await flushReads();
    const { db } = await testDatabase();
    const rows = (await readAuditRowsAbout(db, f.workspaceId, world.pmId)).filter((a) => a.action.startsWith('coaching.'));
    const actions = new Set(rows.map((r) => r.action));
    expect(actions).toEqual(new Set(['coaching.signals.read', 'coaching.insights.read']));
    for (const r of rows) {
      expect(r.kind).toBe('read');
      expect(r.changes).toBeNull();
      expect(r.summary).toMatch(/Pia Signals/);
      expect(r.summary).not.toMatch(/\binterviews?\b.*\d|triag/i);
    }
  });

  it('turns recent signals into prompts that link the records behind them', async () => {
    const { db } = await testDatabase();
    const pm = await addMember(f, 'pm', 'Quinn Quiet');
    const workspaceId = f.workspaceId;
    const today = isoDay(new Date());
    // An interview 50 days ago (none since), and a requirements document revised last week with neither evidence nor metric.
    await insertInterviewRow(db, { workspaceId, title: 'Churned shop owner', date: addDays(today, -50), interviewerId: pm.memberId });
    const featureId = await insertRevisedRequirementsFeature(db, {
      workspaceId,
      componentId: world.componentId,
      ownerId: pm.memberId,
      title: 'Bulk refunds',
      body: REQUIREMENTS_TEMPLATE,
      revisedAt: new Date(Date.now() - 7 * 86_400_000),
    });

    const res = await lead.get(`${f.w}/coaching/insights?personId=${pm.memberId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<CoachingInsightsResponse>();
    expect(body.asOf).toBe(today);
    const by = Object.fromEntries(body.items.map((i) => [i.key, i]));
    expect(by['interviews-quiet']).toMatchObject({
      severity: 'attention',
      title: 'No interviews in six weeks',
      competency: { key: 'interviewing-users', name: 'Interviewing users' },
      prompt: 'What do you know about why these customers asked for this, and how did you learn it?',
    });
    expect(by['requirements-no-evidence']!.links).toEqual([{ type: 'feature', id: featureId, label: 'Bulk refunds', detail: 'No linked evidence' }]);
    expect(by['requirements-no-metric']!.links).toEqual([{ type: 'feature', id: featureId, label: 'Bulk refunds', detail: 'No success metric' }]);
    expect(by['triage-quiet']).toMatchObject({ title: 'No feedback triaged yet' });
    expect(by['experiments-none']).toBeDefined();
    // Unavailable signals produce nothing; every prompt is a question.
    expect(body.items.every((i) => ['interviews', 'feedback-triage', 'experiments', 'requirements'].includes(i.signal))).toBe(true);
    expect(body.items.every((i) => i.prompt.endsWith('?'))).toBe(true);
    const order = body.items.map((i) => i.severity);
    expect(order).toEqual([...order].sort((a, b) => ['concern', 'attention', 'info'].indexOf(a) - ['concern', 'attention', 'info'].indexOf(b)));
  });
});
