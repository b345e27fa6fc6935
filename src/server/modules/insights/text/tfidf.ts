import { tokenize, type Token } from './tokenize.js';

/** A sparse, L2-normalised vector: term ids in ascending order and their weights. */
export interface SparseVector {
  terms: Int32Array;
  weights: Float64Array;
}

/** How many documents of a corpus hold each stem: what IDF is computed from. */
export class DocumentFrequency {
  readonly counts = new Map<string, number>();
  docs = 0;

  /** Counts the stems of these texts (or token lists). */
  static fromDocuments(docs: Iterable<string | Token[]>): DocumentFrequency {
    const df = new DocumentFrequency();
    for (const d of docs) df.add(typeof d === 'string' ? tokenize(d) : d);
    return df;
  }

  /** Adds one document. */
  add(tokens: Token[]): void {
    this.docs++;
    for (const stem of new Set(tokens.map((t) => t.stem))) this.counts.set(stem, (this.counts.get(stem) ?? 0) + 1);
  }

  /** Smoothed inverse document frequency; a stem never seen weighs the most. */
  idf(stem: string): number {
    return Math.log((1 + this.docs) / (1 + (this.counts.get(stem) ?? 0))) + 1;
  }
}

/** Turns texts into TF-IDF vectors (sublinear term frequency) over one shared vocabulary. */
export class Vectorizer {
  private readonly vocab = new Map<string, number>();
  private readonly names: string[] = [];

  constructor(readonly df: DocumentFrequency) {}

  /** The stem behind a term id. */
  stemOf(id: number): string {
    return this.names[id]!;
  }

  /** The vector of a text or of its tokens. */
  vectorize(doc: string | Token[]): SparseVector {
    const tokens = typeof doc === 'string' ? tokenize(doc) : doc;
    const tf = new Map<number, number>();
    for (const t of tokens) {
      let id = this.vocab.get(t.stem);
      if (id === undefined) {
        id = this.names.length;
        this.vocab.set(t.stem, id);
        this.names.push(t.stem);
      }
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    const terms = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
    const weights = new Float64Array(terms.length);
    let norm = 0;
    terms.forEach((id, i) => {
      const w = (1 + Math.log(tf.get(id)!)) * this.df.idf(this.names[id]!);
      weights[i] = w;
      norm += w * w;
    });
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
    return { terms, weights };
  }
}

/** Cosine similarity of two normalised sparse vectors (a merge of their sorted term lists). */
export function cosine(a: SparseVector, b: SparseVector): number {
  const last = a.terms.length - 1;
  // Dense vectors (LSA's: every term 0..d-1 present) skip the merge: a plain dot product is ~5× faster.
  if (last >= 0 && last === b.terms.length - 1 && a.terms[last] === last && b.terms[last] === last) {
    let d = 0;
    for (let k = 0; k <= last; k++) d += a.weights[k]! * b.weights[k]!;
    return d;
  }
  let i = 0;
  let j = 0;
  let dot = 0;
  const at = a.terms;
  const bt = b.terms;
  while (i < at.length && j < bt.length) {
    const x = at[i]!;
    const y = bt[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

/** The normalised mean of some vectors. */
export function centroid(vectors: SparseVector[]): SparseVector {
  const sum = new Map<number, number>();
  for (const v of vectors) v.terms.forEach((t, i) => sum.set(t, (sum.get(t) ?? 0) + v.weights[i]!));
  const terms = Int32Array.from([...sum.keys()].sort((a, b) => a - b));
  const weights = Float64Array.from(terms, (t) => sum.get(t)!);
  const norm = Math.sqrt(weights.reduce((s, w) => s + w * w, 0)) || 1;
  for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
  return { terms, weights };
}
