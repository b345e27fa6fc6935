/**
 * Trigram similarity computed the way pg_trgm computes `similarity()`: each alphanumeric word is
 * lower-cased and padded with two spaces before and one after, and the score is shared trigrams over
 * all distinct trigrams. The bench uses it to score exactly what the server blends from PostgreSQL.
 */
export function trigrams(text: string): Set<string> {
  const set = new Set<string>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  }
  return set;
}

/** pg_trgm's similarity of two trigram sets. */
export function trigramSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}
