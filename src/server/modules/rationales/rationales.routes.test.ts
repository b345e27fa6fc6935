import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Rationale, RationaleList } from '../../../shared/contracts.js';
import { addMember, testApp, workspaceFixture, type Fixture } from '../../test/helpers.js';

type Err = { code: string; message: string; field?: string };

async function auditActions(f: Fixture): Promise<string[]> {
  return (await f.admin.get(`${f.w}/audit-log?limit=200`)).json<{ items: { action: string }[] }>().items.map((a) => a.action);
}

describe('rationales routes', () => {
  beforeAll(async () => void (await testApp()));

  it('seeds the three defaults once, on the first read, even when two reads race', async () => {
    const f = await workspaceFixture();
    const contributor = await addMember(f, 'contributor');
    const [a, b] = await Promise.all([contributor.get(`${f.w}/rationales`), f.admin.get(`${f.w}/rationales`)]);
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    const list = (await f.admin.get(`${f.w}/rationales`)).json<RationaleList>();
    expect(list.items.map((r) => r.title)).toEqual(['Does not serve a current pillar', 'Not enough evidence yet', 'Better served by a partner']);
    expect(list.items.every((r) => r.body.length > 20 && r.active && r.usageCount === 0 && r.version === 1)).toBe(true);
    expect((await auditActions(f)).filter((x) => x === 'rationale.create')).toHaveLength(3);

    // Deactivated, all of them: not reseeded (the workspace has templates), and hidden unless ?all=true.
    for (const r of list.items) expect((await f.admin.patch(`${f.w}/rationales/${r.id}`, { active: false, version: 1 })).statusCode).toBe(200);
    expect((await f.admin.get(`${f.w}/rationales`)).json<RationaleList>().total).toBe(0);
    expect((await f.admin.get(`${f.w}/rationales?all=true`)).json<RationaleList>().total).toBe(3);
  });

  it('lets leads create, edit, reorder, deactivate and delete; validates titles, pillars and versions', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead');
    const pm = await addMember(f, 'pm');
    const contributor = await addMember(f, 'contributor');
    const viewer = await addMember(f, 'viewer');
    await lead.get(`${f.w}/rationales`);

    const productId = (await f.admin.post(`${f.w}/products`, { name: 'Atlas' })).json<{ id: string }>().id;
    const pillar = await f.admin.post(`${f.w}/pillars`, { productId, name: 'Self-serve', targetShare: 30 });
    expect(pillar.statusCode).toBe(201);
    const pillarId = pillar.json<{ id: string }>().id;

    const created = await lead.post(`${f.w}/rationales`, { title: 'Does not serve Self-serve', body: 'Out of scope for self-serve.', pillarId });
    expect(created.statusCode).toBe(201);
    const r = created.json<Rationale>();
    expect(r).toMatchObject({ position: 3, active: true, pillar: { id: pillarId, name: 'Self-serve' }, version: 1 });

    const dup = await lead.post(`${f.w}/rationales`, { title: 'not enough EVIDENCE yet' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json<Err>()).toMatchObject({ code: 'validation_failed', field: 'title' });
    const empty = await lead.post(`${f.w}/rationales`, { title: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<Err>().message).toMatch(/title/);
    const badPillar = await lead.post(`${f.w}/rationales`, { title: 'Ghost pillar', pillarId: randomUUID() });
    expect(badPillar.json<Err>().field).toBe('pillarId');
    expect((await lead.get(`${f.w}/rationales?all=true`)).json<RationaleList>().total).toBe(4);

    for (const who of [pm, contributor, viewer]) expect((await who.post(`${f.w}/rationales`, { title: `By ${who.email}` })).statusCode).toBe(403);
    expect((await contributor.get(`${f.w}/rationales`)).statusCode).toBe(200);
    expect((await viewer.get(`${f.w}/rationales`)).statusCode).toBe(403);

    const url = `${f.w}/rationales/${r.id}`;
    const moved = await lead.patch(url, { position: 0, body: 'Edited', version: 1 });
    expect(moved.json<Rationale>()).toMatchObject({ position: 0, body: 'Edited', version: 2 });
    expect((await lead.get(`${f.w}/rationales`)).json<RationaleList>().items[0]!.id).toBe(r.id);
    expect((await lead.patch(url, { title: 'Stale', version: 1 })).statusCode).toBe(409);
    expect((await lead.patch(url, { title: 'Better served by a partner', version: 2 })).json<Err>().field).toBe('title');
    expect((await lead.patch(url, { pillarId: null, active: false, version: 2 })).json<Rationale>()).toMatchObject({ pillar: null, active: false, version: 3 });
    const active = (await lead.get(`${f.w}/rationales`)).json<RationaleList>();
    expect(active.items.map((x) => x.id)).not.toContain(r.id);
    expect((await lead.get(`${f.w}/rationales?all=true`)).json<RationaleList>().items.at(-1)!.id).toBe(r.id);
    expect((await pm.patch(url, { title: 'PM edit', version: 3 })).statusCode).toBe(403);

    // Another workspace's template is not found, nor is one that was deleted.
    const other = await workspaceFixture('Other');
    expect((await other.admin.patch(`${other.w}/rationales/${r.id}`, { title: 'Hijack', version: 3 })).statusCode).toBe(404);
    expect((await other.admin.delete(`${other.w}/rationales/${r.id}`)).statusCode).toBe(404);
    expect((await lead.delete(url)).statusCode).toBe(204);
    expect((await lead.delete(url)).statusCode).toBe(404);
    expect((await lead.patch(url, { title: 'Gone', version: 3 })).statusCode).toBe(404);

    expect(await auditActions(f)).toEqual(expect.arrayContaining(['rationale.create', 'rationale.update', 'rationale.delete']));
  });

  it('documents the rationale, decision and won\'t-do routes in the OpenAPI description', async () => {
    const app = await testApp();
    const doc = (await app.inject({ url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { summary?: string }>> }>();
    const w = '/api/v1/workspaces/{workspaceId}';
    expect(doc.paths[`${w}/rationales`]?.get?.summary).toBe('List rationale templates');
    expect(doc.paths[`${w}/rationales`]?.post?.summary).toBe('Create a rationale template');
    expect(doc.paths[`${w}/rationales/{rationaleId}`]?.patch?.summary).toBe('Edit a rationale template');
    expect(doc.paths[`${w}/decisions`]?.get?.summary).toBe('Search the decision log');
    expect(doc.paths[`${w}/wont-do`]?.get?.summary).toBe("The won't-do registry");
  });
});
