import { quarterBounds, quarterOf, shiftQuarter } from '../../../shared/contracts/roadmap-releases.js';

/**
 * How planned effort falls into quarters. The rules, also in the OpenAPI description of GET /capacity:
 * - A feature with dates spreads its effort over its working days (Monday to Friday): a quarter gets the
 *   share of those days that fall inside it. A span with no working day at all (a weekend) spreads over
 *   its calendar days instead. One date alone is a one-day span; reversed dates are read in order.
 * - A feature without dates counts in full in the current quarter when its horizon is `now`, in the
 *   next quarter when it is `next`, and nowhere when it is `later` or unset.
 * Summed over consecutive quarters that cover a dated feature, the shares add up to its effort.
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date. */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

const floorMod = (a: number, n: number) => ((a % n) + n) % n;

/** Weekdays in the days [0, m) counted from a Monday. */
function weekdaysFromMonday(m: number): number {
  return Math.floor(m / 7) * 5 + Math.min(floorMod(m, 7), 5);
}

// Day 0 (1970-01-01) was a Thursday: the Monday before it is day -3.
const MONDAY_OFFSET = 3;

/** Working days (Monday–Friday) from day `a` to day `b`, both included; 0 when b < a. */
export function workingDaysBetween(a: number, b: number): number {
  if (b < a) return 0;
  return weekdaysFromMonday(b + 1 + MONDAY_OFFSET) - weekdaysFromMonday(a + MONDAY_OFFSET);
}

export interface PlannableFeature {
  effort: number | null;
  horizon: string | null;
  startDate: string | null;
  endDate: string | null;
}

/** The days (as day numbers) a dated feature spans, or null when it has no date. */
function spanOf(f: PlannableFeature): { from: number; to: number } | null {
  const start = f.startDate ?? f.endDate;
  const end = f.endDate ?? f.startDate;
  if (!start || !end) return null;
  const a = dayNumber(start);
  const b = dayNumber(end);
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

/**
 * Share (0..1) of a feature's effort that falls in `quarter`, given the current quarter for undated
 * features on the now/next horizons.
 */
export function quarterShare(f: PlannableFeature, quarter: string, currentQuarter: string): number {
  const span = spanOf(f);
  if (!span) {
    if (f.horizon === 'now') return quarter === currentQuarter ? 1 : 0;
    if (f.horizon === 'next') return quarter === shiftQuarter(currentQuarter, 1) ? 1 : 0;
    return 0;
  }
  const bounds = quarterBounds(quarter);
  const from = Math.max(span.from, dayNumber(bounds.start));
  const to = Math.min(span.to, dayNumber(bounds.end));
  if (to < from) return 0;
  const total = workingDaysBetween(span.from, span.to);
  // A span of weekend days only still carries its effort: spread it over calendar days.
  if (total === 0) return (to - from + 1) / (span.to - span.from + 1);
  return workingDaysBetween(from, to) / total;
}

/** Effort of a feature that falls in `quarter` (0 when it has no estimate). */
export function proratedEffort(f: PlannableFeature, quarter: string, currentQuarter: string): number {
  if (f.effort === null) return 0;
  return f.effort * quarterShare(f, quarter, currentQuarter);
}

/** The quarter of today, in UTC. */
export function currentQuarter(now: Date = new Date()): string {
  return quarterOf(now);
}

/** Rounds to 2 decimals, as effort and capacity are stored. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
