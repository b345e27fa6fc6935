// Process-level test harness: real `sextant` processes (server and CLI) spawned from bin/sextant.js,
// talked to over HTTP. Every process is spawned in its own process group and killed as a group
// (tsx runs an esbuild service child); `stopAll()` and an exit hook make sure none outlives the tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const BIN = join(ROOT, 'bin/sextant.js');

export const PASSWORD = 'Process-Test-Password-1';
export const LOCK_MESSAGE = 'Another Sextant process';

/** Environment a child starts from: ours, minus anything that would point it at another database. */
function baseEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['DATABASE_URL', 'SEXTANT_DATA_DIR', 'TEST_DATABASE_URL', 'SEXTANT_PUBLIC_URL', 'SEXTANT_SECRET', 'BETTER_AUTH_SECRET', 'PORT']) delete env[key];
  Object.assign(env, { NODE_ENV: 'production', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEXTANT_JOB_POLL_MS: '0', SEXTANT_AUTH_RATE_LIMIT: '10000' }, extra);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return env;
}

export interface DbTarget {
  dataDir?: string;
  databaseUrl?: string;
}

const dbEnv = (target: DbTarget) => (target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : { SEXTANT_DATA_DIR: target.dataDir });

const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

// Last resort: a test run that dies (or forgets afterAll) still takes its servers with it.
process.once('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
});

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A spawned `node bin/sextant.js …` with its output collected and its exit as a promise. */
export class SextantProcess {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  exitInfo: Exit | null = null;
  readonly exited: Promise<Exit>;

