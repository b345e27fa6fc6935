import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agglomerate, clusterVectors, cut, linkage, stopAt } from './cluster.js';
import { labelFor } from './label.js';
import { lsa, symmetricEigen } from './lsa.js';
import { analyse, similarityScore } from './similarity.js';
import { porterStem } from './stem.js';
import { centroid, cosine, DocumentFrequency, Vectorizer } from './tfidf.js';
import { findThemes, lsaDims, MAX_DIMS, THEME_OPTIONS, themeOptionsFor } from './themes.js';
import { LSH_TIERS, lshColumn, lshKeys, minHash, sharedBands } from './lsh.js';
import { stems, tokenize } from './tokenize.js';
import { trigrams, trigramSimilarity } from './trigram.js';

describe('porter stemmer', () => {
  it('stems as the reference implementation does', () => {
    const cases: Record<string, string> = {
      caresses: 'caress', ponies: 'poni', cats: 'cat', agreed: 'agre', plastered: 'plaster', motoring: 'motor', sing: 'sing',
      hopping: 'hop', hoping: 'hope', happy: 'happi', relational: 'relat', conditional: 'condit', generalization: 'gener',
      running: 'run', exports: 'export', exporting: 'export', notifications: 'notif', crashes: 'crash', slowly: 'slowli', yield: 'yield', is: 'is',
    };
    for (const [word, stem] of Object.entries(cases)) expect(porterStem(word), word).toBe(stem);
  });
});

describe('tokenize', () => {
  it('lower-cases, drops stop words and numbers, folds synonyms and stems', () => {
    expect(stems('The app is SLUGGISH and crashes 3 times a day!')).toEqual(['app', 'slow', 'crash']);
    expect(stems('Pricing too expensive')).toEqual(['price', 'price']);
    expect(tokenize("Customer's exports")).toEqual([{ stem: 'export', surface: 'exports' }]);
  });
});

describe('tf-idf and similarity', () => {
  const df = DocumentFrequency.fromDocuments(['csv export broken', 'dark mode please', 'export to csv', 'search slow']);
  const v = new Vectorizer(df);

  it('gives rare words more weight and normalises vectors', () => {
    expect(df.idf('dark')).toBeGreaterThan(df.idf('export'));
    const a = v.vectorize('csv export');
    expect(cosine(a, a)).toBeCloseTo(1, 10);
    expect(cosine(a, v.vectorize('exporting CSV files'))).toBeGreaterThan(0.5);
    expect(cosine(a, v.vectorize('dark mode'))).toBe(0);
    expect(cosine(centroid([a, a]), a)).toBeCloseTo(1, 10);
  });

  it('computes trigram similarity like pg_trgm', () => {
    expect([...trigrams('Cat')].sort()).toEqual(['  c', ' ca', 'at ', 'cat']);
    expect(trigramSimilarity(trigrams('word'), trigrams('word'))).toBe(1);
    expect(trigramSimilarity(trigrams('word'), trigrams('two words'))).toBeCloseTo(4 / 11, 5); // pg_trgm's documented example: 0.363636
    expect(trigramSimilarity(new Set(), trigrams('x'))).toBe(0);
  });

  it('scores restatements above different requests', () => {
    const a = analyse('Please add a dark mode to the web app', v);
    const b = analyse('please add dark mode to the web app!', v);
    const c = analyse('CSV export is broken', v);
    expect(similarityScore(a, b)).toBeGreaterThan(0.8);
    expect(similarityScore(a, c)).toBeLessThan(0.2);
  });
});

describe('clustering', () => {
  const texts = ['csv export', 'export csv file', 'csv export broken', 'dark mode', 'dark mode please', 'dark theme mode', 'unrelated banana'];
  const df = DocumentFrequency.fromDocuments(texts);
  const v = new Vectorizer(df);
  const vectors = texts.map((t) => v.vectorize(t));

  it('merges by average linkage down to the threshold and no further', () => {
    const groups = agglomerate(vectors, 0.2).map((g) => [...g].sort((a, b) => a - b));
    expect(groups).toEqual(expect.arrayContaining([[0, 1, 2], [3, 4, 5], [6]]));
    expect(agglomerate(vectors, 1.01)).toHaveLength(7);
    expect(agglomerate([], 0.5)).toEqual([]);
  });

  it('keeps themes of at least minSize and sets the rest aside', () => {
    const result = clusterVectors(vectors, { z: 0, threshold: 0.2, minSize: 3, attach: 0.1 });
    expect(result.clusters).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(result.unclustered).toEqual([6]);
    // Nothing reaches minSize: no theme at all, not seven singletons.
    expect(clusterVectors(vectors, { z: 0, threshold: 0.99, minSize: 3, attach: 0.99 }).clusters).toEqual([]);
  });

  it('labels a theme by its distinctive words and quotes its most central texts', () => {
    expect(labelFor(texts.slice(3, 6).map(tokenize), df)).toMatch(/^(dark · mode|mode · dark)/);
    const { themes, unclustered } = findThemes(texts.map((text, i) => ({ id: `f${i}`, text })), { dims: 0, dimsPerRoot: 0, z: 0, threshold: 0.2, minSize: 3, attach: 0.1 });
    expect(themes.map((t) => t.ids)).toEqual([['f0', 'f1', 'f2'], ['f3', 'f4', 'f5']]);
    expect(themes[0]!.label).toContain('csv');
    expect(themes[0]!.quotes).toHaveLength(3);
    expect(unclustered).toEqual(['f6']);
  });
});

