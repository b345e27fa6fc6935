import { describe, expect, it } from 'vitest';
import { TestClient, addMember, workspaceFixture } from '../../test/helpers.js';
import { testDatabase } from '../../test/database.js';
import { latestGaps } from './assessments.gaps.js';
import { builtInFramework, placeAt, put, rateAll, type AssessmentJson, type RatingsJson } from './assessments.test-fixtures.js';

const SECRET = 'SECRET-EVIDENCE-shipped-the-pricing-page';

interface Comparison {
  competencies: { key: string; self: number | null; coach: number | null; expected: number | null; gap: number | null; importance: number | null; weightedGap: number | null }[];
  totals: { measured: number; below: number; totalGap: number; totalWeightedGap: number; selfAverage: number | null; coachAverage: number | null };
  sides: { self: { visible: boolean }; coach: { visible: boolean } };
}

// Each test seeds a workspace's coaching defaults and makes many requests: slow on a busy machine.
const HEAVY = 120_000;

describe('assessments: the contract flow', () => {
  it('lead opens, PM self-rates and submits, lead rates; each sees the other side only once submitted', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead', 'Lee Lead');
    const pm = await addMember(f, 'pm', 'Pia PM');
    const otherPm = await addMember(f, 'pm', 'Otto PM');
    const levelId = await placeAt(f, pm.memberId, 'product-manager');
    const interview = (await pm.post(`${f.w}/interviews`, { title: 'Churned accounts call', date: '2027-01-12' })).json<{ id: string }>().id;

    const created = await lead.post(`${f.w}/people/${pm.memberId}/assessments`, { period: '2027-Q1' });
    expect(created.statusCode).toBe(201);
    const a = created.json<AssessmentJson>();
    expect(a).toMatchObject({ personId: pm.memberId, coachId: lead.memberId, period: '2027-Q1', periodStart: '2027-01-01', periodEnd: '2027-03-31', levelId, selfStatus: 'draft', coachStatus: 'draft', mySides: ['coach'], canDelete: true });
    const url = `${f.w}/assessments/${a.id}`;

    // The PM reads the ratings (contract check) and rates their side, with evidence and a link.
    const empty = await pm.get(`${url}/ratings`);
    expect(empty.statusCode).toBe(200);
    const view = empty.json<RatingsJson>();
    expect(view.competencies).toHaveLength(11);
    expect(view.scale).toMatchObject({ min: 1, max: 5, ratesImportance: false });
    expect(view.competencies.find((c) => c.key === 'interviewing-users')).toMatchObject({ expected: 3, self: null, coach: null });
    const interviewing = view.competencies.find((c) => c.key === 'interviewing-users')!.competencyId;
    const saved = await put(pm, `${url}/ratings`, { side: 'self', ratings: [{ competencyId: interviewing, rating: 2, evidence: SECRET, links: [{ type: 'interview', id: interview }] }] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<RatingsJson>().competencies.find((c) => c.key === 'interviewing-users')!.self).toMatchObject({
      rating: 2,
      evidence: SECRET,
      links: [{ type: 'interview', id: interview, label: 'Churned accounts call', exists: true }],
    });
    expect((await rateAll(pm, f.w, a.id, 'self', { 'interviewing-users': 2, pricing: 1 }, {})).statusCode).toBe(200);
    // Rating again without evidence keeps the evidence saved before.
    expect((await pm.get(`${url}/ratings`)).json<RatingsJson>().competencies.find((c) => c.key === 'interviewing-users')!.self!.evidence).toBe(SECRET);

    // The lead rates the coach side in draft.
    expect((await rateAll(lead, f.w, a.id, 'coach', { 'interviewing-users': 3, pricing: 2 })).statusCode).toBe(200);

    // Drafts: nobody but the author sees a side.
    for (const [who, client, hidden] of [
      ['lead', lead, 'self'],
      ['admin', f.admin, 'self'],
      ['pm', pm, 'coach'],
    ] as const) {
      const r = (await client.get(`${url}/ratings`)).json<RatingsJson>();
      expect(r.competencies.every((c) => c[hidden] === null), `${who} sees the ${hidden} draft`).toBe(true);
      expect(r.sides[hidden]).toEqual({ status: 'draft', visible: false });
      const cmp = (await client.get(`${url}/comparison`)).json<Comparison>();
      expect(cmp.competencies.every((c) => c[hidden] === null)).toBe(true);
    }
    const adminView = await f.admin.get(`${url}/ratings`);
    expect(adminView.body).not.toContain(SECRET);
    expect(adminView.json<RatingsJson>().competencies.every((c) => c.self === null && c.coach === null)).toBe(true);

    // Submitting shares the side.
    const submitted = await pm.post(`${url}/submit`, { side: 'self' });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json<AssessmentJson>()).toMatchObject({ selfStatus: 'submitted', mySides: [] });
    const leadView = (await lead.get(`${url}/ratings`)).json<RatingsJson>();
    expect(leadView.competencies.find((c) => c.key === 'interviewing-users')!.self).toMatchObject({ rating: 2, evidence: SECRET });
    expect(leadView.competencies.find((c) => c.key === 'interviewing-users')!.coach).toMatchObject({ rating: 3 });
    expect((await pm.get(`${url}/ratings`)).json<RatingsJson>().competencies.every((c) => c.coach === null)).toBe(true);
    expect((await lead.post(`${url}/submit`, { side: 'coach' })).statusCode).toBe(200);
    const both = (await pm.get(`${url}/ratings`)).json<RatingsJson>();
    expect(both.competencies.find((c) => c.key === 'pricing')).toMatchObject({ self: { rating: 1 }, coach: { rating: 2 }, expected: 2 });

    // A submitted side is final.
    const again = await put(pm, `${url}/ratings`, { side: 'self', ratings: [{ competencyId: interviewing, rating: 5 }] });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ field: string }>().field).toBe('side');
    expect((await pm.post(`${url}/submit`, { side: 'self' })).statusCode).toBe(409);

    // Another PM: 404 on every assessment route, and nothing listed.
    for (const res of [
      await otherPm.get(url),
      await otherPm.get(`${url}/ratings`),
      await otherPm.get(`${url}/comparison`),
      await put(otherPm, `${url}/ratings`, { side: 'self', ratings: [{ competencyId: interviewing, rating: 1 }] }),
      await otherPm.post(`${url}/submit`, { side: 'self' }),
      await otherPm.delete(url),
      await otherPm.get(`${f.w}/people/${pm.memberId}/assessments`),
      await otherPm.get(`${f.w}/people/${pm.memberId}/assessment-history`),
      await otherPm.get(`${f.w}/people/${pm.memberId}/artifacts`),
      await otherPm.post(`${f.w}/people/${pm.memberId}/assessments`, { period: '2027-Q2' }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(SECRET);
    }
    expect((await otherPm.get(`${f.w}/assessments`)).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await otherPm.get(`${f.w}/assessments?personId=${pm.memberId}`)).json<{ total: number }>().total).toBe(0);

    // Reads are audited by name, never by content.
    const audit = await f.admin.get(`${f.w}/audit-log?limit=200`);
    expect(audit.body).not.toContain(SECRET);
    const summaries = audit.json<{ items: { summary: string; action: string }[] }>().items.map((e) => e.summary);
    expect(summaries).toContain('Read the ratings of the 2027-Q1 assessment of Pia PM');
    expect(summaries).toContain('Read the comparison of the 2027-Q1 assessment of Pia PM');
    expect(summaries).toContain('Submitted the self side of the 2027-Q1 assessment of Pia PM');
    expect(summaries.some((s) => s.startsWith('Saved 11 self ratings on the 2027-Q1 assessment of Pia PM'))).toBe(true);
  }, HEAVY);
});

