// Two Sextant servers on one PostgreSQL database, as behind a load balancer: sessions, API tokens and
// data written through one are seen through the other, and two instances can start at the same moment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, ROOT, expectStatus, signUp, spawnServer, startServer, stopAll, uniqueEmail, type ProductBody, type ServerProcess } from './harness.js';

const baseUrl = process.env.TEST_DATABASE_URL ?? '';

/** The same server with another database name. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onDatabase<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('two servers on one PostgreSQL database (processes)', () => {
  let scratch: string | null = null;

  afterAll(async () => {
    await stopAll();
    if (scratch) {
      const name = scratch;
      await onDatabase(baseUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    }
  }, 60_000);

  it('starts two instances at the same moment, on a database neither has migrated yet', async () => {
    // A database of our own, so the migrations really run (and race); when the role may not create
    // databases, the shared test database (perhaps migrated already) still checks that both come up.
    let url = baseUrl;
    const name = `sextant_mi_${process.pid}_${Date.now()}`;
    try {
      await onDatabase(baseUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
      scratch = name;
      url = withDatabase(baseUrl, name);
    } catch {
      scratch = null;
    }
    const servers = await Promise.all([spawnServer({ databaseUrl: url }), spawnServer({ databaseUrl: url })]);
    await Promise.all(servers.map((s) => s.waitHealthy()));
    const [a, b] = servers as [ServerProcess, ServerProcess];
    expect(await a.health()).toBe(200);
    expect(await b.health()).toBe(200);

    const journal = JSON.parse(readFileSync(join(ROOT, 'src/server/db/migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    const applied = await onDatabase(url, (c) => c.query<{ n: string }>('SELECT count(*)::text AS n FROM drizzle.__drizzle_migrations'));
    expect(Number(applied.rows[0]!.n)).toBe(journal.entries.length);

    // Both settled on one session secret: a session made by A is valid on B.
    const client = await signUp(a.origin, 'Race Starter', uniqueEmail('race'));
    expect((await client.withOrigin(b.origin).get('/api/v1/me')).status).toBe(200);
    await Promise.all([a.kill('SIGTERM'), b.kill('SIGTERM')]);
  }, 180_000);

  describe('sharing state', () => {
    let a: ServerProcess;
    let b: ServerProcess;

    beforeAll(async () => {
      [a, b] = await Promise.all([startServer({ databaseUrl: baseUrl }), startServer({ databaseUrl: baseUrl })]);
    }, 120_000);

    it('shares sessions, API tokens and data between the instances', async () => {
      const email = uniqueEmail('multi');
      const viaA = await signUp(a.origin, 'Multi Instance', email);
      const ws = expectStatus(await viaA.post<{ id: string }>('/api/v1/workspaces', { name: 'Shared' }), 201, 'create workspace via A');
      const w = `/api/v1/workspaces/${ws.body.id}`;
      const created = expectStatus(await viaA.post<ProductBody>(`${w}/products`, { name: 'Shared product' }), 201, 'create product via A');
      expectStatus(await viaA.post(`${w}/products/${created.body.id}/components`, { name: 'Shared component' }), 201, 'create component via A');

      // B reads it with A's session cookie: sessions live in the database.
      const viaB = viaA.withOrigin(b.origin);
      const readB = expectStatus(await viaB.get<{ items: ProductBody[]; total: number }>(`${w}/products`), 200, 'list via B');
      expect(readB.body.total).toBe(1);
      expect(readB.body.items[0]).toMatchObject({ id: created.body.id, name: 'Shared product', version: created.body.version });
      expect(readB.body.items[0]!.components.map((c) => c.name)).toEqual(['Shared component']);

      // And with an API token created through A.
      const token = expectStatus(await viaA.post<{ id: string; token: string }>('/api/v1/me/tokens', { name: 'multi-instance' }), 201, 'token via A');
      const bearerB = new HttpClient(b.origin);
      bearerB.bearer = token.body.token;
      const byToken = expectStatus(await bearerB.get<ProductBody>(`${w}/products/${created.body.id}`), 200, 'read via B with token');
      expect(byToken.body.name).toBe('Shared product');

      // A change through B (optimistic concurrency on the version) is what A then reads.
      const changed = expectStatus(
        await viaB.patch<ProductBody>(`${w}/products/${created.body.id}`, { name: 'Renamed through B', version: created.body.version }),
        200,
        'patch via B',
      );
      expect(changed.body.version).toBe(created.body.version + 1);
      const readA = expectStatus(await viaA.get<ProductBody>(`${w}/products/${created.body.id}`), 200, 'read via A');
      expect(readA.body).toMatchObject({ name: 'Renamed through B', version: created.body.version + 1 });
      // A write through A based on the version read before B's change is refused, not lost.
      const stale = await viaA.patch<{ code: string }>(`${w}/products/${created.body.id}`, { name: 'Stale write via A', version: created.body.version });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('version_conflict');

      // A token revoked through A stops working on A at once, and on B within its token cache's
      // lifetime (TOKEN_CACHE_MS, 5 s in tokens.service.ts); we allow 10 s.
      const bearerA = new HttpClient(a.origin);
      bearerA.bearer = token.body.token;
      expect((await bearerA.get(`${w}/products`)).status).toBe(200);
      expect((await viaA.request('DELETE', `/api/v1/me/tokens/${token.body.id}`)).status).toBe(204);
      expect((await bearerA.get(`${w}/products`)).status).toBe(401);
      const revokedAt = Date.now();
      let statusB = 0;
      while (Date.now() - revokedAt < 10_000) {
        statusB = (await bearerB.get(`${w}/products`)).status;
        if (statusB !== 200) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(statusB).toBe(401);

      // A sign-out through A ends the session on B (sessions are not cached per instance).
      expect((await viaA.post('/api/auth/sign-out', {})).status).toBe(200);
      expect(viaB.cookies.size).toBeGreaterThan(0); // B's copy still carries the old session cookie
      expect((await viaB.get('/api/v1/me')).status).toBe(401);
    }, 120_000);
  });
});
