import type {
  AtRiskKeyResult,
  DriftReport,
  FeatureHorizon,
  FeatureStatus,
  SlippingFeature,
  SlippingKeyResult,
  StaleObjective,
  UnalignedObjective,
} from '../../../shared/contracts.js';
import { DRIFT_LIMITS } from '../../../shared/contracts.js';
import type { DrivingFeatureRow, EffortGroup, ObjectiveRow, PillarRow, RiskRow, UnalignedFeatureRow } from './strategy-drift.repository.js';

/**
 * Turns the drift queries' rows into the report's lists: shares and gaps, the stale and at-risk rules
 * that need the clock, and the sentences that say why a driving feature slipped. No database here.
 */

const DAY = 86_400_000;
/** Shares and efforts to two decimals: what a person reads, and stable across both databases' float sums. */
const round2 = (n: number) => Math.round(n * 100) / 100;
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const share = (part: number, whole: number) => (whole > 0 ? round2((part / whole) * 100) : 0);

type Coverage = DriftReport['coverage'];

/**
 * Coverage rows: every pillar of the product (in its order), then "No pillar", which also takes features
 * pointing at a pillar of another product. Shares are of the product's planned effort.
 */
export function presentCoverage(pillars: readonly PillarRow[], groups: readonly EffortGroup[]): Coverage {
  const byPillar = new Map(groups.map((g) => [g.pillarId, g]));
  const known = new Set(pillars.map((p) => p.id));
  const none = { featureCount: 0, effort: 0, unestimatedCount: 0 };
  for (const g of groups) {
    if (g.pillarId !== null && known.has(g.pillarId)) continue;
    none.featureCount += g.featureCount;
    none.effort += g.effort;
    none.unestimatedCount += g.unestimatedCount;
  }
  const totalEffort = groups.reduce((s, g) => s + g.effort, 0);
  const rows: Coverage['rows'] = pillars.map((p) => {
    const g = byPillar.get(p.id);
    const actual = share(g?.effort ?? 0, totalEffort);
    return {
      pillarId: p.id,
      name: p.name,
      status: p.status,
      targetShare: p.targetShare,
      plannedEffort: round2(g?.effort ?? 0),
      actualShare: actual,
      gap: round2(actual - p.targetShare),
      featureCount: g?.featureCount ?? 0,
      unestimatedCount: g?.unestimatedCount ?? 0,
    };
  });
  rows.push({
    pillarId: null,
    name: 'No pillar',
    status: null,
    targetShare: null,
    plannedEffort: round2(none.effort),
    actualShare: share(none.effort, totalEffort),
    gap: null,
    featureCount: none.featureCount,
    unestimatedCount: none.unestimatedCount,
  });
  return {
    rows,
    totalEffort: round2(totalEffort),
    featureCount: groups.reduce((s, g) => s + g.featureCount, 0),
    unestimatedCount: groups.reduce((s, g) => s + g.unestimatedCount, 0),
    targetTotal: round2(pillars.reduce((s, p) => s + p.targetShare, 0)),
  };
}

/** Objectives that count for drift: all of the period's but the dropped ones. */
const live = (o: ObjectiveRow) => o.status !== 'dropped';

/** Unaligned work: the "No pillar" coverage row with its largest features, and the period's objectives without a pillar. */
export function presentUnaligned(coverage: Coverage, largest: readonly UnalignedFeatureRow[], objectives: readonly ObjectiveRow[]): DriftReport['unaligned'] {
  const none = coverage.rows[coverage.rows.length - 1]!;
  const loose: UnalignedObjective[] = objectives
    .filter((o) => live(o) && o.pillarId === null)
    .map((o) => ({ id: o.id, title: o.title, componentName: o.componentName, ownerId: o.ownerId, ownerName: o.ownerName }));
  return {
    features: {
      count: none.featureCount,
      effort: none.plannedEffort,
      unestimatedCount: none.unestimatedCount,
      items: largest.map((f) => ({ ...f, status: f.status as FeatureStatus, horizon: f.horizon as FeatureHorizon | null, effort: f.effort === null ? null : round2(f.effort) })),
    },
    objectives: { count: loose.length, items: loose.slice(0, DRIFT_LIMITS.listMax) },
  };
}

/**
 * Active objectives with key results, none of which had a check-in in the last `staleDays` days (or
 * ever): never checked in first, then the longest silent. An objective without key results has nothing
 * to check in on and is left out (it is missing key results, which the OKR tree shows).
 */
