import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORTANCE, average, competencyGap, computeGaps, effectiveImportance, gapTotals, gapTrend, periodDates, weightGap } from './assessments.math.js';

describe('competencyGap', () => {
  it('subtracts the coach rating, else the self rating, from the expectation', () => {
    expect(competencyGap(4, 2, 3)).toBe(1);
    expect(competencyGap(4, 2, null)).toBe(2);
    expect(competencyGap(3, 5, null)).toBe(-2);
  });
  it('has no gap without an expectation or a rating', () => {
    expect(competencyGap(null, 2, 3)).toBeNull();
    expect(competencyGap(4, null, null)).toBeNull();
  });
});

describe('importance and weighting', () => {
  it('takes the coach importance, then the self importance, then the default, only where rated', () => {
    expect(effectiveImportance(true, 8, 3)).toBe(8);
    expect(effectiveImportance(true, null, 3)).toBe(3);
    expect(effectiveImportance(true, undefined, null)).toBe(DEFAULT_IMPORTANCE);
    expect(effectiveImportance(false, 8, 3)).toBeNull();
  });
  it('weighs gap × importance / 10, or the bare gap when importance is not rated', () => {
    expect(weightGap(3, 8)).toBe(2.4);
    expect(weightGap(3, 5)).toBe(1.5);
    expect(weightGap(-2, 10)).toBe(-2);
    expect(weightGap(2, null)).toBe(2);
    expect(weightGap(1, 3)).toBe(0.3);
    expect(Object.is(weightGap(-3, 0), 0)).toBe(true);
  });
  it('weightedGap has the sign of the gap, and zero importance weighs nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 10 }), fc.integer({ min: 1, max: 10 }), (gap, importance) => {
        const w = weightGap(gap, importance);
        expect(Math.sign(w)).toBe(Math.sign(gap));
        expect(Math.abs(w)).toBeLessThanOrEqual(Math.abs(gap));
        expect(weightGap(gap, 0)).toBe(0);
        expect(weightGap(gap, null)).toBe(gap);
      }),
    );
  });
  it('weightedGap grows with importance for a positive gap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 9 }), (gap, importance) => {
        expect(weightGap(gap, importance + 1)).toBeGreaterThan(weightGap(gap, importance));
      }),
    );
  });
});

describe('computeGaps and totals', () => {
  const rows = [
    { competencyId: 'a', expected: 3, self: 3, coach: 2, coachImportance: 2 }, // gap 1, w 0.2
    { competencyId: 'b', expected: 4, self: 1, coach: null, selfImportance: 9 }, // gap 3, w 2.7
    { competencyId: 'c', expected: null, self: 2, coach: 2 }, // no gap
    { competencyId: 'd', expected: 2, self: 4, coach: 4 }, // gap -2, w -1 (default importance 5)
    { competencyId: 'e', expected: 4, self: 2, coach: 2, coachImportance: 10 }, // gap 2, w 2
  ];

  it('sorts by weighted gap, biggest first, with unmeasured competencies last', () => {
    const out = computeGaps(rows, true);
    expect(out.map((r) => [r.competencyId, r.gap, r.importance, r.weightedGap])).toEqual([
      ['b', 3, 9, 2.7],
      ['e', 2, 10, 2],
      ['a', 1, 2, 0.2],
      ['d', -2, 5, -1],
      ['c', null, 5, null],
    ]);
  });

  it('totals count only shortfalls, so a surplus does not hide a gap', () => {
    const t = gapTotals(computeGaps(rows, true));
    expect(t).toEqual({
      competencies: 5,
      measured: 4,
      below: 3,
      totalGap: 6,
      totalWeightedGap: 4.9,
      selfAverage: 2.4,
      coachAverage: 2.5,
      expectedAverage: 3.25,
    });
  });

  it('weighs every competency alike on a framework without importance', () => {
    const out = computeGaps(rows, false);
    expect(out.map((r) => [r.competencyId, r.weightedGap, r.importance])).toEqual([
      ['b', 3, null],
      ['e', 2, null],
      ['a', 1, null],
      ['d', -2, null],
      ['c', null, null],
    ]);
  });

  it('keeps the order stable and total for any input', () => {
    const row = fc.record({
      competencyId: fc.uuid(),
      expected: fc.option(fc.integer({ min: 1, max: 10 })),
      self: fc.option(fc.integer({ min: 1, max: 10 })),
      coach: fc.option(fc.integer({ min: 1, max: 10 })),
      coachImportance: fc.option(fc.integer({ min: 1, max: 10 })),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 15 }), fc.boolean(), (input, rates) => {
        const out = computeGaps(input, rates);
        expect(out).toHaveLength(input.length);
        const weights = out.map((r) => r.weightedGap);
        const firstNull = weights.indexOf(null);
        const measured = firstNull === -1 ? weights : weights.slice(0, firstNull);
        expect(weights.slice(measured.length).every((w) => w === null)).toBe(true);
        for (let i = 1; i < measured.length; i++) expect(measured[i - 1]!).toBeGreaterThanOrEqual(measured[i]!);
        for (const r of out) if (r.gap !== null) expect(Math.sign(r.weightedGap!)).toBe(Math.sign(r.gap));
      }),
    );
  });
});

describe('helpers', () => {
  it('averages what is there', () => {
    expect(average([1, null, 2, undefined, 4])).toBe(2.33);
    expect(average([null])).toBeNull();
  });
  it('tells whether a gap closed', () => {
    expect(gapTrend(2, 5)).toBe('closed');
    expect(gapTrend(5, 2)).toBe('widened');
    expect(gapTrend(3, 3)).toBe('unchanged');
    expect(gapTrend(3, null)).toBe('n/a');
  });
  it('reads quarters, halves and years from a period label', () => {
    expect(periodDates('2027-Q1')).toEqual({ start: '2027-01-01', end: '2027-03-31' });
    expect(periodDates('Q4 2026')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(periodDates('2024-Q1')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(periodDates('H2 2026')).toEqual({ start: '2026-07-01', end: '2026-12-31' });
    expect(periodDates('2028')).toEqual({ start: '2028-01-01', end: '2028-12-31' });
    expect(periodDates('Spring review')).toBeNull();
    expect(periodDates('2027-Q5')).toBeNull();
  });
});
