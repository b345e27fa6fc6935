/**
 * Evidence roll-ups of an opportunity: pure functions over the linked feedback.
 *
 * Counting rules: a feedback item merged into another counts as that other item (never twice); a
 * customer counts once however many items it sent, and so does its ARR, summed exactly as integers
 * (BigInt), never as floating point.
 */
import { canonicalId, type EvidenceFact } from './evidence-grading.js';

export interface SegmentRollUp {
  segment: string | null;
  customerCount: number;
  arr: string;
  feedbackCount: number;
}
export interface SourceRollUp {
  source: string;
  feedbackCount: number;
  customerCount: number;
}
export interface EvidenceTotals {
  feedbackCount: number;
  customerCount: number;
  arr: string;
}

/** Sums the ARR of each distinct customer once. */
export function sumArr(facts: readonly EvidenceFact[]): string {
  const seen = new Map<string, bigint>();
  for (const f of facts) if (f.customerId && !seen.has(f.customerId)) seen.set(f.customerId, toBig(f.arr));
  let total = 0n;
  for (const v of seen.values()) total += v;
  return total.toString();
}

function toBig(arr: string | null): bigint {
  // The column is numeric(18,0); anything else (null, a stray fraction) must not break the sum.
  if (!arr) return 0n;
  const digits = arr.trim().split('.')[0]!;
  return /^-?\d+$/.test(digits) ? BigInt(digits) : 0n;
}

/** Feedback count, distinct customers and their ARR. */
export function evidenceTotals(facts: readonly EvidenceFact[]): EvidenceTotals {
  return {
    feedbackCount: new Set(facts.map(canonicalId)).size,
    customerCount: new Set(facts.flatMap((f) => (f.customerId ? [f.customerId] : []))).size,
    arr: sumArr(facts),
  };
}

function groupBy<K>(facts: readonly EvidenceFact[], key: (f: EvidenceFact) => K): Map<K, EvidenceFact[]> {
  const groups = new Map<K, EvidenceFact[]>();
  for (const f of facts) {
    const k = key(f);
    const list = groups.get(k);
    if (list) list.push(f);
    else groups.set(k, [f]);
  }
  return groups;
}

/** Per customer segment (null: no customer, or a customer without a segment), largest ARR first. */
export function rollUpBySegment(facts: readonly EvidenceFact[]): SegmentRollUp[] {
  const groups = groupBy(facts, (f) => (f.customerId && f.segment ? f.segment : null));
  return [...groups.entries()]
    .map(([segment, list]) => ({ segment, ...evidenceTotals(list) }))
    .sort((a, b) => compareBig(b.arr, a.arr) || b.feedbackCount - a.feedbackCount || String(a.segment).localeCompare(String(b.segment)));
}

/** Per feedback source, most feedback first. */
export function rollUpBySource(facts: readonly EvidenceFact[]): SourceRollUp[] {
  const groups = groupBy(facts, (f) => f.source);
  return [...groups.entries()]
    .map(([source, list]) => {
      const t = evidenceTotals(list);
      return { source, feedbackCount: t.feedbackCount, customerCount: t.customerCount };
    })
    .sort((a, b) => b.feedbackCount - a.feedbackCount || a.source.localeCompare(b.source));
}

function compareBig(a: string, b: string): number {
  const d = BigInt(a) - BigInt(b);
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

const monthOf = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

/**
 * Feedback per calendar month (UTC), every month from the first to the last so a chart has no gaps.
 * An item and its duplicates count once, in the month of the earliest of them.
 */
export function rollUpTrend(facts: readonly EvidenceFact[]): { month: string; feedbackCount: number }[] {
  const first = new Map<string, Date>();
  for (const f of facts) {
    const id = canonicalId(f);
    const prior = first.get(id);
    if (!prior || f.capturedAt < prior) first.set(id, f.capturedAt);
  }
  if (first.size === 0) return [];
  const counts = new Map<string, number>();
  let min = Infinity;
  let max = -Infinity;
  for (const d of first.values()) {
    const m = monthOf(d);
    counts.set(m, (counts.get(m) ?? 0) + 1);
    const index = d.getUTCFullYear() * 12 + d.getUTCMonth();
    min = Math.min(min, index);
    max = Math.max(max, index);
  }
  const trend: { month: string; feedbackCount: number }[] = [];
  for (let i = min; i <= max; i++) {
    const month = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    trend.push({ month, feedbackCount: counts.get(month) ?? 0 });
  }
  return trend;
}
