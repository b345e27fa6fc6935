import { beforeAll, describe, expect, it } from 'vitest';
import type { Pillar, PillarList } from '../../../shared/contracts.js';
import { newId } from '../../lib/ids.js';
import { testDatabase } from '../../test/database.js';
import { addMember, testApp, workspaceFixture, type Fixture } from '../../test/helpers.js';
import { insertObjectiveRow, readFeaturePillarIds } from './pillars.fixtures.js';

async function product(f: Fixture, name = 'Atlas') {
  const productId = (await f.admin.post(`${f.w}/products`, { name })).json<{ id: string }>().id;
  const componentId = (await f.admin.post(`${f.w}/products/${productId}/components`, { name: `${name} core` })).json<{ id: string }>().id;
  return { productId, componentId };
}

async function audit(f: Fixture) {
  return (await f.admin.get(`${f.w}/audit-log?limit=100`)).json<{ items: { action: string; summary: string; entityId: string | null }[] }>().items;
}

describe('pillars routes', () => {
  beforeAll(async () => void (await testApp()));

  it('lets leads create, edit, reorder and delete pillars; viewers read; PMs may not manage', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead');
    const pm = await addMember(f, 'pm');
    const viewer = await addMember(f, 'viewer');
    const { productId } = await product(f);

    const a = await lead.post(`${f.w}/pillars`, { productId, name: 'Speed', description: 'Fast everywhere', targetShare: 40 });
    expect(a.statusCode).toBe(201);
    expect(a.json<Pillar>()).toMatchObject({ name: 'Speed', targetShare: 40, status: 'active', position: 0, version: 1, featureCount: 0, actualShare: null });
    const b = (await f.admin.post(`${f.w}/pillars`, { productId, name: 'Trust', targetShare: 35.5 })).json<Pillar>();
    expect(b.position).toBe(1);
    expect((await pm.post(`${f.w}/pillars`, { productId, name: 'Mine', targetShare: 1 })).statusCode).toBe(403);
    expect((await viewer.post(`${f.w}/pillars`, { productId, name: 'Mine', targetShare: 1 })).statusCode).toBe(403);

    const list = await viewer.get(`${f.w}/pillars?productId=${productId}`);
    expect(list.statusCode).toBe(200);
    expect(list.json<PillarList>()).toMatchObject({ total: 2, allocatedShare: 75.5, remainingShare: 24.5 });
    expect(list.json<PillarList>().items.map((p) => p.name)).toEqual(['Speed', 'Trust']);

    const url = `${f.w}/pillars/${a.json<Pillar>().id}`;
    expect((await pm.patch(url, { name: 'x', version: 1 })).statusCode).toBe(403);
    const noVersion = await lead.patch(url, { name: 'Velocity' });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json<{ field: string }>().field).toBe('version');
    const edited = await lead.patch(url, { name: 'Velocity', position: 5, version: 1 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<Pillar>()).toMatchObject({ name: 'Velocity', position: 1, version: 2 });
    const stale = await f.admin.patch(url, { description: 'late', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ code: string }>().code).toBe('version_conflict');
    // Moved to the end: Trust comes first now.
    expect((await viewer.get(`${f.w}/pillars?productId=${productId}`)).json<PillarList>().items.map((p) => [p.name, p.position])).toEqual([
      ['Trust', 0],
      ['Velocity', 1],
    ]);

    expect((await pm.delete(url)).statusCode).toBe(403);
    expect((await lead.delete(url)).statusCode).toBe(204);
    expect((await lead.patch(url, { name: 'Gone', version: 2 })).statusCode).toBe(404);
    expect((await viewer.get(`${f.w}/pillars?productId=${productId}`)).json<PillarList>().total).toBe(1);

    const actions = (await audit(f)).map((e) => e.action);
    expect(actions.filter((x) => x.startsWith('pillar.'))).toEqual(['pillar.delete', 'pillar.update', 'pillar.create', 'pillar.create']);
    expect((await audit(f)).find((e) => e.action === 'pillar.update')!.summary).toContain('Velocity');
  });

  it('keeps the active pillars of a product within 100 % and names unique, naming the field', async () => {
    const f = await workspaceFixture();
    const { productId } = await product(f);
    const other = await product(f, 'Beacon');
    const first = (await f.admin.post(`${f.w}/pillars`, { productId, name: 'Growth', targetShare: 60 })).json<Pillar>();
    const over = await f.admin.post(`${f.w}/pillars`, { productId, name: 'Platform', targetShare: 40.01 });
    expect(over.statusCode).toBe(400);
    expect(over.json()).toMatchObject({ code: 'validation_failed', field: 'targetShare' });
    expect(over.json<{ message: string }>().message).toContain('40 % is left');
    // Another product has its own 100 %; paused pillars do not count.
    expect((await f.admin.post(`${f.w}/pillars`, { productId: other.productId, name: 'Growth', targetShare: 100 })).statusCode).toBe(201);
    const paused = await f.admin.post(`${f.w}/pillars`, { productId, name: 'Platform', targetShare: 50, status: 'paused' });
    expect(paused.statusCode).toBe(201);
    const back = await f.admin.patch(`${f.w}/pillars/${paused.json<Pillar>().id}`, { status: 'active', version: 1 });
    expect(back.statusCode).toBe(400);
    expect(back.json<{ field: string }>().field).toBe('status');
    expect((await f.admin.patch(`${f.w}/pillars/${first.id}`, { targetShare: 50, version: 1 })).statusCode).toBe(200);
    expect((await f.admin.patch(`${f.w}/pillars/${paused.json<Pillar>().id}`, { status: 'active', version: 1 })).statusCode).toBe(200);
    expect((await f.admin.get(`${f.w}/pillars?productId=${productId}`)).json<PillarList>()).toMatchObject({ allocatedShare: 100, remainingShare: 0 });

    const twice = await f.admin.post(`${f.w}/pillars`, { productId, name: 'growth', targetShare: 0 });
    expect(twice.statusCode).toBe(400);
    expect(twice.json<{ field: string }>().field).toBe('name');
    const rename = await f.admin.patch(`${f.w}/pillars/${first.id}`, { name: 'PLATFORM', version: 2 });
    expect(rename.json<{ field: string }>().field).toBe('name');
    for (const [body, field] of [
      [{ productId, name: 'A', targetShare: 101 }, 'targetShare'],
      [{ productId, name: 'A', targetShare: 1.234 }, 'targetShare'],
      [{ productId, name: '', targetShare: 1 }, 'name'],
      [{ productId, name: 'A', targetShare: 1, status: 'gone' }, 'status'],
      [{ productId: newId(), name: 'A', targetShare: 1 }, 'productId'],
    ] as const) {
      const res = await f.admin.post(`${f.w}/pillars`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<{ field: string }>().field).toBe(field);
    }
    expect((await f.admin.get(`${f.w}/pillars?productId=${productId}`)).json<PillarList>().total).toBe(2);
  });

  it('counts linked features, planned effort, actual share, objectives and opportunities', async () => {
    const f = await workspaceFixture();
    const { productId, componentId } = await product(f);
    const speed = (await f.admin.post(`${f.w}/pillars`, { productId, name: 'Speed', targetShare: 50 })).json<Pillar>();
    const trust = (await f.admin.post(`${f.w}/pillars`, { productId, name: 'Trust', targetShare: 50 })).json<Pillar>();
    const make = async (body: Record<string, unknown>) => {
      const res = await f.admin.post(`${f.w}/features`, { componentId, ...body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string; pillarId: string | null }>();
    };
    await make({ title: 'Cache', pillarId: speed.id, effort: 6, horizon: 'now' });
    await make({ title: 'CDN', pillarId: speed.id, effort: 2, status: 'planned' });
    await make({ title: 'Old win', pillarId: speed.id, effort: 100, status: 'shipped', horizon: 'now' });
    await make({ title: 'Someday', pillarId: speed.id, effort: 50 });
    await make({ title: 'Audit log', pillarId: trust.id, effort: 4, status: 'in_progress' });
    await make({ title: 'Loose end', effort: 8, horizon: 'later' });
    const opp = await f.admin.post(`${f.w}/opportunities`, { title: 'Slow pages', pillarId: speed.id });
    expect(opp.statusCode).toBe(201);
    expect(opp.json<{ pillarId: string }>().pillarId).toBe(speed.id);
    const { db } = await testDatabase();
    await insertObjectiveRow(db, { workspaceId: f.workspaceId, productId, pillarId: speed.id, title: 'Be fast' });

    const list = (await f.admin.get(`${f.w}/pillars?productId=${productId}`)).json<PillarList>();
    expect(list).toMatchObject({ plannedEffort: 20, unalignedEffort: 8 });
    expect(list.items.map((p) => [p.name, p.featureCount, p.plannedEffort, p.actualShare, p.objectiveCount, p.opportunityCount])).toEqual([
      ['Speed', 4, 8, 40, 1, 1],
      ['Trust', 1, 4, 20, 0, 0],
    ]);

    // Deleting a pillar unlinks, never deletes, its features.
    expect((await f.admin.delete(`${f.w}/pillars/${speed.id}`)).statusCode).toBe(204);
    const rows = await readFeaturePillarIds(db, componentId);
    expect(rows).toHaveLength(6);
    expect(rows.filter((r) => r.pillarId === speed.id)).toEqual([]);
  });

  it('answers 404 across workspaces', async () => {
    const f = await workspaceFixture();
    const g = await workspaceFixture();
    const { productId } = await product(f);
    const pillar = (await f.admin.post(`${f.w}/pillars`, { productId, name: 'Speed', targetShare: 10 })).json<Pillar>();
    expect((await g.admin.get(`${g.w}/pillars?productId=${productId}`)).statusCode).toBe(404);
    expect((await g.admin.patch(`${g.w}/pillars/${pillar.id}`, { name: 'Mine', version: 1 })).statusCode).toBe(404);
    expect((await g.admin.delete(`${g.w}/pillars/${pillar.id}`)).statusCode).toBe(404);
    expect((await f.admin.get(`${g.w}/pillars?productId=${productId}`)).statusCode).toBe(404);
    const foreign = await g.admin.post(`${g.w}/pillars`, { productId, name: 'Mine', targetShare: 10 });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<{ field: string }>().field).toBe('productId');
    expect((await f.admin.get(`${f.w}/pillars?productId=${productId}`)).json<PillarList>().items[0]).toMatchObject({ name: 'Speed', version: 1 });
  });
});

