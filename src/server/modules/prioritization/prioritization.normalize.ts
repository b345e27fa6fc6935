import type { NormalizeMethod } from '../../../shared/contracts.js';
import { formatNumber, roundScore } from './prioritization.scoring.js';

/**
 * Calibration across PMs, pure: score distributions, normalisation of scores among each PM's own
 * features, a product-wide ranking by the normalised value, and the scores far outside the product's
 * spread. Every function sorts before it sums, so results do not depend on the order of the input.
 */

/** Tukey's "far out" multiplier: a score beyond Q3 + 3×IQR (or below Q1 − 3×IQR) is flagged. */
export const OUTLIER_K = 3;

export interface ScoredItem {
  id: string;
  /** Who the score is calibrated against: the owner PM's member id, null for features nobody owns. */
  group: string | null;
  score: number | null;
  /** Breaks ties between equal scores (the title), before the id. */
  tiebreak: string;
}

const asc = (a: number, b: number) => a - b;

/** The p-quantile (0..1) of sorted values by linear interpolation (NumPy's default, Excel's QUARTILE.INC). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('quantile of nothing');
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export interface Distribution {
  count: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  mean: number | null;
}

/** Min, quartiles, max and mean of the values (nulls when there are none), rounded like scores. */
export function distribution(values: readonly number[]): Distribution {
  if (values.length === 0) return { count: 0, min: null, q1: null, median: null, q3: null, max: null, mean: null };
  const s = [...values].sort(asc);
  const sum = s.reduce((a, b) => a + b, 0);
  return {
    count: s.length,
    min: s[0]!,
    q1: roundScore(quantile(s, 0.25)),
    median: roundScore(quantile(s, 0.5)),
    q3: roundScore(quantile(s, 0.75)),
    max: s[s.length - 1]!,
    mean: roundScore(sum / s.length),
  };
}

export interface Fences {
  q1: number;
  q3: number;
  iqr: number;
  lower: number;
  upper: number;
}

/**
 * The outlier fences of a distribution, or null when they say nothing: fewer than 4 scores, or an
 * interquartile range of 0 (half the scores equal), where any other value would count as "far out".
 */
export function outlierFences(values: readonly number[], k = OUTLIER_K): Fences | null {
  if (values.length < 4) return null;
  const s = [...values].sort(asc);
  const q1 = quantile(s, 0.25);
  const q3 = quantile(s, 0.75);
  const iqr = q3 - q1;
  if (!(iqr > 0)) return null;
  return { q1, q3, iqr, lower: q1 - k * iqr, upper: q3 + k * iqr };
}

export interface OutlierFlag {
  direction: 'high' | 'low';
  reason: string;
}

/** Whether a score sits beyond the fences, and why, in words with the numbers. */
export function outlierOf(score: number | null, fences: Fences | null, k = OUTLIER_K): OutlierFlag | null {
  if (score === null || !fences) return null;
  const q = (n: number) => formatNumber(n);
  if (score > fences.upper) {
    return {
      direction: 'high',
      reason: `Score ${q(score)} is above the product's upper fence ${q(fences.upper)} (Q3 ${q(fences.q3)} + ${k} × IQR ${q(fences.iqr)})`,
    };
  }
  if (score < fences.lower) {
    return {
      direction: 'low',
      reason: `Score ${q(score)} is below the product's lower fence ${q(fences.lower)} (Q1 ${q(fences.q1)} − ${k} × IQR ${q(fences.iqr)})`,
    };
  }
  return null;
}

/** Groups the scored items' scores by group. */
function scoresByGroup(items: readonly ScoredItem[]): Map<string | null, number[]> {
  const groups = new Map<string | null, number[]>();
  for (const it of items) {
    if (it.score === null) continue;
    const list = groups.get(it.group) ?? [];
    list.push(it.score);
    groups.set(it.group, list);
  }
  return groups;
}

/** Percentile rank (0–100) of x among sorted values, ties counting half: the middle of its tie run. */
function percentileRank(sorted: readonly number[], x: number): number {
  let below = 0;
  let equal = 0;
  for (const v of sorted) {
    if (v < x) below++;
    else if (v === x) equal++;
  }
  return (100 * (below + 0.5 * equal)) / sorted.length;
}

/**
 * Each scored item's score normalised among the scored items of its group: the z-score (population
 * standard deviation; 0 when the group's scores are all equal) or the percentile rank (0–100).
 * Unscored items map to null. A PM who scores everything ten times higher gets the same values.
 */
export function normalizeByGroup(items: readonly ScoredItem[], method: NormalizeMethod): Map<string, number | null> {
  const groups = scoresByGroup(items);
  const stats = new Map<string | null, { sorted: number[]; mean: number; sd: number }>();
  for (const [g, values] of groups) {
    const sorted = [...values].sort(asc);
    const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
    const variance = sorted.reduce((a, b) => a + (b - mean) ** 2, 0) / sorted.length;
    stats.set(g, { sorted, mean, sd: Math.sqrt(variance) });
  }
  const out = new Map<string, number | null>();
  for (const it of items) {
    const s = it.score === null ? undefined : stats.get(it.group);
    if (it.score === null || !s) {
      out.set(it.id, null);
      continue;
    }
    // An sd this small against the mean is rounding noise of equal scores, not a spread.
    const flat = s.sd <= Math.abs(s.mean) * 1e-12 || s.sd === 0;
    const value = method === 'percentile' ? percentileRank(s.sorted, it.score) : flat ? 0 : (it.score - s.mean) / s.sd;
    out.set(it.id, roundScore(value));
  }
  return out;
}

export interface RankedItem extends ScoredItem {
  /** The value ranked by: the normalised score when normalising, else the raw score. */
  key: number | null;
  /** 1-based, unique; null for unscored items, which come last. */
  rank: number | null;
}

/**
 * Orders items best first by `keys` (normalised scores, or the raw scores when absent), then the raw
 * score, then the tiebreak and the id, so equal inputs in any order give the same ranking.
 */
export function rankItems(items: readonly ScoredItem[], keys?: ReadonlyMap<string, number | null>): RankedItem[] {
  const keyed = items.map((it) => ({ ...it, key: keys ? (keys.get(it.id) ?? null) : it.score, rank: null as number | null }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key !== b.key) return a.key === null ? 1 : -1;
    } else if (a.key !== b.key) return b.key - a.key;
    if (a.score !== b.score && a.score !== null && b.score !== null) return b.score - a.score;
    if (a.tiebreak !== b.tiebreak) return a.tiebreak < b.tiebreak ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  let next = 1;
  for (const it of keyed) if (it.key !== null) it.rank = next++;
  return keyed;
}