export function presentStale(objectives: readonly ObjectiveRow[], staleDays: number, now: Date): StaleObjective[] {
  const out: StaleObjective[] = [];
  for (const o of objectives) {
    if (o.status !== 'active' || o.keyResultCount === 0) continue;
    const since = o.lastCheckInAt ? now.getTime() - Date.parse(o.lastCheckInAt) : null;
    if (since !== null && since < staleDays * DAY) continue;
    out.push({
      objectiveId: o.id,
      title: o.title,
      componentName: o.componentName,
      ownerId: o.ownerId,
      ownerName: o.ownerName,
      keyResultCount: o.keyResultCount,
      lastCheckInAt: o.lastCheckInAt,
      daysSince: since === null ? null : Math.floor(since / DAY),
    });
  }
  return out.sort((a, b) => (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity) || a.title.localeCompare(b.title));
}

const STATUS_RANK: Record<string, number> = { off_track: 0, at_risk: 1 };

/** Key results at risk with the reasons that put them there: off track first, then by how far behind. */
export function presentAtRisk(rows: readonly RiskRow[], expected: number): AtRiskKeyResult[] {
  const behind = DRIFT_LIMITS.behindPoints / 100;
  const out: AtRiskKeyResult[] = rows.map((r) => {
    const reasons: AtRiskKeyResult['reasons'] = [];
    if (r.status === 'at_risk' || r.status === 'off_track') reasons.push('status');
    if (r.confidence !== null && r.confidence <= DRIFT_LIMITS.riskConfidence) reasons.push('confidence');
    if (r.progress < expected - behind) reasons.push('behind');
    return {
      keyResultId: r.id,
      title: r.title,
      objectiveId: r.objectiveId,
      objectiveTitle: r.objectiveTitle,
      ownerId: r.ownerId,
      ownerName: r.ownerName,
      progress: round4(r.progress),
      expectedProgress: round4(expected),
      confidence: r.confidence,
      status: (r.status as AtRiskKeyResult['status']) ?? null,
      reasons,
    };
  });
  const rank = (k: AtRiskKeyResult) => STATUS_RANK[k.status ?? ''] ?? 2;
  return out.sort((a, b) => rank(a) - rank(b) || b.expectedProgress - b.progress - (a.expectedProgress - a.progress) || a.title.localeCompare(b.title));
}

const STATUS_WORDS: Record<string, string> = { idea: 'still an idea', discovery: 'still in discovery', planned: 'planned, not started', in_progress: 'still in progress' };

export interface SlipContext {
  today: string;
  periodEnd: string;
  /** Conflict sentences per driving feature (as the dependent), from the dependencies module's rules. */
  conflicts: Map<string, string[]>;
}

/** Why a driving feature slipped, in a sentence; null when it did not. */
export function slipDetail(f: Pick<DrivingFeatureRow, 'status' | 'endDate' | 'overdue' | 'afterPeriod'>, periodEnd: string): string | null {
  const state = STATUS_WORDS[f.status] ?? f.status;
  if (f.overdue && f.afterPeriod) return `Was due on ${f.endDate}, after the period ended on ${periodEnd}, and is ${state}`;
  if (f.overdue) return `Was due on ${f.endDate} and is ${state}`;
  if (f.afterPeriod) return `Ends on ${f.endDate}, after the period ends on ${periodEnd}`;
  return null;
}

/** Key results with their slipping or conflicting driving features, in the rows' order (objective, then title). */
export function presentSlipping(rows: readonly DrivingFeatureRow[], ctx: SlipContext): SlippingKeyResult[] {
  const out = new Map<string, SlippingKeyResult>();
  for (const r of rows) {
    const features: SlippingFeature[] = [];
    const base = { featureId: r.featureId, title: r.featureTitle, componentName: r.componentName, status: r.status as FeatureStatus, endDate: r.endDate };
    const slipped = slipDetail(r, ctx.periodEnd);
    if (slipped) features.push({ ...base, reason: 'slipped', detail: slipped });
    const conflicts = ctx.conflicts.get(r.featureId);
    if (r.conflicted && conflicts?.length) features.push({ ...base, reason: 'conflict', detail: conflicts.join('; ') });
    if (!features.length) continue;
    let kr = out.get(r.keyResultId);
    if (!kr) {
      kr = { keyResultId: r.keyResultId, title: r.keyResultTitle, objectiveId: r.objectiveId, objectiveTitle: r.objectiveTitle, ownerName: r.ownerName, features: [] };
      out.set(r.keyResultId, kr);
    }
    kr.features.push(...features);
  }
  return [...out.values()];
}
