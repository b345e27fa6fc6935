import type { SparseVector } from './tfidf.js';

/**
 * Latent semantic analysis: projects TF-IDF document vectors onto the top `dims` singular directions
 * of the document-term matrix (a randomized truncated SVD, Halko–Martinsson–Tropp), so documents that
 * share no word but share co-occurring words ("invoice" with "receipt") become similar. Returns
 * L2-normalised dense vectors in the SparseVector shape (every term present), so cosine and centroid
 * work on them unchanged. Deterministic: the random projection uses a fixed seed.
 */
export function lsa(vectors: SparseVector[], dims: number, powerIterations = 3, oversample = 10): SparseVector[] {
  const n = vectors.length;
  let vocab = 0;
  for (const v of vectors) for (const t of v.terms) vocab = Math.max(vocab, t + 1);
  const k = Math.min(dims, n, vocab);
  if (k <= 0) return vectors;
  const l = Math.min(k + oversample, n, vocab);

  // Y = A·Ω with Ω a seeded Gaussian (vocab × l), stored column-major per document: Y[doc*l + c].
  const rand = gaussian(0x5eed);
  const omega = new Float64Array(vocab * l);
  for (let i = 0; i < omega.length; i++) omega[i] = rand();
  let y = times(vectors, omega, l);
  orthonormalize(y, n, l);
  // Power iterations sharpen the spectrum: Y = A·(Aᵀ·Y), re-orthonormalised each time for stability.
  for (let it = 0; it < powerIterations; it++) {
    const z = transposeTimes(vectors, y, l, vocab);
    y = times(vectors, z, l);
    orthonormalize(y, n, l);
  }
  // B = Qᵀ·A (l × vocab); the eigenvectors of B·Bᵀ (l × l) rotate Q onto the left singular vectors.
  const b = transposeTimes(vectors, y, l, vocab); // vocab × l, i.e. Bᵀ
  const bbt = new Float64Array(l * l);
  for (let t = 0; t < vocab; t++) {
    const row = t * l;
    for (let i = 0; i < l; i++) {
      const bi = b[row + i]!;
      if (bi === 0) continue;
      for (let j = i; j < l; j++) bbt[i * l + j]! += bi * b[row + j]!;
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) bbt[i * l + j] = bbt[j * l + i]!;
  const { values, vectors: eig } = symmetricEigen(bbt, l);
  const order = Array.from({ length: l }, (_, i) => i).sort((p, q) => values[q]! - values[p]! || p - q);
  const top = order.slice(0, k);

  // Document embedding = U_k·Σ_k = Q·Ũ_k·Σ_k, normalised.
  const terms = Int32Array.from({ length: k }, (_, i) => i);
  return Array.from({ length: n }, (_, d) => {
    const weights = new Float64Array(k);
    let norm = 0;
    top.forEach((e, c) => {
      let s = 0;
      for (let i = 0; i < l; i++) s += y[d * l + i]! * eig[i * l + e]!;
      const w = s * Math.sqrt(Math.max(values[e]!, 0));
      weights[c] = w;
      norm += w * w;
    });
    norm = Math.sqrt(norm) || 1;
    for (let c = 0; c < k; c++) weights[c]! /= norm;
    return { terms, weights };
  });
}

/** A·M for sparse rows A (n × vocab) and dense M (vocab × l): n × l, row-major. */
function times(rows: SparseVector[], m: Float64Array, l: number): Float64Array {
  const out = new Float64Array(rows.length * l);
  rows.forEach((v, d) => {
    const base = d * l;
    v.terms.forEach((t, i) => {
      const w = v.weights[i]!;
      const mr = t * l;
      for (let c = 0; c < l; c++) out[base + c]! += w * m[mr + c]!;
    });
  });
  return out;
}

/** Aᵀ·Y for sparse rows A (n × vocab) and dense Y (n × l): vocab × l, row-major. */
function transposeTimes(rows: SparseVector[], y: Float64Array, l: number, vocab: number): Float64Array {
  const out = new Float64Array(vocab * l);
  rows.forEach((v, d) => {
    const base = d * l;
    v.terms.forEach((t, i) => {
      const w = v.weights[i]!;
      const or = t * l;
      for (let c = 0; c < l; c++) out[or + c]! += w * y[base + c]!;
    });
  });
  return out;
}

/** Modified Gram–Schmidt on the l columns of an n × l row-major matrix, in place; a null column stays zero. */
function orthonormalize(m: Float64Array, n: number, l: number): void {
  for (let c = 0; c < l; c++) {
    for (let p = 0; p < c; p++) {
      let dot = 0;
      for (let r = 0; r < n; r++) dot += m[r * l + c]! * m[r * l + p]!;
      for (let r = 0; r < n; r++) m[r * l + c]! -= dot * m[r * l + p]!;
    }
    let norm = 0;
    for (let r = 0; r < n; r++) norm += m[r * l + c]! ** 2;
    norm = Math.sqrt(norm);
    for (let r = 0; r < n; r++) m[r * l + c] = norm > 1e-10 ? m[r * l + c]! / norm : 0;
  }
}

/** Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations; eigenvectors are columns. */
export function symmetricEigen(input: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += a[i * n + i]! ** 2;
      for (let j = i + 1; j < n; j++) off += a[i * n + j]! ** 2;
    }
    if (off <= 1e-22 * (diag || 1)) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = Float64Array.from({ length: n }, (_, i) => a[i * n + i]!);
  return { values, vectors: v };
}

/** A seeded standard-normal generator (mulberry32 + Box–Muller). */
function gaussian(seed: number): () => number {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform() || 1e-12)) * Math.cos(2 * Math.PI * uniform());
}
