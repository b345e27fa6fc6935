import { describe, expect, it } from 'vitest';
import type { DependencyConflictList, DependencyGraph, DependencyPreview, FeatureDependencies } from '../../../shared/contracts.js';
import { testDatabase } from '../../test/database.js';
import { addMember, workspaceFixture, type Fixture, type TestClient } from '../../test/helpers.js';
import { benchConflicts } from './dependencies.service.js';

interface Plan {
  status?: string;
  horizon?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  internal?: boolean;
}

function idOf(res: { statusCode: number; body: string; json: <T>() => T }, what: string): string {
  if (res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** A product with two components (the first owned by `ownerId`), through the API as a lead would make them. */
async function productWithComponents(f: Fixture, ownerId: string | null = null) {
  const productId = idOf(await f.admin.post(`${f.w}/products`, { name: 'Fleet Suite' }), 'product');
  const routing = idOf(await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Routing', ownerId }), 'component');
  const driver = idOf(await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Driver App' }), 'component');
  return { productId, routing, driver };
}

async function feature(f: Fixture, componentId: string, title: string, plan: Plan = {}): Promise<string> {
  return idOf(await f.admin.post(`${f.w}/features`, { componentId, title, status: 'planned', horizon: 'next', ...plan }), `feature ${title}`);
}

/** Changes a feature's plan through PATCH /features, as the roadmap or the feature page does. */
async function replan(f: Fixture, featureId: string, plan: Plan): Promise<void> {
  const version = (await f.admin.get(`${f.w}/features/${featureId}`)).json<{ version: number }>().version;
  const res = await f.admin.patch(`${f.w}/features/${featureId}`, { ...plan, version });
  if (res.statusCode !== 200) throw new Error(`replan: ${res.statusCode} ${res.body}`);
}

const depend = (c: TestClient, f: Fixture, featureId: string, dependsOnId: string, note?: string) => c.post(`${f.w}/dependencies`, { featureId, dependsOnId, ...(note ? { note } : {}) });

/** The fleet example of the issue: routing (Jan–Feb) before offline proof of delivery (Mar–Apr), then ETA sharing (May–Jun). */
async function fleet(ownerId: string | null = null, fixture?: Fixture) {
  const f = fixture ?? (await workspaceFixture());
  const p = await productWithComponents(f, ownerId);
  const routing = await feature(f, p.routing, 'Window-aware routing', { startDate: '2027-01-04', endDate: '2027-02-26' });
  const offline = await feature(f, p.driver, 'Offline proof of delivery', { startDate: '2027-03-01', endDate: '2027-04-30' });
  const eta = await feature(f, p.driver, 'Driver ETA sharing', { startDate: '2027-05-03', endDate: '2027-06-25' });
  return { f, ...p, routing, offline, eta };
}

describe('dependencies routes', () => {
  it('adds a cross-component dependency, flags the conflict when the prerequisite moves later, and shows it everywhere', async () => {
    const { f, productId, routing, offline } = await fleet();
    const created = await depend(f.admin, f, offline, routing, 'Proof needs the new stop model');
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ featureId: offline, dependsOnId: routing, note: 'Proof needs the new stop model', conflicts: [] });
    const none = await f.admin.get(`${f.w}/dependencies/conflicts?productId=${productId}`);
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ items: [], total: 0 });

    await replan(f, routing, { startDate: '2027-03-15', endDate: '2027-05-14' });
    const list = (await f.admin.get(`${f.w}/dependencies/conflicts?productId=${productId}`)).json<DependencyConflictList>();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      featureId: offline,
      dependsOnId: routing,
      reason: 'ends_after_start',
      message: '“Window-aware routing” ends on 2027-05-14, after “Offline proof of delivery” starts on 2027-03-01',
      feature: { title: 'Offline proof of delivery', componentName: 'Driver App' },
      dependsOn: { title: 'Window-aware routing', componentName: 'Routing' },
    });

    const around = (await f.admin.get(`${f.w}/dependencies?featureId=${routing}`)).json<FeatureDependencies>();
    expect(around.feature).toMatchObject({ id: routing, endDate: '2027-05-14', productName: 'Fleet Suite' });
    expect(around.needs).toEqual([]);
    expect(around.neededBy).toHaveLength(1);
    expect(around.neededBy[0]).toMatchObject({ feature: { id: offline, status: 'planned', startDate: '2027-03-01' }, conflicts: [{ reason: 'ends_after_start' }] });
    const fromOffline = (await f.admin.get(`${f.w}/dependencies?featureId=${offline}`)).json<FeatureDependencies>();
    expect(fromOffline.needs.map((l) => l.feature.id)).toEqual([routing]);

    const graph = (await f.admin.get(`${f.w}/dependencies/graph?productId=${productId}`)).json<DependencyGraph>();
    expect(graph.conflictCount).toBe(1);
    expect(graph.nodes.map((n) => [n.title, n.depth, n.inProduct])).toEqual([
      ['Window-aware routing', 0, true],
      ['Offline proof of delivery', 1, true],
    ]);
    expect(graph.edges).toEqual([{ id: created.json<{ id: string }>().id, featureId: offline, dependsOnId: routing, conflicts: [expect.objectContaining({ reason: 'ends_after_start' })] }]);

    const audit = (await f.admin.get(`${f.w}/audit-log?entityType=feature`)).json<{ items: { action: string; summary: string; entityId: string }[] }>();
    expect(audit.items.find((e) => e.action === 'dependency.create')).toMatchObject({ entityId: offline, summary: expect.stringContaining('“Offline proof of delivery” now depends on “Window-aware routing”') });
  });

  it('refuses a cycle with 409 naming its path, a duplicate with 409, and a self-dependency with 400', async () => {
    const { f, routing, offline, eta } = await fleet();
    expect((await depend(f.admin, f, offline, routing)).statusCode).toBe(201);
    expect((await depend(f.admin, f, eta, offline)).statusCode).toBe(201);
    const cycle = await depend(f.admin, f, routing, eta);
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json()).toEqual({
      code: 'conflict',
      field: 'dependsOnId',
      message: '“Window-aware routing” cannot depend on “Driver ETA sharing”: it would create a cycle: Window-aware routing → Driver ETA sharing → Offline proof of delivery → Window-aware routing',
    });
    const back = await depend(f.admin, f, routing, offline);
    expect(back.statusCode).toBe(409);
    expect(back.json<{ message: string }>().message).toMatch(/Window-aware routing → Offline proof of delivery → Window-aware routing$/);
    const again = await depend(f.admin, f, offline, routing);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict', field: 'dependsOnId', message: expect.stringContaining('already depends on') });
    const self = await depend(f.admin, f, eta, eta);
    expect(self.statusCode).toBe(400);
    expect(self.json()).toMatchObject({ code: 'validation_failed', field: 'dependsOnId' });
    // A shortcut along the order is legal.
    expect((await depend(f.admin, f, eta, routing)).statusCode).toBe(201);
    const audit = (await f.admin.get(`${f.w}/audit-log?entityType=feature`)).json<{ items: { action: string }[] }>();
    expect(audit.items.filter((e) => e.action === 'dependency.create')).toHaveLength(3);
  });

  it('lets only one of two racing edges that together would close a cycle in', async () => {
    const { f, routing, offline } = await fleet();
    const [x, y] = await Promise.all([depend(f.admin, f, offline, routing), depend(f.admin, f, routing, offline)]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([201, 409]);
    const around = (await f.admin.get(`${f.w}/dependencies?featureId=${routing}`)).json<FeatureDependencies>();
    expect(around.needs.length + around.neededBy.length).toBe(1);
  });

  it('lets a PM add and remove dependencies only of features in components they own', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm', 'Paula PM');
    const otherPm = await addMember(f, 'pm', 'Omar PM');
    const contributor = await addMember(f, 'contributor');
    const viewer = await addMember(f, 'viewer');
    const { productId, routing, offline, eta } = await fleet(pm.memberId, f);

    // Paula owns Routing: routing may need anything, even a feature of a component she does not own.
    const mine = await depend(pm, f, routing, offline);
    expect(mine.statusCode).toBe(201);
    const notMine = await depend(pm, f, eta, routing);
    expect(notMine.statusCode).toBe(403);
    expect((await depend(otherPm, f, routing, eta)).statusCode).toBe(403);
    expect((await depend(contributor, f, routing, eta)).statusCode).toBe(403);
    expect((await depend(viewer, f, routing, eta)).statusCode).toBe(403);

    const adminsEdge = idOf(await depend(f.admin, f, eta, offline), 'edge');
    expect((await pm.delete(`${f.w}/dependencies/${adminsEdge}`)).statusCode).toBe(403);
    expect((await contributor.delete(`${f.w}/dependencies/${adminsEdge}`)).statusCode).toBe(403);

    // Everyone who reads features reads dependencies.
    for (const c of [pm, contributor, viewer]) {
      expect((await c.get(`${f.w}/dependencies?featureId=${offline}`)).statusCode).toBe(200);
      expect((await c.get(`${f.w}/dependencies/conflicts?productId=${productId}`)).statusCode).toBe(200);
      expect((await c.get(`${f.w}/dependencies/graph?productId=${productId}`)).statusCode).toBe(200);
      expect((await c.post(`${f.w}/dependencies/preview`, { featureId: offline, horizon: 'later' })).statusCode).toBe(200);
    }

    const myEdge = mine.json<{ id: string }>().id;
    expect((await otherPm.delete(`${f.w}/dependencies/${myEdge}`)).statusCode).toBe(403);
    expect((await pm.delete(`${f.w}/dependencies/${myEdge}`)).statusCode).toBe(204);
    expect((await pm.delete(`${f.w}/dependencies/${myEdge}`)).statusCode).toBe(404);
    const audit = (await f.admin.get(`${f.w}/audit-log?entityType=feature`)).json<{ items: { action: string; summary: string }[] }>();
    expect(audit.items.find((e) => e.action === 'dependency.delete')?.summary).toBe('“Window-aware routing” no longer depends on “Offline proof of delivery”');
  });

  it("answers 404 for another workspace's features, products and dependencies", async () => {
    const mine = await fleet();
    const theirs = await fleet();
    const { f } = mine;
    const edge = idOf(await depend(theirs.f.admin, theirs.f, theirs.offline, theirs.routing), 'edge');

    const foreignA = await depend(f.admin, f, theirs.offline, mine.routing);
    expect(foreignA.statusCode).toBe(404);
    expect(foreignA.json()).toMatchObject({ code: 'not_found', field: 'featureId' });
    const foreignB = await depend(f.admin, f, mine.offline, theirs.routing);
    expect(foreignB.statusCode).toBe(404);
    expect(foreignB.json()).toMatchObject({ code: 'not_found', field: 'dependsOnId' });
    expect((await f.admin.get(`${f.w}/dependencies?featureId=${theirs.offline}`)).statusCode).toBe(404);
    expect((await f.admin.get(`${f.w}/dependencies/conflicts?productId=${theirs.productId}`)).statusCode).toBe(404);
    expect((await f.admin.get(`${f.w}/dependencies/graph?productId=${theirs.productId}`)).statusCode).toBe(404);
    expect((await f.admin.post(`${f.w}/dependencies/preview`, { featureId: theirs.offline })).statusCode).toBe(404);
    expect((await f.admin.delete(`${f.w}/dependencies/${edge}`)).statusCode).toBe(404);
    // Their edge is still there.
    expect((await theirs.f.admin.get(`${theirs.f.w}/dependencies?featureId=${theirs.offline}`)).json<FeatureDependencies>().needs).toHaveLength(1);
    // And a workspace the caller is not in answers 404 whatever the ids.
    expect((await f.admin.get(`${theirs.f.w}/dependencies/conflicts?productId=${theirs.productId}`)).statusCode).toBe(404);
  });

  it('answers 400 naming the field at fault', async () => {
    const { f, routing, offline } = await fleet();
    const cases: [string, () => Promise<{ statusCode: number; json: <T>() => T }>, string][] = [
      ['featureId', () => f.admin.post(`${f.w}/dependencies`, { dependsOnId: routing }), 'missing featureId'],
      ['dependsOnId', () => f.admin.post(`${f.w}/dependencies`, { featureId: routing, dependsOnId: 'not-an-id' }), 'bad dependsOnId'],
      ['note', () => f.admin.post(`${f.w}/dependencies`, { featureId: routing, dependsOnId: offline, note: 'x'.repeat(501) }), 'long note'],
      ['color', () => f.admin.post(`${f.w}/dependencies`, { featureId: routing, dependsOnId: offline, color: 'red' }), 'unknown field'],
      ['featureId', () => f.admin.get(`${f.w}/dependencies`), 'list without featureId'],
      ['productId', () => f.admin.get(`${f.w}/dependencies/conflicts`), 'conflicts without productId'],
      ['productId', () => f.admin.get(`${f.w}/dependencies/graph?productId=nope`), 'graph with a bad productId'],
      ['startDate', () => f.admin.post(`${f.w}/dependencies/preview`, { featureId: routing, startDate: '2027-02-30' }), 'a day that does not exist'],
      ['endDate', () => f.admin.post(`${f.w}/dependencies/preview`, { featureId: routing, endDate: '2026-12-01' }), 'end before the current start'],
      ['horizon', () => f.admin.post(`${f.w}/dependencies/preview`, { featureId: routing, horizon: 'soon' }), 'unknown horizon'],
    ];
    for (const [field, call, label] of cases) {
      const res = await call();
      expect(res.statusCode, label).toBe(400);
      expect(res.json<{ field: string; message: string }>().field, label).toBe(field);
      expect(res.json<{ field: string; message: string }>().message, label).toContain(field);
    }
  });

  it('previews the conflicts a plan change would cause and clear, without saving anything', async () => {
    const { f, productId, routing, offline, eta } = await fleet();
    idOf(await depend(f.admin, f, offline, routing), 'edge');
    idOf(await depend(f.admin, f, eta, offline), 'edge');

    const later = await f.admin.post(`${f.w}/dependencies/preview`, { featureId: routing, startDate: '2027-03-15', endDate: '2027-05-14' });
    expect(later.statusCode).toBe(200);
    const preview = later.json<DependencyPreview>();
    expect(preview.feature).toMatchObject({ id: routing, startDate: '2027-03-15', endDate: '2027-05-14' });
    expect(preview.conflicts).toEqual([
      expect.objectContaining({ direction: 'neededBy', new: true, feature: expect.objectContaining({ id: offline }), conflicts: [expect.objectContaining({ reason: 'ends_after_start' })] }),
    ]);
    expect(preview.resolved).toEqual([]);
    expect(preview.keyResults).toEqual([]);
    // Nothing was saved.
    expect((await f.admin.get(`${f.w}/dependencies/conflicts?productId=${productId}`)).json<DependencyConflictList>().total).toBe(0);
    expect((await f.admin.get(`${f.w}/features/${routing}`)).json()).toMatchObject({ startDate: '2027-01-04', endDate: '2027-02-26' });

    // Dropping the middle feature: what it needs is no longer a problem of its own, both dependents are.
    const dropped = (await f.admin.post(`${f.w}/dependencies/preview`, { featureId: offline, status: 'wont_do' })).json<DependencyPreview>();
    expect(dropped.conflicts.map((c) => [c.direction, c.feature.id, c.conflicts[0]!.reason])).toEqual([['neededBy', eta, 'prerequisite_wont_do']]);

    // Once the conflict is real, moving back previews it as resolved.
    await replan(f, routing, { startDate: '2027-03-15', endDate: '2027-05-14' });
    const back = (await f.admin.post(`${f.w}/dependencies/preview`, { featureId: routing, startDate: '2027-01-04', endDate: '2027-02-26' })).json<DependencyPreview>();
    expect(back.conflicts).toEqual([]);
    expect(back.resolved.map((c) => [c.feature.id, c.conflicts[0]!.reason])).toEqual([[offline, 'ends_after_start']]);
    // Clearing the dates and moving it to "later" falls back on the horizon rule.
    const vague = (await f.admin.post(`${f.w}/dependencies/preview`, { featureId: routing, startDate: null, endDate: null, horizon: 'later' })).json<DependencyPreview>();
    expect(vague.conflicts.map((c) => [c.feature.id, c.new, c.conflicts.map((x) => x.reason)])).toEqual([[offline, false, ['horizon_order']]]);
  });

  it('includes cross-product prerequisites in the product of the dependent only, and hides internal features from viewers', async () => {
    const { f, productId, routing, offline } = await fleet();
    const viewer = await addMember(f, 'viewer');
    const other = await productWithComponents(f);
    const platform = await feature(f, other.routing, 'Map tiles v2', { status: 'idea', horizon: null });
    const secret = await feature(f, other.driver, 'Secret partner API', { internal: true, startDate: '2027-09-01', endDate: '2027-12-01' });
    idOf(await depend(f.admin, f, routing, platform), 'edge');
    idOf(await depend(f.admin, f, offline, secret), 'edge');

    const list = (await f.admin.get(`${f.w}/dependencies/conflicts?productId=${productId}`)).json<DependencyConflictList>();
    expect(list.items.map((c) => [c.feature.title, c.dependsOn.title, c.reason])).toEqual([
      ['Window-aware routing', 'Map tiles v2', 'prerequisite_unplanned'],
      ['Offline proof of delivery', 'Secret partner API', 'ends_after_start'],
    ]);
    expect((await f.admin.get(`${f.w}/dependencies/conflicts?productId=${other.productId}`)).json<DependencyConflictList>().total).toBe(0);
    const graph = (await f.admin.get(`${f.w}/dependencies/graph?productId=${productId}`)).json<DependencyGraph>();
    expect(graph.nodes.find((n) => n.id === platform)).toMatchObject({ inProduct: false, depth: 0 });

    const seen = (await viewer.get(`${f.w}/dependencies/conflicts?productId=${productId}`)).json<DependencyConflictList>();
    expect(seen.items.map((c) => c.dependsOn.title)).toEqual(['Map tiles v2']);
    expect((await viewer.get(`${f.w}/dependencies/graph?productId=${productId}`)).json<DependencyGraph>().nodes.map((n) => n.id)).not.toContain(secret);
    expect((await viewer.get(`${f.w}/dependencies?featureId=${offline}`)).json<FeatureDependencies>().needs).toEqual([]);
    expect((await viewer.get(`${f.w}/dependencies?featureId=${secret}`)).statusCode).toBe(404);
  });

  it('times conflict detection for the bench helper', async () => {
    const { f, productId, routing, offline } = await fleet();
    idOf(await depend(f.admin, f, offline, routing), 'edge');
    const ms = await benchConflicts((await testDatabase()).db, f.workspaceId, productId);
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThan(5_000);
  });
});
