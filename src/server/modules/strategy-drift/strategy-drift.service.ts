import { DriftReport as DriftReportSchema, DRIFT_LIMITS, type DriftQuery, type DriftReport } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { markerCache } from '../audit/audit.cache.js';
import { edgeConflicts } from '../dependencies/dependencies.graph.js';
import { presentCoverage, presentSlipping, presentStale, presentAtRisk, presentUnaligned, type SlipContext } from './strategy-drift.presenter.js';
import {
  conflictingEdgesOf,
  findProduct,
  largestUnalignedFeatures,
  listKeyResultsAtRisk,
  listObjectives,
  listPeriods,
  listProductPillars,
  listSlippingDrivers,
  plannedEffortByPillar,
  type PeriodRow,
} from './strategy-drift.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor };

const DAY = 86_400_000;

/** Drift answers: a few per workspace, for 30 s at most (they also depend on the clock: stale days, elapsed time). */
const cachedDrift = markerCache({ maxEntries: 32, ttlMs: 30_000 });

/** The ISO day (UTC) of an instant. */
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const dayMs = (day: string) => Date.parse(`${day}T00:00:00.000Z`);

/**
 * The period a report reads when none is asked for: the one containing today (the latest-starting
 * when several do), else the latest-starting one; null when the workspace has none.
 */
export function defaultPeriod(periods: readonly PeriodRow[], today: string): PeriodRow | null {
  // `periods` come latest start first.
  return periods.find((p) => p.startsOn <= today && today <= p.endsOn) ?? periods[0] ?? null;
}

/** The share of the period elapsed on `today`, 0 before its first day, 1 after its last. */
export function elapsedShare(period: { startsOn: string; endsOn: string }, today: string): number {
  const length = (dayMs(period.endsOn) - dayMs(period.startsOn)) / DAY + 1;
  const gone = (dayMs(today) - dayMs(period.startsOn)) / DAY;
  return Math.min(1, Math.max(0, gone / length));
}

/** Reads the report: eight small aggregate queries, one after another (the embedded database serves one at a time). */
async function loadDrift(db: Db, actor: WorkspaceActor, query: DriftQuery, now: Date): Promise<DriftReport> {
  const { workspaceId } = actor;
  const product = await findProduct(db, workspaceId, query.productId);
  if (!product) throw notFound('Product');
  const periods = await listPeriods(db, workspaceId);
  const today = isoDay(now);
  let period: PeriodRow | null;
  if (query.periodId) {
    period = periods.find((p) => p.id === query.periodId) ?? null;
    if (!period) throw notFound('Period');
  } else period = defaultPeriod(periods, today);

  const pillars = await listProductPillars(db, workspaceId, product.id);
  const groups = await plannedEffortByPillar(db, workspaceId, product.id);
  const coverage = presentCoverage(pillars, groups);
  const unalignedFeatures = await largestUnalignedFeatures(db, workspaceId, product.id, DRIFT_LIMITS.unalignedFeatures);
  const expected = period ? elapsedShare(period, today) : 0;

  const objectives = period ? await listObjectives(db, workspaceId, product.id, period.id) : [];
  const risky = period
    ? await listKeyResultsAtRisk(db, { workspaceId, productId: product.id, periodId: period.id, expected, behind: DRIFT_LIMITS.behindPoints / 100, maxConfidence: DRIFT_LIMITS.riskConfidence })
    : [];
  const drivers = period ? await listSlippingDrivers(db, { workspaceId, productId: product.id, periodId: period.id, today, periodEnd: period.endsOn }) : [];
  const conflicted = [...new Set(drivers.filter((d) => d.conflicted).map((d) => d.featureId))];
  const conflicts = new Map<string, string[]>();
  for (const e of await conflictingEdgesOf(db, workspaceId, conflicted)) {
    const found = edgeConflicts(e.a, e.b, e.a.title, e.b.title);
    if (found.length) conflicts.set(e.featureId, [...(conflicts.get(e.featureId) ?? []), found[0]!.message]);
  }
  const slipContext: SlipContext = { today, periodEnd: period?.endsOn ?? today, conflicts };

  const unaligned = presentUnaligned(coverage, unalignedFeatures, objectives);
  const stale = presentStale(objectives, query.staleDays, now);
  const atRisk = presentAtRisk(risky, expected);
  const slipping = presentSlipping(drivers, slipContext);
  const top = <T>(items: T[]) => ({ total: items.length, items: items.slice(0, DRIFT_LIMITS.listMax) });

  return {
    product,
    period,
    periods,
    staleDays: query.staleDays,
    today,
    expectedProgress: expected,
    coverage,
    unaligned,
    staleObjectives: top(stale),
    atRisk: top(atRisk),
    slipping: top(slipping),
    counts: {
      unalignedFeatures: unaligned.features.count,
      unalignedObjectives: unaligned.objectives.count,
      staleObjectives: stale.length,
      atRisk: atRisk.length,
      slipping: slipping.length,
    },
    generatedAt: now.toISOString(),
  };
}

/** Coverage and drift of a product: planned effort by pillar, unaligned work, stale objectives, key results at risk or slipping. */
export async function getDriftReport({ db, actor, query, now = new Date() }: Ctx & { query: DriftQuery; now?: Date }): Promise<DriftReport> {
  authorize(actor, 'drift.read');
  return loadDrift(db, actor, query, now);
}

/**
 * The report as JSON text, checked against its contract, cached until the workspace's next write (or
 * 30 s, as it also depends on the clock) per product, period and stale-days setting. Roles that may read
 * it all see the same report, so the role is not part of the key.
 */
export async function getDriftReportJson({ db, actor, query }: Ctx & { query: DriftQuery }): Promise<string> {
  authorize(actor, 'drift.read');
  const now = new Date();
  const key = `drift:${actor.workspaceId}:${query.productId}:${query.periodId ?? ''}:${query.staleDays}:${isoDay(now)}`;
  return cachedDrift(db, actor.workspaceId, key, async () => JSON.stringify(DriftReportSchema.parse(await loadDrift(db, actor, query, now))));
}
