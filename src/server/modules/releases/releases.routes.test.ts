import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, testApp, workspaceFixture, type Fixture } from '../../test/helpers.js';
import { releaseOf, seedFeature, seedProduct } from './releases.fixtures.js';

interface Release {
  id: string;
  productId: string;
  name: string;
  date: string | null;
  status: string;
  description: string;
  componentIds: string[];
  featureCount: number;
  shippedCount: number;
  version: number;
}
interface Detail extends Release {
  notes: string;
  components: { id: string; name: string }[];
  features: { id: string; title: string; component: { id: string; name: string }; status: string; effort: number | null }[];
}
interface AuditEntry {
  action: string;
  entityId: string;
  summary: string;
  changes: Record<string, [unknown, unknown]> | null;
}

/** A product "Fleet" with Routing and Driver App, and a release of it with both components. */
async function fleet(f: Fixture) {
  const { productId, componentIds } = await seedProduct(f, 'Fleet', ['Routing', 'Driver App']);
  const [routing, driver] = componentIds as [string, string];
  const res = await f.admin.post(`${f.w}/releases`, { productId, name: '2027.1', date: '2027-03-31', description: 'Spring', componentIds: [routing, driver] });
  expect(res.statusCode).toBe(201);
  return { productId, routing, driver, release: res.json<Detail>() };
}

async function audit(f: Fixture, action: string): Promise<AuditEntry[]> {
  const res = await f.admin.get(`${f.w}/audit-log?limit=200`);
  return res.json<{ items: AuditEntry[] }>().items.filter((e) => e.action === action);
}

