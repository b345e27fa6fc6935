import { centroid, cosine, type SparseVector } from './tfidf.js';

export interface ClusterOptions {
  /**
   * The stopping rule, relative to the corpus: merging stops when the best average-linkage cosine drops
   * below mean + z·sd of all pairwise cosines, so it adapts as the corpus (and its IDF) grows.
   */
  z: number;
  /**
   * Merges at least this similar always happen: a handful of items on one subject has a tight, high
   * distribution of similarities, and mean + z·sd would split it (off when unset).
   */
  ceiling?: number;
  /** A fixed similarity to stop at instead of the relative rule (used by tests). */
  threshold?: number;
  /** Smaller groups are not themes: their items are attached to a theme or left unclustered. */
  minSize: number;
  /** A leftover item joins the nearest theme when its cosine to that theme's centroid reaches this. */
  attach: number;
  /** Nearest-centroid refinement passes after the agglomeration (3 when unset). */
  refine?: number;
}

export interface Clustering {
  /** Indexes of the input vectors, largest cluster first. */
  clusters: number[][];
  unclustered: number[];
}

/** One merge of the agglomeration: clusters represented by items a and b joined at this average similarity. */
export interface Merge {
  a: number;
  b: number;
  sim: number;
}

/** A sorted dendrogram and the distribution of the pairwise similarities it was built from. */
export interface Dendrogram {
  merges: Merge[];
  mean: number;
  sd: number;
}

/**
 * The full average-linkage dendrogram by the nearest-neighbour chain algorithm (O(n²) time, n² floats
 * of memory), merges sorted by decreasing similarity. Average linkage is reducible, so applying the
 * merges in that order down to any cut gives exactly the clustering a threshold would.
 */
export function linkage(vectors: SparseVector[]): Dendrogram {
  const n = vectors.length;
  const sim = new Float32Array(n * n);
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = cosine(vectors[i]!, vectors[j]!);
      sim[i * n + j] = s;
      sim[j * n + i] = s;
      sum += s;
      squares += s * s;
    }
  }
  const pairs = (n * (n - 1)) / 2;
  const mean = pairs ? sum / pairs : 0;
  const sd = pairs ? Math.sqrt(Math.max(squares / pairs - mean * mean, 0)) : 0;
  const size = new Int32Array(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const merges: Merge[] = [];
  let remaining = n;
  const chain: number[] = [];
  let next = 0;

  while (remaining > 1) {
    if (chain.length === 0) {
      while (!active[next]) next++;
      chain.push(next);
    }
    const a = chain[chain.length - 1]!;
    const prev = chain.length > 1 ? chain[chain.length - 2]! : -1;
    let best = -1;
    let bestSim = -Infinity;
    const row = a * n;
    for (let k = 0; k < n; k++) {
      if (k === a || !active[k]) continue;
      const s = sim[row + k]!;
      // Ties go to the previous chain element, which guarantees the chain ends in a reciprocal pair.
      if (s > bestSim || (s === bestSim && k === prev)) {
        bestSim = s;
        best = k;
      }
    }
    if (best !== prev) {
      chain.push(best);
      continue;
    }
    // a and prev are reciprocal nearest neighbours: merge prev into a (Lance–Williams, average linkage).
    chain.pop();
    chain.pop();
    const sa = size[a]!;
    const sb = size[prev]!;
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === a || k === prev) continue;
      const s = (sa * sim[row + k]! + sb * sim[prev * n + k]!) / (sa + sb);
      sim[row + k] = s;
      sim[k * n + a] = s;
    }
    size[a] = sa + sb;
    active[prev] = 0;
    remaining--;
    merges.push({ a, b: prev, sim: bestSim });
  }
  const sorted = merges.map((m, order) => ({ m, order })).sort((x, y) => y.m.sim - x.m.sim || x.order - y.order);
  return { merges: sorted.map(({ m }) => m), mean, sd };
}

/** The groups left after applying the first `count` merges of a sorted dendrogram to n items. */
export function cut(n: number, merges: Merge[], count: number): number[][] {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (let i = 0; i < Math.min(count, merges.length); i++) parent[find(merges[i]!.b)] = find(merges[i]!.a);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  return [...groups.values()];
}

/** The groups left after applying every merge at or above a similarity threshold. */
export function cutAt(n: number, merges: Merge[], threshold: number): number[][] {
  let count = 0;
  while (count < merges.length && merges[count]!.sim >= threshold) count++;
  return cut(n, merges, count);
}

/** Average-linkage agglomerative clustering, merging while the best average similarity is at least `threshold`. */
export function agglomerate(vectors: SparseVector[], threshold: number): number[][] {
  return cutAt(vectors.length, linkage(vectors).merges, threshold);
}

/** The similarity the relative stopping rule stops at for a dendrogram. */
export function stopAt(tree: Dendrogram, options: Pick<ClusterOptions, 'z' | 'threshold' | 'ceiling'>): number {
  return options.threshold ?? Math.min(tree.mean + options.z * tree.sd, options.ceiling ?? Infinity);
}

/**
 * Clusters vectors into themes: agglomerate down to the relative stopping rule, keep the groups big
 * enough, then refine by nearest centroid. Pass `tree` to try several options on one dendrogram.
 */
export function clusterVectors(vectors: SparseVector[], options: ClusterOptions, tree: Dendrogram = linkage(vectors)): Clustering {
  const groups = cutAt(vectors.length, tree.merges, stopAt(tree, options));
  return refine(vectors, groups, options.minSize, options.attach, options.refine ?? 3);
}

/** Keeps the groups of at least minSize, then moves items to their nearest group centroid a few times. */
export function refine(vectors: SparseVector[], groups: number[][], minSize: number, attach: number, passes: number): Clustering {
  let kept = groups.filter((g) => g.length >= minSize);
  let unclustered = groups.filter((g) => g.length < minSize).flat();
  // A few k-means passes seeded by the agglomeration: each item moves to its nearest theme centroid,
  // or out of every theme when none reaches `attach`; themes left smaller than minSize dissolve.
  for (let pass = 0; pass < passes && kept.length; pass++) {
    const centroids = kept.map((g) => centroid(g.map((i) => vectors[i]!)));
    const next: number[][] = centroids.map(() => []);
    unclustered = [];
    vectors.forEach((v, i) => {
      let best = -1;
      let bestSim = attach;
      centroids.forEach((c, k) => {
        const s = cosine(v, c);
        if (s >= bestSim) {
          bestSim = s;
          best = k;
        }
      });
      if (best >= 0) next[best]!.push(i);
      else unclustered.push(i);
    });
    kept = next.filter((g) => g.length >= minSize);
    unclustered.push(...next.filter((g) => g.length < minSize).flat());
  }
  if (!kept.length) unclustered = vectors.map((_, i) => i);
  kept.sort((x, y) => y.length - x.length || x[0]! - y[0]!);
  return { clusters: kept, unclustered: unclustered.sort((x, y) => x - y) };
}
