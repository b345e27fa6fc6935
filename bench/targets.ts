// The performance targets, checked against one bench's results. A module adds a target by appending
// an entry whose `measure` reads the figure it cares about (null when it was not measured).
import type { BenchResults, StartFigures } from './report.js';
import type { ServerMode } from './server.js';

export interface Target {
  id: string;
  description: string;
  unit: string;
  comparison: '<' | '>=';
  limit: number;
  measure: (r: BenchResults) => number | null;
}

export interface Verdict {
  id: string;
  description: string;
  value: number | null;
  unit: string;
  comparison: '<' | '>=';
  limit: number;
  /** null when the figure was not measured (e.g. embedded-only figures on PostgreSQL). */
  pass: boolean | null;
}

const startFigure = (mode: ServerMode, pick: (s: StartFigures) => number | null) => (r: BenchResults) => {
  const s = r.start[mode];
  return r.database === 'embedded' && s && 'medianMs' in s ? pick(s) : null;
};

/** p95 of an endpoint's run, or null when it got no answer at all. */
const p95 = (r: BenchResults, endpoint: string, connections: string) => {
  const run = r.endpoints[endpoint]?.runs[connections];
  return run && run.requests > 0 ? run.latencyMs.p95 : null;
};

export const TARGETS: Target[] = [
  {
    id: 'structure-p95',
    description: 'workspace structure, 10 connections, p95',
    unit: 'ms',
    comparison: '<',
    limit: 20,
    measure: (r) => r.endpoints['workspace-structure']?.runs['10']?.latencyMs.p95 ?? null,
  },
  {
    id: 'health-rps',
    description: '/api/health throughput (best concurrency)',
    unit: 'req/s',
    comparison: '>=',
    limit: 3000,
    measure: (r) => {
      const runs = Object.values(r.endpoints.health?.runs ?? {});
      return runs.length ? Math.max(...runs.map((x) => x.requestsPerSec)) : null;
    },
  },
  ...(
    [
      // The issue sets 10 concurrent clients for the inbox only; a query's own latency (one connection)
      // for search and similar items. Their 10-connection figures are printed beside them.
      ['inbox-p95', 'feedback inbox first page (50 rows), 10 connections, p95', 'feedback-inbox', '10', 30],
      ['search-p95', 'full-text query, 1 connection, p95', 'feedback-search', '1', 50],
      ['similar-p95', 'similar-items lookup, 1 connection, p95', 'feedback-similar', '1', 100],
    ] as const
  ).map(
    ([id, description, endpoint, connections, limit]): Target => ({
      id,
      description,
      unit: 'ms',
      comparison: '<',
      limit,
      // A run that got no answer at all measured nothing (it is not a 0 ms pass).
      measure: (r) => {
        const run = r.endpoints[endpoint]?.runs[connections];
        return run && run.requests > 0 ? run.latencyMs.p95 : null;
      },
    }),
  ),
  {
    id: 'import-rows',
    description: 'feedback CSV import (target on PostgreSQL)',
    unit: 'rows/s',
    comparison: '>=',
    limit: 5000,
    measure: (r) => r.operations?.['feedback-import']?.value ?? null,
  },
  // Issue 4: the roadmap target differs by database; conflicts and rescoring are set for PostgreSQL.
  {
    id: 'roadmap-p95-postgres',
    description: 'roadmap of one product (~2,000 cards), 10 connections, p95 (PostgreSQL)',
    unit: 'ms',
    comparison: '<',
    limit: 100,
    measure: (r) => (r.database === 'postgres' ? p95(r, 'roadmap', '10') : null),
  },
  {
    id: 'roadmap-p95-embedded',
    description: 'roadmap of one product (~2,000 cards), 10 connections, p95 (embedded)',
    unit: 'ms',
    comparison: '<',
    limit: 200,
    measure: (r) => (r.database === 'embedded' ? p95(r, 'roadmap', '10') : null),
  },
  {
    id: 'conflicts-p95',
    description: 'conflict detection for a whole product, 1 connection, p95 (target on PostgreSQL)',
    unit: 'ms',
    comparison: '<',
    limit: 100,
    measure: (r) => p95(r, 'dependency-conflicts', '1'),
  },
  {
    id: 'rescore-all',
    description: 'rescoring all features (20,000; about 33,500 with the strategy data) after a weight change (target on PostgreSQL)',
    unit: 'ms',
    comparison: '<',
    limit: 2000,
    measure: (r) => r.operations?.['rescore-all']?.value ?? null,
  },
  {
    id: 'roadmap-render',
    description: 'roadmap page (~2,000 cards) rendered and interactive in Chromium',
    unit: 'ms',
    comparison: '<',
    limit: 1500,
    measure: (r) => r.operations?.['roadmap-render']?.value ?? null,
  },
  {
    id: 'themes-2000',
    description: 'theme clustering of 2,000 unlinked items',
    unit: 'ms',
    comparison: '<',
    limit: 5000,
    measure: (r) => r.operations?.['themes-2000']?.value ?? null,
  },
  // Issue 5: the team heatmap under 10 clients; one PM's signals over a quarter, a query's own latency
  // (1 connection; its 10-connection figure is printed beside it). Judged on both databases.
  {
    id: 'coaching-team-p95',
    description: 'coaching team heatmap, 10 connections, p95',
    unit: 'ms',
    comparison: '<',
    limit: 50,
    measure: (r) => p95(r, 'coaching-team', '10'),
  },
  {
    id: 'coaching-signals-p95',
    description: 'one PM’s signals over a quarter, 1 connection, p95',
    unit: 'ms',
    comparison: '<',
    limit: 100,
    measure: (r) => p95(r, 'coaching-signals', '1'),
  },
  // Issue 6: the OKR tree under 10 clients; the drift report, a query's own latency (1 connection, like
  // search and similar items; its 10-connection figure is printed beside it). Judged on both databases.
  {
    id: 'okr-tree-p95',
    description: 'OKR tree of a product (500 objectives, 2,000 key results, 50,000 check-ins), 10 connections, p95',
    unit: 'ms',
    comparison: '<',
    limit: 50,
    measure: (r) => p95(r, 'okr-tree', '10'),
  },
  {
    id: 'drift-p95',
    description: 'drift report over 20,000 features, 1 connection, p95',
    unit: 'ms',
    comparison: '<',
    limit: 150,
    measure: (r) => p95(r, 'strategy-drift', '1'),
  },
  // Issue 7, in the represent workspace: the executive report of a product with 40 components and 20,000
  // features (p95 of the sequential compiles; the median is printed with it), its PDF export, and the
  // decision log over 50,000 decisions, a query's own latency (1 connection, like the feedback search;
  // the 10-connection figures are printed beside them). Judged on both databases.
  {
    id: 'report-compile',
    description: 'executive report compiled, 40 components and 20,000 features (POST /reports), p95 of sequential runs',
    unit: 'ms',
    comparison: '<',
    limit: 500,
    measure: (r) => r.operations?.['report-compile-p95']?.value ?? null,
  },
  {
    id: 'report-pdf',
    description: 'PDF export of that report, median',
    unit: 'ms',
    comparison: '<',
    limit: 3000,
    measure: (r) => r.operations?.['report-pdf']?.value ?? null,
  },
  {
    id: 'decisions-search-p95',
    description: 'decision log search over 50,000 decisions, 1 connection, p95',
    unit: 'ms',
    comparison: '<',
    limit: 50,
    measure: (r) => p95(r, 'decisions-search', '1'),
  },
  {
    id: 'decisions-browse-p95',
    description: 'decision log first page, unfiltered (50,000 decisions), 1 connection, p95',
    unit: 'ms',
    comparison: '<',
    limit: 50,
    measure: (r) => p95(r, 'decisions-browse', '1'),
  },
  // The targets are for the production start (the built server); the dev figures are printed for information.
  ...(['built'] as const).flatMap((mode): Target[] => [
    {
      id: `memory-after-start-${mode}`,
      description: `RSS after start on an existing embedded DB (${mode})`,
      unit: 'MB',
      comparison: '<',
      limit: 450,
      measure: startFigure(mode, (s) => s.medianRssMb),
    },
    {
      id: `cold-start-${mode}`,
      description: `cold start on an existing data dir, median of runs (${mode})`,
      unit: 'ms',
      comparison: '<',
      limit: 2000,
      measure: startFigure(mode, (s) => s.medianMs),
    },
  ]),
];

export function judge(results: BenchResults): Verdict[] {
  return TARGETS.map((t) => {
    const value = t.measure(results);
    const pass = value === null ? null : t.comparison === '<' ? value < t.limit : value >= t.limit;
    return { id: t.id, description: t.description, value, unit: t.unit, comparison: t.comparison, limit: t.limit, pass };
  });
}
