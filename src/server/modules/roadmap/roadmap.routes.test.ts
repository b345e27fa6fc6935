import { describe, expect, it } from 'vitest';
import { Roadmap, RoadmapCard as RoadmapCardSchema, type RoadmapCard, type RoadmapSettings, type SavedView } from '../../../shared/contracts.js';
import { TestClient, addMember, workspaceFixture, type Fixture } from '../../test/helpers.js';

type Res = { statusCode: number; body: string; json: <T>() => T };

function idOf(res: Res, what: string): string {
  if (res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

interface FeatureInput {
  status?: string;
  horizon?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  effort?: number | null;
  ownerId?: string | null;
  releaseId?: string | null;
  internal?: boolean;
}

/** A product with two components, made through the API as a lead would; the first may have an owner PM. */
async function board(f: Fixture, ownerId: string | null = null) {
  const productId = idOf(await f.admin.post(`${f.w}/products`, { name: 'Fleet Suite' }), 'product');
  // Names sort the lanes: Driver App before Routing.
  const routing = idOf(await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Routing', ownerId }), 'component');
  const driver = idOf(await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Driver App' }), 'component');
  return { productId, routing, driver };
}

async function feature(f: Fixture, componentId: string, title: string, input: FeatureInput = {}): Promise<string> {
  return idOf(await f.admin.post(`${f.w}/features`, { componentId, title, status: 'planned', horizon: 'next', ...input }), `feature ${title}`);
}

const versionOf = async (f: Fixture, id: string) => (await f.admin.get(`${f.w}/features/${id}`)).json<{ version: number }>().version;
const roadmap = (c: TestClient, f: Fixture, query: string) => c.get(`${f.w}/roadmap?${query}`);
/** Titles of a lane's column, in board order. */
const column = (r: Roadmap, componentId: string, horizon: string) => r.features.filter((c) => c.componentId === componentId && c.horizon === horizon).map((c) => c.title);

async function move(c: TestClient, f: Fixture, featureId: string, horizon: string, place: { afterId?: string; beforeId?: string } = {}, version?: number): Promise<Res> {
  return c.post(`${f.w}/roadmap/move`, { featureId, horizon, ...place, version: version ?? (await versionOf(f, featureId)) });
}

describe('GET /roadmap', () => {
  it('answers 401 signed out, 400 without a product, 404 for another workspace’s product', async () => {
    const f = await workspaceFixture();
    const { productId } = await board(f);
    expect((await new TestClient(f.app).get(`${f.w}/roadmap?productId=${productId}`)).statusCode).toBe(401);
    const missing = await f.admin.get(`${f.w}/roadmap`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ message: string }>().message).toMatch(/^productId: /);
    const badStatus = await roadmap(f.admin, f, `productId=${productId}&statuses=planned,maybe`);
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json<{ field: string }>().field).toMatch(/^statuses/);
    const other = await workspaceFixture('Elsewhere');
    const theirs = await board(other);
    expect((await roadmap(f.admin, f, `productId=${theirs.productId}`)).statusCode).toBe(404);
  });

  it('lists the board by lane, horizon and rank, without won’t-do or unplaced features', async () => {
    const f = await workspaceFixture();
    const { productId, routing, driver } = await board(f);
    await feature(f, routing, 'Window-aware routing', { horizon: 'now', effort: 5 });
    await feature(f, routing, 'Traffic feeds', { horizon: 'later' });
    await feature(f, routing, 'Multi-depot', { horizon: 'now' });
    await feature(f, driver, 'Offline proof of delivery', { horizon: 'next' });
    await feature(f, driver, 'Dropped idea', { horizon: 'now', status: 'wont_do' });
    await feature(f, driver, 'Unplaced', { horizon: null });
    const res = await roadmap(f.admin, f, `productId=${productId}&view=horizon`);
    expect(res.statusCode).toBe(200);
    const r = res.json<Roadmap>();
    expect(r.product.name).toBe('Fleet Suite');
    expect(r.components.map((c) => [c.name, c.featureCount])).toEqual([
      ['Driver App', 1],
      ['Routing', 3],
    ]);
    expect(r.features.map((c) => c.title)).toEqual(['Offline proof of delivery', 'Window-aware routing', 'Multi-depot', 'Traffic feeds']);
    expect(r.stakeholderView).toBe(false);
    expect(r.hiddenFields).toEqual([]);
    const card = r.features.find((c) => c.title === 'Window-aware routing')!;
    expect(card).toMatchObject({ componentId: routing, status: 'planned', horizon: 'now', effort: 5, evidenceCount: 0, version: 1 });
  });

  it('answers what the contract says, and a change made elsewhere shows at once (no stale cached answer)', async () => {
    const f = await workspaceFixture();
    const { productId, routing } = await board(f);
    const a = await feature(f, routing, 'A', { horizon: 'now' });
    const opportunity = idOf(await f.admin.post(`${f.w}/opportunities`, { title: 'Drivers lose signal' }), 'opportunity');
    const first = await roadmap(f.admin, f, `productId=${productId}`);
    // The text is sent as built: check it against the schema (strictly, for the card) here.
    const parsed = Roadmap.parse(first.json());
    expect(Object.keys(first.json<Roadmap>().features[0]!).sort()).toEqual(Object.keys(RoadmapCardSchema.shape).sort());
    expect(parsed.features[0]).toMatchObject({ title: 'A', evidenceCount: 0 });
    expect((await f.admin.post(`${f.w}/features/${a}/evidence`, { opportunityId: opportunity })).statusCode).toBe(201);
    expect((await f.admin.patch(`${f.w}/features/${a}`, { title: 'A renamed', version: await versionOf(f, a) })).statusCode).toBe(200);
    const again = (await roadmap(f.admin, f, `productId=${productId}`)).json<Roadmap>();
    expect(again.features[0]).toMatchObject({ title: 'A renamed', evidenceCount: 1 });
  });

  it('shows the timeline: dated features, releases and dependencies with their conflicts', async () => {
    const f = await workspaceFixture();
    const { productId, routing, driver } = await board(f);
    const release = idOf(await f.admin.post(`${f.w}/releases`, { productId, name: '2027.1', date: '2027-03-31' }), 'release');
    const a = await feature(f, routing, 'Window-aware routing', { startDate: '2027-01-04', endDate: '2027-02-26', releaseId: release });
    const b = await feature(f, driver, 'Offline proof of delivery', { startDate: '2027-02-01', endDate: '2027-04-30' });
    const c = await feature(f, driver, 'Driver ETA sharing', { startDate: '2027-05-03', endDate: '2027-06-25' });
    await feature(f, driver, 'Undated', { horizon: 'later' });
    // b needs a, which ends after b starts: a conflict. c needs b, in order.
    expect((await f.admin.post(`${f.w}/dependencies`, { featureId: b, dependsOnId: a })).statusCode).toBe(201);
    expect((await f.admin.post(`${f.w}/dependencies`, { featureId: c, dependsOnId: b })).statusCode).toBe(201);
    const r = (await roadmap(f.admin, f, `productId=${productId}&view=timeline`)).json<Roadmap>();
    expect(r.view).toBe('timeline');
    expect(r.features.map((x) => x.title)).toEqual(['Offline proof of delivery', 'Driver ETA sharing', 'Window-aware routing']);
    expect(r.releases).toEqual([{ id: release, name: '2027.1', date: '2027-03-31', status: 'planned' }]);
    const edges = new Map(r.dependencies.map((d) => [`${d.featureId}>${d.dependsOnId}`, d]));
    expect(edges.get(`${b}>${a}`)).toMatchObject({ conflict: true, reason: expect.stringMatching(/ends on 2027-02-26/) });
    expect(edges.get(`${c}>${b}`)).toMatchObject({ conflict: false, reason: null });
    // Filtering one end away drops its edges.
    const only = (await roadmap(f.admin, f, `productId=${productId}&view=timeline&componentIds=${driver}`)).json<Roadmap>();
    expect(only.components.map((l) => l.id)).toEqual([driver]);
    expect(only.dependencies.map((d) => d.featureId)).toEqual([c]);
  });

  it('filters by status, owner and release, comma-separated or repeated', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm', 'Pia PM');
    const { productId, routing, driver } = await board(f);
    const release = idOf(await f.admin.post(`${f.w}/releases`, { productId, name: 'R1' }), 'release');
    await feature(f, routing, 'Mine', { ownerId: pm.memberId, status: 'in_progress' });
    await feature(f, driver, 'Released', { releaseId: release, status: 'idea' });
    await feature(f, driver, 'Other', { status: 'discovery' });
    const titles = async (q: string) => (await roadmap(f.admin, f, `productId=${productId}&${q}`)).json<Roadmap>().features.map((c) => c.title).sort();
    expect(await titles('statuses=idea,in_progress')).toEqual(['Mine', 'Released']);
    expect(await titles('statuses=idea&statuses=discovery')).toEqual(['Other', 'Released']);
    expect(await titles(`ownerIds=${pm.memberId}`)).toEqual(['Mine']);
    expect(await titles(`releaseIds=${release}`)).toEqual(['Released']);
    expect(await titles(`pillarIds=00000000-0000-4000-8000-000000000000`)).toEqual([]);
  });

  it('gives viewers the stakeholder version: no internal features, internal fields nulled', async () => {
    const f = await workspaceFixture();
    const viewer = await addMember(f, 'viewer');
    const pm = await addMember(f, 'pm');
    const { productId, routing } = await board(f);
    await feature(f, routing, 'Public', { horizon: 'now', effort: 8, ownerId: pm.memberId });
    await feature(f, routing, 'Secret', { horizon: 'now', internal: true });
    const r = (await roadmap(viewer, f, `productId=${productId}`)).json<Roadmap>();
    expect(r.stakeholderView).toBe(true);
    expect(r.features.map((c) => c.title)).toEqual(['Public']);
    expect(r.components.find((l) => l.id === routing)!.featureCount).toBe(1);
    // The defaults hide effort (and scores, which cards do not carry).
    expect(r.hiddenFields).toEqual(['effort']);
    expect(r.features[0]).toMatchObject({ effort: null, ownerId: pm.memberId, evidenceCount: 0 });
    // The product team still sees everything.
    expect((await roadmap(f.admin, f, `productId=${productId}`)).json<Roadmap>().features.map((c) => c.title)).toEqual(['Public', 'Secret']);
    // Marking the owner and evidence internal instead: effort shows, owner and evidence do not.
    const put = await f.admin.request('PUT', `${f.w}/roadmap/settings`, { capacityUnit: 'points', internalFields: ['owner', 'evidence'], version: 1 });
    expect(put.statusCode).toBe(200);
    const again = (await roadmap(viewer, f, `productId=${productId}`)).json<Roadmap>();
    expect(again.hiddenFields).toEqual(['evidence', 'owner']);
    expect(again.features[0]).toMatchObject({ effort: 8, ownerId: null, evidenceCount: null });
    // Filtering by a hidden field would reveal it: the viewer's owner filter is ignored.
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect((await roadmap(viewer, f, `productId=${productId}&ownerIds=${nobody}`)).json<Roadmap>().features.map((c) => c.title)).toEqual(['Public']);
    expect((await roadmap(f.admin, f, `productId=${productId}&ownerIds=${nobody}`)).json<Roadmap>().features).toEqual([]);
  });
});

describe('POST /roadmap/move', () => {
  it('moves a card to another column, after or before a neighbour, or last; the board shows it after a reload', async () => {
    const f = await workspaceFixture();
    const { productId, routing } = await board(f);
    const a = await feature(f, routing, 'A', { horizon: 'now' });
    const b = await feature(f, routing, 'B', { horizon: 'now' });
    const x = await feature(f, routing, 'X', { horizon: 'later' });
    const y = await feature(f, routing, 'Y', { horizon: 'later' });
    const moved = await move(f.admin, f, x, 'now', { afterId: a });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<RoadmapCard>()).toMatchObject({ id: x, horizon: 'now', version: 2 });
    expect((await move(f.admin, f, y, 'now', { beforeId: a })).statusCode).toBe(200);
    let r = (await roadmap(f.admin, f, `productId=${productId}`)).json<Roadmap>();
    expect(column(r, routing, 'now')).toEqual(['Y', 'A', 'X', 'B']);
    expect(column(r, routing, 'later')).toEqual([]);
    // Neither neighbour: last. Within the same column too.
    expect((await move(f.admin, f, y, 'now')).statusCode).toBe(200);
    expect((await move(f.admin, f, b, 'next')).statusCode).toBe(200);
    r = (await roadmap(f.admin, f, `productId=${productId}`)).json<Roadmap>();
    expect(column(r, routing, 'now')).toEqual(['A', 'X', 'Y']);
    expect(column(r, routing, 'next')).toEqual(['B']);
  });

  it('keeps the intended order when repeated moves exhaust the gap and the lane is renumbered', async () => {
    const f = await workspaceFixture();
    const { productId, routing } = await board(f);
    const a = await feature(f, routing, 'A', { horizon: 'now' });
    await feature(f, routing, 'B', { horizon: 'now' });
    const expected: string[] = [];
    // Each card goes right after A, halving the gap each time until there is no room left.
    for (let i = 1; i <= 24; i++) {
      const id = await feature(f, routing, `X${i}`, { horizon: 'later' });
      expect((await move(f.admin, f, id, 'now', { afterId: a })).statusCode).toBe(200);
      expected.unshift(`X${i}`);
    }
    const r = (await roadmap(f.admin, f, `productId=${productId}`)).json<Roadmap>();
    expect(column(r, routing, 'now')).toEqual(['A', ...expected, 'B']);
    const ranks = r.features.filter((c) => c.horizon === 'now').map((c) => c.boardRank);
    expect(new Set(ranks).size).toBe(ranks.length);
  });

  it('answers 400 for a neighbour outside the target lane or both neighbours, 409 when stale, 404 elsewhere', async () => {
    const f = await workspaceFixture();
    const { routing, driver } = await board(f);
    const a = await feature(f, routing, 'A', { horizon: 'now' });
    const b = await feature(f, routing, 'B', { horizon: 'later' });
    const other = await feature(f, driver, 'Other lane', { horizon: 'now' });
    const wrongColumn = await move(f.admin, f, a, 'now', { afterId: b });
    expect(wrongColumn.statusCode).toBe(400);
    expect(wrongColumn.json<{ message: string; field: string }>()).toMatchObject({ field: 'afterId', message: 'afterId: must be a card of the target lane (the same component, in now)' });
    expect((await move(f.admin, f, a, 'now', { beforeId: other })).json<{ field: string }>().field).toBe('beforeId');
    expect((await move(f.admin, f, a, 'now', { afterId: a })).statusCode).toBe(400);
    const both = await move(f.admin, f, b, 'now', { afterId: a, beforeId: a });
    expect(both.json<{ message: string }>().message).toBe('beforeId: give beforeId or afterId, not both');
    const badHorizon = await f.admin.post(`${f.w}/roadmap/move`, { featureId: a, horizon: 'someday', version: 1 });
    expect(badHorizon.statusCode).toBe(400);
    expect(badHorizon.json<{ field: string }>().field).toBe('horizon');
    expect((await move(f.admin, f, b, 'next', {}, 1)).statusCode).toBe(200);
    const stale = await move(f.admin, f, b, 'now', {}, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ code: string }>().code).toBe('version_conflict');
    const elsewhere = await workspaceFixture('Elsewhere');
    const theirs = await board(elsewhere);
    const foreign = await feature(elsewhere, theirs.routing, 'Theirs');
    expect((await f.admin.post(`${f.w}/roadmap/move`, { featureId: foreign, horizon: 'now', version: 1 })).statusCode).toBe(404);
  });

  it('lets a PM move the features of their own components only; contributors and viewers not at all', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const { routing, driver } = await board(f, pm.memberId);
    const own = await feature(f, routing, 'Own', { horizon: 'later' });
    const theirs = await feature(f, driver, 'Not theirs', { horizon: 'later' });
    const ok = await move(pm, f, own, 'now');
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await move(pm, f, theirs, 'now')).statusCode).toBe(403);
    for (const role of ['contributor', 'viewer']) {
      const c = await addMember(f, role);
      expect((await move(c, f, own, 'next')).statusCode).toBe(403);
    }
    const audit = (await f.admin.get(`${f.w}/audit-log?entityType=feature`)).json<{ items: { action: string; summary: string; entityId: string }[] }>();
    expect(audit.items.find((e) => e.action === 'feature.move' && e.entityId === own)?.summary).toMatch(/^Moved feature “Own” on the roadmap: horizon: later → now/);
  });
});