describe('linking features and opportunities to pillars', () => {
  beforeAll(async () => void (await testApp()));

  it('refuses a pillar of another product for a feature, and unlinks it when the feature moves product', async () => {
    const f = await workspaceFixture();
    const atlas = await product(f, 'Atlas');
    const beacon = await product(f, 'Beacon');
    const mine = (await f.admin.post(`${f.w}/pillars`, { productId: atlas.productId, name: 'Speed', targetShare: 10 })).json<Pillar>();
    const theirs = (await f.admin.post(`${f.w}/pillars`, { productId: beacon.productId, name: 'Reach', targetShare: 10 })).json<Pillar>();

    const bad = await f.admin.post(`${f.w}/features`, { componentId: atlas.componentId, title: 'Cache', pillarId: theirs.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed', field: 'pillarId' });
    expect((await f.admin.post(`${f.w}/features`, { componentId: atlas.componentId, title: 'Cache', pillarId: newId() })).json<{ field: string }>().field).toBe('pillarId');
    const ok = await f.admin.post(`${f.w}/features`, { componentId: atlas.componentId, title: 'Cache', pillarId: mine.id });
    expect(ok.statusCode).toBe(201);
    const feature = ok.json<{ id: string; pillarId: string; version: number }>();
    expect(feature.pillarId).toBe(mine.id);

    const wrong = await f.admin.patch(`${f.w}/features/${feature.id}`, { pillarId: theirs.id, version: feature.version });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ field: string }>().field).toBe('pillarId');
    // Moving to Beacon with Atlas's pillar named is refused; moving without naming one unlinks it.
    const moveKeep = await f.admin.patch(`${f.w}/features/${feature.id}`, { componentId: beacon.componentId, pillarId: mine.id, version: feature.version });
    expect(moveKeep.json<{ field: string }>().field).toBe('pillarId');
    const moved = await f.admin.patch(`${f.w}/features/${feature.id}`, { componentId: beacon.componentId, version: feature.version });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<{ pillarId: string | null }>().pillarId).toBeNull();
    const linked = await f.admin.patch(`${f.w}/features/${feature.id}`, { pillarId: theirs.id, version: moved.json<{ version: number }>().version });
    expect(linked.json<{ pillarId: string }>().pillarId).toBe(theirs.id);
  });

  it('lets an opportunity name any pillar of the workspace, and filters by it', async () => {
    const f = await workspaceFixture();
    const g = await workspaceFixture();
    const atlas = await product(f, 'Atlas');
    const elsewhere = await product(g, 'Elsewhere');
    const pillar = (await f.admin.post(`${f.w}/pillars`, { productId: atlas.productId, name: 'Speed', targetShare: 10 })).json<Pillar>();
    const foreign = (await g.admin.post(`${g.w}/pillars`, { productId: elsewhere.productId, name: 'Theirs', targetShare: 10 })).json<Pillar>();

    const bad = await f.admin.post(`${f.w}/opportunities`, { title: 'Slow', pillarId: foreign.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ field: string }>().field).toBe('pillarId');
    const opp = (await f.admin.post(`${f.w}/opportunities`, { title: 'Slow', pillarId: pillar.id })).json<{ id: string; pillarId: string; version: number }>();
    await f.admin.post(`${f.w}/opportunities`, { title: 'Other' });
    expect((await f.admin.get(`${f.w}/opportunities/${opp.id}`)).json<{ pillarId: string }>().pillarId).toBe(pillar.id);
    expect((await f.admin.get(`${f.w}/opportunities?pillarId=${pillar.id}`)).json<{ items: { id: string }[] }>().items.map((o) => o.id)).toEqual([opp.id]);
    const badPatch = await f.admin.patch(`${f.w}/opportunities/${opp.id}`, { pillarId: foreign.id, version: opp.version });
    expect(badPatch.json<{ field: string }>().field).toBe('pillarId');
    const cleared = await f.admin.patch(`${f.w}/opportunities/${opp.id}`, { pillarId: null, version: opp.version });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json<{ pillarId: string | null }>().pillarId).toBeNull();
  });
});
