import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PrioritizationFrameworkInput, type TypedScoreInputs } from '../../../shared/contracts.js';
import { defaultFrameworks, toScoringFramework } from './prioritization.defaults.js';
import { computeScore, describeFormula, formatNumber, roundScore, scoreValue, usesRollups, type FeatureFacts, type ScoringFramework } from './prioritization.scoring.js';

const noEvidence = { evidenceCount: 0, customerCount: 0, arr: 0 };
const facts = (inputs: TypedScoreInputs, p: Partial<FeatureFacts> = {}): FeatureFacts => ({ effort: null, inputs, rollup: noEvidence, ...p });

const rice: ScoringFramework = { kind: 'rice', name: 'RICE', config: { bindings: { effort: { source: 'effort' } } } };
const ice: ScoringFramework = { kind: 'ice', name: 'ICE', config: { bindings: {} } };
const wsjf: ScoringFramework = { kind: 'wsjf', name: 'WSJF', config: { bindings: { jobSize: { source: 'effort' } } } };
const valueEffort: ScoringFramework = { kind: 'value_effort', name: 'Value / effort', config: { bindings: {} } };
const weighted: ScoringFramework = {
  kind: 'weighted',
  name: 'Scorecard',
  config: {
    criteria: [
      { key: 'customerArr', name: 'customer ARR', weight: 2, binding: { source: 'rollup', rollup: 'arr', scale: 'log' } },
      { key: 'fit', name: 'strategic fit', weight: 1, binding: { source: 'manual' } },
      { key: 'asks', name: 'asks', weight: 1, binding: { source: 'rollup', rollup: 'customerCount', scale: 'linear' } },
    ],
  },
};

