import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { freshDatabase } from '../../test/database.js';
import { PASSWORD, TestClient } from '../../test/helpers.js';

// First run needs an instance without accounts, so this file opens a database of its own.
describe('first run and demo', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await freshDatabase();
    app = await buildApp({ database, logger: false, config: { authRateLimit: 10_000, jobPollMs: 0, authSecret: 'test-secret-that-is-long-enough-for-better-auth' } });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('reports health on the embedded database', async () => {
    const res = await app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'embedded' });
  });

  it('creates the instance admin, the first workspace and the demo, once', async () => {
    const client = new TestClient(app);
    expect((await client.get('/api/v1/setup')).json()).toEqual({ needsSetup: true });
    const weak = await client.post('/api/v1/setup', { name: 'Ada', email: 'ada@example.test', password: 'short', workspaceName: 'Northwind', loadDemo: true });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'validation_failed', field: 'password' });
    expect((await client.get('/api/v1/setup')).json()).toEqual({ needsSetup: true });

    const res = await client.post('/api/v1/setup', { name: 'Ada', email: 'ada@example.test', password: PASSWORD, workspaceName: 'Northwind', loadDemo: true });
    expect(res.statusCode).toBe(201);
    const { workspaceId, demoWorkspaceId } = res.json<{ workspaceId: string; demoWorkspaceId: string }>();
    const me = (await client.get('/api/v1/me')).json<{ user: { instanceAdmin: boolean }; workspaces: { id: string; role: string }[] }>();
    expect(me.user.instanceAdmin).toBe(true);
    expect(me.workspaces.map((w) => w.id).sort()).toEqual([workspaceId, demoWorkspaceId].sort());
    expect(me.workspaces.every((w) => w.role === 'admin')).toBe(true);

    const demo = `/api/v1/workspaces/${demoWorkspaceId}`;
    const products = (await client.get(`${demo}/products`)).json<{ items: { components: { owner: { name: string } | null; teamMemberIds: string[] }[] }[] }>().items;
    expect(products).toHaveLength(1);
    expect(products[0]!.components).toHaveLength(5);
    expect(products[0]!.components.every((c) => c.owner && c.teamMemberIds.length > 0)).toBe(true);
    const members = (await client.get(`${demo}/members`)).json<{ items: { role: string }[] }>().items;
    const count = (role: string) => members.filter((m) => m.role === role).length;
    expect([count('lead'), count('pm')]).toEqual([1, 4]);
    expect(count('contributor') + count('viewer')).toBeGreaterThanOrEqual(3);

    const again = await new TestClient(app).post('/api/v1/setup', { name: 'Eve', email: 'eve@example.test', password: PASSWORD, workspaceName: 'Take over', loadDemo: false });
    expect(again.statusCode).toBe(409);
    expect((await client.get('/api/v1/setup')).json()).toEqual({ needsSetup: false });
  });

  it('lets a demo PM sign in with the demo password and see the product', async () => {
    const pm = new TestClient(app);
    const signIn = await pm.post('/api/auth/sign-in/email', { email: 'diego@demo.sextant.test', password: 'sextant-demo-2026' });
    expect(signIn.statusCode).toBe(200);
    const ws = (await pm.get('/api/v1/workspaces')).json<{ items: { role: string }[] }>().items;
    expect(ws.map((w) => w.role)).toEqual(['pm']);
  });

  it('explains a weak password at sign-up, in our error shape', async () => {
    const res = await new TestClient(app).post('/api/auth/sign-up/email', { name: 'Weak', email: 'weak@example.test', password: 'alllettersnodigits' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'bad_request', message: 'Password must contain a letter and a digit.' });
  });

  it('serves an OpenAPI document covering every /api/v1 route with summaries and tags', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json<{ openapi: string; paths: Record<string, Record<string, { summary?: string; tags?: string[]; responses?: object }>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    for (const route of app.apiRoutes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${path}`).toBeDefined();
      expect(op!.summary, path).toBeTruthy();
      expect(op!.tags?.length, path).toBeGreaterThan(0);
      expect(Object.keys(op!.responses ?? {}).some((s) => s.startsWith('2')), path).toBe(true);
    }
    expect((await app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('sets httpOnly SameSite session cookies and helmet headers', async () => {
    const res = await new TestClient(app).post('/api/auth/sign-in/email', { email: 'ada@example.test', password: PASSWORD });
    const cookie = [res.headers['set-cookie']].flat().find((c) => c?.includes('session_token'))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const health = await app.inject({ url: '/api/health' });
    expect(health.headers['content-security-policy']).toContain("script-src 'self'");
    expect(health.headers['x-content-type-options']).toBe('nosniff');
  });

  it('limits the size of request bodies', async () => {
    const client = new TestClient(app);
    await client.post('/api/auth/sign-in/email', { email: 'ada@example.test', password: PASSWORD });
    const res = await client.post('/api/v1/workspaces', { name: 'x'.repeat(2_000_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large' });
  });
});