describe('assessments: validation', () => {
  it('refuses ratings off the scale, wrong sides, foreign links and links to modules to come, naming the field', async () => {
    const f = await workspaceFixture();
    const other = await workspaceFixture();
    const lead = await addMember(f, 'lead', 'Lee Lead');
    const lead2 = await addMember(f, 'lead', 'Lou Lead');
    const pm = await addMember(f, 'pm', 'Pia PM');
    const foreignInterview = (await other.admin.post(`${other.w}/interviews`, { title: 'Theirs', date: '2027-01-01' })).json<{ id: string }>().id;
    const a = (await lead.post(`${f.w}/people/${pm.memberId}/assessments`, { period: '2027-Q1' })).json<AssessmentJson>();
    const url = `${f.w}/assessments/${a.id}`;
    const comps = (await pm.get(`${url}/ratings`)).json<RatingsJson>().competencies;
    const c0 = comps[0]!.competencyId;
    const err = async (client: TestClient, body: unknown) => {
      const res = await put(client, `${url}/ratings`, body);
      return { status: res.statusCode, ...res.json<{ field: string; message: string }>() };
    };

    expect(await err(pm, { side: 'self', ratings: [{ competencyId: c0, rating: 3 }, { competencyId: comps[1]!.competencyId, rating: 6 }] })).toMatchObject({
      status: 400,
      field: 'ratings.1.rating',
      message: 'ratings.1.rating: must be between 1 and 5 on the “Product lead role” scale',
    });
    expect(await err(pm, { side: 'self', ratings: [{ competencyId: c0, rating: 0 }] })).toMatchObject({ status: 400, field: 'ratings.0.rating' });
    expect(await err(pm, { side: 'self', ratings: [{ competencyId: c0, rating: 2.5 }] })).toMatchObject({ status: 400, field: 'ratings.0.rating' });
    expect(await err(pm, { side: 'self', ratings: [{ competencyId: c0, rating: 3, importance: 7 }] })).toMatchObject({ status: 400, field: 'ratings.0.importance' });
    expect(await err(pm, { side: 'self', ratings: [{ competencyId: '00000000-0000-4000-8000-000000000000', rating: 3 }] })).toMatchObject({ status: 400, field: 'ratings.0.competencyId' });
    expect(await err(pm, { side: 'self', ratings: [{ competencyId: c0, rating: 3 }, { competencyId: c0, rating: 2 }] })).toMatchObject({ status: 400, field: 'ratings.1.competencyId' });
    expect(await err(pm, { side: 'self', ratings: [{ competencyId: c0, rating: 3, links: [{ type: 'interview', id: foreignInterview }] }] })).toMatchObject({
      status: 400,
      field: 'ratings.0.links.0.id',
      message: 'ratings.0.links.0.id: is not an interview of this workspace',
    });
    expect(await err(pm, { side: 'self', ratings: [{ competencyId: c0, rating: 3, links: [{ type: 'decision', id: foreignInterview }] }] })).toMatchObject({
      status: 400,
      field: 'ratings.0.links.0.id',
      message: 'ratings.0.links.0.id: is not a decision of this workspace',
    });
    // A feature without a requirements document is not a requirements link.
    const productId = (await f.admin.post(`${f.w}/products`, { name: 'Atlas' })).json<{ id: string }>().id;
    const componentId = (await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Checkout' })).json<{ id: string }>().id;
    const featureId = (await f.admin.post(`${f.w}/features`, { componentId, title: 'Wallets' })).json<{ id: string }>().id;
    expect(await err(pm, { side: 'self', ratings: [{ competencyId: c0, rating: 3, links: [{ type: 'requirements', id: featureId }] }] })).toMatchObject({ status: 400, field: 'ratings.0.links.0.id' });
    expect(await err(pm, { side: 'self', ratings: [{ competencyId: c0, rating: 3, links: [{ type: 'feature', id: featureId }] }] })).toMatchObject({ status: 200 });

    // Sides belong to their authors.
    expect(await err(pm, { side: 'coach', ratings: [{ competencyId: c0, rating: 3 }] })).toMatchObject({ status: 400, field: 'side' });
    expect(await err(lead, { side: 'self', ratings: [{ competencyId: c0, rating: 3 }] })).toMatchObject({ status: 400, field: 'side', message: 'side: only Pia PM rates the self side of their assessment' });
    expect(await err(lead2, { side: 'coach', ratings: [{ competencyId: c0, rating: 3 }] })).toMatchObject({ status: 400, field: 'side', message: "side: only the assessment's coach (Lee Lead) rates the coach side" });
    expect(await err(f.admin, { side: 'bogus', ratings: [{ competencyId: c0, rating: 3 }] })).toMatchObject({ status: 400, field: 'side' });
    // Nothing was written by the refusals: only the one rating with a feature link.
    const self = (await pm.get(`${url}/ratings`)).json<RatingsJson>().competencies.filter((c) => c.self);
    expect(self.map((c) => c.self!.links.map((l) => l.type))).toEqual([['feature']]);

    // Submitting needs every competency rated.
    const early = await pm.post(`${url}/submit`, { side: 'self' });
    expect(early.statusCode).toBe(400);
    expect(early.json<{ field: string; message: string }>()).toMatchObject({ field: 'side' });
    expect(early.json<{ message: string }>().message).toMatch(/^side: rate every competency before submitting: 10 left/);
  }, HEAVY);

  it('opens one assessment per person, framework and period, with a coach that is a lead or admin', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead', 'Lee Lead');
    const pm = await addMember(f, 'pm', 'Pia PM');
    const contributor = await addMember(f, 'contributor');
    const base = `${f.w}/people/${pm.memberId}/assessments`;
    expect((await lead.post(base, { period: '2027-Q1' })).statusCode).toBe(201);
    const dup = await lead.post(base, { period: '2027-Q1' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toEqual({ code: 'conflict', message: 'Pia PM already has a 2027-Q1 assessment on “Product lead role”; open that one, or pick another period', field: 'period' });
    const svpg = await builtInFramework(f, 'pm-assessment');
    expect((await lead.post(base, { period: '2027-Q1', frameworkId: svpg })).statusCode).toBe(201);
    expect((await lead.post(base, { period: '' })).json<{ field: string }>().field).toBe('period');
    expect((await lead.post(base, { period: 'Spring', periodStart: '2027-04-01', periodEnd: '2027-03-01' })).json<{ field: string }>().field).toBe('periodEnd');
    expect((await lead.post(base, { period: 'Spring', frameworkId: '00000000-0000-4000-8000-000000000000' })).json<{ field: string }>().field).toBe('frameworkId');
    expect((await pm.post(`${f.w}/people/${pm.memberId}/assessments`, { period: '2027-Q3', coachId: contributor.memberId })).json<{ field: string }>().field).toBe('coachId');
    expect((await pm.post(`${f.w}/people/${pm.memberId}/assessments`, { period: '2027-Q3', coachId: pm.memberId })).json<{ field: string }>().field).toBe('coachId');
    const named = await pm.post(`${f.w}/people/${pm.memberId}/assessments`, { period: '2027-Q3', coachId: lead.memberId });
    expect(named.json<AssessmentJson>()).toMatchObject({ coachId: lead.memberId, mySides: ['self'], canDelete: false });
    expect((await contributor.post(base, { period: '2027-Q4' })).statusCode).toBe(403);
    expect((await new TestClient(f.app).get(`${f.w}/assessments`)).statusCode).toBe(401);
    expect((await lead.post(`${f.w}/people/00000000-0000-4000-8000-000000000000/assessments`, { period: '2027-Q4' })).statusCode).toBe(404);
  }, HEAVY);

  it('lets a PM open their own; the first lead to rate the coach side becomes the coach', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead', 'Lee Lead');
    const lead2 = await addMember(f, 'lead', 'Lou Lead');
    const pm = await addMember(f, 'pm', 'Pia PM');
    const a = (await pm.post(`${f.w}/people/${pm.memberId}/assessments`, { period: 'H1 2027' })).json<AssessmentJson>();
    expect(a).toMatchObject({ coachId: null, periodStart: '2027-01-01', periodEnd: '2027-06-30', mySides: ['self'] });
    expect((await lead.get(`${f.w}/assessments/${a.id}`)).json<AssessmentJson>().mySides).toEqual(['coach']);
    expect((await rateAll(lead, f.w, a.id, 'coach', 3)).statusCode).toBe(200);
    expect((await lead.get(`${f.w}/assessments/${a.id}`)).json<AssessmentJson>()).toMatchObject({ coachId: lead.memberId, mySides: ['coach'], canDelete: true });
    expect((await rateAll(lead2, f.w, a.id, 'coach', 3)).statusCode).toBe(400);

    // The person may not delete; another lead may not; the coach may.
    const del = await pm.delete(`${f.w}/assessments/${a.id}`);
    expect(del.statusCode).toBe(400);
    expect(del.json<{ field: string }>().field).toBe('assessmentId');
    expect((await lead2.delete(`${f.w}/assessments/${a.id}`)).statusCode).toBe(400);
    expect((await lead.delete(`${f.w}/assessments/${a.id}`)).statusCode).toBe(204);
    expect((await pm.get(`${f.w}/assessments/${a.id}`)).statusCode).toBe(404);
  }, HEAVY);
});

describe('assessments: comparison, history and gaps', () => {
  it('weighs gaps by importance on a framework that rates it, and sorts by the weighted gap', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead', 'Lee Lead');
    const pm = await addMember(f, 'pm', 'Pia PM');
    await placeAt(f, pm.memberId, 'product-manager');
    const svpg = await builtInFramework(f, 'pm-assessment');
    const a = (await lead.post(`${f.w}/people/${pm.memberId}/assessments`, { period: '2027-Q1', frameworkId: svpg })).json<AssessmentJson>();
    const url = `${f.w}/assessments/${a.id}`;
    const view = (await pm.get(`${url}/ratings`)).json<RatingsJson>();
    expect(view.scale).toMatchObject({ min: 1, max: 10, ratesImportance: true });
    expect(view.competencies).toHaveLength(13);
    const [c0, c1, c2] = view.competencies;
    expect(c0!.expected).not.toBeNull();
    // Self everywhere at the expectation; the coach sees two gaps of different importance.
    const at = (c: { expected: number | null }, d = 0) => Math.max(1, Math.min(10, c.expected! - d));
    const selfRatings = view.competencies.map((c) => ({ competencyId: c.competencyId, rating: at(c), importance: c === c1 ? 9 : undefined }));
    expect((await put(pm, `${url}/ratings`, { side: 'self', ratings: selfRatings })).statusCode).toBe(200);
    expect((await pm.post(`${url}/submit`, { side: 'self' })).statusCode).toBe(200);
    const coachRatings = view.competencies.map((c) => ({ competencyId: c.competencyId, rating: c === c0 ? at(c, 3) : c === c1 ? at(c, 2) : at(c), importance: c === c0 ? 2 : c === c2 ? 10 : undefined }));
    expect((await put(lead, `${url}/ratings`, { side: 'coach', ratings: coachRatings })).statusCode).toBe(200);

    // The PM sees only their side while the coach's is a draft.
    const mine = (await pm.get(`${url}/comparison`)).json<Comparison>();
    expect(mine.sides.coach.visible).toBe(false);
    expect(mine.totals).toMatchObject({ measured: 13, below: 0, totalGap: 0 });
    // The coach sees both.
    const cmp = (await lead.get(`${url}/comparison`)).json<Comparison>();
    const gap0 = c0!.expected! - at(c0!, 3);
    const gap1 = c1!.expected! - at(c1!, 2);
    expect(cmp.competencies[0]).toMatchObject({ key: c1!.key, gap: gap1, importance: 9, weightedGap: Math.round(gap1 * 9 * 10) / 100 });
    expect(cmp.competencies[1]).toMatchObject({ key: c0!.key, gap: gap0, importance: 2, weightedGap: Math.round(gap0 * 2 * 10) / 100 });
    expect(cmp.competencies.find((c) => c.key === c2!.key)).toMatchObject({ gap: 0, importance: 10, weightedGap: 0 });
    expect(cmp.competencies.filter((c) => c.importance === 5)).toHaveLength(10);
    expect(cmp.totals).toMatchObject({ measured: 13, below: 2, totalGap: gap0 + gap1 });

    // latestGaps ignores the coach's draft: nothing below expectation yet.
    const { db } = await testDatabase();
    expect((await latestGaps(db, f.workspaceId, pm.memberId)).filter((g) => g.gap > 0)).toEqual([]);
    expect((await lead.post(`${url}/submit`, { side: 'coach' })).statusCode).toBe(200);
    const gaps = await latestGaps(db, f.workspaceId, pm.memberId);
    expect(gaps).toHaveLength(13);
    expect(gaps.slice(0, 2).map((g) => [g.key, g.gap, g.frameworkId])).toEqual([
      [c1!.key, gap1, svpg],
      [c0!.key, gap0, svpg],
    ]);
    expect(await latestGaps(db, f.workspaceId, lead.memberId)).toEqual([]);
  }, HEAVY);

  it('traces the history of submitted sides across periods, oldest first', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead', 'Lee Lead');
    const pm = await addMember(f, 'pm', 'Pia PM');
    await placeAt(f, pm.memberId, 'product-manager');
    const open = async (period: string) => (await lead.post(`${f.w}/people/${pm.memberId}/assessments`, { period })).json<AssessmentJson>().id;
    // Opened out of order: history follows the periods, not creation.
    const q2 = await open('2027-Q2');
    const q1 = await open('2027-Q1');
    const q3 = await open('2027-Q3');
    expect((await rateAll(lead, f.w, q1, 'coach', { pricing: 1 })).statusCode).toBe(200);
    await lead.post(`${f.w}/assessments/${q1}/submit`, { side: 'coach' });
    await rateAll(pm, f.w, q1, 'self', 2);
    await pm.post(`${f.w}/assessments/${q1}/submit`, { side: 'self' });
    await rateAll(lead, f.w, q2, 'coach', { pricing: 2 });
    await lead.post(`${f.w}/assessments/${q2}/submit`, { side: 'coach' });
    // Q3 is a draft on both sides: not history.
    await rateAll(lead, f.w, q3, 'coach', 5);

    const res = await pm.get(`${f.w}/people/${pm.memberId}/assessment-history`);
    expect(res.statusCode).toBe(200);
    const h = res.json<{
      periods: { period: string; selfAverage: number | null; coachAverage: number | null; totalGap: number | null; ratings: { competencyId: string; self: number | null; coach: number | null }[] }[];
      competencies: { competencyId: string; key: string }[];
      changes: { competencyId: string; first: number | null; latest: number | null; change: number | null; firstGap: number | null; latestGap: number | null; trend: string }[];
    }>();
    expect(h.periods.map((p) => p.period)).toEqual(['2027-Q1', '2027-Q2']);
    expect(h.periods[0]).toMatchObject({ selfAverage: 2, coachAverage: 2.82 });
    expect(h.periods[1]).toMatchObject({ selfAverage: null });
    const pricing = h.competencies.find((c) => c.key === 'pricing')!.competencyId;
    // Pricing: expected 2 for a PM; coach 1 then 2: the gap closed.
    expect(h.changes.find((c) => c.competencyId === pricing)).toEqual({ competencyId: pricing, first: 1, latest: 2, change: 1, firstGap: 1, latestGap: 0, trend: 'closed' });
    expect(h.periods[0]!.totalGap! - h.periods[1]!.totalGap!).toBe(1);
    // The PM never sees the coach's Q3 draft through history.
    expect(res.body).not.toContain(q3);
    expect((await lead.get(`${f.w}/people/${pm.memberId}/assessment-history?frameworkId=00000000-0000-4000-8000-000000000000`)).json<{ field: string }>().field).toBe('frameworkId');
  }, HEAVY);
});

