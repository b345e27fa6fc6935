/** Clustering and duplicate-detection metrics of the quality bench. */

export interface ClusterScores {
  purity: number;
  inversePurity: number;
  f: number;
  clusters: number;
  themes: number;
  unclustered: number;
}

/**
 * Purity: each cluster counts its majority theme. Inverse purity: each theme counts its best cluster.
 * Unclustered items count as wrong in both, so setting items aside never scores; and since inverse
 * purity rewards keeping a theme together, splitting everything into tiny clusters scores badly too.
 */
export function clusterScores(clusters: string[][], unclustered: string[], themeOf: Map<string, string>): ClusterScores {
  const n = clusters.reduce((s, c) => s + c.length, 0) + unclustered.length;
  const themeSizes = new Map<string, number>();
  for (const t of themeOf.values()) themeSizes.set(t, (themeSizes.get(t) ?? 0) + 1);
  let pure = 0;
  const bestPerTheme = new Map<string, number>();
  for (const c of clusters) {
    const counts = new Map<string, number>();
    for (const id of c) counts.set(themeOf.get(id)!, (counts.get(themeOf.get(id)!) ?? 0) + 1);
    pure += Math.max(...counts.values());
    for (const [t, k] of counts) bestPerTheme.set(t, Math.max(bestPerTheme.get(t) ?? 0, k));
  }
  const purity = pure / n;
  const inversePurity = [...bestPerTheme.values()].reduce((s, k) => s + k, 0) / n;
  const f = purity + inversePurity === 0 ? 0 : (2 * purity * inversePurity) / (purity + inversePurity);
  return { purity, inversePurity, f, clusters: clusters.length, themes: themeSizes.size, unclustered: unclustered.length };
}

export interface PairScores {
  threshold: number;
  precision: number;
  recall: number;
  predicted: number;
  labelled: number;
  truePositives: number;
}

/** Precision and recall of predicted duplicate pairs against the labelled ones. */
export function pairScores(scored: { a: string; b: string; score: number }[], labelled: Set<string>, threshold: number): PairScores {
  const predicted = scored.filter((p) => p.score >= threshold);
  const tp = predicted.filter((p) => labelled.has(pairKey(p.a, p.b))).length;
  return {
    threshold,
    precision: predicted.length ? tp / predicted.length : 1,
    recall: labelled.size ? tp / labelled.size : 1,
    predicted: predicted.length,
    labelled: labelled.size,
    truePositives: tp,
  };
}

/** An order-free key of a pair. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