describe('releases routes', () => {
  // Starting the app (migrations on the embedded database) is slow on a busy machine: not a test's time.
  beforeAll(async () => {
    await testApp();
  });

  it('creates a release with its components, then lists and reads it with its features', async () => {
    const f = await workspaceFixture();
    const { productId, routing, driver, release } = await fleet(f);
    expect(release).toMatchObject({ productId, name: '2027.1', date: '2027-03-31', status: 'planned', description: 'Spring', featureCount: 0, shippedCount: 0, version: 1, notes: '' });
    expect(release.componentIds).toEqual([routing, driver].sort());
    expect(release.components.map((c) => c.name)).toEqual(['Driver App', 'Routing']);

    const a = await seedFeature(f, { componentId: routing, title: 'Window-aware routing', status: 'shipped', effort: 5, releaseId: release.id });
    const b = await seedFeature(f, { componentId: driver, title: 'Offline proof', status: 'in_progress', effort: 3.5, releaseId: release.id });
    await seedFeature(f, { componentId: driver, title: 'Not in the release', status: 'planned' });

    const detail = (await f.admin.get(`${f.w}/releases/${release.id}`)).json<Detail>();
    expect(detail).toMatchObject({ featureCount: 2, shippedCount: 1 });
    // By component name, then title.
    expect(detail.features).toEqual([
      { id: b, title: 'Offline proof', component: { id: driver, name: 'Driver App' }, status: 'in_progress', effort: 3.5 },
      { id: a, title: 'Window-aware routing', component: { id: routing, name: 'Routing' }, status: 'shipped', effort: 5 },
    ]);

    const other = await seedProduct(f, 'Other', []);
    const later = (await f.admin.post(`${f.w}/releases`, { productId, name: '2027.2' })).json<Detail>();
    await f.admin.post(`${f.w}/releases`, { productId: other.productId, name: 'Elsewhere', date: '2026-01-01' });
    const list = (await f.admin.get(`${f.w}/releases?productId=${productId}`)).json<{ items: Release[]; total: number }>();
    // Dated first, by date; undated last.
    expect(list.items.map((r) => r.name)).toEqual(['2027.1', '2027.2']);
    expect(list.items[0]).toMatchObject({ id: release.id, featureCount: 2, shippedCount: 1, componentIds: [routing, driver].sort() });
    expect(list.total).toBe(2);
    expect((await f.admin.get(`${f.w}/releases`)).json<{ total: number }>().total).toBe(3);

    const edited = await f.admin.patch(`${f.w}/releases/${later.id}`, { status: 'released', date: '2027-06-30', componentIds: [routing], version: 1 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<Detail>()).toMatchObject({ status: 'released', date: '2027-06-30', componentIds: [routing], version: 2 });
    expect((await f.admin.get(`${f.w}/releases?productId=${productId}&status=released`)).json<{ items: Release[] }>().items.map((r) => r.id)).toEqual([later.id]);
    const cleared = await f.admin.patch(`${f.w}/releases/${later.id}`, { date: null, version: 2 });
    expect(cleared.json<Detail>().date).toBeNull();

    const entries = await audit(f, 'release.update');
    expect(entries[1]).toMatchObject({ entityId: later.id });
    expect(entries[1]!.summary).toMatch(/^Updated release “2027.2”: .*status: planned → released/);
    expect(entries[1]!.changes).toMatchObject({ status: ['planned', 'released'], date: [null, '2027-06-30'], componentIds: [[], [routing]] });
    expect((await audit(f, 'release.create')).length).toBe(3);
  });

  it('validates input, naming the field', async () => {
    const f = await workspaceFixture();
    const { productId, routing, release } = await fleet(f);
    const elsewhere = await seedProduct(f, 'Elsewhere', ['Billing']);
    const foreign = await workspaceFixture();
    const foreignProduct = await seedProduct(foreign, 'Theirs', ['X']);
    const post = (body: unknown) => f.admin.post(`${f.w}/releases`, body);

    expect((await post({ productId, name: '  ' })).json()).toEqual({ code: 'validation_failed', message: 'name: must not be empty', field: 'name' });
    expect((await post({ name: 'No product' })).json<{ field: string }>().field).toBe('productId');
    expect((await post({ productId, name: 'R', date: '2027-02-30' })).json<{ field: string }>().field).toBe('date');
    expect((await post({ productId, name: 'R', date: '31/03/2027' })).json<{ field: string }>().field).toBe('date');
    expect((await post({ productId, name: 'R', shipped: true })).json<{ field: string }>().field).toBe('shipped');
    const wrongComponent = await post({ productId, name: 'R', componentIds: [elsewhere.componentIds[0]] });
    expect(wrongComponent.statusCode).toBe(400);
    expect(wrongComponent.json()).toMatchObject({ field: 'componentIds', message: `componentIds: ${elsewhere.componentIds[0]} is not a component of Fleet` });
    const theirs = await post({ productId: foreignProduct.productId, name: 'R' });
    expect(theirs.json()).toEqual({ code: 'validation_failed', message: 'productId: is not a product of this workspace', field: 'productId' });

    const patch = (body: unknown) => f.admin.patch(`${f.w}/releases/${release.id}`, body);
    expect((await patch({ status: 'shipped', version: 1 })).json<{ field: string }>().field).toBe('status');
    expect((await patch({ name: 'No version' })).json<{ field: string }>().field).toBe('version');
    expect((await patch({ componentIds: [foreignProduct.componentIds[0]], version: 1 })).json<{ field: string }>().field).toBe('componentIds');
    expect((await patch({ notes: 'x'.repeat(100_001), version: 1 })).json<{ field: string }>().field).toBe('notes');
    expect((await f.admin.get(`${f.w}/releases?status=gone`)).json<{ field: string }>().field).toBe('status');
    // Nothing above was written.
    expect((await f.admin.get(`${f.w}/releases/${release.id}`)).json<Detail>()).toMatchObject({ version: 1, componentIds: expect.arrayContaining([routing]) });
  });

  it('answers 409 to a stale edit, and the If-Match header carries the version too', async () => {
    const f = await workspaceFixture();
    const { release } = await fleet(f);
    const url = `${f.w}/releases/${release.id}`;
    expect((await f.admin.patch(url, { name: '2027.1 GA', version: 1 })).statusCode).toBe(200);
    const stale = await f.admin.patch(url, { name: 'Lost', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', field: 'version' });
    expect((await f.admin.patch(url, { name: 'Via header' }, { 'if-match': '"2"' })).json<Detail>()).toMatchObject({ name: 'Via header', version: 3 });
    expect((await f.admin.get(url)).json<Detail>().name).toBe('Via header');
  });

  it('answers 404 for another workspace’s releases and products', async () => {
    const f = await workspaceFixture();
    const { productId, release } = await fleet(f);
    const other = await workspaceFixture();
    const theirs = `${other.w}/releases/${release.id}`;
    expect((await other.admin.get(theirs)).statusCode).toBe(404);
    expect((await other.admin.patch(theirs, { name: 'Taken', version: 1 })).statusCode).toBe(404);
    expect((await other.admin.post(`${theirs}/notes/draft`)).statusCode).toBe(404);
    expect((await other.admin.delete(theirs)).statusCode).toBe(404);
    expect((await other.admin.get(`${other.w}/releases?productId=${productId}`)).json()).toMatchObject({ code: 'not_found', message: 'Product not found' });
    // And through our workspace's URL, the other admin is not a member.
    expect((await other.admin.get(`${f.w}/releases/${release.id}`)).json()).toMatchObject({ code: 'not_found', message: 'Workspace not found' });
    expect((await f.admin.get(`${f.w}/releases/00000000-0000-4000-8000-000000000000`)).json()).toMatchObject({ code: 'not_found', message: 'Release not found' });
    expect((await f.admin.get(`${f.w}/releases/${release.id}`)).json<Detail>().name).toBe('2027.1');
  });

  it('lets PMs create and edit releases, leads delete them, contributors and viewers only read', async () => {
    const f = await workspaceFixture();
    const { productId, routing, release } = await fleet(f);
    const pm = await addMember(f, 'pm');
    const lead = await addMember(f, 'lead');
    const contributor = await addMember(f, 'contributor');
    const viewer = await addMember(f, 'viewer');

    const mine = await pm.post(`${f.w}/releases`, { productId, name: 'PM release' });
    expect(mine.statusCode).toBe(201);
    expect((await pm.patch(`${f.w}/releases/${release.id}`, { description: 'By the PM', version: 1 })).statusCode).toBe(200);
    expect((await pm.post(`${f.w}/releases/${release.id}/notes/draft`)).statusCode).toBe(200);
    expect((await pm.delete(`${f.w}/releases/${release.id}`)).statusCode).toBe(403);
    for (const reader of [contributor, viewer]) {
      expect((await reader.get(`${f.w}/releases/${release.id}`)).statusCode).toBe(200);
      expect((await reader.post(`${f.w}/releases`, { productId, name: 'Nope' })).statusCode).toBe(403);
      expect((await reader.patch(`${f.w}/releases/${release.id}`, { name: 'Nope', version: 2 })).statusCode).toBe(403);
      expect((await reader.post(`${f.w}/releases/${release.id}/notes/draft`)).statusCode).toBe(403);
    }

    // Viewers read the stakeholder version: internal features are left out, effort is internal by default.
    await seedFeature(f, { componentId: routing, title: 'Public', status: 'shipped', effort: 3, releaseId: release.id });
    await seedFeature(f, { componentId: routing, title: 'Secret', status: 'shipped', effort: 8, releaseId: release.id, internal: true });
    const seen = (await viewer.get(`${f.w}/releases/${release.id}`)).json<Detail>();
    expect(seen.features.map((x) => [x.title, x.effort])).toEqual([['Public', null]]);
    expect(seen).toMatchObject({ featureCount: 1, shippedCount: 1 });
    expect((await viewer.get(`${f.w}/releases?productId=${productId}`)).json<{ items: Release[] }>().items.find((r) => r.id === release.id)).toMatchObject({ featureCount: 1 });
    const full = (await contributor.get(`${f.w}/releases/${release.id}`)).json<Detail>();
    expect(full.features.map((x) => [x.title, x.effort])).toEqual([['Public', 3], ['Secret', 8]]);

    expect((await lead.delete(`${f.w}/releases/${mine.json<Detail>().id}`)).statusCode).toBe(204);
  });

  it('deletes a release and keeps its features, without a release', async () => {
    const f = await workspaceFixture();
    const { routing, release } = await fleet(f);
    const feature = await seedFeature(f, { componentId: routing, title: 'Stays', releaseId: release.id });
    expect((await f.admin.delete(`${f.w}/releases/${release.id}`)).statusCode).toBe(204);
    expect((await f.admin.get(`${f.w}/releases/${release.id}`)).statusCode).toBe(404);
    expect(await releaseOf(feature)).toBeNull();
    expect((await f.admin.delete(`${f.w}/releases/${release.id}`)).statusCode).toBe(404);
    const [entry] = await audit(f, 'release.delete');
    expect(entry).toMatchObject({ entityId: release.id, summary: 'Deleted release “2027.1”; its 1 features are no longer assigned to a release' });
  });

  it('drafts notes from the shipped features and their requirements, deterministically and without saving', async () => {
    const f = await workspaceFixture();
    const { routing, driver, release } = await fleet(f);
    await seedFeature(f, {
      componentId: routing,
      title: 'Window-aware routing',
      status: 'shipped',
      releaseId: release.id,
      requirements: '## Problem\n\n> Whose problem is this?\n\nDispatchers miss **delivery windows**.\n\n## Goals\n\nFewer misses.',
    });
    await seedFeature(f, { componentId: driver, title: 'Offline proof', status: 'shipped', releaseId: release.id, description: 'Capture proof without signal.' });
    await seedFeature(f, { componentId: driver, title: 'Still building', status: 'in_progress', releaseId: release.id, requirements: '## Problem\n\nNot shipped.' });

    const url = `${f.w}/releases/${release.id}/notes/draft`;
    const first = await f.admin.post(url);
    expect(first.statusCode).toBe(200);
    const draft = first.json<{ notes: string; featureCount: number }>();
    expect(draft.featureCount).toBe(2);
    expect(draft.notes).toBe(
      [
        '# 2027.1',
        '',
        '_Release date: 2027-03-31_',
        '',
        'Spring',
        '',
        '## Driver App',
        '',
        '- **Offline proof** — Capture proof without signal.',
        '',
        '## Routing',
        '',
        '- **Window-aware routing** — Dispatchers miss delivery windows.',
        '',
      ].join('\n'),
    );
    expect((await f.admin.post(url)).json<{ notes: string }>().notes).toBe(draft.notes);
    // Drafting writes nothing.
    expect((await f.admin.get(`${f.w}/releases/${release.id}`)).json<Detail>()).toMatchObject({ notes: '', version: 1 });

    const saved = await f.admin.patch(`${f.w}/releases/${release.id}`, { notes: draft.notes, version: 1 });
    expect(saved.json<Detail>()).toMatchObject({ notes: draft.notes, version: 2 });
    const [entry] = await audit(f, 'release.update');
    expect(entry!.changes).toEqual({ notes: ['0 characters', `${draft.notes.length} characters (edited)`] });
  });
});