describe('saved views', () => {
  const views = (f: Fixture) => `${f.w}/roadmap/views`;

  it('saves, lists, renames and deletes your own views; others do not see a private one', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const viewer = await addMember(f, 'viewer');
    const created = await viewer.post(views(f), { name: 'My timeline', filters: { view: 'timeline', statuses: ['planned'] } });
    expect(created.statusCode).toBe(201);
    const v = created.json<SavedView>();
    expect(v).toMatchObject({ name: 'My timeline', shared: false, canEdit: true, version: 1, filters: { view: 'timeline', statuses: ['planned'] } });
    expect((await viewer.get(views(f))).json<{ items: SavedView[] }>().items.map((x) => x.id)).toEqual([v.id]);
    expect((await pm.get(views(f))).json<{ items: SavedView[] }>().items).toEqual([]);
    expect((await pm.patch(`${views(f)}/${v.id}`, { name: 'Hijack', version: 1 })).statusCode).toBe(404);
    const renamed = await viewer.patch(`${views(f)}/${v.id}`, { name: 'Q1 timeline', version: 1 });
    expect(renamed.json<SavedView>()).toMatchObject({ name: 'Q1 timeline', version: 2 });
    expect((await viewer.patch(`${views(f)}/${v.id}`, { name: 'Stale', version: 1 })).statusCode).toBe(409);
    expect((await viewer.patch(`${views(f)}/${v.id}`, { version: 2 })).statusCode).toBe(400);
    expect((await pm.delete(`${views(f)}/${v.id}`)).statusCode).toBe(404);
    expect((await viewer.delete(`${views(f)}/${v.id}`)).statusCode).toBe(204);
    expect((await viewer.get(views(f))).json<{ items: SavedView[] }>().items).toEqual([]);
  });

  it('validates the filters, naming the field', async () => {
    const f = await workspaceFixture();
    const bad = await f.admin.post(views(f), { name: 'Bad', filters: { statuses: ['someday'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ field: string }>().field).toBe('filters.statuses.0');
    const unknown = await f.admin.post(views(f), { name: 'Bad', filters: { colour: 'red' } });
    expect(unknown.json<{ message: string }>().message).toMatch(/^filters\.colour: unknown field/);
    expect((await f.admin.post(views(f), { name: '  ', filters: {} })).json<{ field: string }>().field).toBe('name');
  });

  it('shares a view: PMs may share; leads change shared views; contributors and viewers cannot share', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const pm2 = await addMember(f, 'pm');
    const lead = await addMember(f, 'lead');
    const contributor = await addMember(f, 'contributor');
    expect((await contributor.post(views(f), { name: 'Mine', filters: {}, shared: true })).statusCode).toBe(403);
    const mine = (await contributor.post(views(f), { name: 'Mine', filters: {} })).json<SavedView>();
    expect((await contributor.request('PUT', `${views(f)}/${mine.id}/shared`, { shared: true, version: 1 })).statusCode).toBe(403);

    const v = (await pm.post(views(f), { name: 'Team board', filters: { view: 'horizon' } })).json<SavedView>();
    const shared = await pm.request('PUT', `${views(f)}/${v.id}/shared`, { shared: true, version: 1 });
    expect(shared.json<SavedView>()).toMatchObject({ shared: true, version: 2 });
    const seen = (await pm2.get(views(f))).json<{ items: SavedView[] }>().items;
    expect(seen.map((x) => [x.name, x.canEdit, x.ownerId])).toEqual([['Team board', false, v.ownerId]]);
    expect((await pm2.patch(`${views(f)}/${v.id}`, { name: 'Mine now', version: 2 })).statusCode).toBe(403);
    expect((await pm2.delete(`${views(f)}/${v.id}`)).statusCode).toBe(403);
    expect((await lead.get(views(f))).json<{ items: SavedView[] }>().items[0]!.canEdit).toBe(true);
    expect((await lead.patch(`${views(f)}/${v.id}`, { name: 'Team board (Q1)', version: 2 })).statusCode).toBe(200);
    expect((await lead.request('PUT', `${views(f)}/${v.id}/shared`, { shared: false, version: 2 })).statusCode).toBe(409);
    expect((await lead.request('PUT', `${views(f)}/${v.id}/shared`, { shared: false, version: 3 })).statusCode).toBe(200);
    // Private again: the lead no longer sees it.
    expect((await lead.get(views(f))).json<{ items: SavedView[] }>().items).toEqual([]);
  });
});

