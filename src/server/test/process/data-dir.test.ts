// The embedded data directory's lock, and durability across kill -9, with real processes.
// One data directory for the whole file (a fresh PGlite directory is slow and big); the tests run in order.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LOCK_MESSAGE,
  expectStatus,
  removeTempDirs,
  runCli,
  signIn,
  signUp,
  spawnServer,
  startServer,
  stopAll,
  tempDir,
  uniqueEmail,
  type ProductBody,
  type ServerProcess,
} from './harness.js';

interface LockBody {
  pid: number;
  started: string | null;
}

describe('embedded data directory (processes)', () => {
  let dataDir = '';
  let lockPath = '';
  let server: ServerProcess;
  const readLock = () => JSON.parse(readFileSync(lockPath, 'utf8')) as LockBody;

  beforeAll(async () => {
    dataDir = join(tempDir('datadir'), 'data');
    lockPath = join(dataDir, 'sextant.lock');
    server = await startServer({ dataDir });
  });

  afterAll(async () => {
    await stopAll();
    removeTempDirs();
  });

  it('refuses a second server on the same data directory, and the first keeps serving', async () => {
    expect(readLock().pid).toBe(server.pid);
    const second = await spawnServer({ dataDir });
    const exit = await second.waitExit(60_000);
    expect(exit).toEqual({ code: 2, signal: null });
    expect(second.stderr).toContain(LOCK_MESSAGE);
    expect(second.stderr).toContain(`pid ${server.pid}`);
    expect(second.stderr).toContain(dataDir);
    // The refused contender left the holder's lock alone.
    expect(readLock().pid).toBe(server.pid);
    expect(await server.health()).toBe(200);
  }, 90_000);

  it('refuses a CLI command on the data directory while the server runs', async () => {
    const result = await runCli(['migrate'], { dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(LOCK_MESSAGE);
    expect(result.stderr).toContain(`pid ${server.pid}`);
    expect(result.stdout).not.toContain('Migrations applied');
    expect(readLock().pid).toBe(server.pid);
    expect(await server.health()).toBe(200);
  }, 90_000);

  it('keeps every acknowledged write across kill -9 and takes over the stale lock', async () => {
    const email = uniqueEmail('durable');
    const admin = await signUp(server.origin, 'Dura Bility', email);
    const ws = expectStatus(await admin.post<{ id: string }>('/api/v1/workspaces', { name: 'Durable' }), 201, 'create workspace');
    const w = `/api/v1/workspaces/${ws.body.id}`;
    const names = Array.from({ length: 20 }, (_, i) => `Product ${String(i + 1).padStart(2, '0')}`);
    for (const name of names) expectStatus(await admin.post(`${w}/products`, { name }), 201, `create ${name}`);

    const killedPid = server.pid;
    const exit = await server.kill('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    // Nothing cleaned up after the killed process: its lock is still there, naming it.
    expect(readLock().pid).toBe(killedPid);

    server = await startServer({ dataDir });
    expect(readLock().pid).toBe(server.pid);

    const { client, status } = await signIn(server.origin, email);
    expect(status).toBe(200);
    const list = expectStatus(await client.get<{ items: ProductBody[]; total: number }>(`${w}/products`), 200, 'list products');
    expect(list.body.total).toBe(20);
    expect(list.body.items.map((p) => p.name).sort()).toEqual(names);
    const me = expectStatus(await client.get<{ workspaces: { id: string; name: string; role: string }[] }>('/api/v1/me'), 200, 'me');
    expect(me.body.workspaces).toContainEqual({ id: ws.body.id, name: 'Durable', role: 'admin' });
  }, 180_000);

  it('releases the lock on a clean stop (SIGTERM)', async () => {
    const exit = await server.kill('SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(existsSync(lockPath)).toBe(false);
  }, 60_000);

  it('is not blocked by a lock whose process is dead', async () => {
    writeFileSync(lockPath, JSON.stringify({ pid: 999_999, started: '12345' }));
    server = await startServer({ dataDir });
    expect(readLock().pid).toBe(server.pid);
    await server.kill('SIGTERM');
  }, 90_000);

  it('is not blocked by a lock whose pid was recycled by another live process', async () => {
    // Our own pid is alive, but its start time is not the one in the lock: the holder died long ago.
    writeFileSync(lockPath, JSON.stringify({ pid: process.pid, started: '1' }));
    server = await startServer({ dataDir });
    expect(readLock().pid).toBe(server.pid);
    await server.kill('SIGTERM');
  }, 90_000);

  it('is not blocked by a half-written lock file', async () => {
    writeFileSync(lockPath, '{"pid":');
    server = await startServer({ dataDir });
    expect(readLock().pid).toBe(server.pid);
    await server.kill('SIGTERM');
  }, 90_000);
});