describe('relative stopping rule', () => {
  const texts = ['csv export', 'export csv file', 'csv export broken', 'dark mode', 'dark mode please', 'dark theme mode', 'unrelated banana'];
  const v = new Vectorizer(DocumentFrequency.fromDocuments(texts));
  const vectors = texts.map((t) => v.vectorize(t));

  it('sorts the dendrogram by similarity and cuts it at any count', () => {
    const tree = linkage(vectors);
    expect(tree.merges).toHaveLength(texts.length - 1);
    expect(tree.merges.map((m) => m.sim)).toEqual([...tree.merges.map((m) => m.sim)].sort((a, b) => b - a));
    expect(cut(texts.length, tree.merges, 0)).toHaveLength(7);
    expect(cut(texts.length, tree.merges, 6)).toHaveLength(1);
    expect(linkage([]).merges).toEqual([]);
  });

  it('stops at mean + z·sd of the pairwise similarities unless a threshold is given', () => {
    const tree = linkage(vectors);
    const sims = vectors.flatMap((a, i) => vectors.slice(i + 1).map((b) => cosine(a, b)));
    const mean = sims.reduce((s, x) => s + x, 0) / sims.length;
    const sd = Math.sqrt(sims.reduce((s, x) => s + (x - mean) ** 2, 0) / sims.length);
    expect(stopAt(tree, { z: 1 })).toBeCloseTo(mean + sd, 5);
    expect(stopAt(tree, { z: 1, threshold: 0.3 })).toBe(0.3);
    expect(stopAt(tree, { z: 1, ceiling: 0.01 })).toBe(0.01);
    // The rule finds the two themes without a hand-set threshold.
    expect(clusterVectors(vectors, { z: 0.5, minSize: 3, attach: 0.1 }, tree).clusters).toEqual([[0, 1, 2], [3, 4, 5]]);
  });
});

describe('latent semantic analysis', () => {
  it('decomposes a symmetric matrix', () => {
    const m = Float64Array.from([4, 1, 2, 1, 3, 0, 2, 0, 5]);
    const { values, vectors } = symmetricEigen(m, 3);
    for (let e = 0; e < 3; e++)
      for (let i = 0; i < 3; i++) {
        let s = 0;
        for (let j = 0; j < 3; j++) s += m[i * 3 + j]! * vectors[j * 3 + e]!;
        expect(s).toBeCloseTo(values[e]! * vectors[i * 3 + e]!, 9);
      }
  });

  const texts = ['invoice pdf download', 'receipt pdf download', 'invoice receipt pdf', 'dark mode theme', 'dark theme colours', 'mode colours dark'];
  const v = new Vectorizer(DocumentFrequency.fromDocuments(texts));
  const vectors = texts.map((t) => v.vectorize(t));

  it('keeps every cosine when the dimensions cover the rank, and is deterministic', () => {
    const full = lsa(vectors, 10);
    for (let i = 0; i < texts.length; i++) for (let j = 0; j < texts.length; j++) expect(cosine(full[i]!, full[j]!)).toBeCloseTo(cosine(vectors[i]!, vectors[j]!), 6);
    expect(lsa(vectors, 2)).toEqual(lsa(vectors, 2));
  });

  it('brings together documents that share co-occurring words, not the words themselves', () => {
    const reduced = lsa(vectors, 2);
    expect(reduced[0]!.weights).toHaveLength(2);
    expect(cosine(vectors[0]!, vectors[4]!)).toBe(0);
    expect(cosine(reduced[0]!, reduced[1]!)).toBeGreaterThan(0.9);
    expect(cosine(reduced[0]!, reduced[4]!)).toBeLessThan(0.2);
  });

  it('grows the dimensions with the corpus, within bounds', () => {
    expect(lsaDims(50, THEME_OPTIONS)).toBe(THEME_OPTIONS.dims);
    expect(lsaDims(400, THEME_OPTIONS)).toBe(Math.round(THEME_OPTIONS.dimsPerRoot * 20));
    expect(lsaDims(1_000_000, THEME_OPTIONS)).toBe(MAX_DIMS);
    expect(lsaDims(1000, { dims: 0, dimsPerRoot: 2 })).toBe(0);
  });

  it('keeps a handful of items on one subject together (the ceiling of the relative rule)', () => {
    const docs = ['Checkout fails when the card is declined', 'card declined at checkout, payment failed', 'payment fails at checkout with my card'];
    expect(findThemes(docs.map((text, i) => ({ id: `c${i}`, text }))).themes.map((t) => t.ids)).toHaveLength(1);
    expect(findThemes(docs.map((text, i) => ({ id: `c${i}`, text })), { ...THEME_OPTIONS, ceiling: undefined }).themes).toHaveLength(0);
  });

  it('finds themes with the default settings', () => {
    const docs = [...texts, 'download invoice as pdf', 'dark mode at night'].map((text, i) => ({ id: `f${i}`, text }));
    const { themes } = findThemes(docs);
    expect(themes.map((t) => [...t.ids].sort())).toEqual([['f0', 'f1', 'f2', 'f6'], ['f3', 'f4', 'f5', 'f7']]);
  });
});

