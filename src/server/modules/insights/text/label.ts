import type { DocumentFrequency } from './tfidf.js';
import type { Token } from './tokenize.js';

/**
 * A readable label for a group of documents: the 2–3 stems that are most distinctive of the group
 * (share of its documents holding the stem, times the stem's IDF over the whole corpus), each shown
 * as the word the group spelled it with most often.
 */
export function labelFor(docs: Token[][], df: DocumentFrequency, maxTerms = 3): string {
  const holding = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();
  for (const tokens of docs) {
    for (const t of tokens) {
      const spelled = surfaces.get(t.stem) ?? new Map<string, number>();
      spelled.set(t.surface, (spelled.get(t.surface) ?? 0) + 1);
      surfaces.set(t.stem, spelled);
    }
    for (const stem of new Set(tokens.map((t) => t.stem))) holding.set(stem, (holding.get(stem) ?? 0) + 1);
  }
  const scored = [...holding]
    .map(([stem, count]) => ({ stem, score: (count / docs.length) * df.idf(stem), count }))
    // A word that only one document of a big group uses says nothing about the group.
    .filter((s) => s.count >= Math.min(2, docs.length))
    .sort((a, b) => b.score - a.score || a.stem.localeCompare(b.stem));
  const top = scored.slice(0, maxTerms).filter((s, i) => i < 2 || s.score >= scored[0]!.score * 0.5);
  const words = top.map((s) => [...surfaces.get(s.stem)!].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]);
  return words.length ? words.join(' · ') : 'miscellaneous';
}
