import { describe, expect, it } from 'vitest';
import { TestClient, workspaceFixture } from '../../test/helpers.js';

describe('API tokens', () => {
  it('creates a token shown once that authenticates /api/v1 as its owner, until revoked', async () => {
    const f = await workspaceFixture();
    const created = await f.admin.post('/api/v1/me/tokens', { name: 'CI script' });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json<{ token: string; id: string; prefix: string }>();
    expect(token.startsWith(prefix)).toBe(true);
    const list = (await f.admin.get('/api/v1/me/tokens')).json<{ items: Record<string, unknown>[] }>().items;
    expect(list).toHaveLength(1);
    expect(list[0]).not.toHaveProperty('token');
    const bot = new TestClient(f.app);
    bot.bearer = token;
    const ws = await bot.get('/api/v1/workspaces');
    expect(ws.statusCode).toBe(200);
    expect(ws.json<{ items: { id: string }[] }>().items.map((w) => w.id)).toEqual([f.workspaceId]);
    // Bearer requests are exempt from the origin check: scripts send no Origin.
    const write = await bot.request('POST', `${f.w}/products`, { name: 'From a script' }, { origin: '' });
    expect(write.statusCode).toBe(201);
    const audit = (await f.admin.get(`${f.w}/audit-log`)).json<{ items: { action: string; actorName: string }[] }>().items;
    expect(audit[0]).toMatchObject({ action: 'product.create', actorName: 'Ada Admin' });
    expect(audit.map((e) => e.action)).toContain('api_token.create');
    expect((await f.admin.delete(`/api/v1/me/tokens/${id}`)).statusCode).toBe(204);
    const after = await bot.get('/api/v1/workspaces');
    expect(after.statusCode).toBe(401);
    expect(after.json()).toEqual({ code: 'unauthenticated', message: 'The API token is invalid or revoked' });
  });

  it("cannot revoke someone else's token", async () => {
    const a = await workspaceFixture();
    const b = await workspaceFixture();
    const { id } = (await a.admin.post('/api/v1/me/tokens', { name: 'mine' })).json<{ id: string }>();
    expect((await b.admin.delete(`/api/v1/me/tokens/${id}`)).statusCode).toBe(404);
    expect((await a.admin.get('/api/v1/me/tokens')).json<{ total: number }>().total).toBe(1);
    expect((await a.admin.post('/api/v1/me/tokens', { name: '' })).json<{ field: string }>().field).toBe('name');
  });

  it('refuses a made-up bearer token', async () => {
    const f = await workspaceFixture();
    const bot = new TestClient(f.app);
    bot.bearer = 'sxt_made-up';
    expect((await bot.get('/api/v1/workspaces')).statusCode).toBe(401);
  });
});
