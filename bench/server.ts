// Spawns, measures and stops Sextant server processes. Every process is started in its own process
// group and killed as a group, whatever happens (stopAllServers runs on exit and on SIGINT/SIGTERM).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** How the server is started: from the sources through tsx (bin/sextant.js serve --dev) or the built JavaScript. */
export type ServerMode = 'dev' | 'built';

export const SERVER_COMMANDS: Record<ServerMode, string[]> = {
  dev: ['bin/sextant.js', 'serve', '--dev'],
  built: ['dist/node/cli/main.js', 'serve'],
};

export interface ServerOptions {
  mode: ServerMode;
  /** SEXTANT_DATA_DIR, for the embedded database. */
  dataDir: string;
  databaseUrl: string | null;
  logLevel: string;
}

export interface RunningServer {
  pid: number;
  port: number;
  baseUrl: string;
  mode: ServerMode;
  /** Milliseconds from spawn to the first 200 from /api/health. */
  startMs: number;
  /** The last lines the server wrote, for error messages. */
  output: () => string;
  stop: () => Promise<void>;
}

const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

/** Kills every server still running, synchronously (usable from an 'exit' handler). */
export function stopAllServers(): void {
  for (const child of live) killGroup(child, 'SIGKILL');
  live.clear();
}

process.on('exit', stopAllServers);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopAllServers();
    console.error(`\nbench: interrupted (${signal}); servers stopped.`);
    process.exit(130);
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Spawns the server (node directly, no npm wrapper) and resolves once /api/health answers 200. */
export async function startServer(options: ServerOptions, { timeoutMs = 60_000 } = {}): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOG_LEVEL: options.logLevel,
    SEXTANT_DATA_DIR: options.dataDir,
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;

  const started = performance.now();
  const child = spawn(process.execPath, SERVER_COMMANDS[options.mode], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => live.delete(child));

  const stop = async () => {
    killGroup(child, 'SIGTERM');
    const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!done) {
      killGroup(child, 'SIGKILL');
      await exited;
    }
    // A server that stopped by itself leaves the group's other members (if any) behind.
    killGroup(child, 'SIGKILL');
    live.delete(child);
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before answering /api/health:\n${output}`);
      }
      if (performance.now() - started > timeoutMs) throw new Error(`the server did not answer /api/health within ${timeoutMs} ms:\n${output}`);
      try {
        const response = await fetch(`${baseUrl}/api/health`);
        await response.arrayBuffer();
        if (response.status === 200) break;
      } catch {
        // Not listening yet.
      }
      await sleep(5);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  if (!child.pid) throw new Error('spawned without a pid');
  return { pid: child.pid, port, baseUrl, mode: options.mode, startMs: performance.now() - started, output: () => output, stop };
}

function statusKb(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : 0;
}

function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Gone meanwhile.
    }
  }
  const found: number[] = [];
  const queue = [...(children.get(pid) ?? [])];
  while (queue.length) {
    const next = queue.shift()!;
    found.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return found;
}

export interface Memory {
  /** VmRSS of the server's node process, in MB. */
  rssMb: number;
  /** VmHWM: the process's peak RSS so far, in MB. */
  peakRssMb: number;
  /** RSS of the server plus any processes it spawned (esbuild under tsx, for instance), in MB. */
  treeRssMb: number;
  childProcesses: number;
}

/** Reads the memory of the server process from /proc (Linux only; null elsewhere). */
export function readMemory(pid: number): Memory | null {
  if (!existsSync(`/proc/${pid}/status`)) return null;
  const rss = statusKb(pid, 'VmRSS');
  const kids = descendants(pid);
  let tree = rss;
  for (const kid of kids) {
    try {
      tree += statusKb(kid, 'VmRSS');
    } catch {
      // Gone meanwhile.
    }
  }
  const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;
  return { rssMb: mb(rss), peakRssMb: mb(statusKb(pid, 'VmHWM')), treeRssMb: mb(tree), childProcesses: kids.length };
}

/** The newest modification time under a directory (recursively), tests excluded. */
function newestMtime(dir: string, newest = 0): number {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = newestMtime(path, newest);
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether dist/node/cli/main.js is missing or older than the server sources (src/server, src/shared, src/cli). */
export function builtServerIsStale(): boolean {
  const main = join(root, 'dist/node/cli/main.js');
  if (!existsSync(main)) return true;
  const built = statSync(main).mtimeMs;
  const sources = Math.max(...['src/server', 'src/shared', 'src/cli'].map((d) => newestMtime(join(root, d))));
  return built < sources;
}

/** Builds the server only (tsc -p tsconfig.build.json, no web app); resolves to whether it succeeded. */
export async function buildServer(): Promise<{ ok: boolean; output: string; ms: number }> {
  const started = performance.now();
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  live.add(child);
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  live.delete(child);
  return { ok: code === 0, output: output.slice(-4_000), ms: performance.now() - started };
}

