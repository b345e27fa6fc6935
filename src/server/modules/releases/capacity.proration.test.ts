import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuarter, quarterBounds, quarterOf, shiftQuarter } from '../../../shared/contracts/roadmap-releases.js';
import { dayNumber, proratedEffort, quarterShare, workingDaysBetween, type PlannableFeature } from './capacity.proration.js';

const dated = (startDate: string | null, endDate: string | null, effort: number | null = 10): PlannableFeature => ({ effort, horizon: null, startDate, endDate });
const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Working days by walking the calendar: what the closed formula must agree with. */
function bruteWorkingDays(a: number, b: number): number {
  let n = 0;
  for (let d = a; d <= b; d++) {
    const weekday = new Date(d * 86_400_000).getUTCDay();
    if (weekday !== 0 && weekday !== 6) n++;
  }
  return n;
}

describe('quarters', () => {
  it('parses, shifts and bounds quarters', () => {
    expect(parseQuarter('2027-Q1')).toEqual({ year: 2027, q: 1 });
    expect(parseQuarter('2027-Q5')).toBeNull();
    expect(parseQuarter('2027-1')).toBeNull();
    expect(shiftQuarter('2027-Q4', 1)).toBe('2028-Q1');
    expect(shiftQuarter('2027-Q1', -1)).toBe('2026-Q4');
    expect(shiftQuarter('2027-Q2', -9)).toBe('2025-Q1');
    expect(quarterBounds('2028-Q1')).toEqual({ start: '2028-01-01', end: '2028-03-31' });
    expect(quarterBounds('2027-Q2')).toEqual({ start: '2027-04-01', end: '2027-06-30' });
    expect(quarterBounds('2027-Q4')).toEqual({ start: '2027-10-01', end: '2027-12-31' });
    expect(quarterOf('2027-09-30')).toBe('2027-Q3');
    expect(quarterOf(new Date('2027-10-01T00:00:00Z'))).toBe('2027-Q4');
  });

  it('shifting forth and back returns the same quarter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2300 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: -500, max: 500 }), (year, q, by) => {
        const quarter = `${year}-Q${q}`;
        expect(shiftQuarter(shiftQuarter(quarter, by), -by)).toBe(quarter);
        // The quarter after this one starts the day after this one ends.
        expect(dayNumber(quarterBounds(shiftQuarter(quarter, 1)).start)).toBe(dayNumber(quarterBounds(quarter).end) + 1);
      }),
    );
  });
});

describe('working days', () => {
  it('counts Monday to Friday, both ends included', () => {
    // 2027-01-04 is a Monday.
    expect(workingDaysBetween(dayNumber('2027-01-04'), dayNumber('2027-01-08'))).toBe(5);
    expect(workingDaysBetween(dayNumber('2027-01-04'), dayNumber('2027-01-10'))).toBe(5);
    expect(workingDaysBetween(dayNumber('2027-01-09'), dayNumber('2027-01-10'))).toBe(0);
    expect(workingDaysBetween(dayNumber('2027-01-08'), dayNumber('2027-01-11'))).toBe(2);
    expect(workingDaysBetween(dayNumber('2027-01-08'), dayNumber('2027-01-07'))).toBe(0);
    // A whole quarter: 2027-Q1 has 64 weekdays.
    expect(workingDaysBetween(dayNumber('2027-01-01'), dayNumber('2027-03-31'))).toBe(64);
  });

  it('agrees with walking the calendar, before and after 1970', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 40_000 }), fc.integer({ min: 0, max: 60 }), (a, len) => {
        expect(workingDaysBetween(a, a + len)).toBe(bruteWorkingDays(a, a + len));
      }),
    );
  });
});

