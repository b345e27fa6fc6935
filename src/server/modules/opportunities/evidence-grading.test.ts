import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADING, decayFactor, gradeEvidence, importanceMultiplier, resolveGrading, sourceWeight, type EvidenceFact } from './evidence-grading.js';

const NOW = new Date('2025-06-30T00:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

let seq = 0;
function fact(p: Partial<EvidenceFact> = {}): EvidenceFact {
  seq++;
  return {
    feedbackId: `f${seq}`,
    mergedIntoId: null,
    source: 'interview',
    customerId: null,
    customerName: null,
    segment: null,
    arr: null,
    importance: 2,
    capturedAt: NOW,
    ...p,
  };
}
const acme = { customerId: 'c-acme', customerName: 'Acme', segment: 'Enterprise', arr: '100000' };
const beta = { customerId: 'c-beta', customerName: 'Beta', segment: 'SMB', arr: '5000' };
const gamma = { customerId: 'c-gamma', customerName: 'Gamma', segment: 'SMB', arr: '7000' };

describe('evidence grading', () => {
  it('weights sources by the workspace settings, unknown sources like other', () => {
    expect(sourceWeight(DEFAULT_GRADING, 'interview')).toBe(1);
    expect(sourceWeight(DEFAULT_GRADING, 'survey')).toBe(0.6);
    expect(sourceWeight(DEFAULT_GRADING, 'hallway')).toBe(0.3);
    expect(sourceWeight(resolveGrading({ sourceWeights: { survey: 2 } }), 'survey')).toBe(2);
  });

  it('scales by importance with 2 as the neutral value', () => {
    expect([1, 2, 3, 4].map(importanceMultiplier)).toEqual([0.5, 1, 1.5, 2]);
    expect(importanceMultiplier(9)).toBe(2);
    expect(importanceMultiplier(Number.NaN)).toBe(1);
  });

  it('halves evidence every half-life and treats future dates as new', () => {
    expect(decayFactor(NOW, NOW, 180)).toBe(1);
    expect(decayFactor(daysAgo(180), NOW, 180)).toBeCloseTo(0.5, 10);
    expect(decayFactor(daysAgo(360), NOW, 180)).toBeCloseTo(0.25, 10);
    expect(decayFactor(daysAgo(-30), NOW, 180)).toBe(1);
  });

  it('sums weighted, scaled, decayed evidence into the score', () => {
    const g = gradeEvidence(
      [fact({ source: 'interview', importance: 4 }), fact({ source: 'survey', capturedAt: daysAgo(180) }), fact({ source: 'other', importance: 1 })],
      DEFAULT_GRADING,
      NOW,
    );
    // 1×2×1 + 0.6×1×0.5 + 0.3×0.5×1
    expect(g.score).toBeCloseTo(2 + 0.3 + 0.15, 4);
    expect(g.topCustomer).toBeNull();
    expect(g.concentrated).toBe(false);
  });

  it('flags one loud customer only above the threshold and with at least three items', () => {
    const loud = [fact(acme), fact(acme), fact(acme), fact(beta)];
    const g = gradeEvidence(loud, DEFAULT_GRADING, NOW);
    expect(g.topCustomer).toEqual({ id: 'c-acme', name: 'Acme' });
    expect(g.topCustomerShare).toBe(0.75);
    expect(g.concentrated).toBe(true);
    expect(gradeEvidence(loud, resolveGrading({ concentrationThreshold: 0.8 }), NOW).concentrated).toBe(false);
    // Two items all from Acme: share 1, but too few to call it a pattern.
    expect(gradeEvidence([fact(acme), fact(acme)], DEFAULT_GRADING, NOW)).toMatchObject({ topCustomerShare: 1, concentrated: false });
    // Spread evenly: not concentrated.
    expect(gradeEvidence([fact(acme), fact(beta), fact(gamma)], DEFAULT_GRADING, NOW).concentrated).toBe(false);
  });

  it('counts a duplicate from the same customer once, and a duplicate from another customer as another requester', () => {
    const original = fact(acme);
    const sameCustomerDup = fact({ ...acme, mergedIntoId: original.feedbackId });
    const otherCustomerDup = fact({ ...beta, mergedIntoId: original.feedbackId });
    expect(gradeEvidence([original, sameCustomerDup], DEFAULT_GRADING, NOW).score).toBe(1);
    expect(gradeEvidence([original, sameCustomerDup, otherCustomerDup], DEFAULT_GRADING, NOW).score).toBe(2);
  });

  const arbFact = fc.record({
    source: fc.constantFrom('interview', 'survey', 'customer_success', 'sales', 'support', 'product_marketing', 'other'),
    customer: fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: null }),
    importance: fc.integer({ min: 1, max: 4 }),
    ageDays: fc.integer({ min: 0, max: 2000 }),
  });
  const toFacts = (rows: { source: string; customer: string | null; importance: number; ageDays: number }[]) =>
    rows.map((r) => fact({ source: r.source, customerId: r.customer, customerName: r.customer, importance: r.importance, capturedAt: daysAgo(r.ageDays) }));

  it('property: the score is non-negative, order-independent, and the top share stays within 0..1', () => {
    fc.assert(
      fc.property(fc.array(arbFact, { maxLength: 30 }), (rows) => {
        const facts = toFacts(rows);
        const g = gradeEvidence(facts, DEFAULT_GRADING, NOW);
        expect(g.score).toBeGreaterThanOrEqual(0);
        expect(g.topCustomerShare).toBeGreaterThanOrEqual(0);
        expect(g.topCustomerShare).toBeLessThanOrEqual(1);
        const reversed = gradeEvidence([...facts].reverse(), DEFAULT_GRADING, NOW);
        expect(reversed.score).toBeCloseTo(g.score, 6);
        expect(reversed.topCustomer).toEqual(g.topCustomer);
        if (facts.length < 3) expect(g.concentrated).toBe(false);
      }),
    );
  });

  it('property: adding evidence never lowers the score, and older evidence never counts more', () => {
    fc.assert(
      fc.property(fc.array(arbFact, { maxLength: 20 }), arbFact, fc.integer({ min: 1, max: 1000 }), (rows, extra, older) => {
        const facts = toFacts(rows);
        const base = gradeEvidence(facts, DEFAULT_GRADING, NOW).score;
        expect(gradeEvidence([...facts, ...toFacts([extra])], DEFAULT_GRADING, NOW).score).toBeGreaterThanOrEqual(base - 1e-9);
        const young = toFacts([extra])[0]!;
        const old = { ...young, capturedAt: new Date(young.capturedAt.getTime() - older * 86_400_000) };
        expect(gradeEvidence([old], DEFAULT_GRADING, NOW).score).toBeLessThanOrEqual(gradeEvidence([young], DEFAULT_GRADING, NOW).score);
      }),
    );
  });
});
