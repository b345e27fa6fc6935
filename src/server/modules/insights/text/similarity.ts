import { cosine, type SparseVector, type Vectorizer } from './tfidf.js';
import { trigrams, trigramSimilarity } from './trigram.js';

/**
 * How the duplicate score blends its two signals: TF-IDF cosine sees shared meaning-bearing words
 * in any order, trigram similarity sees near-verbatim restatements, typos included.
 * Tuned on the first half of bench/quality's labelled set, checked on the second.
 */
export const SCORE_WEIGHTS = { cosine: 0.5, trigram: 0.5 } as const;

/** Pairs scoring at least this are suggested as duplicates. */
export const DUPLICATE_THRESHOLD = 0.5;

/** A document analysed for comparison. */
export interface Analysed {
  vector: SparseVector;
  trigrams: Set<string>;
}

/** Blended similarity of two analysed documents, in [0, 1]. */
export function similarityScore(a: Analysed, b: Analysed, trigram?: number): number {
  const t = trigram ?? trigramSimilarity(a.trigrams, b.trigrams);
  return SCORE_WEIGHTS.cosine * cosine(a.vector, b.vector) + SCORE_WEIGHTS.trigram * t;
}

/** Analyses one text for comparison with a vectorizer's IDF. */
export function analyse(text: string, vectorizer: Vectorizer): Analysed {
  return { vector: vectorizer.vectorize(text), trigrams: trigrams(text) };
}
