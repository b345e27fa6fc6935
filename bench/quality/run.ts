/**
 * The quality bench of duplicates and themes: runs the pure text pipeline on the labelled set (no
 * database) and writes bench/results/quality-<date>.json. Run: `npx tsx bench/quality/run.ts`
 * (`--sweep` also prints the tuning grid, computed on the tuning half only).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lshColumn, sharedBands } from '../../src/server/modules/insights/text/lsh.js';
import { analyse, DUPLICATE_THRESHOLD, SCORE_WEIGHTS, similarityScore } from '../../src/server/modules/insights/text/similarity.js';
import { DocumentFrequency, Vectorizer } from '../../src/server/modules/insights/text/tfidf.js';
import { findThemes, THEME_OPTIONS, type ThemeOptions } from '../../src/server/modules/insights/text/themes.js';
import { tokenize } from '../../src/server/modules/insights/text/tokenize.js';
import { loadDataset, type LabelledItem } from './dataset.js';
import { clusterScores, pairKey, pairScores } from './metrics.js';
import { sweepDuplicates, sweepThemes } from './sweep.js';

const round = (x: number) => Math.round(x * 1000) / 1000;
/** Hash keys are salted per workspace; the labelled set is one. */
const QUALITY_WORKSPACE = '00000000-0000-4000-8000-00000000a11e';

function evaluateThemes(items: LabelledItem[], options: ThemeOptions = THEME_OPTIONS) {
  const started = performance.now();
  const { themes, unclustered } = findThemes(items.map((i) => ({ id: i.id, text: i.text })), options);
  const ms = performance.now() - started;
  const themeOf = new Map(items.map((i) => [i.id, i.theme]));
  const scores = clusterScores(
    themes.map((t) => t.ids),
    unclustered,
    themeOf,
  );
  return { ...scores, ms: Math.round(ms), labels: themes.map((t) => ({ label: t.label, size: t.ids.length })) };
}

function scoredPairs(items: LabelledItem[]) {
  const df = DocumentFrequency.fromDocuments(items.map((i) => tokenize(i.text)));
  const vectorizer = new Vectorizer(df);
  const docs = items.map((i) => analyse(i.text, vectorizer));
  // As in production, a pair is only scored when the lookup can find it: the two share a hash band
  // (the per-tier candidate limits never bind on a set this small).
  const keys = items.map((i) => lshColumn(i.text, QUALITY_WORKSPACE));
  const pairs: { a: string; b: string; score: number }[] = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) pairs.push({ a: items[i]!.id, b: items[j]!.id, score: sharedBands(keys[i]!, keys[j]!) ? similarityScore(docs[i]!, docs[j]!) : 0 });
  const labelled = new Set<string>();
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) if (items[i]!.duplicateGroup && items[i]!.duplicateGroup === items[j]!.duplicateGroup) labelled.add(pairKey(items[i]!.id, items[j]!.id));
  return { pairs, labelled };
}

function evaluateDuplicates(items: LabelledItem[], threshold = DUPLICATE_THRESHOLD) {
  const { pairs, labelled } = scoredPairs(items);
  const s = pairScores(pairs, labelled, threshold);
  return { ...s, precision: round(s.precision), recall: round(s.recall) };
}

/** A synthetic 2,000-item corpus for timing: labelled texts with words dropped and swapped, so no two are identical. */
function timingCorpus(items: LabelledItem[], n: number) {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: n }, (_, k) => {
    const words = items[k % items.length]!.text.split(' ');
    const kept = words.filter(() => rand() > 0.15);
    return { id: `t${k}`, text: kept.join(' ') || words.join(' ') };
  });
}

const data = loadDataset();
const tune = data.filter((i) => i.half === 'tune');
const holdout = data.filter((i) => i.half === 'holdout');
if (process.argv.includes('--sweep')) {
  sweepThemes(tune);
  const { pairs, labelled } = scoredPairs(tune);
  sweepDuplicates(pairs, labelled);
}

const corpus = timingCorpus(data, 2000);
const t0 = performance.now();
const big = findThemes(corpus);
const clusterMs2000 = Math.round(performance.now() - t0);

const result = {
  date: new Date().toISOString(),
  dataset: { items: data.length, themes: new Set(data.map((i) => i.theme)).size, duplicateItems: data.filter((i) => i.duplicateGroup).length, tune: tune.length, holdout: holdout.length },
  settings: { themes: THEME_OPTIONS, duplicates: { threshold: DUPLICATE_THRESHOLD, weights: SCORE_WEIGHTS } },
  themes: { all: evaluateThemes(data), tune: evaluateThemes(tune), holdout: evaluateThemes(holdout) },
  duplicates: { all: evaluateDuplicates(data), tune: evaluateDuplicates(tune), holdout: evaluateDuplicates(holdout) },
  timing: { clusterItems: corpus.length, clusterMs: clusterMs2000, themesFound: big.themes.length },
};

const sets = Object.values(result.themes);
const targets = {
  f: sets.every((r) => r.f >= 0.8),
  clusters: sets.every((r) => r.clusters <= 2 * r.themes),
  duplicates: result.duplicates.all.precision >= 0.9 && result.duplicates.all.recall >= 0.7,
  time: clusterMs2000 < 5000,
};

for (const [name, r] of Object.entries(result.themes))
  console.log(`themes ${name.padEnd(8)} F ${round(r.f)}  purity ${round(r.purity)}  inverse purity ${round(r.inversePurity)}  clusters ${r.clusters} / themes ${r.themes}  unclustered ${r.unclustered}  ${r.ms} ms`);
for (const [name, r] of Object.entries(result.duplicates))
  console.log(`dupes  ${name.padEnd(8)} precision ${r.precision}  recall ${r.recall}  (${r.truePositives} of ${r.predicted} predicted, ${r.labelled} labelled) at ${r.threshold}`);
console.log(`clustering ${corpus.length} items: ${clusterMs2000} ms, ${big.themes.length} themes`);
console.log('labels:', result.themes.all.labels.map((l) => `${l.label} (${l.size})`).join('; '));
console.log('targets:', targets);

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'results', `quality-${result.date.slice(0, 10)}.json`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ ...result, targets }, null, 2)}\n`);
console.log(`wrote ${out}`);
