import { describe, expect, it } from 'vitest';
import { FRAMEWORK_KEYS, PRODUCT_LEAD_COMPETENCIES, SIGNAL_KEYS } from '../../../shared/coaching.js';
import { DEFAULT_LEVELS, levelsOfTrack } from '../ladders/ladders.catalog.js';
import { FRAMEWORK_CATALOG, expectationsByLevel } from './frameworks.catalog.js';

describe('framework catalog', () => {
  it('holds the four frameworks with 11, 13, 12 and 8 competencies, the default one in key order', () => {
    expect(FRAMEWORK_CATALOG.map((f) => f.key)).toEqual([...FRAMEWORK_KEYS]);
    expect(FRAMEWORK_CATALOG.map((f) => f.competencies.length)).toEqual([11, 13, 12, 8]);
    expect(FRAMEWORK_CATALOG[0]!.competencies.map((c) => c.key)).toEqual([...PRODUCT_LEAD_COMPETENCIES]);
    expect(new Set(FRAMEWORK_CATALOG[1]!.competencies.map((c) => c.area))).toEqual(new Set(['Product knowledge', 'Process', 'People']));
    expect(new Set(FRAMEWORK_CATALOG[2]!.competencies.map((c) => c.area)).size).toBe(4);
    expect(FRAMEWORK_CATALOG[1]!.ratesImportance).toBe(true);
    expect([FRAMEWORK_CATALOG[1]!.scaleMin, FRAMEWORK_CATALOG[1]!.scaleMax]).toEqual([1, 10]);
  });

  it('gives every scale one label per point and every competency 3-5 descriptors, unique keys', () => {
    for (const f of FRAMEWORK_CATALOG) {
      expect(f.scaleLabels, f.key).toHaveLength(f.scaleMax - f.scaleMin + 1);
      expect(new Set(f.competencies.map((c) => c.key)).size, f.key).toBe(f.competencies.length);
      for (const c of f.competencies) {
        expect(c.descriptors.length, `${f.key}/${c.key}`).toBeGreaterThanOrEqual(3);
        expect(c.descriptors.length, `${f.key}/${c.key}`).toBeLessThanOrEqual(5);
        expect(c.description.length, `${f.key}/${c.key}`).toBeGreaterThan(40);
      }
    }
  });

  it('asks open questions: at least 10 per default competency and 3 per other, each ending in "?", tagged with known signals', () => {
    const signals = new Set<string>(SIGNAL_KEYS);
    const texts = new Set<string>();
    for (const f of FRAMEWORK_CATALOG) {
      for (const c of f.competencies) {
        expect(c.questions.length, `${f.key}/${c.key}`).toBeGreaterThanOrEqual(f.key === 'product-lead' ? 10 : 3);
        for (const q of c.questions) {
          expect(q.text.endsWith('?'), q.text).toBe(true);
          // Closed yes/no openings make the PM answer rather than reason.
          expect(/^(Do|Does|Did|Is|Are|Can|Could|Should|Will|Have|Has) /.test(q.text), q.text).toBe(false);
          for (const s of q.signals ?? []) expect(signals.has(s), `${q.text}: ${s}`).toBe(true);
          expect(texts.has(`${f.key}:${q.text}`), `duplicate: ${q.text}`).toBe(false);
          texts.add(`${f.key}:${q.text}`);
        }
      }
    }
    const interviewing = FRAMEWORK_CATALOG[0]!.competencies.find((c) => c.key === 'interviewing-users')!;
    expect(interviewing.questions).toContainEqual({ text: 'What do you know about why these customers asked for this, and how did you learn it?', signals: ['interviews'] });
    // Every signal is probed by some default-framework question, so a weak signal always has questions to surface.
    const probed = new Set(FRAMEWORK_CATALOG[0]!.competencies.flatMap((c) => c.questions.flatMap((q) => q.signals ?? [])));
    for (const s of SIGNAL_KEYS) expect(probed.has(s), s).toBe(true);
  });
});

describe('level expectations', () => {
  const tracks = {
    ic: [...levelsOfTrack('shared'), ...levelsOfTrack('ic')],
    management: [...levelsOfTrack('shared'), ...levelsOfTrack('management')],
  };

  it('places the ten levels on a shared trunk that splits into IC and management', () => {
    expect(DEFAULT_LEVELS).toHaveLength(10);
    expect(tracks.ic.map((l) => l.key)).toEqual(['associate-pm', 'junior-pm', 'product-manager', 'senior-pm', 'product-lead', 'group-pm', 'principal-pm']);
    expect(tracks.management.map((l) => l.key)).toEqual(['associate-pm', 'junior-pm', 'product-manager', 'senior-pm', 'product-director', 'vp-product', 'cpo']);
    for (const t of Object.values(tracks)) for (let i = 1; i < t.length; i++) expect(t[i]!.rank).toBeGreaterThan(t[i - 1]!.rank);
    const bands = DEFAULT_LEVELS.filter((l) => l.salary);
    expect(bands.map((l) => [l.key, l.salary!.min, l.salary!.mid, l.salary!.max])).toEqual([['product-lead', 67_000, 119_803, 213_000]]);
  });

  it('rises (never falls) with rank within each track and stays within each scale', () => {
    for (const f of FRAMEWORK_CATALOG) {
      for (const c of f.competencies) {
        const byLevel = expectationsByLevel(c);
        expect(byLevel.size, `${f.key}/${c.key}`).toBe(10);
        for (const v of byLevel.values()) {
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(f.scaleMin);
          expect(v).toBeLessThanOrEqual(f.scaleMax);
        }
        for (const [track, levels] of Object.entries(tracks)) {
          const values = levels.map((l) => byLevel.get(l.key)!);
          for (let i = 1; i < values.length; i++) expect(values[i], `${f.key}/${c.key} ${track} at ${levels[i]!.key}`).toBeGreaterThanOrEqual(values[i - 1]!);
        }
        // Nobody at the entry level is expected to have mastered anything.
        expect(byLevel.get('associate-pm')!).toBeLessThan(f.scaleMax);
      }
    }
  });

  it('is not a flat formula: a product lead out-coaches a senior PM, and levels differ across competencies', () => {
    const pl = FRAMEWORK_CATALOG[0]!;
    const at = (key: string) => expectationsByLevel(pl.competencies.find((c) => c.key === key)!);
    expect(at('coaching-mentoring').get('product-lead')!).toBeGreaterThan(at('coaching-mentoring').get('senior-pm')!);
    expect(at('vision-strategy').get('product-lead')!).toBeGreaterThan(at('vision-strategy').get('senior-pm')!);
    const seniorRow = pl.competencies.map((c) => expectationsByLevel(c).get('senior-pm'));
    expect(new Set(seniorRow).size).toBeGreaterThan(1);
  });
});
