/**
 * The gap arithmetic of assessments, free of the database so it can be tested on its own.
 *
 * - gap = expected − (coach ?? self): positive means the PM stands below what their level expects.
 *   No expectation or no rating gives no gap (null), never a made-up zero.
 * - importance: the coach's importance rating, else the PM's, else 5 on frameworks that rate it
 *   (1-10, SVPG style). Frameworks without importance weigh every competency alike (importance null).
 * - weightedGap = gap × importance / 10 on frameworks that rate importance, else the gap itself; so a
 *   competency that matters little in this PM's context weighs less, and the sign always follows the gap.
 */

/** Importance assumed where a framework rates it but nobody has yet. */
export const DEFAULT_IMPORTANCE = 5;

export interface GapInput {
  competencyId: string;
  expected: number | null;
  self: number | null;
  coach: number | null;
  /** Importance given with the coach rating, then with the self rating (frameworks that rate it). */
  coachImportance?: number | null;
  selfImportance?: number | null;
}

export interface GapRow {
  competencyId: string;
  expected: number | null;
  self: number | null;
  coach: number | null;
  gap: number | null;
  importance: number | null;
  weightedGap: number | null;
}

export interface GapTotals {
  /** Competencies in the framework. */
  competencies: number;
  /** Competencies with a gap (an expectation and a visible rating). */
  measured: number;
  /** Competencies below expectation (gap > 0). */
  below: number;
  /** Sum of the positive gaps: how far below expectation, all told. Surpluses do not offset it. */
  totalGap: number;
  /** Sum of the positive weighted gaps. */
  totalWeightedGap: number;
  selfAverage: number | null;
  coachAverage: number | null;
  expectedAverage: number | null;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** The average of the numbers present, to two decimals; null when there are none. */
export function average(values: readonly (number | null | undefined)[]): number | null {
  const xs = values.filter((v): v is number => typeof v === 'number');
  return xs.length ? round2(xs.reduce((a, b) => a + b, 0) / xs.length) : null;
}

/** expected − (coach ?? self); null when either side of the subtraction is missing. */
export function competencyGap(expected: number | null, self: number | null, coach: number | null): number | null {
  const rating = coach ?? self;
  if (expected === null || rating === null) return null;
  return expected - rating;
}

/** The importance that weighs a gap: rated (coach first), else the default; null where not rated at all. */
export function effectiveImportance(ratesImportance: boolean, coachImportance: number | null | undefined, selfImportance: number | null | undefined): number | null {
  if (!ratesImportance) return null;
  return coachImportance ?? selfImportance ?? DEFAULT_IMPORTANCE;
}

/** gap × importance / 10, to two decimals; the gap itself when the framework does not rate importance. */
export function weightGap(gap: number, importance: number | null): number {
  const w = importance === null ? gap : (gap * importance) / 10;
  // -0 would print as 0 but compare oddly in tests and sorts.
  return round2(w) + 0;
}

/** Gaps per competency, biggest weighted gap first (rows without a gap last, in their given order). */
export function computeGaps(rows: readonly GapInput[], ratesImportance: boolean): GapRow[] {
  const out = rows.map((r, i) => {
    const gap = competencyGap(r.expected, r.self, r.coach);
    const importance = effectiveImportance(ratesImportance, r.coachImportance, r.selfImportance);
    return { row: { competencyId: r.competencyId, expected: r.expected, self: r.self, coach: r.coach, gap, importance, weightedGap: gap === null ? null : weightGap(gap, importance) }, i };
  });
  out.sort((a, b) => {
    const wa = a.row.weightedGap;
    const wb = b.row.weightedGap;
    if (wa === null || wb === null) return wa === wb ? a.i - b.i : wa === null ? 1 : -1;
    return wb - wa || (b.row.gap ?? 0) - (a.row.gap ?? 0) || a.i - b.i;
  });
  return out.map((o) => o.row);
}

/** Totals of a set of gap rows. */
export function gapTotals(rows: readonly GapRow[]): GapTotals {
  const measured = rows.filter((r) => r.gap !== null);
  return {
    competencies: rows.length,
    measured: measured.length,
    below: measured.filter((r) => (r.gap ?? 0) > 0).length,
    totalGap: round2(measured.reduce((s, r) => s + Math.max(0, r.gap ?? 0), 0)),
    totalWeightedGap: round2(measured.reduce((s, r) => s + Math.max(0, r.weightedGap ?? 0), 0)),
    selfAverage: average(rows.map((r) => r.self)),
    coachAverage: average(rows.map((r) => r.coach)),
    expectedAverage: average(rows.map((r) => r.expected)),
  };
}

export type GapTrend = 'closed' | 'widened' | 'unchanged' | 'n/a';

/** Whether the total gap closed from the previous assessment to the latest. */
export function gapTrend(latest: number | null, previous: number | null): GapTrend {
  if (latest === null || previous === null) return 'n/a';
  if (latest < previous) return 'closed';
  if (latest > previous) return 'widened';
  return 'unchanged';
}

const QUARTER = /^(\d{4})-?Q([1-4])$/i;
const QUARTER_BACKWARDS = /^Q([1-4])[\s-]?(\d{4})$/i;
const HALF = /^(\d{4})-?H([12])$/i;
const HALF_BACKWARDS = /^H([12])[\s-]?(\d{4})$/i;
const YEAR = /^(\d{4})$/;

const lastDay = (year: number, month: number): string => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
const span = (year: number, fromMonth: number, months: number) => ({
  start: `${year}-${String(fromMonth).padStart(2, '0')}-01`,
  end: lastDay(year, fromMonth + months - 1),
});

/** The dates a period label names: a quarter ("2027-Q1", "Q1 2027"), a half ("2026-H2", "H2 2026") or a year. */
export function periodDates(label: string): { start: string; end: string } | null {
  const s = label.trim();
  let m = QUARTER.exec(s);
  if (m) return span(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 3);
  m = QUARTER_BACKWARDS.exec(s);
  if (m) return span(Number(m[2]), (Number(m[1]) - 1) * 3 + 1, 3);
  m = HALF.exec(s);
  if (m) return span(Number(m[1]), (Number(m[2]) - 1) * 6 + 1, 6);
  m = HALF_BACKWARDS.exec(s);
  if (m) return span(Number(m[2]), (Number(m[1]) - 1) * 6 + 1, 6);
  m = YEAR.exec(s);
  if (m) return span(Number(m[1]), 1, 12);
  return null;
}