describe('assessments: lists and artifacts', () => {
  it('lists own assessments to a PM and everyone’s to leads, and offers the person’s work as evidence', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead', 'Lee Lead');
    const pm = await addMember(f, 'pm', 'Pia PM');
    const pm2 = await addMember(f, 'pm', 'Otto PM');
    await lead.post(`${f.w}/people/${pm.memberId}/assessments`, { period: '2027-Q1' });
    await lead.post(`${f.w}/people/${pm.memberId}/assessments`, { period: '2027-Q2' });
    await lead.post(`${f.w}/people/${pm2.memberId}/assessments`, { period: '2027-Q1' });
    const list = (c: TestClient, q = '') => c.get(`${f.w}/assessments${q}`).then((r) => r.json<{ items: AssessmentJson[]; total: number }>());
    expect((await list(pm)).items.map((a) => a.period)).toEqual(['2027-Q2', '2027-Q1']);
    expect((await list(lead)).total).toBe(3);
    expect((await list(lead, '?period=2027-Q1')).total).toBe(2);
    expect((await list(f.admin, `?personId=${pm2.memberId}`)).items.map((a) => a.personId)).toEqual([pm2.memberId]);
    expect((await pm.get(`${f.w}/people/${pm.memberId}/assessments`)).json<{ total: number }>().total).toBe(2);

    await pm.post(`${f.w}/interviews`, { title: 'Pricing page walkthrough', date: '2027-02-01' });
    await pm.post(`${f.w}/experiments`, { title: 'Annual plan nudge', hypothesis: 'We believe a nudge lifts annual plans', type: 'pricing_test' });
    await pm2.post(`${f.w}/interviews`, { title: 'Pricing for agencies', date: '2027-02-02' });
    const arts = (await lead.get(`${f.w}/people/${pm.memberId}/artifacts`)).json<{ items: { type: string; label: string }[] }>().items;
    expect(arts.map((a) => [a.type, a.label]).sort()).toEqual([
      ['experiment', 'Annual plan nudge'],
      ['interview', 'Pricing page walkthrough'],
    ]);
    const found = (await pm.get(`${f.w}/people/${pm.memberId}/artifacts?q=walkthrough`)).json<{ items: { label: string }[] }>().items;
    expect(found.map((a) => a.label)).toEqual(['Pricing page walkthrough']);
  }, HEAVY);
});
