import { SPRINT_LABEL_MAX, type StatusPeriodKind } from '../../../shared/contracts.js';
import { invalid } from '../../lib/app-error.js';

/*
 * Periods of status updates: an ISO week (2026-W48), a calendar month (2026-11) or a sprint, whose label
 * is free (up to 40 characters) and whose days the caller gives. Days are UTC calendar days, YYYY-MM-DD.
 */

const WEEK = /^(\d{4})-W(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
// Strings shaped like a week or a month that are not a real one (2026-W60, 2026-13): refused, not taken for a sprint.
const WEEK_LIKE = /^\d{4}-?W\d{1,2}$/i;
const MONTH_LIKE = /^\d{4}-\d{1,2}$/;

const DAY_MS = 86_400_000;
export const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** Monday of ISO week 1 of an ISO year. */
function isoWeekOneMonday(year: number): Date {
  const jan4 = utc(year, 1, 4);
  const weekday = (jan4.getUTCDay() + 6) % 7; // Monday 0
  return new Date(jan4.getTime() - weekday * DAY_MS);
}

const weeksInIsoYear = (year: number) => Math.round((isoWeekOneMonday(year + 1).getTime() - isoWeekOneMonday(year).getTime()) / (7 * DAY_MS));

/** The ISO week of a day, as YYYY-Www. */
export function isoWeekOf(d: Date): string {
  const day = utc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  const thursday = new Date(day.getTime() + (3 - ((day.getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - isoWeekOneMonday(year).getTime()) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface ParsedPeriod {
  period: string;
  kind: StatusPeriodKind;
  /** The days it covers, inclusive; null for a sprint (its days come from the caller). */
  range: { from: string; to: string } | null;
}

/** Parses a period, inferring its kind from the format when not given; 400 naming `period` when it fits no kind. */
export function parsePeriod(raw: string, kind?: StatusPeriodKind): ParsedPeriod {
  const period = raw.trim();
  if (!period) throw invalid('period', 'must not be empty');
  const week = WEEK.exec(period);
  if (week && kind !== 'sprint') {
    const [y, w] = [Number(week[1]), Number(week[2])];
    if (w < 1 || w > weeksInIsoYear(y)) throw invalid('period', `${period} is not an ISO week: ${y} has weeks 01 to ${weeksInIsoYear(y)}`);
    if (kind && kind !== 'week') throw invalid('period', `${period} is a week, not a ${kind}`);
    const monday = new Date(isoWeekOneMonday(y).getTime() + (w - 1) * 7 * DAY_MS);
    return { period, kind: 'week', range: { from: dayOf(monday), to: dayOf(new Date(monday.getTime() + 6 * DAY_MS)) } };
  }
  const month = MONTH.exec(period);
  if (month && kind !== 'sprint') {
    const [y, m] = [Number(month[1]), Number(month[2])];
    if (m < 1 || m > 12) throw invalid('period', `${period} is not a month: use YYYY-MM with a month from 01 to 12`);
    if (kind && kind !== 'month') throw invalid('period', `${period} is a month, not a ${kind}`);
    return { period, kind: 'month', range: { from: dayOf(utc(y, m, 1)), to: dayOf(utc(y, m + 1, 0)) } };
  }
  if (kind === 'week') throw invalid('period', `${period} is not a week: use the ISO week as YYYY-Www, e.g. 2026-W07`);
  if (kind === 'month') throw invalid('period', `${period} is not a month: use YYYY-MM, e.g. 2026-03`);
  if (!kind && (WEEK_LIKE.test(period) || MONTH_LIKE.test(period)))
    throw invalid('period', `${period} matches no period kind: a week is YYYY-Www (ISO week), a month YYYY-MM, a sprint any other label`);
  if (period.length > SPRINT_LABEL_MAX) throw invalid('period', `a sprint label must be at most ${SPRINT_LABEL_MAX} characters`);
  return { period, kind: 'sprint', range: null };
}

/** The days of a sprint: as given, else the two weeks ending on `today`. */
export function sprintRange(from: string | undefined, to: string | undefined, today: Date): { from: string; to: string } {
  const end = to ?? dayOf(today);
  const start = from ?? dayOf(new Date(Date.parse(`${end}T00:00:00Z`) - 13 * DAY_MS));
  if (start > end) throw invalid('from', 'must be on or before to');
  return { from: start, to: end };
}

/** The current ISO week and whether it is past its midpoint (from Thursday 00:00 UTC), when reminders go out. */
export function currentWeek(now: Date): { period: string; range: { from: string; to: string }; pastMidpoint: boolean } {
  const parsed = parsePeriod(isoWeekOf(now), 'week');
  const weekday = (now.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return { period: parsed.period, range: parsed.range!, pastMidpoint: weekday >= 3 };
}

/** The start and the end (exclusive) of a day range, as instants. */
export function rangeInstants(range: { from: string; to: string }): { start: Date; end: Date } {
  return { start: new Date(`${range.from}T00:00:00Z`), end: new Date(Date.parse(`${range.to}T00:00:00Z`) + DAY_MS) };
}