describe('themes in a small inbox', () => {
  it('lets two items about the same problem make a theme when there are few items', () => {
    const docs = [
      { id: 'a', text: "Route plans ignore the customer's delivery window, so drivers arrive too early" },
      { id: 'b', text: 'Drivers say the app empties their phone battery by noon' },
      { id: 'c', text: 'Please add an export of invoices to our accounting system' },
      { id: 'd', text: 'Our drivers phones run out of battery before lunch because of the app' },
    ];
    expect(findThemes(docs).themes).toEqual([]);
    const { themes, unclustered } = findThemes(docs, themeOptionsFor(docs.length));
    expect(themes.map((t) => [...t.ids].sort())).toEqual([['b', 'd']]);
    expect(themes[0]!.label).toMatch(/battery/i);
    expect(unclustered.sort()).toEqual(['a', 'c']);
  });
});

describe('locality-sensitive hash keys', () => {
  const WS = '0b7e3c55-1f1e-4c1e-9a43-6a1bd7c1a001';
  it('are deterministic, per workspace, and empty for a text without words', () => {
    const text = 'Checkout fails with payment declined for valid Visa cards.';
    expect(lshColumn(text, WS)).toEqual(lshColumn(text, WS));
    expect(lshColumn(text, WS)).toHaveLength(LSH_TIERS.reduce((n, t) => n + t.bands, 0));
    expect(lshColumn(text, WS).every((k) => Number.isInteger(k) && k >= -(2 ** 31) && k < 2 ** 31)).toBe(true);
    expect(sharedBands(lshColumn(text, WS), lshColumn(text, '0b7e3c55-1f1e-4c1e-9a43-6a1bd7c1a002'))).toBe(0);
    expect(lshColumn('the and of', WS)).toEqual([]);
  });

  it('put restatements in a common strict band and unrelated texts in none', () => {
    const a = lshKeys('Checkout fails with payment declined for valid Visa cards.', WS);
    const b = lshKeys('checkout fails: payment declined for valid visa cards!', WS);
    const c = lshKeys('Please add a dark mode to the dashboard for night shifts.', WS);
    expect(sharedBands(a.strict, b.strict)).toBe(a.strict.length);
    expect(sharedBands(a.loose, c.loose)).toBe(0);
    expect(sharedBands(a.strict, c.strict)).toBe(0);
  });

  it('agree on about as many minima as the sets overlap (property: the MinHash estimate of Jaccard)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{4,9}$/), { minLength: 10, maxLength: 10 }), fc.uniqueArray(fc.stringMatching(/^[a-z]{4,9}$/), { minLength: 40, maxLength: 40 }), (extra, words) => {
        // Two 40-word sets sharing 36 words: Jaccard 36/44 ≈ 0.82.
        const base = words.slice(0, 36);
        const x = minHash(new Set([...base, ...words.slice(36, 40)]));
        const y = minHash(new Set([...base, ...extra.slice(0, 4).map((w) => `${w}zz`)]));
        const equal = x.filter((v, i) => v === y[i]).length;
        // The share of equal minima estimates Jaccard (80 functions: standard error ≈ 0.04).
        return Math.abs(equal / x.length - 36 / 44) < 0.2;
      }),
      { numRuns: 50, seed: 7 },
    );
  });
});
