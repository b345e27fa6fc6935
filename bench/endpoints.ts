// The endpoints the bench measures. A module adds its own by appending an entry: a name (the key in
// the results), the path to request, and optionally a check of one response (run once before the
// load, so a bench never measures an empty list or an error page).
import type { Seeded } from './seed.js';

export interface BenchContext extends Seeded {
  factor: number;
  /** A feedback item to look up similar items for (set once the server is up). */
  sampleFeedbackId?: string;
}

export interface BenchEndpoint {
  /** Stable name, used in the results file and by the targets. */
  name: string;
  path: (ctx: BenchContext) => string;
  /** Send `Authorization: Bearer <token>` (default true). */
  auth?: boolean;
  /** Leave the endpoint out when the data it needs was not generated. */
  skip?: (ctx: BenchContext) => boolean;
  /** Returns a problem with one response's JSON body, or null when it is as expected. */
  check?: (body: unknown, ctx: BenchContext) => string | null;
}

interface Listed {
  items?: unknown[];
  total?: number;
}

const atLeast = (n: (ctx: BenchContext) => number, what: string) => (body: unknown, ctx: BenchContext) => {
  const items = (body as Listed).items;
  if (!Array.isArray(items)) return 'no items array';
  return items.length >= n(ctx) ? null : `${items.length} ${what}, expected at least ${n(ctx)}`;
};

