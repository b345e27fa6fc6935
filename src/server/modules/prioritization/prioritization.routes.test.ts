import { describe, expect, it } from 'vitest';
import type { FeatureScoreCard, PrioritizationFrameworkSet, PrioritizationFrameworksSaved, RankedFeatureList, ScoreCalibration } from '../../../shared/contracts.js';
import { TestClient, addMember, signUp, workspaceFixture, type Fixture } from '../../test/helpers.js';

type Member = TestClient & { memberId: string };

function created(res: { statusCode: number; body: string; json: <T>() => T }, what: string): string {
  if (res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** A product with two components, each owned by its PM: Ana (generous scorer) and Bo (stingy). */
async function setup(): Promise<{ f: Fixture; ana: Member; bo: Member; productId: string; routing: string; driver: string }> {
  const f = await workspaceFixture('Prioritization');
  const ana = await addMember(f, 'pm', 'Ana PM');
  const bo = await addMember(f, 'pm', 'Bo PM');
  const productId = created(await f.admin.post(`${f.w}/products`, { name: 'Fleet Suite' }), 'product');
  const routing = created(await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Routing', ownerId: ana.memberId }), 'component');
  const driver = created(await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Driver App', ownerId: bo.memberId }), 'component');
  return { f, ana, bo, productId, routing, driver };
}

async function feature(f: Fixture, componentId: string, title: string, extra: Record<string, unknown> = {}): Promise<string> {
  return created(await f.admin.post(`${f.w}/features`, { componentId, title, ...extra }), `feature ${title}`);
}

const rice = (reach: number, impact = 1, confidence = 1) => ({ scores: { rice: { reach, impact, confidence } }, effort: 1 });
const put = (c: TestClient, url: string, body: unknown) => c.request('PUT', url, body);
const frameworksOf = async (c: TestClient, w: string) => (await c.get(`${w}/prioritization/frameworks`)).json<PrioritizationFrameworkSet>();
/** The set as a PUT body: every framework kept by id. */
const asBody = (set: PrioritizationFrameworkSet) => ({
  version: set.version,
  frameworks: set.frameworks.map(({ id, kind, name, enabled, isDefault, config }) => ({ id, kind, name, enabled, isDefault, config })),
});

describe('prioritization frameworks', () => {
  it('makes the defaults on the first read, once', async () => {
    const f = await workspaceFixture();
    const first = await f.admin.get(`${f.w}/prioritization/frameworks`);
    expect(first.statusCode).toBe(200);
    const set = first.json<PrioritizationFrameworkSet>();
    expect(set.version).toBe(1);
    expect(set.frameworks.map((x) => [x.kind, x.name, x.isDefault])).toEqual([
      ['rice', 'RICE', true],
      ['ice', 'ICE', false],
      ['wsjf', 'WSJF', false],
      ['value_effort', 'Value / effort', false],
      ['weighted', 'Customer value scorecard', false],
    ]);
    expect(set.frameworks[0]!.formula).toBe('reach × impact × confidence ÷ effort');
    const weighted = set.frameworks[4]!.config as { criteria: { name: string; binding: unknown }[] };
    expect(weighted.criteria[0]).toMatchObject({ name: 'customer ARR', binding: { source: 'rollup', rollup: 'arr', scale: 'log' } });
    const again = await frameworksOf(f.admin, f.w);
    expect(again.frameworks.map((x) => x.id)).toEqual(set.frameworks.map((x) => x.id));
  });

  it('lets members read and only admins and leads replace them', async () => {
    const f = await workspaceFixture();
    const contributor = await addMember(f, 'contributor');
    const viewer = await addMember(f, 'viewer');
    const pm = await addMember(f, 'pm');
    const lead = await addMember(f, 'lead');
    expect((await contributor.get(`${f.w}/prioritization/frameworks`)).statusCode).toBe(200);
    expect((await viewer.get(`${f.w}/prioritization/frameworks`)).statusCode).toBe(403);
    expect((await new TestClient(f.app).get(`${f.w}/prioritization/frameworks`)).statusCode).toBe(401);
    const outsider = await signUp(f.app, 'Olga Outsider');
    expect((await outsider.get(`${f.w}/prioritization/frameworks`)).statusCode).toBe(404);
    const body = asBody(await frameworksOf(f.admin, f.w));
    const denied = await put(pm, `${f.w}/prioritization/frameworks`, body);
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'forbidden' });
    expect((await put(lead, `${f.w}/prioritization/frameworks`, body)).statusCode).toBe(200);
  });

  it('replaces the set, audits a readable diff and rescores every feature', async () => {
    const { f, routing } = await setup();
    await feature(f, routing, 'Alpha', rice(100));
    await feature(f, routing, 'Beta', rice(50));
    const set = await frameworksOf(f.admin, f.w);
    const body = asBody(set);
    const scorecard = body.frameworks[4]!;
    (scorecard.config as { criteria: { weight: number }[] }).criteria[0]!.weight = 80;
    body.frameworks[1]!.enabled = false;
    body.frameworks.push({ kind: 'value_effort', name: 'Quick wins', enabled: true, isDefault: false, config: { bindings: {} } } as never);
    const res = await put(f.admin, `${f.w}/prioritization/frameworks`, body);
    expect(res.statusCode).toBe(200);
    const saved = res.json<PrioritizationFrameworksSaved>();
    expect(saved.version).toBe(2);
    expect(saved.rescored.features).toBe(2);
    expect(saved.rescored.ms).toBeGreaterThanOrEqual(0);
    expect(saved.frameworks.map((x) => x.name)).toEqual(['RICE', 'ICE', 'WSJF', 'Value / effort', 'Customer value scorecard', 'Quick wins']);
    expect(saved.frameworks.slice(0, 5).map((x) => x.id)).toEqual(set.frameworks.map((x) => x.id));
    expect(saved.frameworks[1]!.enabled).toBe(false);
    expect(saved.frameworks[4]!.formula).toBe('0.5714 × customer ARR + 0.25 × strategic fit + 0.1786 × urgency');

    const audit = (await f.admin.get(`${f.w}/audit-log?entityType=prioritization-frameworks`)).json<{ items: { action: string; summary: string }[] }>();
    const entry = audit.items.find((a) => a.action === 'prioritization-frameworks.update')!;
    expect(entry.summary).toContain('Updated prioritization frameworks: ICE: impact × confidence × ease → disabled · impact × confidence × ease;');
    expect(entry.summary).toContain('Customer value scorecard: 0.4 × customer ARR + 0.35 × strategic fit + 0.25 × urgency → 0.5714 × customer ARR');
    expect(entry.summary).toContain('Quick wins: — → value ÷ effort');

    // Dropping a framework deletes it; a disabled one cannot rank.
    const dropped = asBody(saved);
    dropped.frameworks.pop();
    const after = (await put(f.admin, `${f.w}/prioritization/frameworks`, dropped)).json<PrioritizationFrameworksSaved>();
    expect(after.frameworks).toHaveLength(5);
    const ranked = await f.admin.get(`${f.w}/features/ranked?frameworkId=${saved.frameworks[1]!.id}`);
    expect(ranked.statusCode).toBe(400);
    expect(ranked.json()).toMatchObject({ code: 'validation_failed', field: 'frameworkId' });
  });

  it('answers 400 naming the field at fault', async () => {
    const f = await workspaceFixture();
    const body = asBody(await frameworksOf(f.admin, f.w));
    const cases: [unknown, string][] = [
      [{ ...body, frameworks: body.frameworks.map((x) => ({ ...x, isDefault: false })) }, 'frameworks'],
      [{ ...body, frameworks: body.frameworks.map((x) => ({ ...x, isDefault: true })) }, 'frameworks.1.isDefault'],
      [{ ...body, frameworks: body.frameworks.map((x, i) => (i === 0 ? { ...x, enabled: false } : x)) }, 'frameworks.0.enabled'],
      [{ ...body, frameworks: [{ kind: 'moscow', name: 'MoSCoW', isDefault: true }] }, 'frameworks.0.kind'],
      [{ ...body, frameworks: [{ kind: 'weighted', name: 'W', isDefault: true, config: { criteria: [{ key: 'a', name: 'A', weight: -1, binding: { source: 'manual' } }] } }] }, 'frameworks.0.config.criteria.0.weight'],
      [{ ...body, frameworks: [{ kind: 'weighted', name: 'W', isDefault: true, config: { criteria: [{ key: 'a', name: 'A', weight: 0, binding: { source: 'manual' } }] } }] }, 'frameworks.0.config.criteria'],
      [
        { frameworks: [{ kind: 'weighted', name: 'W', isDefault: true, config: { criteria: [1, 2].map(() => ({ key: 'same', name: 'S', weight: 1, binding: { source: 'manual' } })) } }] },
        'frameworks.0.config.criteria.1.key',
      ],
      [{ frameworks: [{ kind: 'rice', name: 'R', isDefault: true, config: { bindings: { reach: { source: 'rollup', rollup: 'mood' } } } }] }, 'frameworks.0.config.bindings.reach.rollup'],
      [{ frameworks: [{ kind: 'rice', name: 'R', isDefault: true, config: { bindings: { ease: { source: 'manual' } } } }] }, 'frameworks.0.config.bindings.ease'],
      [{ frameworks: [] }, 'frameworks'],
    ];
    for (const [payload, field] of cases) {
      const res = await put(f.admin, `${f.w}/prioritization/frameworks`, payload);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json<{ field: string; message: string }>().field, res.body).toBe(field);
      expect(res.json<{ message: string }>().message.startsWith(`${field}: `)).toBe(true);
    }
  });

  it('answers 409 to a stale version and 404 to another workspace\u2019s framework', async () => {
    const f = await workspaceFixture();
    const body = asBody(await frameworksOf(f.admin, f.w));
    expect((await put(f.admin, `${f.w}/prioritization/frameworks`, body)).statusCode).toBe(200);
    const stale = await put(f.admin, `${f.w}/prioritization/frameworks`, body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict' });

    const other = await workspaceFixture('Elsewhere');
    const theirs = (await frameworksOf(other.admin, other.w)).frameworks[0]!;
    const current = asBody(await frameworksOf(f.admin, f.w));
    current.frameworks[0]!.id = theirs.id;
    const res = await put(f.admin, `${f.w}/prioritization/frameworks`, current);
    expect(res.statusCode).toBe(404);
    // Their set is untouched.
    expect((await frameworksOf(other.admin, other.w)).frameworks[0]!.name).toBe('RICE');
  });
});

describe('ranked backlog and calibration', () => {
  it('ranks by score with the formula, unscored features last naming what they lack', async () => {
    const { f, productId, routing, driver } = await setup();
    await feature(f, routing, 'Window-aware routing', { scores: { rice: { reach: 800, impact: 2, confidence: 0.8 } }, effort: 4 });
    await feature(f, driver, 'Offline proof of delivery', rice(100));
    await feature(f, driver, 'Driver ETA sharing', { scores: { rice: { reach: 10 } } });
    const res = await f.admin.get(`${f.w}/features/ranked?productId=${productId}`);
    expect(res.statusCode).toBe(200);
    const list = res.json<RankedFeatureList>();
    expect(list).toMatchObject({ framework: { name: 'RICE', kind: 'rice' }, normalize: 'none', total: 3, scored: 2 });
    expect(list.items.map((i) => [i.title, i.rank, i.score])).toEqual([
      ['Window-aware routing', 1, 320],
      ['Offline proof of delivery', 2, 100],
      ['Driver ETA sharing', null, null],
    ]);
    expect(list.items[0]).toMatchObject({
      componentName: 'Routing',
      ownerName: 'Ana PM',
      explanation: 'RICE = reach 800 × impact 2 × confidence 0.8 ÷ effort 4 = 320',
      outlier: false,
      missing: [],
    });
    expect(list.items[2]!.missing).toEqual(['impact', 'confidence', 'effort']);

    // Shipped and won't-do features leave the backlog unless asked for.
    await feature(f, routing, 'Already shipped', { ...rice(5000), status: 'shipped' });
    expect((await f.admin.get(`${f.w}/features/ranked?productId=${productId}`)).json<RankedFeatureList>().total).toBe(3);
    const all = (await f.admin.get(`${f.w}/features/ranked?productId=${productId}&closed=include`)).json<RankedFeatureList>();
    expect(all.items.map((i) => i.title)[0]).toBe('Already shipped');
  });

  it('normalises per PM so a generous scorer does not crowd out the others, and flags far-out scores', async () => {
    const { f, productId, routing, driver, ana, bo } = await setup();
    for (const [i, reach] of [1000, 2000, 3000, 4000].entries()) await feature(f, routing, `Ana ${i + 1}`, rice(reach));
    for (const [i, reach] of [10, 20, 30, 40].entries()) await feature(f, driver, `Bo ${i + 1}`, rice(reach));
    await feature(f, driver, 'Bo huge', rice(900_000));

    const raw = (await f.admin.get(`${f.w}/features/ranked?productId=${productId}`)).json<RankedFeatureList>();
    expect(raw.items.map((i) => i.title).slice(0, 5)).toEqual(['Bo huge', 'Ana 4', 'Ana 3', 'Ana 2', 'Ana 1']);
    const huge = raw.items[0]!;
    expect(huge.outlier).toBe(true);
    expect(huge.outlierReason).toMatch(/^Score 900000 is above the product's upper fence \d+/);
    expect(raw.items.filter((i) => i.outlier)).toHaveLength(1);

    const norm = (await f.admin.get(`${f.w}/features/ranked?productId=${productId}&normalize=pm&method=percentile`)).json<RankedFeatureList>();
    expect(norm.normalize).toBe('pm');
    expect(norm.items.map((i) => i.title)).toEqual(['Bo huge', 'Ana 4', 'Bo 4', 'Ana 3', 'Bo 3', 'Ana 2', 'Bo 2', 'Ana 1', 'Bo 1']);
    // Percentile ranks: Ana's 4 features 12.5 … 87.5, Bo's 5 features 10 … 90.
    expect(norm.items.map((i) => i.normalizedScore)).toEqual([90, 87.5, 70, 62.5, 50, 37.5, 30, 12.5, 10]);

    // A component's backlog ranks from 1, still normalised against the whole product.
    const routingOnly = (await f.admin.get(`${f.w}/features/ranked?componentId=${routing}&normalize=pm`)).json<RankedFeatureList>();
    expect(routingOnly.items.map((i) => [i.title, i.rank])).toEqual([
      ['Ana 4', 1],
      ['Ana 3', 2],
      ['Ana 2', 3],
      ['Ana 1', 4],
    ]);

    const cal = await f.admin.get(`${f.w}/prioritization/calibration?productId=${productId}`);
    expect(cal.statusCode).toBe(200);
    const c = cal.json<ScoreCalibration>();
    expect(c.pms.map((p) => [p.memberId, p.name, p.count, p.min, p.median, p.max])).toEqual([
      [ana.memberId, 'Ana PM', 4, 1000, 2500, 4000],
      [bo.memberId, 'Bo PM', 5, 10, 30, 900000],
    ]);
    expect(c.pms[0]).toMatchObject({ q1: 1750, q3: 3250, mean: 2500, unscored: 0, components: [{ id: routing, name: 'Routing' }] });
    expect(c.product).toMatchObject({ count: 9, min: 10, max: 900000, median: 1000, k: 3 });
    expect(c.outliers.map((o) => [o.title, o.direction, o.ownerName])).toEqual([['Bo huge', 'high', 'Bo PM']]);
  });

  it('answers 400 for bad query values and 404 for another workspace\u2019s product', async () => {
    const { f, productId } = await setup();
    const bad = await f.admin.get(`${f.w}/features/ranked?productId=${productId}&normalize=team`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'normalize' });
    expect((await f.admin.get(`${f.w}/features/ranked?limit=0`)).json()).toMatchObject({ field: 'limit' });
    const other = await setup();
    expect((await f.admin.get(`${f.w}/features/ranked?productId=${other.productId}`)).statusCode).toBe(404);
    expect((await f.admin.get(`${f.w}/features/ranked?componentId=${other.routing}`)).statusCode).toBe(404);
    expect((await f.admin.get(`${f.w}/prioritization/calibration?productId=${other.productId}`)).statusCode).toBe(404);
    const theirFramework = (await frameworksOf(other.f.admin, other.f.w)).frameworks[0]!.id;
    expect((await f.admin.get(`${f.w}/features/ranked?frameworkId=${theirFramework}`)).statusCode).toBe(404);
    const viewer = await addMember(f, 'viewer');
    expect((await viewer.get(`${f.w}/features/ranked?productId=${productId}`)).statusCode).toBe(403);
    expect((await viewer.get(`${f.w}/prioritization/calibration`)).statusCode).toBe(403);
  });

  it('re-ranks when a weighted framework\u2019s weights change, and reads the ARR roll-up', async () => {
    const { f, productId, routing, driver } = await setup();
    const big = await feature(f, routing, 'Big-account ask', { scores: { weighted: { strategicFit: 1, urgency: 1 } } });
    await feature(f, driver, 'Strategic bet', { scores: { weighted: { strategicFit: 5, urgency: 5 } } });
    const customer = created(await f.admin.post(`${f.w}/customers`, { name: 'Acme', arr: 999_999 }), 'customer');
    const fb = created(await f.admin.post(`${f.w}/feedback`, { text: 'We need routing around windows', source: 'sales', customerId: customer }), 'feedback');
    expect((await f.admin.post(`${f.w}/features/${big}/evidence`, { feedbackId: fb })).statusCode).toBe(201);

    const set = await frameworksOf(f.admin, f.w);
    const scorecard = set.frameworks.find((x) => x.kind === 'weighted')!;
    const rank = async () =>
      (await f.admin.get(`${f.w}/features/ranked?productId=${productId}&frameworkId=${scorecard.id}`)).json<RankedFeatureList>().items.map((i) => [i.title, i.score]);
    // 0.4 × log10(1 + 999999) + 0.35 × 1 + 0.25 × 1 = 3 vs 0.35 × 5 + 0.25 × 5 = 3
    expect(await rank()).toEqual([
      ['Big-account ask', 3],
      ['Strategic bet', 3],
    ]);
    const card = (await f.admin.get(`${f.w}/features/${big}/scores`)).json<FeatureScoreCard>();
    expect(card.scores.find((s) => s.kind === 'weighted')!.explanation).toBe(
      'Customer value scorecard = 0.4 × customer ARR 6 (log₁₀(1 + ARR 999999)) + 0.35 × strategic fit 1 + 0.25 × urgency 1 = 3',
    );

    const body = asBody(set);
    const criteria = (body.frameworks.find((x) => x.kind === 'weighted')!.config as { criteria: { weight: number }[] }).criteria;
    criteria[0]!.weight = 80;
    expect((await put(f.admin, `${f.w}/prioritization/frameworks`, body)).statusCode).toBe(200);
    expect(await rank()).toEqual([
      ['Big-account ask', 3.8571],
      ['Strategic bet', 2.1429],
    ]);
  });
});

describe("a feature's scores", () => {
  it('explains each enabled framework, default first, and updates the inputs with a version', async () => {
    const { f, routing, ana } = await setup();
    const id = await feature(f, routing, 'Window-aware routing', { effort: 4 });
    const card = (await ana.get(`${f.w}/features/${id}/scores`)).json<FeatureScoreCard>();
    expect(card.scores.map((s) => [s.name, s.score])).toEqual([
      ['RICE', null],
      ['ICE', null],
      ['WSJF', null],
      ['Value / effort', null],
      ['Customer value scorecard', null],
    ]);
    expect(card.scores[0]).toMatchObject({ missing: ['reach', 'impact', 'confidence'] });
    expect(card.scores[0]!.factors.map((x) => [x.key, x.source, x.value, x.editable])).toEqual([
      ['reach', 'manual', null, true],
      ['impact', 'manual', null, true],
      ['confidence', 'manual', null, true],
      ['effort', 'effort', 4, false],
    ]);
    expect(card.facts).toEqual({ effort: 4, evidenceCount: 0, customerCount: 0, arr: '0' });

    const res = await put(ana, `${f.w}/features/${id}/scores`, { inputs: { rice: { reach: 800, impact: 2, confidence: 0.8 }, ice: { impact: 8, confidence: 7, ease: 5 } }, version: card.version });
    expect(res.statusCode, res.body).toBe(200);
    const updated = res.json<FeatureScoreCard>();
    expect(updated.version).toBe(card.version + 1);
    expect(updated.scores[0]).toMatchObject({ score: 320, explanation: 'RICE = reach 800 × impact 2 × confidence 0.8 ÷ effort 4 = 320', missing: [] });
    expect(updated.scores[1]!.score).toBe(280);
    // Stored, so the ranking sees it.
    const ranked = (await f.admin.get(`${f.w}/features/ranked?componentId=${routing}`)).json<RankedFeatureList>();
    expect(ranked.items[0]).toMatchObject({ featureId: id, score: 320, rank: 1 });

    // A kind sent replaces that kind; null clears; kinds not sent are kept.
    const cleared = (await put(ana, `${f.w}/features/${id}/scores`, { inputs: { ice: { impact: null, confidence: 7, ease: 5 } }, version: updated.version })).json<FeatureScoreCard>();
    expect(cleared.inputs).toEqual({ rice: { reach: 800, impact: 2, confidence: 0.8 }, ice: { confidence: 7, ease: 5 } });
    expect(cleared.scores[1]).toMatchObject({ score: null, missing: ['impact'] });

    const audit = (await f.admin.get(`${f.w}/audit-log?entityType=feature`)).json<{ items: { action: string; summary: string }[] }>();
    const entries = audit.items.filter((a) => a.action === 'feature.scores.update').map((a) => a.summary);
    expect(entries).toContain('Updated the score inputs of "Window-aware routing": ice.impact: 8 → —');
  });

  it('answers 409 when stale, 400 naming the field, 403 to a PM who does not own it, 404 elsewhere', async () => {
    const { f, routing, bo } = await setup();
    const id = await feature(f, routing, 'Window-aware routing');
    const card = (await f.admin.get(`${f.w}/features/${id}/scores`)).json<FeatureScoreCard>();
    const url = `${f.w}/features/${id}/scores`;
    expect((await put(f.admin, url, { inputs: { rice: { reach: 1 } }, version: card.version })).statusCode).toBe(200);
    const stale = await put(f.admin, url, { inputs: { rice: { reach: 2 } }, version: card.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', field: 'version' });

    const fresh = card.version + 1;
    const cases: [unknown, string][] = [
      [{ inputs: { rice: { mood: 3 } }, version: fresh }, 'inputs.rice.mood'],
      [{ inputs: { rice: { reach: -1 } }, version: fresh }, 'inputs.rice.reach'],
      [{ inputs: { rice: { reach: 'many' } }, version: fresh }, 'inputs.rice.reach'],
      [{ inputs: { moscow: {} }, version: fresh }, 'inputs.moscow'],
      [{ inputs: { weighted: { 'Bad Key': 1 } }, version: fresh }, 'inputs.weighted.Bad Key'],
      [{ inputs: { rice: { reach: 1 } } }, 'version'],
    ];
    for (const [payload, field] of cases) {
      const res = await put(f.admin, url, payload);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json<{ field: string }>().field).toBe(field);
    }

    const denied = await put(bo, url, { inputs: { rice: { reach: 3 } }, version: fresh });
    expect(denied.statusCode).toBe(403);
    const contributor = await addMember(f, 'contributor');
    expect((await contributor.get(url)).statusCode).toBe(200);
    expect((await put(contributor, url, { inputs: {}, version: fresh })).statusCode).toBe(403);
    const viewer = await addMember(f, 'viewer');
    expect((await viewer.get(url)).statusCode).toBe(403);

    const other = await workspaceFixture('Elsewhere');
    expect((await other.admin.get(`${other.w}/features/${id}/scores`)).statusCode).toBe(404);
    expect((await put(other.admin, `${other.w}/features/${id}/scores`, { inputs: {}, version: fresh })).statusCode).toBe(404);
    expect((await f.admin.get(`${f.w}/features/00000000-0000-4000-8000-000000000000/scores`)).statusCode).toBe(404);
  });
});
