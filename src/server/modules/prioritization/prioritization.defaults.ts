import { PrioritizationFrameworkInput, type FrameworkKind } from '../../../shared/contracts.js';
import type { ScoringFramework } from './prioritization.scoring.js';

/**
 * The frameworks a workspace starts with, made on its first read: RICE (the default), ICE, WSJF,
 * value/effort, and a weighted scorecard whose first criterion reads the ARR of the requesting customers.
 * Effort-like factors read the feature's effort estimate, so a feature scores as soon as it has one.
 */
export function defaultFrameworks(): PrioritizationFrameworkInput[] {
  return [
    { kind: 'rice', name: 'RICE', enabled: true, isDefault: true, config: { bindings: { effort: { source: 'effort' } } } },
    { kind: 'ice', name: 'ICE', enabled: true, isDefault: false, config: { bindings: {} } },
    { kind: 'wsjf', name: 'WSJF', enabled: true, isDefault: false, config: { bindings: { jobSize: { source: 'effort' } } } },
    { kind: 'value_effort', name: 'Value / effort', enabled: true, isDefault: false, config: { bindings: { effort: { source: 'effort' } } } },
    {
      kind: 'weighted',
      name: 'Customer value scorecard',
      enabled: true,
      isDefault: false,
      config: {
        criteria: [
          { key: 'customerArr', name: 'customer ARR', weight: 40, binding: { source: 'rollup', rollup: 'arr', scale: 'log' } },
          { key: 'strategicFit', name: 'strategic fit', weight: 35, binding: { source: 'manual' } },
          { key: 'urgency', name: 'urgency', weight: 25, binding: { source: 'manual' } },
        ],
      },
    },
  ];
}

/** The engine's view of a validated framework. */
export function toScoringFramework(f: PrioritizationFrameworkInput): ScoringFramework {
  return f.kind === 'weighted' ? { kind: 'weighted', name: f.name, config: { criteria: f.config.criteria } } : { kind: f.kind, name: f.name, config: { bindings: f.config.bindings } };
}

/**
 * A stored framework row, validated again on the way out: a config written by an older version (or by
 * hand) that no longer validates scores as if every factor were typed, instead of failing the request.
 */
export function parseStoredFramework(row: { kind: string; name: string; enabled: boolean; isDefault: boolean; config: Record<string, unknown> }): PrioritizationFrameworkInput {
  const parsed = PrioritizationFrameworkInput.safeParse({ kind: row.kind, name: row.name, enabled: row.enabled, isDefault: row.isDefault, config: row.config });
  if (parsed.success) return parsed.data;
  const kind = (row.kind as FrameworkKind) === 'weighted' ? 'weighted' : (row.kind as Exclude<FrameworkKind, 'weighted'>);
  const fallback = kind === 'weighted' ? { criteria: [{ key: 'value', name: 'value', weight: 1, binding: { source: 'manual' } }] } : { bindings: {} };
  return PrioritizationFrameworkInput.parse({ kind, name: row.name, enabled: row.enabled, isDefault: row.isDefault, config: fallback });
}
