import { stems } from './tokenize.js';

/**
 * Locality-sensitive hashing of feedback text (MinHash with banding), so the similar-items lookup
 * reads a few hundred candidates from a GIN index instead of comparing the whole workspace.
 *
 * The signature of a text is the minimum, under each of its hash functions, of the hashes of its distinct
 * stems (the same stems, synonyms folded, that TF-IDF compares). Bands of minima are hashed to one integer
 * each, salted with the workspace id and the tier, so the GIN index on the key array serves one
 * workspace's lookup alone. Two texts whose stem sets have Jaccard similarity J share a band of r rows
 * out of b with probability 1 − (1 − J^r)^b. Two tiers share the one array:
 * - strict, 10 bands of 4 rows: J 0.8 → 99.5 %, 0.6 → 75 %, 0.3 → 8 %: the near-restatements, first;
 * - loose, 20 bands of 2 rows: J 0.5 → 99.7 %, 0.3 → 86 %, 0.1 → 18 %: related items, to fill up.
 * On bench/quality's labelled set, 97 % of the duplicate pairs share a loose band. The candidates are then
 * scored exactly (TF-IDF cosine and trigram similarity).
 */
export const LSH_TIERS = [
  { name: 'strict', bands: 10, rows: 4 },
  { name: 'loose', bands: 20, rows: 2 },
] as const;
export type LshTier = (typeof LSH_TIERS)[number]['name'];

const HASH_FUNCTIONS = Math.max(...LSH_TIERS.map((t) => t.bands * t.rows));

const SEEDS: readonly number[] = (() => {
  // A fixed, well-mixed seed per hash function: changing them changes every stored signature.
  const out: number[] = [];
  let s = 0x9e3779b9;
  for (let i = 0; i < HASH_FUNCTIONS; i++) {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    out.push(s);
  }
  return out;
})();

/** FNV-1a, 32 bits, over UTF-16 code units: stable across processes and platforms. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit finaliser (MurmurHash3's): one cheap independent-looking permutation per seed. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The MinHash signature of a set of stems: BANDS × ROWS minima. Empty for an empty set. */
export function minHash(stemSet: ReadonlySet<string>): number[] {
  if (!stemSet.size) return [];
  const hashes = [...stemSet].map((s) => hash32(s));
  return SEEDS.map((seed) => {
    let min = 0xffffffff;
    for (const h of hashes) {
      const v = mix(h, seed);
      if (v < min) min = v;
    }
    return min;
  });
}

/** A text's band keys per tier in a workspace: signed 32-bit integers, as PostgreSQL's `integer[]` stores them. */
export function lshKeys(text: string, workspaceId: string): Record<LshTier, number[]> {
  const signature = minHash(new Set(stems(text)));
  const keys = { strict: [] as number[], loose: [] as number[] };
  if (!signature.length) return keys;
  const salt = hash32(workspaceId);
  LSH_TIERS.forEach((tier, t) => {
    // Each tier reads the signature from the start: the hash functions are independent, so reuse is fine.
    for (let b = 0; b < tier.bands; b++) {
      let h = mix(salt, ((t + 1) << 8) | (b + 1));
      for (let r = 0; r < tier.rows; r++) h = mix(h ^ signature[b * tier.rows + r]!, SEEDS[r]!);
      keys[tier.name].push(h | 0);
    }
  });
  return keys;
}

/** The keys stored with a feedback item (`feedback.lsh`): both tiers in one array, for one GIN index. */
export function lshColumn(text: string, workspaceId: string): number[] {
  const keys = lshKeys(text, workspaceId);
  return [...keys.strict, ...keys.loose];
}

/** How many band keys two signatures share: an estimate of their similarity, for ordering candidates. */
export function sharedBands(a: readonly number[], b: readonly number[]): number {
  const set = new Set(a);
  let n = 0;
  for (const x of b) if (set.has(x)) n++;
  return n;
}