describe('quarter share of a feature', () => {
  it('splits a dated feature by its working days in each quarter', () => {
    // Mon 2027-03-29 .. Fri 2027-04-09: 3 working days in Q1 (29, 30, 31 March), 7 in Q2.
    const f = dated('2027-03-29', '2027-04-09', 10);
    expect(quarterShare(f, '2027-Q1', '2026-Q4')).toBeCloseTo(0.3, 10);
    expect(proratedEffort(f, '2027-Q1', '2026-Q4')).toBeCloseTo(3, 10);
    expect(proratedEffort(f, '2027-Q2', '2026-Q4')).toBeCloseTo(7, 10);
    expect(proratedEffort(f, '2027-Q3', '2026-Q4')).toBe(0);
    expect(proratedEffort(f, '2026-Q4', '2026-Q4')).toBe(0);
  });

  it('counts a feature inside one quarter in full there', () => {
    expect(proratedEffort(dated('2027-01-04', '2027-02-26', 5), '2027-Q1', '2030-Q1')).toBe(5);
  });

  it('reads one date as a one-day span and reversed dates in order', () => {
    expect(proratedEffort(dated('2027-05-03', null, 4), '2027-Q2', '2027-Q1')).toBe(4);
    expect(proratedEffort(dated(null, '2027-05-03', 4), '2027-Q2', '2027-Q1')).toBe(4);
    expect(proratedEffort(dated('2027-04-09', '2027-03-29', 10), '2027-Q2', '2027-Q1')).toBeCloseTo(7, 10);
  });

  it('spreads a weekend-only span over its calendar days', () => {
    // Sat 2027-03-27 .. Sun 2027-03-28 is all in Q1; Sat 2027-06-26 .. Sat 2027-07-03 has working days.
    expect(proratedEffort(dated('2027-03-27', '2027-03-28', 2), '2027-Q1', '2027-Q1')).toBe(2);
    // Sun 2028-12-31 .. Sat 2029-01-06: Mon–Fri all in 2029-Q1.
    expect(proratedEffort(dated('2028-12-31', '2029-01-06', 5), '2029-Q1', '2029-Q1')).toBe(5);
    expect(proratedEffort(dated('2028-12-31', '2029-01-06', 5), '2028-Q4', '2029-Q1')).toBe(0);
  });

  it('counts undated now features in the current quarter and next ones in the quarter after', () => {
    const now: PlannableFeature = { effort: 8, horizon: 'now', startDate: null, endDate: null };
    const next: PlannableFeature = { ...now, horizon: 'next' };
    const later: PlannableFeature = { ...now, horizon: 'later' };
    expect(proratedEffort(now, '2027-Q4', '2027-Q4')).toBe(8);
    expect(proratedEffort(now, '2028-Q1', '2027-Q4')).toBe(0);
    expect(proratedEffort(next, '2028-Q1', '2027-Q4')).toBe(8);
    expect(proratedEffort(next, '2027-Q4', '2027-Q4')).toBe(0);
    expect(proratedEffort(later, '2027-Q4', '2027-Q4')).toBe(0);
    expect(proratedEffort({ ...now, horizon: null }, '2027-Q4', '2027-Q4')).toBe(0);
  });

  it('adds nothing for a feature without an estimate', () => {
    expect(proratedEffort(dated('2027-01-04', '2027-02-26', null), '2027-Q1', '2027-Q1')).toBe(0);
  });

  it('sums to the effort over consecutive quarters that cover the feature', () => {
    const day = fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2090-12-31') });
    const effort = fc.double({ min: 0, max: 10_000, noNaN: true });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 900 }), effort, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (start, length, e, before, after) => {
        const f = dated(isoOf(start), isoOf(start + length), e);
        // From a few quarters before the start to a few after the end: the extra ones must add nothing.
        const first = shiftQuarter(quarterOf(isoOf(start)), -before);
        const last = shiftQuarter(quarterOf(isoOf(start + length)), after);
        let total = 0;
        for (let q = first; ; q = shiftQuarter(q, 1)) {
          const part = proratedEffort(f, q, '2000-Q1');
          expect(part).toBeGreaterThanOrEqual(0);
          total += part;
          if (q === last) break;
        }
        expect(total).toBeCloseTo(e, 6);
      }),
    );
  });
});
