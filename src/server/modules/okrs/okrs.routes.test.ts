import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreatedKeyResultCheckIn, KeyResult, KeyResultCheckInList, Objective, ObjectiveList, OkrPeriod, OkrPeriodList, OkrTree } from '../../../shared/contracts.js';
import { testDatabase } from '../../test/database.js';
import { addMember, testApp, workspaceFixture, type Fixture } from '../../test/helpers.js';
import { insertMetricRow } from './okrs.fixtures.js';

type Err = { code: string; message: string; field?: string };

async function audit(f: Fixture): Promise<{ action: string; summary: string; entityId: string | null }[]> {
  return (await f.admin.get(`${f.w}/audit-log?limit=200`)).json<{ items: { action: string; summary: string; entityId: string | null }[] }>().items;
}

/** A product with two components (the second owned by `ownerId`) and a quarter. */
async function setup(f: Fixture, ownerId: string | null = null) {
  const productId = (await f.admin.post(`${f.w}/products`, { name: 'Atlas' })).json<{ id: string }>().id;
  const billing = (await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Billing' })).json<{ id: string }>().id;
  const search = (await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Search', ownerId })).json<{ id: string }>().id;
  const period = (await f.admin.post(`${f.w}/periods`, { name: `Q3 ${randomUUID().slice(0, 4)}`, start: '2026-07-01', end: '2026-09-30' })).json<OkrPeriod>();
  return { productId, billing, search, periodId: period.id, period };
}

describe('okrs routes', () => {
  beforeAll(async () => void (await testApp()));

  it('manages periods: kinds, validation, names, versions and guarded deletion', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead');
    const pm = await addMember(f, 'pm');
    const viewer = await addMember(f, 'viewer');

    const q = await lead.post(`${f.w}/periods`, { name: 'Q4 2026', start: '2026-10-01', end: '2026-12-31' });
    expect(q.statusCode).toBe(201);
    expect(q.json<OkrPeriod>()).toMatchObject({ name: 'Q4 2026', kind: 'quarter', start: '2026-10-01', end: '2026-12-31', objectiveCount: 0, version: 1 });
    const custom = await lead.post(`${f.w}/periods`, { name: 'Launch sprint', start: '2026-08-10', end: '2026-09-04' });
    expect(custom.json<OkrPeriod>().kind).toBe('custom');

    const backwards = await lead.post(`${f.w}/periods`, { name: 'Backwards', start: '2026-05-01', end: '2026-04-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json<Err>().field).toBe('end');
    const notQuarter = await lead.post(`${f.w}/periods`, { name: 'Fake quarter', start: '2026-05-01', end: '2026-06-30', kind: 'quarter' });
    expect(notQuarter.json<Err>().field).toBe('kind');
    const badDay = await lead.post(`${f.w}/periods`, { name: 'Bad day', start: '2026-02-30', end: '2026-03-31' });
    expect(badDay.json<Err>().field).toBe('start');
    const dup = await lead.post(`${f.w}/periods`, { name: 'q4 2026', start: '2027-01-01', end: '2027-03-31' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json<Err>().field).toBe('name');
    expect((await pm.post(`${f.w}/periods`, { name: 'PM period', start: '2026-01-01', end: '2026-03-31' })).statusCode).toBe(403);

    const list = (await viewer.get(`${f.w}/periods`)).json<OkrPeriodList>();
    expect(list.items.map((p) => p.name)).toEqual(['Launch sprint', 'Q4 2026']);

    const url = `${f.w}/periods/${custom.json<OkrPeriod>().id}`;
    const edited = await lead.patch(url, { start: '2026-07-01', end: '2026-09-30', version: 1 });
    expect(edited.json<OkrPeriod>()).toMatchObject({ kind: 'quarter', version: 2 });
    expect((await lead.patch(url, { name: 'Stale', version: 1 })).statusCode).toBe(409);
    expect((await lead.patch(url, { end: '2026-06-01', version: 2 })).json<Err>().field).toBe('end');

    // A period with objectives is kept unless forced.
    const productId = (await f.admin.post(`${f.w}/products`, { name: 'Atlas' })).json<{ id: string }>().id;
    const o = await lead.post(`${f.w}/objectives`, { title: 'Grow', periodId: edited.json<OkrPeriod>().id, productId });
    expect(o.statusCode).toBe(201);
    const refused = await lead.delete(url);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Err>().message).toMatch(/1 objective.*force=true/);
    expect((await lead.delete(`${url}?force=true`)).statusCode).toBe(204);
    expect((await lead.get(`${f.w}/objectives/${o.json<Objective>().id}`)).statusCode).toBe(404);
    expect((await lead.delete(`${f.w}/periods/${q.json<OkrPeriod>().id}`)).statusCode).toBe(204);

    const actions = (await audit(f)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['okr-period.create', 'okr-period.update', 'okr-period.delete', 'objective.create']));
  });

  it('creates objectives at product and component level, checking every reference', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead', 'Lee Lead');
    const pm = await addMember(f, 'pm', 'Pia PM');
    const otherPm = await addMember(f, 'pm');
    const viewer = await addMember(f, 'viewer');
    const { productId, billing, search, periodId } = await setup(f, pm.memberId);

    const top = await lead.post(`${f.w}/objectives`, { title: 'Become the default for mid-market', periodId, productId, description: 'Why it matters' });
    expect(top.statusCode).toBe(201);
    expect(top.json<Objective>()).toMatchObject({ componentId: null, ownerId: lead.memberId, owner: { name: 'Lee Lead' }, progress: 0, keyResults: [], children: [], parent: null, product: { name: 'Atlas' } });
    const topId = top.json<Objective>().id;

    const child = await lead.post(`${f.w}/objectives`, { title: 'Billing just works', periodId, componentId: billing, parentId: topId });
    expect(child.json<Objective>()).toMatchObject({ productId, component: { id: billing, name: 'Billing' }, parent: { id: topId } });

    const bad = async (body: object, field: string) => {
      const res = await lead.post(`${f.w}/objectives`, { title: 'Bad', periodId, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<Err>().field).toBe(field);
    };
    await bad({}, 'productId');
    await bad({ componentId: randomUUID() }, 'componentId');
    const other = (await f.admin.post(`${f.w}/products`, { name: 'Other' })).json<{ id: string }>().id;
    await bad({ productId: other, componentId: billing }, 'componentId');
    await bad({ productId, periodId: randomUUID() }, 'periodId');
    await bad({ productId, parentId: randomUUID() }, 'parentId');
    await bad({ productId, ownerId: randomUUID() }, 'ownerId');
    await bad({ productId, pillarId: randomUUID() }, 'pillarId');
    const otherPeriod = (await lead.post(`${f.w}/periods`, { name: 'Later', start: '2027-01-01', end: '2027-03-31' })).json<OkrPeriod>().id;
    await bad({ productId, periodId: otherPeriod, parentId: topId }, 'parentId');
    expect((await lead.get(`${f.w}/objectives?productId=${productId}`)).json<ObjectiveList>().total).toBe(2);

    // A PM creates objectives they own or for components they own; not for someone else on another's component.
    expect((await pm.post(`${f.w}/objectives`, { title: 'Mine', periodId, productId })).statusCode).toBe(201);
    expect((await pm.post(`${f.w}/objectives`, { title: 'Search relevance', periodId, componentId: search, ownerId: otherPm.memberId })).statusCode).toBe(201);
    expect((await pm.post(`${f.w}/objectives`, { title: 'Not mine', periodId, componentId: billing, ownerId: lead.memberId })).statusCode).toBe(403);
    expect((await viewer.post(`${f.w}/objectives`, { title: 'Viewer', periodId, productId })).statusCode).toBe(403);

    const byComponent = (await viewer.get(`${f.w}/objectives?componentId=${search}`)).json<ObjectiveList>();
    expect(byComponent.items.map((o) => o.title)).toEqual(['Search relevance']);
  });

  it('edits objectives with versions, refuses cycles, and lets a PM edit only their own', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead');
    const pm = await addMember(f, 'pm');
    const { productId, billing, periodId } = await setup(f);
    const a = (await lead.post(`${f.w}/objectives`, { title: 'A', periodId, productId })).json<Objective>();
    const b = (await lead.post(`${f.w}/objectives`, { title: 'B', periodId, productId, parentId: a.id })).json<Objective>();
    const c = (await lead.post(`${f.w}/objectives`, { title: 'C', periodId, componentId: billing, parentId: b.id })).json<Objective>();

    const cycle = await lead.patch(`${f.w}/objectives/${a.id}`, { parentId: c.id, version: 1 });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json<Err>()).toMatchObject({ field: 'parentId', message: expect.stringMatching(/cycle/) });
    expect((await lead.patch(`${f.w}/objectives/${a.id}`, { parentId: a.id, version: 1 })).json<Err>().field).toBe('parentId');
    const other = (await f.admin.post(`${f.w}/products`, { name: 'Other' })).json<{ id: string }>().id;
    const foreignComponent = (await f.admin.post(`${f.w}/products/${other}/components`, { name: 'Elsewhere' })).json<{ id: string }>().id;
    expect((await lead.patch(`${f.w}/objectives/${c.id}`, { componentId: foreignComponent, version: 1 })).json<Err>().field).toBe('componentId');

    expect((await lead.patch(`${f.w}/objectives/${c.id}`, { title: 'C edited', parentId: null })).json<Err>().field).toBe('version');
    const edited = await lead.patch(`${f.w}/objectives/${c.id}`, { title: 'C edited', parentId: null, status: 'achieved', version: 1 });
    expect(edited.json<Objective>()).toMatchObject({ title: 'C edited', parentId: null, status: 'achieved', version: 2 });
    expect((await lead.patch(`${f.w}/objectives/${c.id}`, { title: 'Stale', version: 1 })).statusCode).toBe(409);

    expect((await pm.patch(`${f.w}/objectives/${a.id}`, { title: 'Hijack', version: 1 })).statusCode).toBe(403);
    expect((await lead.patch(`${f.w}/objectives/${a.id}`, { ownerId: pm.memberId, version: 1 })).statusCode).toBe(200);
    expect((await pm.patch(`${f.w}/objectives/${a.id}`, { title: 'Now mine', version: 2 })).statusCode).toBe(200);

    // Deleting keeps the children, without a parent.
    expect((await pm.delete(`${f.w}/objectives/${a.id}`)).statusCode).toBe(204);
    expect((await lead.get(`${f.w}/objectives/${b.id}`)).json<Objective>().parentId).toBeNull();
    expect((await audit(f)).map((x) => x.action)).toEqual(expect.arrayContaining(['objective.update', 'objective.delete']));
  });

  it('adds key results with type-aware checks, a metric and an owner, and edits them', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead');
    const { productId, periodId } = await setup(f);
    const o = (await lead.post(`${f.w}/objectives`, { title: 'Faster search', periodId, productId })).json<Objective>();
    const post = (body: object) => lead.post(`${f.w}/key-results`, { objectiveId: o.id, title: 'KR', start: 0, target: 10, direction: 'increase', type: 'number', ...body });

    const latency = await post({ title: 'p95 latency', start: 800, target: 200, direction: 'decrease', unit: 'ms' });
    expect(latency.statusCode).toBe(201);
    expect(latency.json<KeyResult>()).toMatchObject({ direction: 'decrease', start: 800, target: 200, current: null, progress: 0, unit: 'ms', ownerId: lead.memberId, features: [], checkIns: [] });
    expect((await post({ type: 'percentage', start: 20, target: 50 })).json<KeyResult>().unit).toBe('%');
    expect((await post({ type: 'milestone', start: 5, target: 5 })).json<KeyResult>()).toMatchObject({ start: 0, target: 1, direction: 'increase' });

    const bad = async (body: object, field: string) => {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<Err>().field).toBe(field);
    };
    await bad({ start: 5, target: 5 }, 'target');
    await bad({ start: 10, target: 2, direction: 'increase' }, 'direction');
    await bad({ start: 2, target: 10, direction: 'decrease' }, 'direction');
    await bad({ type: 'stars' }, 'type');
    await bad({ metricId: randomUUID() }, 'metricId');
    await bad({ ownerId: randomUUID() }, 'ownerId');
    await bad({ objectiveId: randomUUID() }, 'objectiveId');

    // A key result following a metric starts at the metric's latest value.
    const { db } = await testDatabase();
    const metricId = randomUUID();
    await insertMetricRow(db, { id: metricId, workspaceId: f.workspaceId, name: `Weekly searches ${metricId.slice(0, 4)}`, latestValue: 40, latestAt: new Date(), pointCount: 1 });
    const followed = await post({ title: 'Weekly searches', start: 20, target: 60, metricId });
    expect(followed.json<KeyResult>()).toMatchObject({ metricId, current: 40, progress: 0.5 });

    const url = `${f.w}/key-results/${latency.json<KeyResult>().id}`;
    expect((await lead.patch(url, { direction: 'increase', version: 1 })).json<Err>().field).toBe('direction');
    const edited = await lead.patch(url, { target: 300, title: 'p95 search latency', version: 1 });
    expect(edited.json<KeyResult>()).toMatchObject({ target: 300, title: 'p95 search latency', version: 2 });
    expect((await lead.patch(url, { title: 'Stale', version: 1 })).statusCode).toBe(409);
    expect((await lead.delete(url)).statusCode).toBe(204);
    expect((await lead.get(url)).statusCode).toBe(404);
    expect((await audit(f)).map((x) => x.action)).toEqual(expect.arrayContaining(['key-result.create', 'key-result.update', 'key-result.delete']));
  });

  it('records check-ins by the owner, with progress, confidence and a history for charts', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead');
    const pm = await addMember(f, 'pm', 'Pia PM');
    const otherPm = await addMember(f, 'pm');
    const viewer = await addMember(f, 'viewer');
    const { productId, periodId } = await setup(f);
    const o = (await lead.post(`${f.w}/objectives`, { title: 'Activation', periodId, productId })).json<Objective>();
    const mine = (await lead.post(`${f.w}/key-results`, { objectiveId: o.id, title: 'Activated teams', start: 100, target: 300, direction: 'increase', type: 'number', ownerId: pm.memberId })).json<KeyResult>();
    const theirs = (await lead.post(`${f.w}/key-results`, { objectiveId: o.id, title: 'Onboarding shipped', start: 0, target: 1, direction: 'increase', type: 'milestone' })).json<KeyResult>();

    const first = await pm.post(`${f.w}/key-results/${mine.id}/check-ins`, { value: 150, confidence: 8, note: 'Good start' });
    expect(first.statusCode).toBe(201);
    expect(first.json<CreatedKeyResultCheckIn>()).toMatchObject({
      checkIn: { value: 150, progress: 0.25, confidence: 8, status: 'on_track', note: 'Good start', author: { id: pm.memberId, name: 'Pia PM' } },
      keyResult: { current: 150, progress: 0.25, confidence: 8, status: 'on_track' },
    });
    const second = await pm.post(`${f.w}/key-results/${mine.id}/check-ins`, { value: 250, confidence: 5 });
    expect(second.json<CreatedKeyResultCheckIn>().checkIn).toMatchObject({ progress: 0.75, status: 'at_risk' });
    const overridden = await pm.post(`${f.w}/key-results/${mine.id}/check-ins`, { value: 400, confidence: 2, status: 'at_risk' });
    expect(overridden.json<CreatedKeyResultCheckIn>().checkIn).toMatchObject({ progress: 1, status: 'at_risk' });

    // Not on someone else's key result; viewers read only.
    expect((await pm.post(`${f.w}/key-results/${theirs.id}/check-ins`, { value: 1, confidence: 9 })).statusCode).toBe(403);
    expect((await otherPm.post(`${f.w}/key-results/${mine.id}/check-ins`, { value: 1, confidence: 9 })).statusCode).toBe(403);
    expect((await viewer.post(`${f.w}/key-results/${mine.id}/check-ins`, { value: 1, confidence: 9 })).statusCode).toBe(403);
    const badConfidence = await pm.post(`${f.w}/key-results/${mine.id}/check-ins`, { value: 1, confidence: 11 });
    expect(badConfidence.json<Err>().field).toBe('confidence');
    expect((await pm.post(`${f.w}/key-results/${mine.id}/check-ins`, { value: 1, confidence: 6.5 })).json<Err>().field).toBe('confidence');
    expect((await lead.post(`${f.w}/key-results/${theirs.id}/check-ins`, { value: 0.5, confidence: 5 })).json<Err>().field).toBe('value');
    expect((await lead.post(`${f.w}/key-results/${theirs.id}/check-ins`, { value: 1, confidence: 9 })).statusCode).toBe(201);

    const history = (await viewer.get(`${f.w}/key-results/${mine.id}/check-ins`)).json<KeyResultCheckInList>();
    expect(history.items.map((c) => [c.value, c.progress, c.confidence])).toEqual([
      [150, 0.25, 8],
      [250, 0.75, 5],
      [400, 1, 2],
    ]);
    const kr = (await viewer.get(`${f.w}/key-results/${mine.id}`)).json<KeyResult>();
    expect(kr).toMatchObject({ current: 400, progress: 1, confidence: 2, status: 'at_risk' });
    expect(kr.checkIns).toHaveLength(3);
    expect(kr.lastCheckInAt).toBe(history.items[2]!.at);

    const objective = (await viewer.get(`${f.w}/objectives/${o.id}`)).json<Objective>();
    expect(objective).toMatchObject({ progress: 1, worstConfidence: 2, worstStatus: 'at_risk', keyResultCount: 2 });
    expect((await audit(f)).filter((a) => a.action === 'key-result.check-in')).toHaveLength(4);
  });

  it('links driving features, flagging slipped and conflicting ones', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead');
    const { productId, billing } = await setup(f);
    // Far ahead, so that no end date has passed yet.
    const periodId = (await lead.post(`${f.w}/periods`, { name: 'Q3 2030', start: '2030-07-01', end: '2030-09-30' })).json<OkrPeriod>().id;
    const o = (await lead.post(`${f.w}/objectives`, { title: 'Revenue', periodId, productId })).json<Objective>();
    const kr = (await lead.post(`${f.w}/key-results`, { objectiveId: o.id, title: 'MRR', start: 10, target: 20, direction: 'increase', type: 'currency', unit: 'EUR' })).json<KeyResult>();
    const feature = async (body: object) => (await f.admin.post(`${f.w}/features`, { componentId: billing, ...body })).json<{ id: string }>().id;
    const onTime = await feature({ title: 'Annual plans', status: 'planned', startDate: '2030-07-01', endDate: '2030-08-15' });
    const late = await feature({ title: 'Usage billing', status: 'in_progress', startDate: '2030-08-01', endDate: '2030-11-15' });
    const prereq = await feature({ title: 'Tax engine', status: 'idea' });
    const blocked = await feature({ title: 'Invoices in EU', status: 'planned', horizon: 'now', startDate: '2030-07-10', endDate: '2030-09-01' });
    expect((await f.admin.post(`${f.w}/dependencies`, { featureId: blocked, dependsOnId: prereq })).statusCode).toBe(201);

    const url = `${f.w}/key-results/${kr.id}/features`;
    const bad = await lead.request('PUT', url, { featureIds: [onTime, randomUUID()] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Err>().field).toBe('featureIds.1');
    const set = await lead.request('PUT', url, { featureIds: [onTime, late, blocked, late] });
    expect(set.statusCode).toBe(200);
    const features = set.json<KeyResult>().features;
    expect(features.map((x) => [x.title, x.slipped, x.conflict])).toEqual([
      ['Annual plans', false, false],
      ['Invoices in EU', false, true],
      ['Usage billing', true, false],
    ]);
    expect(features.find((x) => x.title === 'Usage billing')!.flags[0]).toMatch(/after the period ends/);
    expect(features[0]!.component).toEqual({ id: billing, name: 'Billing' });
    expect((await lead.request('PUT', url, { featureIds: [] })).json<KeyResult>().features).toEqual([]);
    expect((await audit(f)).filter((a) => a.action === 'key-result.features')).toHaveLength(2);
  });

  it('builds the alignment tree with roll-ups, and serves it fresh after a change', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead', 'Lee Lead');
    const viewer = await addMember(f, 'viewer');
    const { productId, billing, search, periodId } = await setup(f);
    const obj = async (body: object) => (await lead.post(`${f.w}/objectives`, { periodId, ...body })).json<Objective>().id;
    const kr = async (objectiveId: string, start: number, target: number) =>
      (await lead.post(`${f.w}/key-results`, { objectiveId, title: `KR ${start}-${target}`, start, target, direction: 'increase', type: 'number' })).json<KeyResult>().id;
    const top = await obj({ title: 'Top', productId });
    const second = await obj({ title: 'Second top', productId });
    const underTop = await obj({ title: 'Billing under top', componentId: billing, parentId: top });
    const lonely = await obj({ title: 'Search alone', componentId: search });
    const k1 = await kr(underTop, 0, 10);
    const k2 = await kr(second, 0, 4);
    await kr(lonely, 0, 100);

    const url = `${f.w}/okrs/tree?productId=${productId}&periodId=${periodId}`;
    const before = (await viewer.get(url)).json<OkrTree>();
    expect(before.rootIds).toEqual([top, second, lonely]);
    expect(before.nodes.map((n) => [n.title, n.depth])).toEqual([
      ['Top', 0],
      ['Billing under top', 1],
      ['Second top', 0],
      ['Search alone', 0],
    ]);
    expect(before.counts).toEqual({ objectives: 4, keyResults: 3, onTrack: 0, atRisk: 0, offTrack: 0, noCheckIn: 3 });

    await lead.post(`${f.w}/key-results/${k1}/check-ins`, { value: 5, confidence: 4 });
    await lead.post(`${f.w}/key-results/${k2}/check-ins`, { value: 4, confidence: 9 });
    const tree = (await viewer.get(url)).json<OkrTree>();
    const node = (title: string) => tree.nodes.find((n) => n.title === title)!;
    expect(node('Billing under top')).toMatchObject({ progress: 0.5, worstConfidence: 4, worstStatus: 'at_risk', component: { name: 'Billing' }, owner: { name: 'Lee Lead' } });
    expect(node('Billing under top').keyResults[0]).toMatchObject({ current: 5, progress: 0.5, confidence: 4, status: 'at_risk' });
    expect(node('Top')).toMatchObject({ progress: 0.5, childIds: [underTop], keyResultCount: 0 });
    expect(node('Second top').progress).toBe(1);
    expect(tree.progress).toBeCloseTo(0.5);
    expect(tree.counts).toMatchObject({ onTrack: 1, atRisk: 1, noCheckIn: 1 });

    expect((await viewer.get(`${f.w}/okrs/tree?productId=${productId}&periodId=${randomUUID()}`)).statusCode).toBe(404);
    expect((await viewer.get(`${f.w}/okrs/tree?productId=${productId}`)).json<Err>().field).toBe('periodId');
  });

  it('answers 404 for another workspace’s records', async () => {
    const f = await workspaceFixture();
    const g = await workspaceFixture();
    const { productId, periodId } = await setup(f);
    const o = (await f.admin.post(`${f.w}/objectives`, { title: 'Private goal', periodId, productId })).json<Objective>();
    const kr = (await f.admin.post(`${f.w}/key-results`, { objectiveId: o.id, title: 'KR', start: 0, target: 1, direction: 'increase', type: 'number' })).json<KeyResult>();
    const x = g.admin;
    expect((await x.get(`${g.w}/objectives/${o.id}`)).statusCode).toBe(404);
    expect((await x.patch(`${g.w}/objectives/${o.id}`, { title: 'x', version: 1 })).statusCode).toBe(404);
    expect((await x.delete(`${g.w}/objectives/${o.id}`)).statusCode).toBe(404);
    expect((await x.get(`${g.w}/key-results/${kr.id}`)).statusCode).toBe(404);
    expect((await x.post(`${g.w}/key-results/${kr.id}/check-ins`, { value: 1, confidence: 5 })).statusCode).toBe(404);
    expect((await x.get(`${g.w}/key-results/${kr.id}/check-ins`)).statusCode).toBe(404);
    expect((await x.request('PUT', `${g.w}/key-results/${kr.id}/features`, { featureIds: [] })).statusCode).toBe(404);
    expect((await x.patch(`${g.w}/periods/${periodId}`, { name: 'x', version: 1 })).statusCode).toBe(404);
    expect((await x.delete(`${g.w}/periods/${periodId}`)).statusCode).toBe(404);
    expect((await x.get(`${g.w}/okrs/tree?productId=${productId}&periodId=${periodId}`)).statusCode).toBe(404);
    expect((await x.post(`${g.w}/key-results`, { objectiveId: o.id, title: 'KR', start: 0, target: 1, direction: 'increase', type: 'number' })).json<Err>().field).toBe('objectiveId');
    expect((await x.post(`${g.w}/objectives`, { title: 'x', periodId, productId })).json<Err>().field).toBe('periodId');
    expect((await x.get(`${g.w}/objectives`)).json<ObjectiveList>().total).toBe(0);
    // Nothing was written in the first workspace.
    expect((await f.admin.get(`${f.w}/objectives/${o.id}`)).json<Objective>()).toMatchObject({ title: 'Private goal', version: 1 });
  });
});
