import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarQuarter, keyResultProgress, objectiveProgress, quarterOf, rollUp, statusOfConfidence, worstStatus } from './okrs.progress.js';

const kr = (o: Partial<{ type: string; direction: string; start: number; target: number; current: number | null }>) => ({
  type: 'number',
  direction: 'increase',
  start: 0,
  target: 100,
  current: null,
  ...o,
});

describe('key result progress', () => {
  it('measures an increase from start to target', () => {
    expect(keyResultProgress(kr({ start: 20, target: 120, current: 70 }))).toBeCloseTo(0.5);
    expect(keyResultProgress(kr({ start: 20, target: 120, current: 20 }))).toBe(0);
    expect(keyResultProgress(kr({ start: 20, target: 120, current: 120 }))).toBe(1);
  });

  it('measures a decrease from start down to target', () => {
    expect(keyResultProgress(kr({ direction: 'decrease', start: 800, target: 200, current: 650 }))).toBeCloseTo(0.25);
    expect(keyResultProgress(kr({ direction: 'decrease', start: 800, target: 200, current: 200 }))).toBe(1);
  });

  it('clamps below 0 and above 1', () => {
    expect(keyResultProgress(kr({ start: 10, target: 20, current: 5 }))).toBe(0);
    expect(keyResultProgress(kr({ start: 10, target: 20, current: 35 }))).toBe(1);
    expect(keyResultProgress(kr({ direction: 'decrease', start: 10, target: 2, current: 14 }))).toBe(0);
    expect(keyResultProgress(kr({ direction: 'decrease', start: 10, target: 2, current: -3 }))).toBe(1);
  });

  it('is 0 without a current value', () => {
    expect(keyResultProgress(kr({ current: null }))).toBe(0);
    expect(keyResultProgress(kr({ type: 'milestone', start: 0, target: 1, current: null }))).toBe(0);
  });

  it('treats a milestone as done (1) or not done (0)', () => {
    expect(keyResultProgress(kr({ type: 'milestone', start: 0, target: 1, current: 1 }))).toBe(1);
    expect(keyResultProgress(kr({ type: 'milestone', start: 0, target: 1, current: 0 }))).toBe(0);
    expect(keyResultProgress(kr({ type: 'milestone', start: 0, target: 1, current: 0.99 }))).toBe(0);
  });

  const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

  it('always lies in [0, 1]', () => {
    fc.assert(
      fc.property(fc.constantFrom('number', 'percentage', 'currency', 'milestone'), fc.constantFrom('increase', 'decrease'), finite, finite, fc.option(finite), (type, direction, start, target, current) => {
        const p = keyResultProgress({ type, direction, start, target, current });
        return p >= 0 && p <= 1;
      }),
    );
  });

  it('is monotone in current for an increase, antitone for a decrease', () => {
    fc.assert(
      fc.property(finite, finite, finite, finite, (a, b, c1, c2) => {
        fc.pre(a !== b);
        const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
        const [start, target] = a < b ? [a, b] : [b, a];
        const up = (current: number) => keyResultProgress({ type: 'number', direction: 'increase', start, target, current });
        const down = (current: number) => keyResultProgress({ type: 'number', direction: 'decrease', start: target, target: start, current });
        return up(lo) <= up(hi) && down(lo) >= down(hi);
      }),
    );
  });
});

describe('roll-up', () => {
  it('takes the mean of the key results, else of the children, else 0', () => {
    expect(objectiveProgress([0.2, 0.4], [1])).toBeCloseTo(0.3);
    expect(objectiveProgress([], [0.5, 1])).toBeCloseTo(0.75);
    expect(objectiveProgress([], [])).toBe(0);
  });

  it('rolls progress up a tree through objectives without key results', () => {
    const out = rollUp([
      { id: 'root', parentId: null, keyResults: [] },
      { id: 'mid', parentId: 'root', keyResults: [] },
      { id: 'a', parentId: 'mid', keyResults: [1, 0] },
      { id: 'b', parentId: 'mid', keyResults: [1] },
      { id: 'c', parentId: 'root', keyResults: [0] },
      { id: 'orphan', parentId: 'elsewhere', keyResults: [0.4] },
    ]);
    expect(out.get('a')).toBeCloseTo(0.5);
    expect(out.get('mid')).toBeCloseTo(0.75);
    expect(out.get('root')).toBeCloseTo(0.375);
    expect(out.get('orphan')).toBeCloseTo(0.4);
  });

  it('ends on a cycle and stays in [0, 1] for any forest', () => {
    expect(rollUp([
      { id: 'x', parentId: 'y', keyResults: [] },
      { id: 'y', parentId: 'x', keyResults: [] },
    ]).size).toBe(2);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), fc.option(fc.nat(20)), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 })), { maxLength: 30 }), (rows) => {
        const seen = new Set<string>();
        const nodes = rows.filter(([id]) => !seen.has(String(id)) && seen.add(String(id))).map(([id, p, krs]) => ({ id: String(id), parentId: p === null ? null : String(p), keyResults: krs }));
        const out = rollUp(nodes);
        return nodes.every((n) => {
          const v = out.get(n.id)!;
          return v >= 0 && v <= 1;
        });
      }),
    );
  });
});

describe('confidence and periods', () => {
  it('maps confidence to a status and finds the worst', () => {
    expect([0, 3, 4, 6, 7, 10].map(statusOfConfidence)).toEqual(['off_track', 'off_track', 'at_risk', 'at_risk', 'on_track', 'on_track']);
    expect(worstStatus(['on_track', null, 'at_risk'])).toBe('at_risk');
    expect(worstStatus([null])).toBeNull();
  });

  it('recognises calendar quarters and suggests the next one', () => {
    expect(isCalendarQuarter('2026-07-01', '2026-09-30')).toBe(true);
    expect(isCalendarQuarter('2026-01-01', '2026-03-31')).toBe(true);
    expect(isCalendarQuarter('2026-07-01', '2026-09-29')).toBe(false);
    expect(isCalendarQuarter('2026-02-01', '2026-04-30')).toBe(false);
    expect(quarterOf('2026-11-28', 1)).toEqual({ name: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
    expect(quarterOf('2026-11-28')).toEqual({ name: 'Q4 2026', start: '2026-10-01', end: '2026-12-31' });
  });
});