describe('scoring formulas', () => {
  it('RICE = reach × impact × confidence ÷ effort, explained with the values', () => {
    const r = computeScore(rice, facts({ rice: { reach: 800, impact: 2, confidence: 0.8 } }, { effort: 4 }));
    expect(r.score).toBe(320);
    expect(r.explanation).toBe('RICE = reach 800 × impact 2 × confidence 0.8 ÷ effort 4 = 320');
    expect(r.missing).toEqual([]);
    expect(r.factors.map((f) => [f.key, f.source, f.value, f.editable])).toEqual([
      ['reach', 'manual', 800, true],
      ['impact', 'manual', 2, true],
      ['confidence', 'manual', 0.8, true],
      ['effort', 'effort', 4, false],
    ]);
  });

  it('uses the typed effort when effort is bound to the estimate but the feature has none', () => {
    const r = computeScore(rice, facts({ rice: { reach: 100, impact: 1, confidence: 1, effort: 5 } }));
    expect(r.score).toBe(20);
    expect(r.factors[3]).toMatchObject({ source: 'effort', value: 5, editable: true });
  });

  it('prefers the feature estimate over the typed effort when both exist', () => {
    expect(computeScore(rice, facts({ rice: { reach: 100, impact: 1, confidence: 1, effort: 5 } }, { effort: 10 })).score).toBe(10);
  });

  it('ICE, WSJF and value/effort', () => {
    expect(computeScore(ice, facts({ ice: { impact: 8, confidence: 7, ease: 5 } }))).toMatchObject({ score: 280, explanation: 'ICE = impact 8 × confidence 7 × ease 5 = 280' });
    expect(computeScore(wsjf, facts({ wsjf: { businessValue: 8, timeCriticality: 5, riskReduction: 3 } }, { effort: 5 }))).toMatchObject({
      score: 3.2,
      explanation: 'WSJF = (business value 8 + time criticality 5 + risk reduction / opportunity enablement 3) ÷ job size 5 = 3.2',
    });
    expect(computeScore(valueEffort, facts({ value_effort: { value: 9, effort: 3 } }))).toMatchObject({ score: 3, explanation: 'Value / effort = value 9 ÷ effort 3 = 3' });
  });

  it('weighted scoring normalises the weights and reads roll-ups, log-scaled when asked', () => {
    const r = computeScore(weighted, facts({ weighted: { fit: 4 } }, { rollup: { evidenceCount: 5, customerCount: 3, arr: 99_999 } }));
    // (2 × log10(100000) + 1 × 4 + 1 × 3) / 4 = (10 + 7) / 4
    expect(r.score).toBe(4.25);
    expect(r.explanation).toBe('Scorecard = 0.5 × customer ARR 5 (log₁₀(1 + ARR 99999)) + 0.25 × strategic fit 4 + 0.25 × asks 3 (customers) = 4.25');
    expect(r.factors.map((f) => f.weight)).toEqual([0.5, 0.25, 0.25]);
  });

  it('gives a null score naming every missing input', () => {
    const r = computeScore(rice, facts({ rice: { confidence: 0.5 } }));
    expect(r.score).toBeNull();
    expect(r.missing).toEqual(['reach', 'impact', 'effort']);
    expect(r.explanation).toBe('RICE = reach ? × impact ? × confidence 0.5 ÷ effort ? — missing reach, impact, effort');
    expect(computeScore(weighted, facts({})).missing).toEqual(['strategic fit']);
  });

  it('refuses a zero divisor instead of dividing by it', () => {
    const r = computeScore(valueEffort, facts({ value_effort: { value: 3, effort: 0 } }));
    expect(r).toMatchObject({ score: null, missing: ['effort'], explanation: 'Value / effort = value 3 ÷ effort 0 — effort must be above 0' });
  });

  it('reads no float noise into scores or text', () => {
    const r = computeScore(ice, facts({ ice: { impact: 0.1, confidence: 0.2, ease: 3 } }));
    expect(r.score).toBe(0.06);
    expect(r.explanation.endsWith('= 0.06')).toBe(true);
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(roundScore(-0.00001)).toBe(0);
    expect(Object.is(roundScore(-0.00001), -0)).toBe(false);
  });

  it('describes each formula and knows when roll-ups are needed', () => {
    expect(describeFormula(rice)).toBe('reach × impact × confidence ÷ effort');
    expect(describeFormula(weighted)).toBe('0.5 × customer ARR + 0.25 × strategic fit + 0.25 × asks');
    expect(usesRollups(rice)).toBe(false);
    expect(usesRollups(weighted)).toBe(true);
  });

  it('ships default frameworks that validate, with RICE the one default and a weighted ARR criterion', () => {
    const defaults = defaultFrameworks();
    for (const f of defaults) expect(PrioritizationFrameworkInput.safeParse(f).success, f.name).toBe(true);
    expect(defaults.filter((f) => f.isDefault).map((f) => f.kind)).toEqual(['rice']);
    expect(defaults.map((f) => f.kind).sort()).toEqual(['ice', 'rice', 'value_effort', 'weighted', 'wsjf']);
    const w = defaults.find((f) => f.kind === 'weighted')!;
    expect(w.kind === 'weighted' && w.config.criteria).toHaveLength(3);
    expect(usesRollups(toScoringFramework(w))).toBe(true);
  });
});

const value = fc.double({ min: 0, max: 10_000, noNaN: true, noDefaultInfinity: true });
const positive = fc.double({ min: 0.01, max: 10_000, noNaN: true, noDefaultInfinity: true });

