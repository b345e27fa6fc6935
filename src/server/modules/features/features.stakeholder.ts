/**
 * The stakeholder version of a feature: what members with the viewer role read. The features module
 * and the roadmap module both build it with these helpers, so the two never disagree on what is hidden.
 */
import { DEFAULT_INTERNAL_FIELDS, FEATURE_INTERNAL_FIELDS, type FeatureHistoryEntry, type FeatureInternalField } from '../../../shared/contracts.js';
import type { Role } from '../../../shared/roles.js';
import type { Db } from '../../db/client.js';
import { describeChanges } from '../../lib/diff.js';
import { readInternalFields } from './features.repository.js';

/** True when this role reads the stakeholder version (internal features and fields hidden). */
export const readsStakeholderVersion = (role: Role): boolean => role === 'viewer';

/** The workspace's internal fields (roadmap settings), the default when none were saved; unknown names dropped. */
export async function loadInternalFields(db: Db, workspaceId: string): Promise<FeatureInternalField[]> {
  const saved = await readInternalFields(db, workspaceId);
  return normaliseInternalFields(saved ?? DEFAULT_INTERNAL_FIELDS);
}

/** Keeps the known field names, once each, in the contract's order. */
export function normaliseInternalFields(fields: readonly string[]): FeatureInternalField[] {
  const wanted = new Set(fields);
  return FEATURE_INTERNAL_FIELDS.filter((f) => wanted.has(f));
}

/**
 * The shape the helper understands: any object with some of a feature's fields. Only the keys an
 * object has are touched, so a roadmap card with fewer fields goes through it as well as a full detail.
 */
export interface StakeholderShape {
  effort?: number | null;
  scores?: unknown;
  scoreInputs?: unknown;
  description?: string | null;
  requirements?: unknown;
  evidence?: unknown;
  feedback?: unknown[];
  opportunities?: unknown[];
  ownerId?: string | null;
  owner?: unknown;
  hiddenFields?: FeatureInternalField[];
}

/** Which keys of an object each internal field covers, and what they become. */
const HIDE: Record<FeatureInternalField, (f: Record<string, unknown>) => void> = {
  effort: (f) => setIfPresent(f, 'effort', null),
  scores: (f) => {
    setIfPresent(f, 'scores', null);
    setIfPresent(f, 'scoreInputs', null);
  },
  description: (f) => setIfPresent(f, 'description', null),
  requirements: (f) => setIfPresent(f, 'requirements', null),
  evidence: (f) => {
    setIfPresent(f, 'evidence', null);
    setIfPresent(f, 'feedback', []);
    setIfPresent(f, 'opportunities', []);
  },
  owner: (f) => {
    setIfPresent(f, 'ownerId', null);
    setIfPresent(f, 'owner', null);
  },
};

function setIfPresent(f: Record<string, unknown>, key: string, value: unknown): void {
  if (key in f) f[key] = value;
}

/**
 * A copy of the feature with the internal fields nullified (lists emptied), and `hiddenFields` set
 * when the object carries one. Does not decide whether the feature may be shown at all: an internal
 * feature is left out of the stakeholder version altogether (see `visibleToStakeholders`).
 */
export function stakeholderView<T extends StakeholderShape>(feature: T, internalFields: readonly string[]): T {
  const hidden = normaliseInternalFields(internalFields);
  const copy = { ...feature } as Record<string, unknown>;
  for (const field of hidden) HIDE[field](copy);
  if ('hiddenFields' in copy) copy.hiddenFields = hidden;
  return copy as T;
}

/** False for a feature marked internal: stakeholders never see it, not even its title. */
export const visibleToStakeholders = (feature: { internal: boolean }): boolean => !feature.internal;

/** Change keys of the audit entries that each internal field covers. */
const INTERNAL_CHANGE_KEYS: Record<string, string[]> = {
  effort: ['effort'],
  scores: ['scoreInputs'],
  description: ['description'],
  owner: ['ownerId'],
};
/** Entries that are about an internal part as a whole. */
const INTERNAL_ACTIONS: Record<string, string[]> = {
  requirements: ['feature.requirements-update'],
  evidence: ['feature.evidence-link', 'feature.evidence-unlink'],
};

/**
 * The stakeholder version of a history entry: changes of internal fields removed and the summary
 * rebuilt from what is left; null when nothing is left to show.
 */
export function redactHistoryEntry(entry: FeatureHistoryEntry, internalFields: readonly string[]): FeatureHistoryEntry | null {
  if (internalFields.some((f) => INTERNAL_ACTIONS[f]?.includes(entry.action))) return null;
  if (!entry.changes) return entry;
  const hidden = new Set(internalFields.flatMap((f) => INTERNAL_CHANGE_KEYS[f] ?? []));
  const kept = Object.entries(entry.changes).filter(([k]) => !hidden.has(k));
  if (kept.length === Object.keys(entry.changes).length) return entry;
  if (!kept.length) return null;
  const changes = Object.fromEntries(kept) as Record<string, [unknown, unknown]>;
  return { ...entry, changes, summary: `Updated feature: ${describeChanges(changes)}` };
}
