import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distribution, normalizeByGroup, outlierFences, outlierOf, quantile, rankItems, type ScoredItem } from './prioritization.normalize.js';

const item = (id: string, group: string | null, score: number | null, tiebreak = id): ScoredItem => ({ id, group, score, tiebreak });

describe('distribution and fences', () => {
  it('computes quartiles by linear interpolation', () => {
    const s = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(quantile(s, 0.25)).toBe(2.75);
    expect(quantile(s, 0.5)).toBe(4.5);
    expect(quantile([7], 0.75)).toBe(7);
    expect(distribution([8, 1, 4, 2])).toEqual({ count: 4, min: 1, q1: 1.75, median: 3, q3: 5, max: 8, mean: 3.75 });
    expect(distribution([])).toMatchObject({ count: 0, min: null, median: null, mean: null });
  });

  it('flags a score far above the spread, and explains it with the fence', () => {
    const values = [10, 12, 14, 16, 18, 20, 22, 400];
    const fences = outlierFences(values)!;
    expect(fences).toMatchObject({ q1: 13.5, q3: 20.5, iqr: 7, upper: 41.5, lower: -7.5 });
    expect(outlierOf(400, fences)).toEqual({ direction: 'high', reason: "Score 400 is above the product's upper fence 41.5 (Q3 20.5 + 3 × IQR 7)" });
    expect(outlierOf(-20, fences)?.direction).toBe('low');
    expect(outlierOf(22, fences)).toBeNull();
    expect(outlierOf(null, fences)).toBeNull();
  });

  it('flags nothing with fewer than 4 scores or no interquartile spread', () => {
    expect(outlierFences([1, 2, 1000])).toBeNull();
    expect(outlierFences([5, 5, 5, 5, 5, 900])).toBeNull();
  });
});

describe('normalisation per PM', () => {
  it('puts a generous PM and a stingy PM on one scale', () => {
    const items = [item('a1', 'ana', 100), item('a2', 'ana', 200), item('a3', 'ana', 300), item('b1', 'bo', 1), item('b2', 'bo', 2), item('b3', 'bo', 3), item('u', null, null)];
    const z = normalizeByGroup(items, 'z');
    expect(z.get('a3')).toBe(z.get('b3'));
    expect(z.get('a2')).toBe(0);
    expect(z.get('a3')).toBe(1.2247);
    expect(z.get('u')).toBeNull();
    const p = normalizeByGroup(items, 'percentile');
    expect([p.get('a1'), p.get('a2'), p.get('a3')]).toEqual([16.6667, 50, 83.3333]);
    // Ranked by the raw score Ana crowds Bo out; normalised, their top features alternate.
    expect(rankItems(items).map((r) => r.id)).toEqual(['a3', 'a2', 'a1', 'b3', 'b2', 'b1', 'u']);
    expect(rankItems(items, z).map((r) => r.id)).toEqual(['a3', 'b3', 'a2', 'b2', 'a1', 'b1', 'u']);
  });

  it('gives 0 to a PM whose scores are all equal, and 50th percentile to a lone feature', () => {
    const z = normalizeByGroup([item('x', 'p', 0.1), item('y', 'p', 0.1), item('z', 'p', 0.1)], 'z');
    expect([...z.values()]).toEqual([0, 0, 0]);
    expect(normalizeByGroup([item('solo', 'q', 42)], 'percentile').get('solo')).toBe(50);
  });

  it('ranks unscored items last, by title, and numbers only the scored ones', () => {
    const ranked = rankItems([item('1', 'p', null, 'Zeta'), item('2', 'p', 5, 'Beta'), item('3', 'p', null, 'Alpha'), item('4', 'p', 5, 'Alpha')]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['4', 1],
      ['2', 2],
      ['3', null],
      ['1', null],
    ]);
  });
});

// Scores with 4 decimals, like stored scores; owners from a small set, some unowned; some unscored.
const score = fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 10_000);
const items = fc
  .uniqueArray(fc.record({ id: fc.uuid(), group: fc.constantFrom('ana', 'bo', 'cy', null), score: fc.option(score, { freq: 5 }), tiebreak: fc.string({ maxLength: 6 }) }), {
    minLength: 1,
    maxLength: 40,
    selector: (r) => r.id,
  })
  .map((rows) => rows.map((r) => ({ ...r, score: r.score ?? null })));

describe('normalisation properties', () => {
  it('is invariant to multiplying one PM\u2019s scores by a positive constant', () => {
    fc.assert(
      fc.property(items, fc.constantFrom('ana', 'bo', 'cy', null), fc.double({ min: 0.01, max: 1000, noNaN: true }), (rows, who, c) => {
        const scaled = rows.map((r) => (r.group === who && r.score !== null ? { ...r, score: r.score * c } : r));
        for (const method of ['z', 'percentile'] as const) {
          const a = normalizeByGroup(rows, method);
          const b = normalizeByGroup(scaled, method);
          for (const r of rows) {
            const x = a.get(r.id);
            const y = b.get(r.id);
            if (x === null || y === null) expect(x).toBe(y);
            // Exact up to the last rounded place (a product in floating point may land on the other side of it).
            else expect(Math.abs(x! - y!)).toBeLessThanOrEqual(1.0001e-4);
          }
        }
      }),
    );
  });

  it('keeps each PM\u2019s own order in the normalised ranking', () => {
    fc.assert(
      fc.property(items, fc.constantFrom('z', 'percentile' as const), (rows, method) => {
        const ranked = rankItems(rows, normalizeByGroup(rows, method));
        const position = new Map(ranked.map((r, i) => [r.id, i]));
        for (const a of rows) {
          for (const b of rows) {
            if (a.group === b.group && a.score !== null && b.score !== null && a.score > b.score) {
              expect(position.get(a.id)!).toBeLessThan(position.get(b.id)!);
            }
          }
        }
      }),
    );
  });

  it('never flags a value inside the quartiles', () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 60 }), (values) => {
        const fences = outlierFences(values);
        const d = distribution(values);
        for (const v of values) {
          if (d.q1 !== null && d.q3 !== null && v >= d.q1 && v <= d.q3) expect(outlierOf(v, fences)).toBeNull();
        }
      }),
    );
  });

  it('gives the same normalised values, ranking and spread whatever the input order', () => {
    fc.assert(
      fc.property(
        items.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))),
        ([rows, shuffled]) => {
          for (const method of ['z', 'percentile'] as const) {
            const a = normalizeByGroup(rows, method);
            const b = normalizeByGroup(shuffled, method);
            expect(new Map([...b].sort())).toEqual(new Map([...a].sort()));
            expect(rankItems(shuffled, b).map((r) => [r.id, r.rank])).toEqual(rankItems(rows, a).map((r) => [r.id, r.rank]));
          }
          const scores = (list: ScoredItem[]) => list.map((r) => r.score).filter((s): s is number => s !== null);
          expect(distribution(scores(shuffled))).toEqual(distribution(scores(rows)));
          expect(outlierFences(scores(shuffled))).toEqual(outlierFences(scores(rows)));
        },
      ),
    );
  });
});
