import { describe, expect, it } from 'vitest';
import { TestClient, addMember, signUp, workspaceFixture, type Fixture } from '../../test/helpers.js';
import { seedComponent, seedFeature, seedProduct, seedRelease } from './features.fixtures.js';

interface Detail {
  id: string;
  componentId: string;
  componentName: string;
  productId: string;
  title: string;
  description: string | null;
  status: string;
  horizon: string | null;
  startDate: string | null;
  endDate: string | null;
  effort: number | null;
  ownerId: string | null;
  owner: { id: string; name: string } | null;
  releaseId: string | null;
  release: { id: string; name: string } | null;
  boardRank: number;
  internal: boolean;
  scores: Record<string, Record<string, number>> | null;
  evidence: { evidenceCount: number; customerCount: number; arr: string } | null;
  component: { id: string; name: string; ownerId: string | null };
  product: { id: string; name: string };
  version: number;
  hiddenFields: string[];
}
interface List {
  items: Detail[];
  nextCursor: string | null;
}

/** A workspace with a PM who owns "Routing"; "Driver App" belongs to nobody. */
async function setup(): Promise<{ f: Fixture; pm: TestClient & { memberId: string }; productId: string; routing: string; driver: string }> {
  const f = await workspaceFixture();
  const pm = await addMember(f, 'pm', 'Pat PM');
  const productId = await seedProduct(f);
  const routing = await seedComponent(f, productId, 'Routing', pm.memberId);
  const driver = await seedComponent(f, productId, 'Driver App');
  return { f, pm, productId, routing, driver };
}

