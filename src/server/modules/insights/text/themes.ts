import { clusterVectors, type ClusterOptions } from './cluster.js';
import { labelFor } from './label.js';
import { lsa } from './lsa.js';
import { cosine, centroid, DocumentFrequency, Vectorizer } from './tfidf.js';
import { tokenize } from './tokenize.js';

export interface ThemeOptions extends ClusterOptions {
  /** Latent semantic dimensions for small corpora (0: cluster the TF-IDF vectors themselves). */
  dims: number;
  /** Dimensions grow as dimsPerRoot·√n for bigger corpora, up to MAX_DIMS. */
  dimsPerRoot: number;
}

/** More dimensions cost time (the SVD is O(n·d²)) and stop helping: LSA's point is to be low-rank. */
export const MAX_DIMS = 100;

/** Clustering settings tuned on the tune half of bench/quality's labelled set (and its subsamples) only. */
export const THEME_OPTIONS: ThemeOptions = { dims: 20, dimsPerRoot: 2, z: 0.5, ceiling: 0.3, minSize: 3, attach: 0 };

/** Below this many items a pair already makes a theme: a small inbox has few repeats to wait for. */
export const SMALL_CORPUS = 40;

/** The options for clustering n items: in a small corpus a pair makes a theme, and only close items join one. */
export function themeOptionsFor(n: number): ThemeOptions {
  return n < SMALL_CORPUS ? { ...THEME_OPTIONS, minSize: 2, attach: 0.3 } : THEME_OPTIONS;
}

/** The LSA dimensions for n documents. */
export function lsaDims(n: number, options: Pick<ThemeOptions, 'dims' | 'dimsPerRoot'>): number {
  if (options.dims <= 0) return 0;
  return Math.min(MAX_DIMS, Math.max(options.dims, Math.round(options.dimsPerRoot * Math.sqrt(n))));
}

export interface ThemeInput {
  id: string;
  text: string;
}

export interface Theme {
  label: string;
  ids: string[];
  /** The texts closest to the theme's centroid, most central first. */
  quotes: string[];
}

/** Groups feedback into labelled themes with representative quotes; IDF comes from the documents themselves. */
export function findThemes(docs: ThemeInput[], options: ThemeOptions = THEME_OPTIONS, quoteCount = 3): { themes: Theme[]; unclustered: string[] } {
  const tokens = docs.map((d) => tokenize(d.text));
  const df = DocumentFrequency.fromDocuments(tokens);
  const vectorizer = new Vectorizer(df);
  const vectors = tokens.map((t) => vectorizer.vectorize(t));
  const dims = lsaDims(docs.length, options);
  // Clusters form in the latent space, where co-occurring words count as shared; quotes and labels use the words.
  const { clusters, unclustered } = clusterVectors(dims ? lsa(vectors, dims) : vectors, options);
  const themes = clusters.map((members) => {
    const center = centroid(members.map((i) => vectors[i]!));
    const seen = new Set<string>();
    const quotes = members
      .map((i) => ({ i, s: cosine(vectors[i]!, center) }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .map(({ i }) => docs[i]!.text.trim())
      .filter((t) => (seen.has(t.toLowerCase()) ? false : (seen.add(t.toLowerCase()), true)))
      .slice(0, quoteCount);
    return { label: labelFor(members.map((i) => tokens[i]!), df), ids: members.map((i) => docs[i]!.id), quotes };
  });
  return { themes, unclustered: unclustered.map((i) => docs[i]!.id) };
}