  constructor(args: string[], env: NodeJS.ProcessEnv, cwd: string) {
    this.child = spawn(process.execPath, [BIN, ...args], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(this.child);
    // Keep the last 200 kB of each stream: enough for messages, bounded for chatty servers.
    this.child.stdout!.on('data', (d: Buffer) => (this.stdout = (this.stdout + d.toString()).slice(-200_000)));
    this.child.stderr!.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-200_000)));
    this.exited = new Promise<Exit>((resolveExit) => {
      this.child.once('error', (error) => {
        this.stderr += String(error);
        this.exitInfo = { code: -1, signal: null };
        live.delete(this.child);
        resolveExit(this.exitInfo);
      });
      // 'close' (not 'exit'): the streams are drained and the process has been reaped.
      this.child.once('close', (code, signal) => {
        this.exitInfo = { code, signal };
        live.delete(this.child);
        resolveExit(this.exitInfo);
      });
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Waits for the exit, killing the process group after `timeoutMs`. */
  async waitExit(timeoutMs = 60_000): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Exit>((_, reject) => {
      timer = setTimeout(() => {
        killGroup(this.child, 'SIGKILL');
        reject(new Error(`process ${this.pid} did not exit within ${timeoutMs} ms\nstdout: ${this.stdout}\nstderr: ${this.stderr}`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends a signal to the whole process group and waits until it is reaped. */
  async kill(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<Exit> {
    if (this.exitInfo) return this.exitInfo;
    killGroup(this.child, signal);
    try {
      return await this.waitExit(timeoutMs);
    } catch (error) {
      killGroup(this.child, 'SIGKILL');
      await this.exited;
      throw error;
    }
  }
}

export interface CliResult extends Exit {
  stdout: string;
  stderr: string;
}

/** Runs one CLI command to completion. */
export async function runCli(args: string[], target: DbTarget, options: { cwd?: string; timeoutMs?: number; env?: Record<string, string> } = {}): Promise<CliResult> {
  const proc = new SextantProcess(args, baseEnv({ ...dbEnv(target), ...options.env }), options.cwd ?? ROOT);
  const exit = await proc.waitExit(options.timeoutMs ?? 90_000);
  return { ...exit, stdout: proc.stdout, stderr: proc.stderr };
}

/** A free TCP port on 127.0.0.1 (released before the server binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

export class ServerProcess extends SextantProcess {
  constructor(
    readonly port: number,
    env: NodeJS.ProcessEnv,
  ) {
    super(['serve', '--dev'], env, ROOT);
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Polls /api/health until it answers 200; fails fast with the output when the process exits. */
  async waitHealthy(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exitInfo) throw new Error(`server exited (${JSON.stringify(this.exitInfo)}) before it was healthy\nstdout: ${this.stdout}\nstderr: ${this.stderr}`);
      try {
        const res = await fetch(`${this.origin}/api/health`, { signal: AbortSignal.timeout(2_000) });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`server on port ${this.port} not healthy within ${timeoutMs} ms\nstdout: ${this.stdout}\nstderr: ${this.stderr}`);
  }

  async health(): Promise<number> {
    const res = await fetch(`${this.origin}/api/health`, { signal: AbortSignal.timeout(5_000) });
    await res.text();
    return res.status;
  }
}

/** Spawns `sextant serve --dev` on a free port (not yet waited for). */
export async function spawnServer(target: DbTarget, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  return new ServerProcess(port, baseEnv({ ...dbEnv(target), PORT: String(port), ...env }));
}

/** Spawns a server and waits until it is healthy. */
export async function startServer(target: DbTarget, env: Record<string, string> = {}): Promise<ServerProcess> {
  const server = await spawnServer(target, env);
  try {
    await server.waitHealthy();
  } catch (error) {
    await server.kill('SIGKILL');
    throw error;
  }
  return server;
}

/** Kills every process still running (afterAll). */
export async function stopAll(): Promise<void> {
  const children = [...live];
  for (const child of children) killGroup(child, 'SIGKILL');
  await Promise.all(children.map((child) => (child.exitCode !== null || child.signalCode !== null ? undefined : new Promise((r) => child.once('close', r)))));
}

const tempDirs: string[] = [];
export function tempDir(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), `sextant-${tag}-`));
  tempDirs.push(dir);
  return dir;
}
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface HttpResponse<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

/** An HTTP client for one server: a cookie jar, the server's own Origin, or a bearer token. */
export class HttpClient {
  cookies = new Map<string, string>();
  bearer: string | null = null;

  constructor(public origin: string) {}

  /** The same identity (cookies, token) against another server. */
  withOrigin(origin: string): HttpClient {
    const other = new HttpClient(origin);
    other.cookies = new Map(this.cookies);
    other.bearer = this.bearer;
    return other;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResponse<T>> {
    const h: Record<string, string> = { origin: this.origin, ...headers };
    if (body !== undefined) h['content-type'] = 'application/json';
    if (this.cookies.size) h.cookie = this.cookieHeader;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const res = await fetch(`${this.origin}${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(20_000) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      if (/max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, pair!.slice(eq + 1));
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed as T, text, headers: res.headers };
  }
  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = unknown>(path: string, body: unknown = {}) {
    return this.request<T>('POST', path, body);
  }
  patch<T = unknown>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
}

/** Asserts a status, with the body in the message when it is not. */
export function expectStatus<T>(res: HttpResponse<T>, status: number, what: string): HttpResponse<T> {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${res.text}`);
  return res;
}

export const uniqueEmail = (tag: string) => `${tag}.${Math.random().toString(36).slice(2, 10)}@process.test`;

export async function signUp(origin: string, name: string, email: string, password = PASSWORD): Promise<HttpClient> {
  const client = new HttpClient(origin);
  expectStatus(await client.post('/api/auth/sign-up/email', { name, email, password }), 200, 'sign-up');
  return client;
}

export async function signIn(origin: string, email: string, password = PASSWORD): Promise<{ client: HttpClient; status: number }> {
  const client = new HttpClient(origin);
  const res = await client.post('/api/auth/sign-in/email', { email, password });
  return { client, status: res.status };
}

export interface ProductBody {
  id: string;
  name: string;
  description: string;
  version: number;
  components: { id: string; name: string }[];
}