export const ENDPOINTS: BenchEndpoint[] = [
  {
    name: 'health',
    path: () => '/api/health',
    auth: false,
    check: (body) => ((body as { status?: string }).status === 'ok' ? null : 'status is not ok'),
  },
  {
    name: 'workspace-structure',
    path: (ctx) => `/api/v1/workspaces/${ctx.workspaceId}/products`,
    check: (body, ctx) => {
      const items = (body as { items?: { components?: unknown[] }[] }).items ?? [];
      const components = items.reduce((n, p) => n + (p.components?.length ?? 0), 0);
      if (items.length !== ctx.products) return `${items.length} products, expected ${ctx.products}`;
      return components === ctx.components ? null : `${components} components, expected ${ctx.components}`;
    },
  },
  {
    name: 'members',
    path: (ctx) => `/api/v1/workspaces/${ctx.workspaceId}/members`,
    // The admin, the PMs and the stakeholders.
    check: atLeast((ctx) => ctx.pms + 1, 'members'),
  },
  {
    name: 'workspaces',
    path: () => '/api/v1/workspaces',
    check: atLeast(() => 1, 'workspaces'),
  },
  {
    name: 'audit-log',
    path: (ctx) => `/api/v1/workspaces/${ctx.workspaceId}/audit-log`,
    check: atLeast(() => 1, 'audit entries'),
  },
  // Discovery (issue 3): the inbox, full-text search and similar items on 200,000 feedback items.
  {
    name: 'feedback-inbox',
    path: (ctx) => `/api/v1/workspaces/${ctx.workspaceId}/feedback?limit=50`,
    skip: (ctx) => ctx.feedback === 0,
    check: atLeast((ctx) => Math.min(50, ctx.feedback), 'feedback items'),
  },
  {
    name: 'feedback-search',
    path: (ctx) => `/api/v1/workspaces/${ctx.workspaceId}/feedback?limit=50&q=${encodeURIComponent('"wish list" crash -pricing')}`,
    skip: (ctx) => ctx.feedback === 0,
    check: atLeast(() => 1, 'search hits'),
  },
  {
    name: 'feedback-similar',
    path: (ctx) => `/api/v1/workspaces/${ctx.workspaceId}/feedback/${ctx.sampleFeedbackId}/similar`,
    skip: (ctx) => !ctx.sampleFeedbackId,
    check: atLeast(() => 1, 'similar items'),
  },
  {
    name: 'roadmap',
    path: (ctx) => `/api/v1/workspaces/${ctx.workspaceId}/roadmap?productId=${ctx.productId}&view=horizon`,
    skip: (ctx) => ctx.roadmapFeatures === 0,
    check: (body) => {
      const n = (body as { features?: unknown[] }).features?.length ?? 0;
      return n >= 1_000 ? null : `${n} roadmap cards, expected about 2,000`;
    },
  },
  {
    name: 'dependency-conflicts',
    path: (ctx) => `/api/v1/workspaces/${ctx.workspaceId}/dependencies/conflicts?productId=${ctx.productId}`,
    skip: (ctx) => ctx.dependencies === 0,
    check: (body) => (Array.isArray((body as { items?: unknown }).items) ? null : 'no conflict list'),
  },
  // Coaching (issue 5): the lead's team heatmap, and one busy PM's signals over the last full quarter.
  {
    name: 'coaching-team',
    path: (ctx) => `/api/v1/workspaces/${ctx.workspaceId}/coaching/team`,
    skip: (ctx) => ctx.coachingSessions === 0,
    check: (body, ctx) => {
      const people = (body as { people?: { cells?: { rating: number | null }[] }[] }).people;
      if (!Array.isArray(people)) return 'no people array';
      if (people.length < ctx.pms) return `${people.length} people, expected at least ${ctx.pms}`;
      return people.some((p) => p.cells?.some((c) => c.rating !== null)) ? null : 'no rated competency in the heatmap';
    },
  },
  {
    name: 'coaching-signals',
    path: (ctx) => `/api/v1/workspaces/${ctx.workspaceId}/coaching/signals?personId=${ctx.signalsPersonId}&from=${ctx.signalsFrom}&to=${ctx.signalsTo}`,
    skip: (ctx) => !ctx.signalsPersonId,
    check: (body, ctx) => {
      const signals = (body as { signals?: { key: string; available: boolean; count: number | null }[] }).signals;
      if (!Array.isArray(signals) || signals.length !== 8) return 'expected the eight signals';
      const count = (key: string) => signals.find((s) => s.key === key)?.count ?? 0;
      if (count('interviews') + count('experiments') === 0) return 'no interviews or experiments counted';
      if (ctx.feedback > 0 && count('feedback-triage') === 0) return 'no feedback triage counted';
      if (ctx.roadmapFeatures > 0 && count('requirements') === 0) return 'no requirements counted';
      return signals.some((s) => !s.available && s.count === 0) ? 'an unavailable signal reads 0' : null;
    },
  },
  // Strategy (issue 6), on the second product: the OKR tree (500 objectives, 2,000 key results, their
  // latest check-ins) and the drift report over its 20,000 features.
  {
    name: 'okr-tree',
    path: (ctx) => `/api/v1/workspaces/${ctx.workspaceId}/okrs/tree?productId=${ctx.strategyProductId}&periodId=${ctx.okrPeriodId}`,
    skip: (ctx) => ctx.okrObjectives === 0,
    check: (body, ctx) => {
      const tree = body as { nodes?: { keyResults?: unknown[] }[]; counts?: { objectives?: number; keyResults?: number } };
      if (!Array.isArray(tree.nodes)) return 'no nodes array';
      const keyResults = tree.nodes.reduce((n, o) => n + (o.keyResults?.length ?? 0), 0);
      if (tree.nodes.length !== ctx.okrObjectives) return `${tree.nodes.length} objectives, expected ${ctx.okrObjectives}`;
      if (keyResults !== ctx.okrKeyResults) return `${keyResults} key results, expected ${ctx.okrKeyResults}`;
      return tree.counts?.objectives === ctx.okrObjectives ? null : `counts.objectives is ${tree.counts?.objectives}, expected ${ctx.okrObjectives}`;
    },
  },
  {
    name: 'strategy-drift',
    path: (ctx) => `/api/v1/workspaces/${ctx.workspaceId}/strategy/drift?productId=${ctx.strategyProductId}`,
    skip: (ctx) => !ctx.strategyProductId,
    check: (body, ctx) => {
      const report = body as {
        period?: { id?: string } | null;
        coverage?: { rows?: unknown[]; featureCount?: number };
        counts?: { unalignedFeatures?: number; staleObjectives?: number; atRisk?: number };
      };
      if (report.period?.id !== ctx.okrPeriodId) return 'not the generated period';
      // Five pillars and "No pillar".
      if ((report.coverage?.rows?.length ?? 0) < 6) return `${report.coverage?.rows?.length ?? 0} coverage rows, expected 6`;
      if (!report.coverage?.featureCount) return 'no planned features in the coverage';
      if (!report.counts?.unalignedFeatures) return 'no unaligned features counted';
      if (!report.counts.staleObjectives) return 'no stale objectives counted';
      return report.counts.atRisk ? null : 'no key results at risk counted';
    },
  },
  // Say no and represent (issue 7), in the represent workspace: the decision log over 50,000 decisions,
  // a full-text search (a phrase and an exclusion, like the feedback search) and the unfiltered first page.
  {
    name: 'decisions-search',
    path: (ctx) => `/api/v1/workspaces/${ctx.representWorkspaceId}/decisions?q=${encodeURIComponent(ctx.decisionSearch)}`,
    skip: (ctx) => ctx.decisions === 0,
    check: (body, ctx) => {
      const list = body as Listed;
      if (!Array.isArray(list.items)) return 'no items array';
      if (list.total !== ctx.decisionSearchHits) return `total ${list.total}, expected ${ctx.decisionSearchHits} matching decisions`;
      return list.items.length === Math.min(50, ctx.decisionSearchHits) ? null : `${list.items.length} decisions on the first page`;
    },
  },
  {
    name: 'decisions-browse',
    path: (ctx) => `/api/v1/workspaces/${ctx.representWorkspaceId}/decisions`,
    skip: (ctx) => ctx.decisions === 0,
    check: (body, ctx) => {
      const list = body as Listed;
      if (!Array.isArray(list.items)) return 'no items array';
      if (list.total !== ctx.decisions) return `total ${list.total}, expected ${ctx.decisions}`;
      return list.items.length === 50 ? null : `${list.items.length} decisions on the first page, expected 50`;
    },
  },
];
