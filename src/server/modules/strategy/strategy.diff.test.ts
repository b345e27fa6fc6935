import { describe, expect, it } from 'vitest';
import { diffPillars, diffSnapshots, diffText, sameTexts, type StrategySnapshot } from './strategy.diff.js';

const pillar = (id: string, over: Partial<{ name: string; description: string; targetShare: number; status: string }> = {}) => ({
  id,
  name: `Pillar ${id}`,
  description: 'Make it easy',
  targetShare: 30,
  status: 'active',
  ...over,
});
const ID_A = '00000000-0000-4000-8000-00000000000a';
const ID_B = '00000000-0000-4000-8000-00000000000b';
const ID_C = '00000000-0000-4000-8000-00000000000c';

const inserted = (d: ReturnType<typeof diffText>) => d.parts.filter((p) => p.added).map((p) => p.value);
const deleted = (d: ReturnType<typeof diffText>) => d.parts.filter((p) => p.removed).map((p) => p.value);
const newer = (d: ReturnType<typeof diffText>) => d.parts.filter((p) => !p.removed).map((p) => p.value).join('');
const older = (d: ReturnType<typeof diffText>) => d.parts.filter((p) => !p.added).map((p) => p.value).join('');

describe('diffText', () => {
  it('reports identical texts as unchanged, in one part', () => {
    expect(diffText('Win the mid-market', 'Win the mid-market')).toEqual({ changed: false, parts: [{ value: 'Win the mid-market' }] });
    expect(diffText('', '')).toEqual({ changed: false, parts: [] });
  });

  it('marks inserted words, keeping the rest unchanged', () => {
    const d = diffText('Win the mid-market', 'Win the European mid-market');
    expect(d.changed).toBe(true);
    expect(inserted(d).join('')).toContain('European');
    expect(deleted(d)).toEqual([]);
    expect(newer(d)).toBe('Win the European mid-market');
    expect(older(d)).toBe('Win the mid-market');
  });

  it('marks removed words', () => {
    const d = diffText('Fast, simple and cheap billing', 'Fast and cheap billing');
    expect(inserted(d)).toEqual([]);
    expect(deleted(d).join('')).toContain('simple');
    expect(newer(d)).toBe('Fast and cheap billing');
  });

  it('shows a replaced word as a deletion and an insertion, in order', () => {
    const d = diffText('Serve small teams well', 'Serve large teams well');
    expect(d.parts).toEqual([{ value: 'Serve ' }, { value: 'small', removed: true }, { value: 'large', added: true }, { value: ' teams well' }]);
  });

  it('shows a section added or removed as one insertion or one deletion', () => {
    expect(diffText('', '## Principles\nData over opinions')).toEqual({ changed: true, parts: [{ value: '## Principles\nData over opinions', added: true }] });
    expect(diffText('Gone text', '')).toEqual({ changed: true, parts: [{ value: 'Gone text', removed: true }] });
  });
});

describe('diffPillars', () => {
  it('finds pillars added, removed and changed by id, with the fields that changed', () => {
    const d = diffPillars(
      [pillar(ID_A), pillar(ID_B, { description: 'Fewer clicks for admins' })],
      [pillar(ID_B, { name: 'Simplicity', targetShare: 40, description: 'Fewer clicks for everyone' }), pillar(ID_C)],
    );
    expect(d.added.map((p) => p.id)).toEqual([ID_C]);
    expect(d.removed.map((p) => p.id)).toEqual([ID_A]);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]).toMatchObject({ id: ID_B, name: 'Simplicity', fields: ['name', 'description', 'targetShare'], before: { targetShare: 30 }, after: { targetShare: 40 } });
    expect(inserted(d.changed[0]!.description)).toContain('everyone');
    expect(deleted(d.changed[0]!.description)).toContain('admins');
  });

  it('reports nothing for the same pillars', () => {
    expect(diffPillars([pillar(ID_A)], [pillar(ID_A)])).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe('diffSnapshots', () => {
  const base: StrategySnapshot = { sections: { vision: 'Be the billing tool of Europe', problems: 'Invoices are slow' }, stories: { short: 'We make billing boring.' }, pillars: [pillar(ID_A)] };

  it('is unchanged for the same snapshot, even with missing keys standing for empty texts', () => {
    const d = diffSnapshots(base, { ...base, sections: { ...base.sections, customers: '' } });
    expect(d.changed).toBe(false);
    expect(Object.keys(d.sections)).toEqual(['vision', 'customers', 'problems', 'nonProblems', 'principles']);
    expect(Object.keys(d.stories)).toEqual(['short', 'medium', 'long']);
  });

  it('diffs each section and story on its own, and notices a change of pillars alone', () => {
    const d = diffSnapshots(base, { sections: { vision: 'Be the billing tool of Europe and the UK', principles: 'Boring is good' }, stories: { short: 'We make billing boring.', long: 'Long talk' }, pillars: [pillar(ID_A)] });
    expect(d.changed).toBe(true);
    expect(inserted(d.sections.vision).join('')).toContain('the UK');
    expect(d.sections.problems).toEqual({ changed: true, parts: [{ value: 'Invoices are slow', removed: true }] });
    expect(d.sections.principles).toEqual({ changed: true, parts: [{ value: 'Boring is good', added: true }] });
    expect(d.sections.customers.changed).toBe(false);
    expect(d.stories.short.changed).toBe(false);
    expect(d.stories.long.changed).toBe(true);

    const pillarsOnly = diffSnapshots(base, { ...base, pillars: [pillar(ID_A, { status: 'retired' })] });
    expect(pillarsOnly.changed).toBe(true);
    expect(pillarsOnly.pillars.changed[0]!.fields).toEqual(['status']);
  });

  it('compares texts for dirtiness, ignoring missing keys', () => {
    expect(sameTexts(base, { sections: { ...base.sections, nonProblems: '' }, stories: { ...base.stories } })).toBe(true);
    expect(sameTexts(base, { sections: { ...base.sections, vision: 'Other' }, stories: base.stories })).toBe(false);
    expect(sameTexts(base, { sections: base.sections, stories: { medium: 'New' , short: 'We make billing boring.' } })).toBe(false);
  });
});
