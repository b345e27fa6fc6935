import {
  FRAMEWORK_FACTORS,
  type FixedKind,
  type FrameworkKind,
  type PrioritizationFramework,
  type PrioritizationFrameworkInput,
  type ScoreInputBinding,
} from '../../../shared/contracts.js';

/**
 * The settings page's editable copy of a framework set, and its conversion to and from the API's shape.
 * Pure, so the round trip is unit-tested.
 */

/** A binding as one select value: "manual", "effort", or a roll-up with an optional ":log". */
export type BindingValue = 'manual' | 'effort' | `${'evidenceCount' | 'customerCount' | 'arr'}${'' | ':log'}`;

export const BINDING_OPTIONS: { value: BindingValue; label: string }[] = [
  { value: 'manual', label: 'Typed on the feature' },
  { value: 'effort', label: 'Effort estimate' },
  { value: 'evidenceCount', label: 'Evidence count' },
  { value: 'evidenceCount:log', label: 'Evidence count (log)' },
  { value: 'customerCount', label: 'Customers asking' },
  { value: 'customerCount:log', label: 'Customers asking (log)' },
  { value: 'arr', label: 'ARR of customers asking' },
  { value: 'arr:log', label: 'ARR of customers asking (log)' },
];

export interface CriterionDraft {
  /** Stable identity in the list (React key), never sent. */
  uid: string;
  /** The stored key; null for a criterion added here, which gets one from its name on save. */
  key: string | null;
  name: string;
  weight: number | string;
  binding: BindingValue;
}

export interface FrameworkDraft {
  uid: string;
  id?: string;
  kind: FrameworkKind;
  name: string;
  enabled: boolean;
  isDefault: boolean;
  bindings: Record<string, BindingValue>;
  criteria: CriterionDraft[];
}

let seq = 0;
const uid = () => `d${++seq}`;

export function toBindingValue(b: ScoreInputBinding | undefined): BindingValue {
  if (!b || b.source === 'manual') return 'manual';
  if (b.source === 'effort') return 'effort';
  return (b.scale === 'log' ? `${b.rollup}:log` : b.rollup) as BindingValue;
}

export function fromBindingValue(v: BindingValue): ScoreInputBinding {
  if (v === 'manual' || v === 'effort') return { source: v };
  const [rollup, log] = v.split(':') as ['evidenceCount' | 'customerCount' | 'arr', string | undefined];
  return { source: 'rollup', rollup, scale: log ? 'log' : 'linear' };
}

/** A framework from the API as a draft. */
export function toDraft(f: PrioritizationFramework): FrameworkDraft {
  const config = f.config as { bindings?: Record<string, ScoreInputBinding>; criteria?: { key: string; name: string; weight: number; binding: ScoreInputBinding }[] };
  const bindings: Record<string, BindingValue> = {};
  if (f.kind !== 'weighted') for (const d of FRAMEWORK_FACTORS[f.kind]) bindings[d.key] = toBindingValue(config.bindings?.[d.key]);
  return {
    uid: uid(),
    id: f.id,
    kind: f.kind,
    name: f.name,
    enabled: f.enabled,
    isDefault: f.isDefault,
    bindings,
    criteria: (config.criteria ?? []).map((c) => ({ uid: uid(), key: c.key, name: c.name, weight: c.weight, binding: toBindingValue(c.binding) })),
  };
}

/** A new framework of a kind, with its effort-like factor bound to the effort estimate. */
export function newDraft(kind: FrameworkKind, name: string): FrameworkDraft {
  const bindings: Record<string, BindingValue> = {};
  if (kind !== 'weighted') for (const d of FRAMEWORK_FACTORS[kind]) bindings[d.key] = 'divisor' in d && d.divisor ? 'effort' : 'manual';
  return { uid: uid(), kind, name, enabled: true, isDefault: false, bindings, criteria: kind === 'weighted' ? [newCriterion('value', 1)] : [] };
}

export function newCriterion(name = '', weight: number | string = 1): CriterionDraft {
  return { uid: uid(), key: null, name, weight, binding: 'manual' };
}

/** "Customer ARR!" → "customerArr"; a key stays stable once saved, because typed values are stored under it. */
export function keyFromName(name: string, taken: ReadonlySet<string>): string {
  const words = name
    .normalize('NFKD')
    // Accents split off by NFKD go, so "Über" reads "Uber" rather than "U ber".
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  let base = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
  if (!/^[a-z]/.test(base)) base = `c${base}`;
  base = base.slice(0, 36);
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}${n}`;
  return key;
}

/** The drafts as the PUT body's frameworks. */
export function toBody(drafts: FrameworkDraft[]): PrioritizationFrameworkInput[] {
  return drafts.map((d): PrioritizationFrameworkInput => {
    const base = { ...(d.id ? { id: d.id } : {}), name: d.name.trim(), enabled: d.enabled, isDefault: d.isDefault };
    if (d.kind === 'weighted') {
      const taken = new Set(d.criteria.flatMap((c) => (c.key ? [c.key] : [])));
      const criteria = d.criteria.map((c) => {
        const key = c.key ?? keyFromName(c.name || 'criterion', taken);
        taken.add(key);
        return { key, name: c.name.trim(), weight: Number(c.weight), binding: fromBindingValue(c.binding) };
      });
      return { kind: 'weighted', ...base, config: { criteria } };
    }
    const bindings = Object.fromEntries(Object.entries(d.bindings).map(([k, v]) => [k, fromBindingValue(v)]));
    return { kind: d.kind as FixedKind, ...base, config: { bindings } } as PrioritizationFrameworkInput;
  });
}

/** Normalised weights of a weighted draft, for the live formula preview. */
export function weightShares(criteria: CriterionDraft[]): number[] {
  const w = criteria.map((c) => Math.max(0, Number(c.weight) || 0));
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => (total > 0 ? Math.round((x / total) * 1000) / 1000 : 0));
}