describe('scoring properties', () => {
  it('is deterministic, rounded to 4 places, and the explanation ends with the score', () => {
    fc.assert(
      fc.property(value, value, value, positive, (reach, impact, confidence, effort) => {
        const f = facts({ rice: { reach, impact, confidence } }, { effort });
        const a = computeScore(rice, f);
        const b = computeScore(rice, structuredClone(f));
        expect(a).toEqual(b);
        expect(a.score).not.toBeNull();
        expect(roundScore(a.score!)).toBe(a.score);
        expect(a.explanation.endsWith(`= ${formatNumber(a.score!)}`)).toBe(true);
      }),
    );
  });

  it('RICE grows with reach and falls with effort', () => {
    fc.assert(
      fc.property(positive, positive, positive, (reach, extra, effort) => {
        const base = { impact: 1, confidence: 1 };
        const lo = computeScore(rice, facts({ rice: { reach, ...base } }, { effort })).score!;
        const hi = computeScore(rice, facts({ rice: { reach: reach + extra, ...base } }, { effort })).score!;
        const slower = computeScore(rice, facts({ rice: { reach, ...base } }, { effort: effort + extra })).score!;
        expect(hi).toBeGreaterThanOrEqual(lo);
        expect(slower).toBeLessThanOrEqual(lo);
      }),
    );
  });

  it('a weighted score lies between its smallest and largest criterion value', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), value), { minLength: 1, maxLength: 8 }), (rows) => {
        fc.pre(rows.some(([w]) => w > 0));
        const criteria = rows.map(([weight], i) => ({ key: `c${i}`, name: `c${i}`, weight, binding: { source: 'manual' as const } }));
        const inputs = { weighted: Object.fromEntries(rows.map(([, v], i) => [`c${i}`, v])) };
        const r = computeScore({ kind: 'weighted', name: 'W', config: { criteria } }, facts(inputs));
        const used = rows.filter(([w]) => w > 0).map(([, v]) => roundScore(v));
        expect(r.score!).toBeGreaterThanOrEqual(roundScore(Math.min(...used)) - 1e-4);
        expect(r.score!).toBeLessThanOrEqual(roundScore(Math.max(...used)) + 1e-4);
      }),
    );
  });

  it('scaling every weight by a positive constant leaves the weighted score unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 6 }), fc.integer({ min: 2, max: 20 }), (rows, c) => {
        const mk = (m: number) => ({ kind: 'weighted' as const, name: 'W', config: { criteria: rows.map(([w], i) => ({ key: `c${i}`, name: `c${i}`, weight: w * m, binding: { source: 'manual' as const } })) } });
        const inputs = facts({ weighted: Object.fromEntries(rows.map(([, v], i) => [`c${i}`, v])) });
        expect(computeScore(mk(c), inputs).score).toBeCloseTo(computeScore(mk(1), inputs).score!, 3);
      }),
    );
  });

  it('the value-only path used for rescoring always agrees with the explained score', () => {
    const maybe = fc.option(fc.oneof(value, fc.constant(0)), { freq: 4 });
    const binding = fc.oneof(
      fc.constant({ source: 'manual' as const }),
      fc.constant({ source: 'effort' as const }),
      fc.record({ source: fc.constant('rollup' as const), rollup: fc.constantFrom('evidenceCount' as const, 'customerCount' as const, 'arr' as const), scale: fc.constantFrom('linear' as const, 'log' as const) }),
    );
    const fixed = fc.record({
      kind: fc.constantFrom('rice' as const, 'ice' as const, 'wsjf' as const, 'value_effort' as const),
      name: fc.constant('F'),
      config: fc.record({ bindings: fc.dictionary(fc.constantFrom('reach', 'impact', 'confidence', 'effort', 'ease', 'businessValue', 'timeCriticality', 'riskReduction', 'jobSize', 'value'), binding) }),
    });
    const weightedFw = fc.record({
      kind: fc.constant('weighted' as const),
      name: fc.constant('W'),
      config: fc.record({
        criteria: fc.array(fc.record({ key: fc.constantFrom('a', 'b', 'c'), name: fc.constant('c'), weight: fc.integer({ min: 0, max: 5 }), binding }), { minLength: 1, maxLength: 4 }),
      }),
    });
    const inputs = fc.record({
      rice: fc.record({ reach: maybe, impact: maybe, confidence: maybe, effort: maybe }),
      ice: fc.record({ impact: maybe, confidence: maybe, ease: maybe }),
      wsjf: fc.record({ businessValue: maybe, timeCriticality: maybe, riskReduction: maybe, jobSize: maybe }),
      value_effort: fc.record({ value: maybe, effort: maybe }),
      weighted: fc.record({ a: maybe, b: maybe, c: maybe }),
    });
    const clean = (o: Record<string, Record<string, number | null>>): TypedScoreInputs =>
      Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).filter((e): e is [string, number] => e[1] !== null))]));
    fc.assert(
      fc.property(
        fc.oneof(fixed, weightedFw),
        inputs,
        fc.option(value),
        fc.record({ evidenceCount: fc.nat(50), customerCount: fc.nat(20), arr: fc.nat(10_000_000) }),
        (framework, typed, effort, rollup) => {
          const f = facts(clean(typed), { effort, rollup });
          expect(scoreValue(framework as ScoringFramework, f)).toBe(computeScore(framework as ScoringFramework, f).score);
        },
      ),
      { numRuns: 500 },
    );
  });
});
