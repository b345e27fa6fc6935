// The Sextant benchmark: `npm run bench -- [--factor N] [--duration S] [--database-url URL] ...`.
// Seeds a throw-away database, measures cold start and memory, loads each endpoint of ENDPOINTS with
// autocannon, checks TARGETS, prints a table and writes bench/results/<date>.json. README.md explains.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureOperations, measureRepresent } from './operations.js';
import { measureRoadmapRender } from './roadmap-render.js';
import { ENDPOINTS, type BenchContext } from './endpoints.js';
import { loadProblem, runLoad, type LoadResult } from './load.js';
import { formatReport, writeResults, type BenchResults, type StartResult } from './report.js';
import { seed } from './seed.js';
import { buildServer, builtServerIsStale, readMemory, root, SERVER_COMMANDS, startServer, stopAllServers, type Memory, type ServerMode } from './server.js';
import { judge } from './targets.js';

const HELP = `Usage: npm run bench -- [options]
  --factor N            data size: 1 = 3 products, 40 components, 60 PMs, 20,000 customers, 200,000 feedback (default 1)
  --no-discovery        skip the discovery data (faster seeding)
  --no-roadmap          skip the roadmap data (features, dependencies)
  --no-coaching         skip the coaching data (assessments, sessions, the PMs' attributed work)
  --no-strategy         skip the strategy data (pillars, OKRs, check-ins, the drift product's 20,000 features)
  --no-represent        skip the requests, decisions and reports data (a workspace of its own: 40 components,
                        20,000 features, 40,000 requests, 50,000 decisions), the decision log and the report figures
  --duration S          seconds per endpoint and concurrency (default 5)
  --connections LIST    concurrencies, comma-separated (default 1,10)
  --database-url URL    bench against PostgreSQL instead of a temporary embedded database
  --server dev|built    which server takes the load (default built: the compiled server that npm start runs)
  --cold-runs N         cold starts per server kind (default 3)
  --skip-build          do not build dist/node (tsc) when it is stale; the built figures are skipped then
  --log-level LEVEL     the servers' LOG_LEVEL (default warn)
  --out DIR             where the results file goes (default bench/results)`;

