import {
  FRAMEWORK_FACTORS,
  ROLLUP_LABELS,
  type FeatureScoreFactor,
  type FixedKind,
  type FrameworkKind,
  type ScoreCriterion,
  type ScoreInputBinding,
  type TypedScoreInputs,
} from '../../../shared/contracts.js';

/**
 * The scoring engine: pure functions from a framework and a feature's facts to a score and the formula
 * with its values. No I/O, no clock, no randomness: the same facts always give the same score and text.
 */

/** Decimal places every factor value and every score is rounded to, so no float noise reaches storage or text. */
export const SCORE_DECIMALS = 4;
const SCALE = 10 ** SCORE_DECIMALS;

/** Rounds half away from zero to SCORE_DECIMALS places; -0 becomes 0. */
export function roundScore(n: number): number {
  const r = Math.sign(n) * Math.round(Math.abs(n) * SCALE) / SCALE;
  return r === 0 ? 0 : r;
}

/** A number as the explanation shows it: rounded, no thousands separators, no trailing zeros. */
export function formatNumber(n: number): string {
  return String(roundScore(n));
}

/** A framework as the engine needs it; `config` already validated for its kind. */
export type ScoringFramework =
  | { kind: FixedKind; name: string; config: { bindings: Partial<Record<string, ScoreInputBinding>> } }
  | { kind: 'weighted'; name: string; config: { criteria: ScoreCriterion[] } };

/** What the engine knows of a feature: its typed inputs, its effort estimate and its evidence roll-up. */
export interface FeatureFacts {
  effort: number | null;
  inputs: TypedScoreInputs;
  rollup: { evidenceCount: number; customerCount: number; arr: number };
}

export interface ScoreResult {
  /** Null when an input is missing or a divisor is 0. */
  score: number | null;
  /** The formula with its values, e.g. "RICE = reach 800 × impact 2 × confidence 0.8 ÷ effort 4 = 320". */
  explanation: string;
  /** Labels of the inputs the score lacks (or whose value cannot be used, like a 0 divisor). */
  missing: string[];
  factors: FeatureScoreFactor[];
}

interface Resolved extends FeatureScoreFactor {
  /** How the factor reads inside the formula: "reach 800", "customer ARR 5.3979 (log₁₀(1 + ARR 250000))". */
  text: string;
}

function typedValue(inputs: TypedScoreInputs, kind: FrameworkKind, key: string): number | null {
  const v = inputs[kind]?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? roundScore(v) : null;
}

/** One factor's value (rounded), or null when it is missing: the value-only half of resolveFactor, for rescoring. */
export function factorValue(kind: FrameworkKind, key: string, binding: ScoreInputBinding | undefined, facts: FeatureFacts): number | null {
  if (binding?.source === 'rollup') {
    const raw = facts.rollup[binding.rollup];
    return roundScore(binding.scale === 'log' ? Math.log10(1 + Math.max(0, raw)) : raw);
  }
  if (binding?.source === 'effort' && facts.effort !== null && Number.isFinite(facts.effort)) return roundScore(facts.effort);
  // Manual, or bound to effort while the feature has no estimate: the typed value stands in.
  return typedValue(facts.inputs, kind, key);
}

/** Where one factor's value comes from, its value (rounded, or null when missing) and how it reads in the formula. */
export function resolveFactor(kind: FrameworkKind, key: string, label: string, binding: ScoreInputBinding | undefined, facts: FeatureFacts): Resolved {
  const value = factorValue(kind, key, binding, facts);
  if (binding?.source === 'rollup') {
    const raw = formatNumber(facts.rollup[binding.rollup]);
    const what = ROLLUP_LABELS[binding.rollup];
    const text = binding.scale === 'log' ? `${label} ${formatNumber(value!)} (log₁₀(1 + ${what} ${raw}))` : `${label} ${formatNumber(value!)} (${what})`;
    return { key, label, source: 'rollup', value, editable: false, text };
  }
  const fromEstimate = binding?.source === 'effort' && facts.effort !== null && Number.isFinite(facts.effort);
  return {
    key,
    label,
    source: binding?.source === 'effort' ? 'effort' : 'manual',
    value,
    editable: !fromEstimate,
    text: value === null ? `${label} ?` : `${label} ${formatNumber(value)}`,
  };
}

/** The fixed formulas over their factor values in formula order; null for a 0 divisor. */
function combineFixed(kind: FixedKind, v: readonly number[]): number | null {
  switch (kind) {
    case 'rice':
      return v[3] === 0 ? null : (v[0]! * v[1]! * v[2]!) / v[3]!;
    case 'ice':
      return v[0]! * v[1]! * v[2]!;
    case 'wsjf':
      return v[3] === 0 ? null : (v[0]! + v[1]! + v[2]!) / v[3]!;
    case 'value_effort':
      return v[1] === 0 ? null : v[0]! / v[1]!;
  }
}

/** Σ wᵢ·vᵢ / Σ wᵢ: the normalised weights without dividing each one (fewer roundings, same value). */
function combineWeighted(weights: readonly number[], values: readonly number[], total: number): number {
  return weights.reduce((s, w, i) => s + w * values[i]!, 0) / total;
}

/**
 * Just the score, without the explanation: what rescoring thousands of features needs. Always equal to
 * computeScore(...).score (a property test holds them together).
 */