describe('features routes', () => {
  it('answers 401 without a session', async () => {
    const f = await workspaceFixture();
    const anonymous = new TestClient(f.app);
    expect((await anonymous.get(`${f.w}/features`)).statusCode).toBe(401);
    expect((await anonymous.post(`${f.w}/features`, { componentId: f.workspaceId, title: 'x' })).statusCode).toBe(401);
  });

  it('creates a feature owned by the component owner, at the end of its lane', async () => {
    const { f, pm, productId, routing } = await setup();
    const res = await pm.post(`${f.w}/features`, {
      componentId: routing,
      title: 'Window-aware routing',
      description: 'Plan routes around delivery windows',
      status: 'planned',
      horizon: 'next',
      startDate: '2027-01-04',
      endDate: '2027-02-26',
      effort: 5.5,
      scores: { rice: { reach: 800, impact: 2, confidence: 0.8, effort: 3 } },
    });
    expect(res.statusCode).toBe(201);
    const a = res.json<Detail>();
    expect(a).toMatchObject({
      componentId: routing,
      componentName: 'Routing',
      productId,
      product: { id: productId, name: 'Fleet' },
      component: { id: routing, name: 'Routing', ownerId: pm.memberId },
      title: 'Window-aware routing',
      status: 'planned',
      horizon: 'next',
      startDate: '2027-01-04',
      endDate: '2027-02-26',
      effort: 5.5,
      ownerId: pm.memberId,
      owner: { id: pm.memberId, name: 'Pat PM' },
      releaseId: null,
      internal: false,
      scores: { rice: { reach: 800, impact: 2, confidence: 0.8, effort: 3 } },
      evidence: { evidenceCount: 0, customerCount: 0, arr: '0' },
      version: 1,
      hiddenFields: [],
    });
    const b = await seedFeature(f, { componentId: routing, title: 'Second', horizon: 'next' });
    const c = await seedFeature(f, { componentId: routing, title: 'Other lane', horizon: 'now' });
    const get = (id: string) => f.admin.get(`${f.w}/features/${id}`).then((r) => r.json<Detail>());
    expect((await get(b.id)).boardRank).toBeGreaterThan(a.boardRank);
    expect((await get(c.id)).boardRank).toBe(1);
    // The admin made it, the default owner is still the component's PM, and the PM is told.
    expect((await get(b.id)).ownerId).toBe(pm.memberId);
    const notes = (await pm.get(`${f.w}/notifications`)).json<{ items: { kind: string; link: string }[] }>().items;
    expect(notes.some((n) => n.kind === 'feature.owner-assigned' && n.link.endsWith(b.id))).toBe(true);
  });

  it('answers 400 naming the field at fault', async () => {
    const { f, routing } = await setup();
    const post = (body: unknown) => f.admin.post(`${f.w}/features`, body);
    const cases: [unknown, string, RegExp][] = [
      [{ componentId: routing }, 'title', /^title: /],
      [{ componentId: routing, title: '   ' }, 'title', /must not be empty/],
      [{ componentId: routing, title: 'x', status: 'done' }, 'status', /^status: /],
      [{ componentId: routing, title: 'x', horizon: 'soon' }, 'horizon', /^horizon: /],
      [{ componentId: routing, title: 'x', startDate: '2027-02-30' }, 'startDate', /must be a date written YYYY-MM-DD/],
      [{ componentId: routing, title: 'x', startDate: '2027-03-01', endDate: '2027-02-01' }, 'endDate', /endDate: must be on or after startDate \(2027-03-01\)/],
      [{ componentId: routing, title: 'x', effort: -1 }, 'effort', /must be zero or more/],
      [{ componentId: routing, title: 'x', scores: { rice: { reach: 'many' } } }, 'scores.rice.reach', /^scores\.rice\.reach: /],
      [{ componentId: routing, title: 'x', scores: { rice: 3 } }, 'scores.rice', /^scores\.rice: /],
      [{ componentId: routing, title: 'x', ownerId: '00000000-0000-4000-8000-000000000000' }, 'ownerId', /is not a member of this workspace/],
      [{ componentId: routing, title: 'x', colour: 'red' }, 'colour', /unknown field/],
      [{ componentId: 'nope', title: 'x' }, 'componentId', /^componentId: /],
    ];
    for (const [body, field, message] of cases) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json(), JSON.stringify(body)).toMatchObject({ code: 'validation_failed', field });
      expect(res.json<{ message: string }>().message).toMatch(message);
    }
    // The dates are checked against the stored ones on update too.
    const feature = await seedFeature(f, { componentId: routing, title: 'Dated', startDate: '2027-05-01' });
    const res = await f.admin.patch(`${f.w}/features/${feature.id}`, { endDate: '2027-04-01', version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'endDate' });
    const noVersion = await f.admin.patch(`${f.w}/features/${feature.id}`, { title: 'y' });
    expect(noVersion.json()).toMatchObject({ code: 'validation_failed', field: 'version' });
  });

  it('checks the release belongs to the feature’s product', async () => {
    const { f, productId, routing } = await setup();
    const other = await seedProduct(f, 'Other product');
    const otherComponent = await seedComponent(f, other, 'Elsewhere');
    const ours = await seedRelease(f, productId, '2027.1');
    const theirs = await seedRelease(f, other, 'Other 1');
    const missing = await f.admin.post(`${f.w}/features`, { componentId: routing, title: 'x', releaseId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ message: string }>().message).toBe('Release not found');
    const wrong = await f.admin.post(`${f.w}/features`, { componentId: routing, title: 'x', releaseId: theirs });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ field: 'releaseId' });
    const ok = await seedFeature(f, { componentId: routing, title: 'Shipping', releaseId: ours });
    const detail = (await f.admin.get(`${f.w}/features/${ok.id}`)).json<Detail>();
    expect(detail.release).toEqual({ id: ours, name: '2027.1' });
    // Moving to another product while keeping this product's release is refused; clearing it lets the move through.
    const move = await f.admin.patch(`${f.w}/features/${ok.id}`, { componentId: otherComponent, version: 1 });
    expect(move.statusCode).toBe(400);
    expect(move.json()).toMatchObject({ field: 'releaseId' });
    const moved = await f.admin.patch(`${f.w}/features/${ok.id}`, { componentId: otherComponent, releaseId: null, version: 1 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<Detail>()).toMatchObject({ productId: other, componentName: 'Elsewhere', releaseId: null, version: 2 });
  });

  it('lets a PM write only features of components they own', async () => {
    const { f, pm, routing, driver } = await setup();
    const lead = await addMember(f, 'lead');
    const contributor = await addMember(f, 'contributor');
    const viewer = await addMember(f, 'viewer');
    expect((await pm.post(`${f.w}/features`, { componentId: driver, title: 'Not mine' })).statusCode).toBe(403);
    expect((await contributor.post(`${f.w}/features`, { componentId: routing, title: 'x' })).statusCode).toBe(403);
    expect((await viewer.post(`${f.w}/features`, { componentId: routing, title: 'x' })).statusCode).toBe(403);
    const mine = (await pm.post(`${f.w}/features`, { componentId: routing, title: 'Mine' })).json<Detail>();
    const theirs = (await lead.post(`${f.w}/features`, { componentId: driver, title: 'Theirs' })).json<Detail>();
    expect(theirs.ownerId).toBeNull();

    const denied = await pm.patch(`${f.w}/features/${theirs.id}`, { title: 'Taken', version: 1 });
    expect(denied.statusCode).toBe(403);
    expect((await pm.delete(`${f.w}/features/${theirs.id}`)).statusCode).toBe(403);
    // A move needs both components: the PM owns where it is, not where it would go.
    expect((await pm.patch(`${f.w}/features/${mine.id}`, { componentId: driver, version: 1 })).statusCode).toBe(403);
    const edited = await pm.patch(`${f.w}/features/${mine.id}`, { title: 'Mine, edited', effort: 3, version: 1 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<Detail>()).toMatchObject({ title: 'Mine, edited', effort: 3, version: 2 });
    // The lead moves it across; it joins the end of the new lane.
    const moved = await lead.patch(`${f.w}/features/${mine.id}`, { componentId: driver, version: 2 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<Detail>()).toMatchObject({ componentId: driver, componentName: 'Driver App', version: 3 });
    expect(moved.json<Detail>().boardRank).toBeGreaterThan(theirs.boardRank);
    // Now in a component the PM does not own, the feature is out of their hands.
    expect((await pm.patch(`${f.w}/features/${mine.id}`, { title: 'Back', version: 3 })).statusCode).toBe(403);
    expect((await contributor.get(`${f.w}/features/${mine.id}`)).statusCode).toBe(200);
    expect((await lead.delete(`${f.w}/features/${mine.id}`)).statusCode).toBe(204);
    expect((await lead.get(`${f.w}/features/${mine.id}`)).statusCode).toBe(404);
  });

  it('answers 409 to an update based on a stale version', async () => {
    const { f, routing } = await setup();
    const feature = await seedFeature(f, { componentId: routing, title: 'Driver ETA sharing' });
    const first = await f.admin.patch(`${f.w}/features/${feature.id}`, { title: 'v2', version: 1 });
    expect(first.statusCode).toBe(200);
    const stale = await f.admin.patch(`${f.w}/features/${feature.id}`, { title: 'v3', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', field: 'version' });
    // If-Match carries the version as well.
    const viaHeader = await f.admin.request('PATCH', `${f.w}/features/${feature.id}`, { title: 'v3' }, { 'if-match': '"2"' });
    expect(viaHeader.statusCode).toBe(200);
    expect((await f.admin.get(`${f.w}/features/${feature.id}`)).json<Detail>()).toMatchObject({ title: 'v3', version: 3 });
  });

  it('keeps workspaces apart: another workspace’s ids answer 404', async () => {
    const { f, routing } = await setup();
    const feature = await seedFeature(f, { componentId: routing, title: 'Ours' });
    const other = await signUp(f.app, 'Olga Other');
    const ws = (await other.post('/api/v1/workspaces', { name: 'Theirs' })).json<{ id: string }>().id;
    const w2 = `/api/v1/workspaces/${ws}`;
    for (const res of [
      await other.get(`${w2}/features/${feature.id}`),
      await other.patch(`${w2}/features/${feature.id}`, { title: 'x', version: 1 }),
      await other.delete(`${w2}/features/${feature.id}`),
      await other.get(`${w2}/features/${feature.id}/requirements`),
      await other.get(`${w2}/features/${feature.id}/history`),
      await other.post(`${w2}/features`, { componentId: routing, title: 'Into theirs' }),
    ]) {
      expect(res.statusCode).toBe(404);
    }
    expect((await other.get(`${w2}/features`)).json<List>().items).toEqual([]);
    // And a member of neither cannot reach ours at all.
    expect((await other.get(`${f.w}/features/${feature.id}`)).statusCode).toBe(404);
  });

  it('lists by filters, newest change first, paged by cursor', async () => {
    const { f, pm, productId, routing, driver } = await setup();
    const other = await seedProduct(f, 'Other');
    const otherComponent = await seedComponent(f, other, 'Elsewhere');
    const release = await seedRelease(f, productId, 'R1');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await seedFeature(f, { componentId: routing, title: `Routing ${i}`, status: i % 2 ? 'planned' : 'idea', horizon: 'now' })).id);
    const d = await seedFeature(f, { componentId: driver, title: 'Offline proof of delivery', horizon: 'later', releaseId: release, ownerId: pm.memberId });
    const e = await seedFeature(f, { componentId: otherComponent, title: 'Elsewhere 100%_done' });

    const list = (q: string) => f.admin.get(`${f.w}/features${q}`).then((r) => r.json<List>());
    const all = await list('');
    expect(all.items.map((i) => i.id)).toEqual([e.id, d.id, ...[...ids].reverse()]);
    expect(all.nextCursor).toBeNull();
    expect((await list(`?productId=${productId}`)).items.map((i) => i.id)).not.toContain(e.id);
    expect((await list(`?componentId=${driver}`)).items.map((i) => i.id)).toEqual([d.id]);
    expect((await list(`?status=planned&componentId=${routing}`)).items.map((i) => i.title)).toEqual(['Routing 3', 'Routing 1']);
    expect((await list('?horizon=later')).items.map((i) => i.id)).toEqual([d.id]);
    expect((await list(`?ownerId=${pm.memberId}&componentId=${driver}`)).items.map((i) => i.id)).toEqual([d.id]);
    expect((await list(`?releaseId=${release}`)).items[0]).toMatchObject({ id: d.id, release: { id: release, name: 'R1' }, owner: { name: 'Pat PM' } });
    expect((await list('?q=proof%20OF')).items.map((i) => i.id)).toEqual([d.id]);
    // LIKE wildcards in the words are taken literally.
    expect((await list(`?q=${encodeURIComponent('100%_')}`)).items.map((i) => i.id)).toEqual([e.id]);
    expect((await list(`?q=${encodeURIComponent('%')}`)).items.map((i) => i.id)).toEqual([e.id]);

    // Paging: every feature once, in order, whatever the page size.
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: List = await list(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(all.items.map((i) => i.id));

    // Editing moves a feature to the front.
    await f.admin.patch(`${f.w}/features/${ids[0]}`, { title: 'Routing 0, edited', version: 1 });
    expect((await list('?limit=1')).items[0]!.id).toBe(ids[0]);

    const bad = await f.admin.get(`${f.w}/features?cursor=not-a-cursor`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'cursor' });
    expect((await f.admin.get(`${f.w}/features?limit=0`)).json()).toMatchObject({ field: 'limit' });
  });
});
