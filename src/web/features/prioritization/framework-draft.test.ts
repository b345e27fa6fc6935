import { describe, expect, it } from 'vitest';
import { PrioritizationFrameworkInput, type PrioritizationFramework } from '../../../shared/contracts.js';
import { fromBindingValue, keyFromName, newCriterion, newDraft, toBindingValue, toBody, toDraft, weightShares, type BindingValue } from './framework-draft';

const scorecard: PrioritizationFramework = {
  id: '11111111-1111-4111-8111-111111111111',
  kind: 'weighted',
  name: 'Scorecard',
  enabled: true,
  isDefault: false,
  position: 4,
  formula: '',
  config: {
    criteria: [
      { key: 'customerArr', name: 'customer ARR', weight: 40, binding: { source: 'rollup', rollup: 'arr', scale: 'log' } },
      { key: 'fit', name: 'fit', weight: 60, binding: { source: 'manual' } },
    ],
  },
};
const rice: PrioritizationFramework = {
  id: '22222222-2222-4222-8222-222222222222',
  kind: 'rice',
  name: 'RICE',
  enabled: true,
  isDefault: true,
  position: 0,
  formula: '',
  config: { bindings: { effort: { source: 'effort' } } },
};

describe('framework drafts', () => {
  it('round-trips every binding through its select value', () => {
    const values: BindingValue[] = ['manual', 'effort', 'evidenceCount', 'evidenceCount:log', 'customerCount', 'customerCount:log', 'arr', 'arr:log'];
    for (const v of values) expect(toBindingValue(fromBindingValue(v))).toBe(v);
  });

  it('sends back what it read, keeping ids and criterion keys', () => {
    const body = toBody([toDraft(rice), toDraft(scorecard)]);
    expect(body[0]).toEqual({
      id: rice.id,
      kind: 'rice',
      name: 'RICE',
      enabled: true,
      isDefault: true,
      config: { bindings: { reach: { source: 'manual' }, impact: { source: 'manual' }, confidence: { source: 'manual' }, effort: { source: 'effort' } } },
    });
    expect(body[1]).toMatchObject({ id: scorecard.id, config: scorecard.config });
    for (const f of body) expect(PrioritizationFrameworkInput.safeParse(f).success).toBe(true);
  });

  it('gives new criteria unique keys from their names', () => {
    const d = toDraft(scorecard);
    d.criteria.push(newCriterion('Customer ARR', 10), newCriterion('Customer ARR', 5), newCriterion('42 reasons', 1));
    const body = toBody([d])[0]!;
    expect(body.kind === 'weighted' && body.config.criteria.map((c) => c.key)).toEqual(['customerArr', 'fit', 'customerArr2', 'customerArr3', 'c42Reasons']);
    expect(keyFromName('Über-Strategic fit!', new Set())).toBe('uberStrategicFit');
  });

  it('starts new frameworks valid, with the divisor on the effort estimate', () => {
    expect(newDraft('wsjf', 'W').bindings).toEqual({ businessValue: 'manual', timeCriticality: 'manual', riskReduction: 'manual', jobSize: 'effort' });
    for (const kind of ['rice', 'ice', 'wsjf', 'value_effort', 'weighted'] as const) {
      expect(PrioritizationFrameworkInput.safeParse(toBody([newDraft(kind, 'New')])[0]).success).toBe(true);
    }
  });

  it('previews normalised weights', () => {
    expect(weightShares([newCriterion('a', 40), newCriterion('b', 60), newCriterion('c', '')])).toEqual([0.4, 0.6, 0]);
    expect(weightShares([newCriterion('a', 0)])).toEqual([0]);
  });
});
