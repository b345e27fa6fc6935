import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { testDatabase } from './database.js';

export const ORIGIN = 'http://localhost:80';
export const PASSWORD = 'Correct-Horse-Battery-9';

let appPromise: Promise<FastifyInstance> | null = null;

/** One app per worker on the worker's database, as the routes see it in production (logger off). */
export function testApp(): Promise<FastifyInstance> {
  appPromise ??= (async () => {
    const database = await testDatabase();
    const app = await buildApp({
      database,
      logger: false,
      config: { authRateLimit: 10_000, jobPollMs: 0, publicUrl: null, authSecret: 'test-secret-that-is-long-enough-for-better-auth' },
    });
    await app.ready();
    return app;
  })();
  return appPromise;
}

/** A client through `inject`: a cookie jar, our Origin, or a bearer token. */
export class TestClient {
  cookie = '';
  bearer: string | null = null;
  userId = '';
  email = '';
  name = '';
  constructor(readonly app: FastifyInstance) {}

  async request(method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { origin: ORIGIN, ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const res = await this.app.inject({ method, url, headers: h, ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}) });
    const set = res.headers['set-cookie'];
    const list = Array.isArray(set) ? set : set ? [set] : [];
    for (const c of list) {
      const pair = c.split(';')[0]!;
      if (/max-age=0/i.test(c)) continue;
      const name = pair.split('=')[0]!;
      this.cookie = [...this.cookie.split('; ').filter((p) => p && !p.startsWith(`${name}=`)), pair].join('; ');
    }
    return res;
  }
  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, body: unknown = {}, headers?: Record<string, string>) {
    return this.request('POST', url, body, headers);
  }
  patch(url: string, body: unknown, headers?: Record<string, string>) {
    return this.request('PATCH', url, body, headers);
  }
  delete(url: string, headers?: Record<string, string>) {
    return this.request('DELETE', url, undefined, headers);
  }
}

/** A unique email for this test run. */
export const uniqueEmail = (tag = 'user') => `${tag}.${randomUUID().slice(0, 8)}@example.test`;

/** Signs up a fresh account and returns its signed-in client. */
export async function signUp(app: FastifyInstance, name = 'Test User', email = uniqueEmail()): Promise<TestClient> {
  const client = new TestClient(app);
  const res = await client.post('/api/auth/sign-up/email', { name, email, password: PASSWORD });
  if (res.statusCode !== 200) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ user: { id: string } }>();
  client.userId = body.user.id;
  client.email = email;
  client.name = name;
  return client;
}

export interface Fixture {
  app: FastifyInstance;
  admin: TestClient;
  workspaceId: string;
  w: string;
}

/** A signed-in admin with a fresh workspace. */
export async function workspaceFixture(name = 'Test Workspace'): Promise<Fixture> {
  const app = await testApp();
  const admin = await signUp(app, 'Ada Admin', uniqueEmail('admin'));
  const res = await admin.post('/api/v1/workspaces', { name });
  if (res.statusCode !== 201) throw new Error(`workspace: ${res.statusCode} ${res.body}`);
  const workspaceId = res.json<{ id: string }>().id;
  return { app, admin, workspaceId, w: `/api/v1/workspaces/${workspaceId}` };
}

/** Adds a member with a role through an invitation, as a person would join. */
export async function addMember(f: Fixture, role: string, name = `${role} person`): Promise<TestClient & { memberId: string }> {
  const client = await signUp(f.app, name, uniqueEmail(role));
  const inv = await f.admin.post(`${f.w}/invitations`, { email: client.email, role });
  if (inv.statusCode !== 201) throw new Error(`invite: ${inv.statusCode} ${inv.body}`);
  const acc = await client.post(`/api/v1/invitations/${inv.json<{ token: string }>().token}/accept`);
  if (acc.statusCode !== 200) throw new Error(`accept: ${acc.statusCode} ${acc.body}`);
  return Object.assign(client, { memberId: acc.json<{ memberId: string }>().memberId });
}