describe('roadmap settings', () => {
  const settings = (f: Fixture) => `${f.w}/roadmap/settings`;

  it('reads the defaults, saves with a version check, and only admins and leads change them', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const viewer = await addMember(f, 'viewer');
    expect((await viewer.get(settings(f))).json<RoadmapSettings>()).toEqual({ capacityUnit: 'points', internalFields: ['effort', 'scores'], version: 1 });
    expect((await pm.request('PUT', settings(f), { capacityUnit: 'person_weeks', internalFields: [], version: 1 })).statusCode).toBe(403);
    const bad = await f.admin.request('PUT', settings(f), { capacityUnit: 'hours', internalFields: [], version: 1 });
    expect(bad.json<{ field: string }>().field).toBe('capacityUnit');
    const badField = await f.admin.request('PUT', settings(f), { capacityUnit: 'points', internalFields: ['salary'], version: 1 });
    expect(badField.json<{ field: string }>().field).toBe('internalFields.0');
    const saved = await f.admin.request('PUT', settings(f), { capacityUnit: 'person_weeks', internalFields: ['description', 'effort', 'effort'], version: 1 });
    expect(saved.json<RoadmapSettings>()).toEqual({ capacityUnit: 'person_weeks', internalFields: ['effort', 'description'], version: 2 });
    expect((await f.admin.request('PUT', settings(f), { capacityUnit: 'points', internalFields: [], version: 1 })).statusCode).toBe(409);
    const lead = await addMember(f, 'lead');
    expect((await lead.request('PUT', settings(f), { capacityUnit: 'points', internalFields: [], version: 2 })).json<RoadmapSettings>().version).toBe(3);
    const audit = (await f.admin.get(`${f.w}/audit-log?entityType=roadmap_settings`)).json<{ items: { summary: string }[] }>();
    expect(audit.items.map((e) => e.summary)).toContain('Updated the roadmap settings: capacityUnit: points → person_weeks; internalFields: 2 items → 2 items');
  });
});