export function scoreValue(framework: ScoringFramework, facts: FeatureFacts): number | null {
  const kind = framework.kind;
  if (kind === 'weighted') {
    const criteria = framework.config.criteria;
    let total = 0;
    const values: number[] = [];
    for (const c of criteria) {
      const v = factorValue('weighted', c.key, c.binding, facts);
      if (v === null) return null;
      values.push(v);
      total += c.weight;
    }
    return total > 0 ? roundScore(combineWeighted(criteria.map((c) => c.weight), values, total)) : null;
  }
  const values: number[] = [];
  for (const d of FRAMEWORK_FACTORS[kind]) {
    const v = factorValue(kind, d.key, framework.config.bindings[d.key], facts);
    if (v === null) return null;
    values.push(v);
  }
  const raw = combineFixed(kind, values);
  return raw === null ? null : roundScore(raw);
}

const strip = ({ text: _text, ...factor }: Resolved): FeatureScoreFactor => factor;

/** Scores a feature under a framework and explains the score. */
export function computeScore(framework: ScoringFramework, facts: FeatureFacts): ScoreResult {
  return framework.kind === 'weighted' ? computeWeighted(framework.name, framework.config.criteria, facts) : computeFixed(framework, facts);
}

function computeFixed(framework: Extract<ScoringFramework, { kind: FixedKind }>, facts: FeatureFacts): ScoreResult {
  const defs = FRAMEWORK_FACTORS[framework.kind];
  const f = defs.map((d) => resolveFactor(framework.kind, d.key, d.label, framework.config.bindings[d.key], facts));
  const t = f.map((x) => x.text);
  const formula = {
    rice: () => `${t[0]} × ${t[1]} × ${t[2]} ÷ ${t[3]}`,
    ice: () => `${t[0]} × ${t[1]} × ${t[2]}`,
    wsjf: () => `(${t[0]} + ${t[1]} + ${t[2]}) ÷ ${t[3]}`,
    value_effort: () => `${t[0]} ÷ ${t[1]}`,
  }[framework.kind]();
  const head = `${framework.name} = ${formula}`;
  const factors = f.map(strip);
  const missing = f.filter((x) => x.value === null).map((x) => x.label);
  if (missing.length) return { score: null, explanation: `${head} — missing ${missing.join(', ')}`, missing, factors };

  const raw = combineFixed(framework.kind, f.map((x) => x.value as number));
  if (raw === null) {
    // Only a divisor can make the formula undefined.
    const divisor = f.find((x, i) => {
      const d = defs[i]!;
      return 'divisor' in d && d.divisor && x.value === 0;
    })!;
    return { score: null, explanation: `${head} — ${divisor.label} must be above 0`, missing: [divisor.label], factors };
  }
  const score = roundScore(raw);
  return { score, explanation: `${head} = ${formatNumber(score)}`, missing: [], factors };
}

function computeWeighted(name: string, criteria: ScoreCriterion[], facts: FeatureFacts): ScoreResult {
  const total = criteria.reduce((s, c) => s + c.weight, 0);
  const f = criteria.map((c) => ({ c, r: resolveFactor('weighted', c.key, c.name, c.binding, facts) }));
  const share = (w: number) => (total > 0 ? roundScore(w / total) : 0);
  const head = `${name} = ${f.map(({ c, r }) => `${formatNumber(share(c.weight))} × ${r.text}`).join(' + ')}`;
  const factors = f.map(({ c, r }) => ({ ...strip(r), weight: share(c.weight) }));
  if (total <= 0) return { score: null, explanation: `${head} — every weight is 0`, missing: ['weights'], factors };
  const missing = f.filter(({ r }) => r.value === null).map(({ r }) => r.label);
  if (missing.length) return { score: null, explanation: `${head} — missing ${missing.join(', ')}`, missing, factors };
  const score = roundScore(
    combineWeighted(
      criteria.map((c) => c.weight),
      f.map(({ r }) => r.value as number),
      total,
    ),
  );
  return { score, explanation: `${head} = ${formatNumber(score)}`, missing: [], factors };
}

/** The formula of a framework in words, for the settings page and the API. */
export function describeFormula(framework: ScoringFramework): string {
  if (framework.kind === 'weighted') {
    const total = framework.config.criteria.reduce((s, c) => s + c.weight, 0);
    return framework.config.criteria.map((c) => `${formatNumber(total > 0 ? c.weight / total : 0)} × ${c.name}`).join(' + ');
  }
  const l = FRAMEWORK_FACTORS[framework.kind].map((d) => d.label);
  return {
    rice: `${l[0]} × ${l[1]} × ${l[2]} ÷ ${l[3]}`,
    ice: `${l[0]} × ${l[1]} × ${l[2]}`,
    wsjf: `(${l[0]} + ${l[1]} + ${l[2]}) ÷ ${l[3]}`,
    value_effort: `${l[0]} ÷ ${l[1]}`,
  }[framework.kind];
}

/** True when any factor or criterion reads an evidence roll-up (so the roll-ups must be loaded). */
export function usesRollups(framework: ScoringFramework): boolean {
  const bindings = framework.kind === 'weighted' ? framework.config.criteria.map((c) => c.binding) : Object.values(framework.config.bindings);
  return bindings.some((b) => b?.source === 'rollup');
}
