/**
 * The tuning grid of the quality bench, computed on the tune half ONLY: on the whole half and on two
 * seeded subsamples of it (50 % and 75 %), so settings are chosen for robustness to corpus size without
 * looking at the holdout half or at the whole set.
 */
import { linkage, clusterVectors, type Dendrogram } from '../../src/server/modules/insights/text/cluster.js';
import { lsa } from '../../src/server/modules/insights/text/lsa.js';
import { DocumentFrequency, Vectorizer, type SparseVector } from '../../src/server/modules/insights/text/tfidf.js';
import { lsaDims, type ThemeOptions } from '../../src/server/modules/insights/text/themes.js';
import { tokenize } from '../../src/server/modules/insights/text/tokenize.js';
import type { LabelledItem } from './dataset.js';
import { clusterScores, pairScores } from './metrics.js';

const round = (x: number) => Math.round(x * 1000) / 1000;

/** A deterministic subsample keeping about `share` of the items. */
export function subsample(items: LabelledItem[], share: number): LabelledItem[] {
  return items.filter((_, i) => ((i * 7919) % 100) / 100 < share);
}

interface Prepared {
  items: LabelledItem[];
  vectors: SparseVector[];
  tree: Dendrogram;
}

function prepare(items: LabelledItem[], dims: number): Prepared {
  const tokens = items.map((i) => tokenize(i.text));
  const vectorizer = new Vectorizer(DocumentFrequency.fromDocuments(tokens));
  const tfidf = tokens.map((t) => vectorizer.vectorize(t));
  const vectors = dims ? lsa(tfidf, dims) : tfidf;
  return { items, vectors, tree: linkage(vectors) };
}

function score(p: Prepared, options: ThemeOptions) {
  const { clusters, unclustered } = clusterVectors(p.vectors, options, p.tree);
  const ids = (g: number[]) => g.map((i) => p.items[i]!.id);
  return clusterScores(clusters.map(ids), ids(unclustered), new Map(p.items.map((i) => [i.id, i.theme])));
}

/** Prints the best settings by mean F over the tune half and its subsamples (clusters ≤ 2 × themes in each). */
export function sweepThemes(tune: LabelledItem[], top = 25): void {
  const sets = [subsample(tune, 0.5), subsample(tune, 0.75), tune];
  console.log(`\nTheme grid (tune half only, sizes ${sets.map((s) => s.length).join(', ')})`);
  const rows: { key: string; f: number; worst: number; detail: string }[] = [];
  const dimsGrid: [number, number][] = [[0, 0], [20, 0], [30, 0], [40, 0], [50, 0], [20, 1.5], [20, 2], [20, 2.5]];
  for (const [dims, dimsPerRoot] of dimsGrid) {
    const prepared = sets.map((s) => prepare(s, lsaDims(s.length, { dims, dimsPerRoot })));
    for (const z of [0.25, 0.5, 0.75, 1, 1.25, 1.5])
      for (const minSize of [3, 4, 5])
        for (const attach of [0, 0.1])
          for (const ceiling of [undefined, 0.3, 0.2]) {
            const options: ThemeOptions = { dims, dimsPerRoot, z, ceiling, minSize, attach };
            const scores = prepared.map((p) => score(p, options));
            if (scores.some((s) => s.clusters > 2 * s.themes)) continue;
            const f = scores.reduce((s, r) => s + r.f, 0) / scores.length;
            rows.push({
              key: JSON.stringify(options),
              f,
              worst: Math.min(...scores.map((s) => s.f)),
              detail: scores.map((s) => `F ${round(s.f)} c ${s.clusters} u ${s.unclustered}`).join(' | '),
            });
          }
  }
  rows.sort((a, b) => b.f - a.f || b.worst - a.worst);
  // Settings that change nothing tie with the simplest one, listed first: show that one only.
  const seen = new Set<string>();
  const distinct = rows.filter((r) => (seen.has(r.detail) ? false : (seen.add(r.detail), true)));
  for (const r of distinct.slice(0, top)) console.log(`  mean F ${round(r.f)} worst ${round(r.worst)}  ${r.detail}  ${r.key}`);
}

/** Prints duplicate precision and recall over a range of thresholds. */
export function sweepDuplicates(pairs: { a: string; b: string; score: number }[], labelled: Set<string>): void {
  console.log('\nDuplicate thresholds (tune half only)');
  for (let t = 0.3; t <= 0.75; t += 0.05) {
    const s = pairScores(pairs, labelled, t);
    console.log(`  duplicate threshold ${t.toFixed(2)}: precision ${round(s.precision)} recall ${round(s.recall)} (${s.truePositives}/${s.predicted} predicted, ${s.labelled} labelled)`);
  }
}
