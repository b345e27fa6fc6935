import { describe, expect, it } from 'vitest';
import { addMember, signUp, workspaceFixture } from '../../test/helpers.js';

describe('products and components routes', () => {
  it('creates a product with components, owners and teams, and lists them together', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm', 'Pat PM');
    const eng = await addMember(f, 'contributor', 'Eve Engineer');
    const p = await f.admin.post(`${f.w}/products`, { name: 'Commerce', description: 'Sells things' });
    expect(p.statusCode).toBe(201);
    const productId = p.json<{ id: string }>().id;
    const c = await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Checkout', ownerId: pm.memberId, teamMemberIds: [eng.memberId] });
    expect(c.statusCode).toBe(201);
    expect(c.json()).toMatchObject({ name: 'Checkout', ownerId: pm.memberId, owner: { id: pm.memberId, name: 'Pat PM' }, teamMemberIds: [eng.memberId], version: 1 });
    const list = (await pm.get(`${f.w}/products`)).json<{ items: { name: string; components: { name: string }[] }[] }>();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]!.components.map((x) => x.name)).toEqual(['Checkout']);
    const members = (await pm.get(`${f.w}/members`)).json<{ items: { id: string; ownedComponents: { name: string }[] }[] }>().items;
    expect(members.find((m) => m.id === pm.memberId)!.ownedComponents.map((o) => o.name)).toEqual(['Checkout']);
    const bell = (await pm.get(`${f.w}/notifications`)).json<{ unread: number; items: { kind: string }[] }>();
    expect(bell.unread).toBe(1);
    expect(bell.items[0]!.kind).toBe('component.owner-assigned');
  });

  it('lets a PM edit only the components they own, and never hand them away', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const other = await addMember(f, 'pm');
    const productId = (await f.admin.post(`${f.w}/products`, { name: 'P' })).json<{ id: string }>().id;
    const mine = (await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Mine', ownerId: pm.memberId })).json<{ id: string }>().id;
    const theirs = (await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Theirs', ownerId: other.memberId })).json<{ id: string }>().id;
    const base = `${f.w}/products/${productId}/components`;
    const ok = await pm.patch(`${base}/${mine}`, { description: 'Now specified', version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ description: 'Now specified', version: 2 });
    const denied = await pm.patch(`${base}/${theirs}`, { description: 'Hijack', version: 1 });
    expect(denied.statusCode).toBe(403);
    expect(denied.json<{ code: string }>().code).toBe('forbidden');
    const handOff = await pm.patch(`${base}/${mine}`, { ownerId: other.memberId, version: 2 });
    expect(handOff.statusCode).toBe(400);
    expect(handOff.json<{ field: string }>().field).toBe('ownerId');
    expect((await pm.get(`${base}/${theirs}`)).json<{ description: string }>().description).toBe('');
    expect((await pm.post(`${f.w}/products`, { name: 'Nope' })).statusCode).toBe(403);
  });

  it('answers 409 to a stale component update and keeps the first change', async () => {
    const f = await workspaceFixture();
    const productId = (await f.admin.post(`${f.w}/products`, { name: 'P' })).json<{ id: string }>().id;
    const url = `${f.w}/products/${productId}/components/${(await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'C' })).json<{ id: string }>().id}`;
    expect((await f.admin.patch(url, { name: 'First', version: 1 })).statusCode).toBe(200);
    const stale = await f.admin.patch(url, { name: 'Second', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await f.admin.get(url)).json<{ name: string }>().name).toBe('First');
  });

  it('refuses an owner or team member from outside the workspace, writing nothing', async () => {
    const f = await workspaceFixture();
    const elsewhere = await workspaceFixture();
    const stranger = (await elsewhere.admin.get(`${elsewhere.w}/members`)).json<{ items: { id: string }[] }>().items[0]!.id;
    const productId = (await f.admin.post(`${f.w}/products`, { name: 'P' })).json<{ id: string }>().id;
    const res = await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'C', ownerId: stranger });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'validation_failed', message: 'ownerId: is not a member of this workspace', field: 'ownerId' });
    const team = await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'C', teamMemberIds: [stranger] });
    expect(team.json<{ field: string }>().field).toBe('teamMemberIds');
    expect((await f.admin.get(`${f.w}/products/${productId}/components`)).json<{ total: number }>().total).toBe(0);
    const badId = await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'C', ownerId: 'not-a-uuid' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json<{ field: string }>().field).toBe('ownerId');
  });

  it('hides products of other workspaces, even by id', async () => {
    const f = await workspaceFixture();
    const productId = (await f.admin.post(`${f.w}/products`, { name: 'Secret' })).json<{ id: string }>().id;
    const other = await workspaceFixture();
    const res = await other.admin.get(`${other.w}/products/${productId}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Secret');
    const outsider = await signUp(f.app);
    expect((await outsider.get(`${f.w}/products/${productId}`)).statusCode).toBe(404);
  });

  it('deletes a product with its components and audits every step', async () => {
    const f = await workspaceFixture();
    const productId = (await f.admin.post(`${f.w}/products`, { name: 'Gone' })).json<{ id: string }>().id;
    await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'C1' });
    expect((await f.admin.delete(`${f.w}/products/${productId}`)).statusCode).toBe(204);
    expect((await f.admin.get(`${f.w}/products/${productId}`)).statusCode).toBe(404);
    const actions = (await f.admin.get(`${f.w}/audit-log`)).json<{ items: { action: string; summary: string }[] }>().items.map((e) => e.action);
    expect(actions.slice(0, 3)).toEqual(['product.delete', 'component.create', 'product.create']);
  });
});
