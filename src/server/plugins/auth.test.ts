import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { testDatabase } from '../test/database.js';
import { TestClient, uniqueEmail } from '../test/helpers.js';

// An app of its own with a tight limit, on the worker's database.
describe('auth endpoints rate limit', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ database: await testDatabase(), logger: false, config: { authRateLimit: 3, jobPollMs: 0, authSecret: 'test-secret-that-is-long-enough-for-better-auth' } });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers 429 {code, message} past the limit on sign-in, and leaves other auth calls alone', async () => {
    const client = new TestClient(app);
    const email = uniqueEmail('limited');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await client.post('/api/auth/sign-in/email', { email, password: 'Wrong-password-1' })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await client.post('/api/auth/sign-in/email', { email, password: 'Wrong-password-1' });
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    expect(limited.json<{ message: string }>().message).toMatch(/retry in \d+ s/);
    expect(limited.headers['retry-after']).toBeDefined();
    const session = await client.get('/api/auth/get-session');
    expect(session.statusCode).toBe(200);
  });
});
