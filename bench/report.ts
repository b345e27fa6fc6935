// The results' shape, the results file and the table printed to stdout.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadResult } from './load.js';
import type { Memory, ServerMode } from './server.js';
import type { Verdict } from './targets.js';

export interface StartFigures {
  command: string;
  /** Spawn → first 200 from /api/health, per run. */
  runsMs: number[];
  medianMs: number;
  /** RSS of the server right after its health check answered, per run. */
  rss: Memory[];
  medianRssMb: number;
}

export type StartResult = StartFigures | { skipped: string };

export interface EndpointResult {
  path: string;
  /** Keyed by the number of concurrent connections. */
  runs: Record<string, LoadResult>;
}

export interface BenchResults {
  date: string;
  startedAt: string;
  machine: { cpus: number; cpuModel: string; totalMemoryMb: number; platform: string; arch: string; node: string };
  /** 1-minute load average before and after the bench: other work on the machine skews every figure. */
  loadAverage: { before: number; after: number };
  factor: number;
  durationS: number;
  concurrency: number[];
  database: 'embedded' | 'postgres';
  /** The server that took the load. */
  loadServer: ServerMode;
  logLevel: string;
  seed: { products: number; components: number; pms: number; seedMs: number };
  start: Partial<Record<ServerMode, StartResult>>;
  endpoints: Record<string, EndpointResult>;
  memory: { afterStart: Memory | null; afterLoad: Memory | null };
  /** One-shot operations timed whole (CSV import, theme clustering). */
  operations: Record<string, { value: number; unit: string; detail: string }>;
  targets: Verdict[];
  /** Anything that makes the figures untrustworthy (non-2xx responses, failed checks). Empty on a good run. */
  problems: string[];
  totalSeconds: number;
}

export function writeResults(results: BenchResults, dir: string): string {
  mkdirSync(dir, { recursive: true });
  // One file per day and database, so the embedded and the PostgreSQL runs are both kept.
  const file = join(dir, `${results.date}${results.database === 'embedded' ? '' : `-${results.database}`}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

function table(header: string[], rows: string[][], rightAligned: Set<number>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const fmt = (n: number | null | undefined, digits = 1) => (n === null || n === undefined ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));

export function formatReport(r: BenchResults): string {
  const out: string[] = [];
  out.push(
    `Sextant bench ${r.date} — ${r.machine.cpus} × ${r.machine.cpuModel}, ${fmt(r.machine.totalMemoryMb / 1024)} GB, node ${r.machine.node}`,
    `factor ${r.factor} (${r.seed.products} products, ${r.seed.components} components, ${r.seed.pms} PMs), ${r.database} database, load on the ${r.loadServer} server, ${r.durationS} s per run, LOG_LEVEL=${r.logLevel}`,
  );
  const busiest = Math.max(r.loadAverage.before, r.loadAverage.after);
  out.push(`load average ${fmt(r.loadAverage.before, 2)} before, ${fmt(r.loadAverage.after, 2)} after${busiest > r.machine.cpus / 2 ? ` — WARNING: the machine was busy (more than ${r.machine.cpus / 2} on ${r.machine.cpus} CPUs); the figures are pessimistic` : ''}`, '');

  const rows: string[][] = [];
  for (const [name, e] of Object.entries(r.endpoints)) {
    for (const [c, run] of Object.entries(e.runs)) {
      rows.push([name, c, fmt(run.requestsPerSec, 0), fmt(run.latencyMs.p50, 2), fmt(run.latencyMs.p95, 2), fmt(run.latencyMs.p99, 2), fmt(run.latencyMs.max, 1), String(run.requests), String(run.non2xx + run.errors)]);
    }
  }
  out.push(table(['endpoint', 'conns', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'requests', 'non-2xx'], rows, new Set([1, 2, 3, 4, 5, 6, 7, 8])), '');

  const startRows: string[][] = [];
  for (const [mode, s] of Object.entries(r.start)) {
    if (!s) continue;
    if ('skipped' in s) startRows.push([mode, 'skipped', '', '', s.skipped]);
    else startRows.push([mode, fmt(s.medianMs, 0), s.runsMs.map((x) => fmt(x, 0)).join(' / '), fmt(s.medianRssMb), s.command]);
  }
  out.push(table(['server', 'cold start ms', 'runs ms', 'RSS MB', 'command'], startRows, new Set([1, 3])), '');

  const mem = (m: Memory | null) => (m ? `${fmt(m.rssMb)} MB (peak ${fmt(m.peakRssMb)} MB${m.childProcesses ? `, with ${m.childProcesses} child process(es) ${fmt(m.treeRssMb)} MB` : ''})` : '—');
  out.push(`Memory of the ${r.loadServer} server: after start ${mem(r.memory.afterStart)}; after the load ${mem(r.memory.afterLoad)}`, '');
  for (const [name, op] of Object.entries(r.operations ?? {})) out.push(`${name}: ${op.value.toLocaleString('en')} ${op.unit} (${op.detail})`);
  if (Object.keys(r.operations ?? {}).length) out.push('');

  const verdictRows = r.targets.map((t) => [t.pass === null ? 'n/a' : t.pass ? 'PASS' : 'FAIL', t.description, `${fmt(t.value)} ${t.unit}`, `${t.comparison} ${t.limit.toLocaleString('en-US')} ${t.unit}`]);
  out.push(table(['', 'target', 'measured', 'goal'], verdictRows, new Set([2])));

  if (r.problems.length) out.push('', '!!! THE FIGURES ABOVE ARE NOT TRUSTWORTHY:', ...r.problems.map((p) => `  - ${p}`));
  out.push('', `Done in ${fmt(r.totalSeconds, 0)} s.`);
  return out.join('\n');
}
