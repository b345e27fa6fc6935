import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvidenceFact } from './evidence-grading.js';
import { evidenceTotals, rollUpBySegment, rollUpBySource, rollUpTrend, sumArr } from './evidence-rollup.js';

let seq = 0;
function fact(p: Partial<EvidenceFact> = {}): EvidenceFact {
  seq++;
  return {
    feedbackId: `f${seq}`,
    mergedIntoId: null,
    source: 'support',
    customerId: null,
    customerName: null,
    segment: null,
    arr: null,
    importance: 2,
    capturedAt: new Date('2025-03-10T12:00:00Z'),
    ...p,
  };
}
const acme = { customerId: 'acme', customerName: 'Acme', segment: 'Enterprise', arr: '900000000000000001' };
const beta = { customerId: 'beta', customerName: 'Beta', segment: 'SMB', arr: '5000' };
const gamma = { customerId: 'gamma', customerName: 'Gamma', segment: 'SMB', arr: '7000' };

describe('evidence roll-ups', () => {
  it('counts each customer and its ARR once, exactly, beyond floating-point range', () => {
    const facts = [fact(acme), fact(acme), fact(beta), fact()];
    expect(evidenceTotals(facts)).toEqual({ feedbackCount: 4, customerCount: 2, arr: '900000000000005001' });
    expect(sumArr([])).toBe('0');
  });

  it('does not count a merged duplicate twice, but keeps its customer', () => {
    const original = fact(beta);
    const dup = fact({ ...gamma, mergedIntoId: original.feedbackId });
    const totals = evidenceTotals([original, dup]);
    expect(totals).toEqual({ feedbackCount: 1, customerCount: 2, arr: '12000' });
  });

  it('breaks down by segment, largest ARR first, with no-customer feedback under null', () => {
    const facts = [fact(acme), fact(beta), fact(beta), fact(gamma), fact(), fact({ customerId: 'delta', customerName: 'Delta', segment: '', arr: '10' })];
    expect(rollUpBySegment(facts)).toEqual([
      { segment: 'Enterprise', customerCount: 1, arr: '900000000000000001', feedbackCount: 1 },
      { segment: 'SMB', customerCount: 2, arr: '12000', feedbackCount: 3 },
      { segment: null, customerCount: 1, arr: '10', feedbackCount: 2 },
    ]);
  });

  it('breaks down by source, most feedback first', () => {
    const facts = [fact({ ...acme, source: 'interview' }), fact({ ...acme, source: 'sales' }), fact({ ...beta, source: 'sales' }), fact({ source: 'sales' })];
    expect(rollUpBySource(facts)).toEqual([
      { source: 'sales', feedbackCount: 3, customerCount: 2 },
      { source: 'interview', feedbackCount: 1, customerCount: 1 },
    ]);
  });

  it('trends by month with no gaps, counting a duplicate in the month of the earliest copy', () => {
    const original = fact({ capturedAt: new Date('2025-03-31T23:00:00Z') });
    const facts = [
      fact({ capturedAt: new Date('2024-11-02T00:00:00Z') }),
      original,
      fact({ mergedIntoId: original.feedbackId, capturedAt: new Date('2025-01-05T00:00:00Z') }),
      fact({ capturedAt: new Date('2025-03-01T00:00:00Z') }),
    ];
    expect(rollUpTrend(facts)).toEqual([
      { month: '2024-11', feedbackCount: 1 },
      { month: '2024-12', feedbackCount: 0 },
      { month: '2025-01', feedbackCount: 1 },
      { month: '2025-02', feedbackCount: 0 },
      { month: '2025-03', feedbackCount: 1 },
    ]);
    expect(rollUpTrend([])).toEqual([]);
  });

  const arbFacts = fc.array(
    fc.record({
      customer: fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { nil: null }),
      source: fc.constantFrom('interview', 'sales', 'support'),
      month: fc.integer({ min: 0, max: 30 }),
      mergeInto: fc.option(fc.nat(10), { nil: null }),
    }),
    { maxLength: 40 },
  );
  // A customer's ARR and segment are properties of the customer, not of the feedback.
  const ARR: Record<string, string> = { a: '10', b: '250', c: '999999999999999999', d: '0', e: '42' };
  const SEGMENT: Record<string, string> = { a: 'SMB', b: 'SMB', c: 'Enterprise', d: '', e: 'Enterprise' };
  const build = (rows: { customer: string | null; source: string; month: number; mergeInto: number | null }[]) => {
    const facts: EvidenceFact[] = [];
    rows.forEach((r, i) => {
      const target = r.mergeInto !== null && r.mergeInto < i ? facts[r.mergeInto]! : null;
      facts.push(
        fact({
          customerId: r.customer,
          customerName: r.customer,
          segment: r.customer ? SEGMENT[r.customer]! : null,
          arr: r.customer ? ARR[r.customer]! : null,
          source: r.source,
          mergedIntoId: target ? (target.mergedIntoId ?? target.feedbackId) : null,
          capturedAt: new Date(Date.UTC(2023, r.month, 15)),
        }),
      );
    });
    return facts;
  };

  it('property: the segment breakdown adds up to the totals', () => {
    fc.assert(
      fc.property(arbFacts, (rows) => {
        const facts = build(rows);
        const totals = evidenceTotals(facts);
        const segments = rollUpBySegment(facts);
        expect(segments.reduce((s, x) => s + BigInt(x.arr), 0n).toString()).toBe(totals.arr);
        expect(segments.reduce((s, x) => s + x.customerCount, 0)).toBe(totals.customerCount);
        expect(rollUpTrend(facts).reduce((s, x) => s + x.feedbackCount, 0)).toBe(totals.feedbackCount);
        for (const src of rollUpBySource(facts)) expect(src.feedbackCount).toBeLessThanOrEqual(totals.feedbackCount);
      }),
    );
  });

  it('property: the totals do not depend on row order', () => {
    fc.assert(
      fc.property(arbFacts, (rows) => {
        const facts = build(rows);
        const reversed = [...facts].reverse();
        expect(evidenceTotals(reversed)).toEqual(evidenceTotals(facts));
        expect(rollUpBySegment(reversed)).toEqual(rollUpBySegment(facts));
        expect(rollUpTrend(reversed)).toEqual(rollUpTrend(facts));
      }),
    );
  });
});
