import { describe, expect, it } from 'vitest';
import { TestClient, signUp, testApp, workspaceFixture } from '../../test/helpers.js';

describe('workspaces routes', () => {
  it('answers 401 without a session', async () => {
    const app = await testApp();
    const res = await new TestClient(app).get('/api/v1/workspaces');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 'unauthenticated', message: 'Sign in first, or send an API token' });
  });

  it('creates a workspace whose creator is admin, and lists it', async () => {
    const { admin, workspaceId } = await workspaceFixture('Northwind');
    const list = await admin.get('/api/v1/workspaces');
    expect(list.statusCode).toBe(200);
    const ws = list.json<{ items: { id: string; name: string; role: string; version: number; memberCount: number }[] }>().items;
    expect(ws).toHaveLength(1);
    expect(ws[0]).toMatchObject({ id: workspaceId, name: 'Northwind', role: 'admin', version: 1, memberCount: 1 });
  });

  it('rejects a bad body with 400 naming the field, and writes nothing', async () => {
    const app = await testApp();
    const user = await signUp(app);
    const res = await user.post('/api/v1/workspaces', { name: 42 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'name' });
    expect(res.json<{ message: string }>().message).toMatch(/^name: /);
    const empty = await user.post('/api/v1/workspaces', { name: '   ' });
    expect(empty.json()).toEqual({ code: 'validation_failed', message: 'name: must not be empty', field: 'name' });
    const extra = await user.post('/api/v1/workspaces', { name: 'ok', evil: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json<{ field: string }>().field).toBe('evil');
    expect((await user.get('/api/v1/workspaces')).json<{ total: number }>().total).toBe(0);
  });

  it('renames with the version read, and answers 409 to a stale one', async () => {
    const { admin, w } = await workspaceFixture('Before');
    const v = (await admin.get(w)).json<{ version: number }>().version;
    const ok = await admin.patch(w, { name: 'After', version: v });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'After', version: v + 1 });
    const stale = await admin.patch(w, { name: 'Lost', version: v });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', field: 'version' });
    expect((await admin.get(w)).json<{ name: string }>().name).toBe('After');
    const viaHeader = await admin.patch(w, { name: 'Header' }, { 'if-match': String(v + 1) });
    expect(viaHeader.statusCode).toBe(200);
    const missing = await admin.patch(w, { name: 'No version' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ field: string }>().field).toBe('version');
  });

  it('hides another workspace behind 404', async () => {
    const { app, w } = await workspaceFixture();
    const outsider = await signUp(app);
    for (const url of [w, `${w}/members`, `${w}/products`, `${w}/audit-log`]) {
      const res = await outsider.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json<{ code: string }>().code).toBe('not_found');
    }
    expect((await outsider.patch(w, { name: 'x', version: 1 })).statusCode).toBe(404);
  });

  it('refuses a cookie-authenticated change from another origin', async () => {
    const app = await testApp();
    const user = await signUp(app);
    const res = await user.post('/api/v1/workspaces', { name: 'CSRF' }, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    const none = await user.request('POST', '/api/v1/workspaces', { name: 'CSRF' }, { origin: '' });
    expect(none.statusCode).toBe(403);
    expect((await user.get('/api/v1/workspaces')).json<{ total: number }>().total).toBe(0);
  });

  it('records the rename in the audit log', async () => {
    const { admin, w } = await workspaceFixture('Audited');
    await admin.patch(w, { name: 'Audited 2', version: 1 });
    const log = (await admin.get(`${w}/audit-log`)).json<{ items: { action: string; summary: string; changes: unknown }[] }>().items;
    expect(log[0]).toMatchObject({ action: 'workspace.update', changes: { name: ['Audited', 'Audited 2'] } });
    expect(log[0]!.summary).toContain('Audited → Audited 2');
    expect(log.map((e) => e.action)).toContain('workspace.create');
  });
});