function options() {
  const { values } = parseArgs({
    options: {
      factor: { type: 'string', default: '1' },
      'no-discovery': { type: 'boolean', default: false },
      'no-roadmap': { type: 'boolean', default: false },
      'no-coaching': { type: 'boolean', default: false },
      'no-strategy': { type: 'boolean', default: false },
      'no-represent': { type: 'boolean', default: false },
      duration: { type: 'string', default: '5' },
      connections: { type: 'string', default: '1,10' },
      'database-url': { type: 'string' },
      server: { type: 'string', default: 'built' },
      'cold-runs': { type: 'string', default: '3' },
      'skip-build': { type: 'boolean', default: false },
      'log-level': { type: 'string', default: 'warn' },
      out: { type: 'string', default: join(root, 'bench/results') },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const positive = (name: string, raw: string) => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, not “${raw}”`);
    return n;
  };
  if (values.server !== 'dev' && values.server !== 'built') throw new Error('--server is dev or built');
  return {
    factor: positive('factor', values.factor),
    durationS: positive('duration', values.duration),
    connections: values.connections.split(',').map((c) => Math.round(positive('connections', c.trim()))),
    databaseUrl: values['database-url'] ?? null,
    loadServer: values.server as ServerMode,
    coldRuns: Math.round(positive('cold-runs', values['cold-runs'])),
    skipBuild: values['skip-build'],
    discovery: !values['no-discovery'],
    roadmap: !values['no-roadmap'],
    coaching: !values['no-coaching'],
    strategy: !values['no-strategy'],
    represent: !values['no-represent'],
    logLevel: values['log-level'],
    out: values.out,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round = (n: number) => Math.round(n * 10) / 10;
const log = (message: string) => console.error(`bench: ${message}`);

async function main(): Promise<number> {
  const opts = options();
  const startedAt = new Date();
  const t0 = performance.now();
  const loadBefore = loadavg()[0]!;
  const database = opts.databaseUrl ? 'postgres' : 'embedded';
  const dataDir = mkdtempSync(join(tmpdir(), 'sextant-bench-'));
  const problems: string[] = [];
  const serverOptions = { dataDir, databaseUrl: opts.databaseUrl, logLevel: opts.logLevel };

  try {
    log(`seeding the ${database} database at factor ${opts.factor}${database === 'embedded' ? ` in ${dataDir}` : ''}…`);
    const seeded = await seed({ factor: opts.factor, dataDir, databaseUrl: opts.databaseUrl, discovery: opts.discovery, roadmap: opts.roadmap, coaching: opts.coaching, strategy: opts.strategy, represent: opts.represent, onProgress: log });
    const ctx: BenchContext = { ...seeded, factor: opts.factor };
    log(`seeded in ${Math.round(seeded.seedMs)} ms: ${seeded.products} products, ${seeded.components} components, workspace ${seeded.workspaceId}`);

    // Which kinds of server can be started: the built one needs dist/node, built by tsc when stale.
    const modes: ServerMode[] = ['dev'];
    const start: Partial<Record<ServerMode, StartResult>> = {};
    if (builtServerIsStale() && !opts.skipBuild) {
      log('dist/node is stale: building the server (tsc -p tsconfig.build.json)…');
      const build = await buildServer();
      log(build.ok ? `built in ${Math.round(build.ms)} ms` : `the build failed:\n${build.output}`);
      if (!build.ok) start.built = { skipped: 'tsc -p tsconfig.build.json failed' };
    }
    if (!start.built) {
      if (builtServerIsStale()) start.built = { skipped: 'dist/node is stale (--skip-build)' };
      else modes.push('built');
    }
    if (!modes.includes(opts.loadServer)) throw new Error(`the ${opts.loadServer} server is unavailable: ${(start[opts.loadServer] as { skipped: string }).skipped}`);

    // The first start on the freshly seeded directory is not measured: the measured starts are on an existing one.
    log('first start (not measured)…');
    await (await startServer({ ...serverOptions, mode: opts.loadServer })).stop();

    const runs: Record<string, { ms: number[]; rss: Memory[] }> = Object.fromEntries(modes.map((m) => [m, { ms: [], rss: [] }]));
    for (let i = 0; i < opts.coldRuns; i++) {
      for (const mode of modes) {
        const server = await startServer({ ...serverOptions, mode });
        const memory = readMemory(server.pid);
        await server.stop();
        runs[mode]!.ms.push(round(server.startMs));
        if (memory) runs[mode]!.rss.push(memory);
        log(`cold start ${i + 1}/${opts.coldRuns} (${mode}): ${Math.round(server.startMs)} ms, RSS ${memory?.rssMb ?? '?'} MB`);
      }
    }
    for (const mode of modes) {
      const r = runs[mode]!;
      const label = mode === 'dev' ? ' (sources through tsx: development only, no target)' : ' (what npm start runs once built)';
      start[mode] = { command: `node ${SERVER_COMMANDS[mode].join(' ')}${label}`, runsMs: r.ms, medianMs: median(r.ms), rss: r.rss, medianRssMb: r.rss.length ? median(r.rss.map((m) => m.rssMb)) : 0 };
    }

    log(`starting the ${opts.loadServer} server for the load…`);
    const server = await startServer({ ...serverOptions, mode: opts.loadServer });
    const endpoints: BenchResults['endpoints'] = {};
    let afterStart: Memory | null = null;
    let afterLoad: Memory | null = null;
    let operations: BenchResults['operations'] = {};
    try {
      afterStart = readMemory(server.pid);
      const token = ctx.token;
      if (ctx.feedback > 0) {
        const first = await fetch(`${server.baseUrl}/api/v1/workspaces/${ctx.workspaceId}/feedback?limit=1&q=crash`, { headers: { authorization: `Bearer ${token}` } });
        ctx.sampleFeedbackId = ((await first.json()) as { items?: { id: string }[] }).items?.[0]?.id;
      }
      for (const endpoint of ENDPOINTS) {
        if (endpoint.skip?.(ctx)) continue;
        const path = endpoint.path(ctx);
        const url = `${server.baseUrl}${path}`;
        const headers: Record<string, string> = endpoint.auth === false ? {} : { authorization: `Bearer ${token}` };

        // One checked request first: a bench of 401s or of an empty list is worthless.
        const response = await fetch(url, { headers });
        const text = await response.text();
        if (response.status < 200 || response.status > 299) {
          problems.push(`${endpoint.name}: GET ${path} answered ${response.status}: ${text.slice(0, 300)}`);
          continue;
        }
        const problem = endpoint.check?.(JSON.parse(text) as unknown, ctx) ?? null;
        if (problem) problems.push(`${endpoint.name}: unexpected response: ${problem}`);

        log(`${endpoint.name}: warm-up…`);
        const warm = await runLoad({ url, connections: Math.max(...opts.connections), durationS: 1, headers });
        const warmProblem = loadProblem(warm);
        if (warmProblem) problems.push(`${endpoint.name} warm-up: ${warmProblem}`);

        const results: Record<string, LoadResult> = {};
        for (const connections of opts.connections) {
          const result = await runLoad({ url, connections, durationS: opts.durationS, headers });
          results[String(connections)] = result;
          const loadIssue = loadProblem(result);
          if (loadIssue) problems.push(`${endpoint.name} at ${connections} connections: ${loadIssue}`);
          log(`${endpoint.name} ×${connections}: ${result.requestsPerSec} req/s, p95 ${result.latencyMs.p95} ms${loadIssue ? ` — ${loadIssue}` : ''}`);
        }
        const shown = ctx.representWorkspaceId ? path.replace(ctx.representWorkspaceId, '{represent}') : path;
        endpoints[endpoint.name] = { path: shown.replace(ctx.workspaceId, '{id}'), runs: results };
      }
      afterLoad = readMemory(server.pid);
      if (ctx.feedback > 0) operations = await measureOperations(server.baseUrl, ctx, log, problems);
      if (ctx.representProductId) Object.assign(operations, await measureRepresent(server.baseUrl, ctx, log, problems));
      // The roadmap page in Chromium: needs the built web app and Debian's chromium.
      if (ctx.roadmapFeatures > 0 && existsSync(join(root, 'dist/web/index.html')) && existsSync('/usr/bin/chromium')) {
        log('roadmap page render in Chromium…');
        try {
          const render = await measureRoadmapRender({ baseUrl: server.baseUrl, token: ctx.token, workspaceId: ctx.workspaceId, productId: ctx.productId });
          operations['roadmap-render'] = { value: Math.round(render.medianWarmMs), unit: 'ms', detail: `${render.cards} cards in ${render.lanes} lanes; median of ${render.warmMs.length} warm loads (cold ${Math.round(render.coldMs)} ms)` };
        } catch (error) {
          problems.push(`roadmap render: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } finally {
      await server.stop();
    }

    const cpuList = cpus();
    const results: BenchResults = {
      date: startedAt.toISOString().slice(0, 10),
      startedAt: startedAt.toISOString(),
      machine: { cpus: cpuList.length, cpuModel: cpuList[0]?.model.trim() ?? 'unknown', totalMemoryMb: Math.round(totalmem() / 1024 / 1024), platform: process.platform, arch: process.arch, node: process.version },
      loadAverage: { before: Math.round(loadBefore * 100) / 100, after: Math.round(loadavg()[0]! * 100) / 100 },
      factor: opts.factor,
      durationS: opts.durationS,
      concurrency: opts.connections,
      database,
      loadServer: opts.loadServer,
      logLevel: opts.logLevel,
      seed: { products: seeded.products, components: seeded.components, pms: seeded.pms, seedMs: Math.round(seeded.seedMs) },
      start,
      endpoints,
      memory: { afterStart, afterLoad },
      operations,
      targets: [],
      problems,
      totalSeconds: Math.round((performance.now() - t0) / 1000),
    };
    results.targets = judge(results);
    const file = writeResults(results, opts.out);
    console.log(formatReport(results));
    console.log(`Results: ${file}`);
    if (problems.length) {
      console.error(`\nbench: FAILED — ${problems.length} problem(s); see above. Non-2xx responses make the figures meaningless.`);
      return 1;
    }
    return 0;
  } finally {
    stopAllServers();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
