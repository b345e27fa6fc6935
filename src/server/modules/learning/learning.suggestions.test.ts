import { describe, expect, it } from 'vitest';
import { adviseGap, competencyKind } from './learning.suggestions.js';

const scale = { min: 1, max: 5 };

describe('learning suggestions', () => {
  it('tells techniques from judgement, by key or by name', () => {
    expect(competencyKind({ key: 'interviewing-users', name: 'Interviewing users' })).toBe('practice');
    expect(competencyKind({ key: 'pricing', name: 'Pricing' })).toBe('practice');
    expect(competencyKind({ key: 'saying-no', name: 'Saying no' })).toBe('judgement');
    expect(competencyKind({ key: 'custom-1', name: 'Influencing executives' })).toBe('judgement');
  });

  it('suggests a targeted book or course for a wide gap in a technique, articles and a community for a narrow one', () => {
    const wide = adviseGap({ key: 'pricing', name: 'Pricing', gap: 2 }, scale, []);
    expect(wide).toMatchObject({ kind: 'practice', suggestedTypes: ['book', 'course'] });
    expect(wide.why).toMatch(/just in time/);
    expect(adviseGap({ key: 'pricing', name: 'Pricing', gap: 1 }, scale, []).suggestedTypes).toEqual(['article', 'community']);
    // On a 1-10 scale a gap of 2 is narrow.
    expect(adviseGap({ key: 'data', name: 'Data', gap: 2 }, { min: 1, max: 10 }, []).suggestedTypes).toEqual(['article', 'community']);
  });

  it('turns to people once the technique was studied, and for judgement', () => {
    const studied = adviseGap({ key: 'pricing', name: 'Pricing', gap: 3 }, scale, [{ resource: 'Monetizing Innovation', type: 'book' }]);
    expect(studied.suggestedTypes[0]).toBe('mentor');
    expect(studied.why).toContain('Monetizing Innovation');
    const judgement = adviseGap({ key: 'vision-strategy', name: 'Vision and strategy', gap: 2 }, scale, []);
    expect(judgement).toMatchObject({ kind: 'judgement', suggestedTypes: ['mentor', 'community', 'conference'] });
    expect(adviseGap({ key: 'vision-strategy', name: 'Vision and strategy', gap: 1 }, scale, []).suggestedTypes[0]).toBe('community');
  });
});
