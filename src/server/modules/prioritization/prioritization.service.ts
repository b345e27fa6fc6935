import {
  FRAMEWORK_FACTORS,
  type FeatureScoreCard,
  type PrioritizationFramework,
  type PrioritizationFrameworkInput,
  type PrioritizationFrameworkSet,
  type PrioritizationFrameworksSaved,
  type UpdateTypedScoreInputs,
} from '../../../shared/contracts.js';
import type { FeatureScoreInputs } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordUpdate } from '../audit/audit.service.js';
import { featureRollups } from '../features/features.rollups.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { ensureFrameworks, loadFramework, type LoadedFramework } from './prioritization.frameworks.js';
import {
  FRAMEWORKS_UPDATE_ACTION,
  countFrameworkUpdates,
  deleteFrameworkRowsExcept,
  findFeatureForScores,
  insertFrameworkRows,
  listFrameworkRows,
  lockFrameworks,
  updateFeatureScoreInputs,
  updateFrameworkRow,
  type FeatureForScores,
} from './prioritization.repository.js';
import { rescoreFeatures, rescoreWith, toNumbers } from './prioritization.rescore.js';
import { computeScore, describeFormula } from './prioritization.scoring.js';

type Ctx = { db: Db; actor: WorkspaceActor };

/** The workspace's frameworks, with those made on this first read already scored. */
export async function readyFrameworks(db: Db, workspaceId: string): Promise<LoadedFramework[]> {
  const { frameworks, created } = await ensureFrameworks(db, workspaceId);
  if (created) await rescoreWith(db, workspaceId, frameworks);
  return frameworks;
}

function presentFramework(f: LoadedFramework): PrioritizationFramework {
  return {
    id: f.row.id,
    kind: f.input.kind,
    name: f.row.name,
    enabled: f.row.enabled,
    isDefault: f.row.isDefault,
    position: f.row.position,
    formula: describeFormula(f.scoring),
    config: f.input.config as Record<string, unknown>,
  };
}

async function presentSet(db: Db, workspaceId: string, frameworks: LoadedFramework[]): Promise<PrioritizationFrameworkSet> {
  const latest = frameworks.reduce<Date | null>((m, f) => (!m || f.row.updatedAt > m ? f.row.updatedAt : m), null);
  return { frameworks: frameworks.map(presentFramework), version: (await countFrameworkUpdates(db, workspaceId)) + 1, updatedAt: latest?.toISOString() ?? null };
}

/** The workspace's frameworks (the defaults, made on the first read). */
export async function getFrameworks({ db, actor }: Ctx): Promise<PrioritizationFrameworkSet> {
  authorize(actor, 'prioritization.read');
  return presentSet(db, actor.workspaceId, await readyFrameworks(db, actor.workspaceId));
}

/** The rules a set of frameworks must follow beyond each one's own shape. */
function checkFrameworkSet(list: PrioritizationFrameworkInput[]): void {
  const defaults = list.flatMap((f, i) => (f.isDefault ? [i] : []));
  if (defaults.length === 0) throw invalid('frameworks', 'mark exactly one framework as the default');
  if (defaults.length > 1) throw invalid(`frameworks.${defaults[1]}.isDefault`, 'only one framework can be the default');
  if (!list[defaults[0]!]!.enabled) throw invalid(`frameworks.${defaults[0]}.enabled`, 'the default framework must be enabled');
  const ids = new Set<string>();
  list.forEach((f, i) => {
    if (f.id) {
      if (ids.has(f.id)) throw invalid(`frameworks.${i}.id`, 'appears twice in the set');
      ids.add(f.id);
    }
    if (f.kind !== 'weighted') return;
    const keys = new Set<string>();
    f.config.criteria.forEach((c, j) => {
      if (keys.has(c.key)) throw invalid(`frameworks.${i}.config.criteria.${j}.key`, `"${c.key}" is used by another criterion of this framework`);
      keys.add(c.key);
    });
    if (!f.config.criteria.some((c) => c.weight > 0)) throw invalid(`frameworks.${i}.config.criteria`, 'at least one weight must be above 0');
  });
}

/** One line per framework for the audit diff: "RICE": "default · reach × impact × confidence ÷ effort". */
function auditView(list: { name: string; enabled: boolean; isDefault: boolean; formula: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  list.forEach((f, i) => {
    const key = f.name in out ? `${f.name} (${i + 1})` : f.name;
    out[key] = [f.isDefault ? 'default' : null, f.enabled ? null : 'disabled', f.formula].filter(Boolean).join(' · ');
  });
  return out;
}

/**
 * Replaces the whole set of frameworks (kept by id, the others deleted with their scores), audits the
 * change, and rescores every feature of the workspace under the new set, in one transaction.
 */
export async function replaceFrameworks({ db, actor, input }: Ctx & { input: { frameworks: PrioritizationFrameworkInput[]; version?: number } }): Promise<PrioritizationFrameworksSaved> {
  authorize(actor, 'prioritization.manage');
  checkFrameworkSet(input.frameworks);
  const ws = actor.workspaceId;
  return db.transaction(async (tx) => {
    await ensureFrameworks(tx, ws);
    await lockFrameworks(tx, ws);
    const current = (await listFrameworkRows(tx, ws)).map(loadFramework);
    const version = (await countFrameworkUpdates(tx, ws)) + 1;
    if (input.version !== undefined && input.version !== version) throw versionConflict('The prioritization frameworks');
    const known = new Set(current.map((f) => f.row.id));
    input.frameworks.forEach((f) => {
      if (f.id && !known.has(f.id)) throw notFound('Framework');
    });

    await deleteFrameworkRowsExcept(
      tx,
      ws,
      input.frameworks.flatMap((f) => (f.id ? [f.id] : [])),
    );
    const fresh = [];
    for (const [position, f] of input.frameworks.entries()) {
      const values = { kind: f.kind, name: f.name, enabled: f.enabled, isDefault: f.isDefault, config: f.config as Record<string, unknown>, position };
      if (f.id) await updateFrameworkRow(tx, ws, f.id, values);
      else fresh.push({ id: newId(), workspaceId: ws, ...values });
    }
    await insertFrameworkRows(tx, fresh);
    const saved = (await listFrameworkRows(tx, ws)).map(loadFramework);

    const before = auditView(current.map((f) => ({ ...f.row, formula: describeFormula(f.scoring) })));
    const after = auditView(saved.map((f) => ({ ...f.row, formula: describeFormula(f.scoring) })));
    await recordUpdate(tx, actor, {
      workspaceId: ws,
      action: FRAMEWORKS_UPDATE_ACTION,
      entityType: 'prioritization-frameworks',
      entityId: ws,
      label: 'Updated prioritization frameworks',
      before,
      // A removed framework shows as "name: … → —".
      patch: { ...Object.fromEntries(Object.keys(before).map((k) => [k, null])), ...after },
    });

    const started = performance.now();
    const features = await rescoreWith(tx, ws, saved);
    const ms = Math.round(performance.now() - started);
    return { ...(await presentSet(tx, ws, saved)), rescored: { features, ms } };
  });
}

/** A feature of the actor's workspace, or 404. */
async function requireFeature(db: Db, workspaceId: string, featureId: string): Promise<FeatureForScores> {
  const feature = await findFeatureForScores(db, workspaceId, featureId);
  if (!feature) throw notFound('Feature');
  return feature;
}

async function presentScoreCard(db: Db, workspaceId: string, feature: FeatureForScores, frameworks: LoadedFramework[]): Promise<FeatureScoreCard> {
  const enabled = frameworks.filter((f) => f.row.enabled).sort((a, b) => Number(b.row.isDefault) - Number(a.row.isDefault) || a.row.position - b.row.position);
  const rollup = (await featureRollups(db, workspaceId, [feature.id])).get(feature.id);
  const facts = { effort: feature.effort, inputs: feature.scoreInputs, rollup: toNumbers(rollup) };
  return {
    featureId: feature.id,
    version: feature.version,
    inputs: feature.scoreInputs,
    facts: { effort: feature.effort, evidenceCount: rollup?.evidenceCount ?? 0, customerCount: rollup?.customerCount ?? 0, arr: rollup?.arr ?? '0' },
    scores: enabled.map((f) => ({ frameworkId: f.row.id, name: f.row.name, kind: f.input.kind, isDefault: f.row.isDefault, ...computeScore(f.scoring, facts) })),
  };
}

/** A feature's score under each enabled framework, explained, with its typed inputs. */
export async function getFeatureScores({ db, actor, featureId }: Ctx & { featureId: string }): Promise<FeatureScoreCard> {
  authorize(actor, 'prioritization.read');
  const feature = await requireFeature(db, actor.workspaceId, featureId);
  return presentScoreCard(db, actor.workspaceId, feature, await readyFrameworks(db, actor.workspaceId));
}

const WEIGHTED_KEY = /^[a-z][a-zA-Z0-9_]{0,39}$/;

/** Merges the sent kinds into the stored inputs: a kind sent replaces that kind's values; nulls clear. */
function mergeInputs(stored: FeatureScoreInputs, sent: UpdateTypedScoreInputs['inputs']): FeatureScoreInputs {
  const merged: FeatureScoreInputs = { ...stored };
  for (const [kind, values] of Object.entries(sent)) {
    if (!values) continue;
    const allowed = kind === 'weighted' ? null : new Set<string>(FRAMEWORK_FACTORS[kind as keyof typeof FRAMEWORK_FACTORS].map((f) => f.key));
    const kept: Record<string, number> = {};
    for (const [key, value] of Object.entries(values)) {
      if (allowed && !allowed.has(key)) throw invalid(`inputs.${kind}.${key}`, `unknown input; ${kind} takes ${[...allowed].join(', ')}`);
      if (!allowed && !WEIGHTED_KEY.test(key)) throw invalid(`inputs.${kind}.${key}`, 'is not a criterion key');
      if (value !== null) kept[key] = value;
    }
    if (Object.keys(kept).length) merged[kind] = kept;
    else delete merged[kind];
  }
  return merged;
}

/** "rice.reach" → value, for a readable audit diff. */
function flatten(inputs: FeatureScoreInputs): Record<string, number> {
  return Object.fromEntries(Object.entries(inputs).flatMap(([kind, values]) => Object.entries(values).map(([k, v]) => [`${kind}.${k}`, v])));
}

/** Sets a feature's typed inputs (a PM only on their own components), audits, and rescores the feature. */
export async function updateFeatureScores({ db, actor, featureId, input }: Ctx & { featureId: string; input: UpdateTypedScoreInputs }): Promise<FeatureScoreCard> {
  const feature = await requireFeature(db, actor.workspaceId, featureId);
  authorize(actor, 'feature.update', { ownerIds: [feature.componentOwnerId] });
  const version = requireVersion(input.version);
  const merged = mergeInputs(feature.scoreInputs, input.inputs);
  await db.transaction(async (tx) => {
    if ((await updateFeatureScoreInputs(tx, actor.workspaceId, featureId, version, merged)) === undefined) throw versionConflict('The feature');
    const before = flatten(feature.scoreInputs);
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'feature.scores.update',
      entityType: 'feature',
      entityId: featureId,
      label: `Updated the score inputs of "${feature.title}"`,
      before,
      patch: { ...Object.fromEntries(Object.keys(before).map((k) => [k, null])), ...flatten(merged) },
    });
    await rescoreFeatures(tx, actor.workspaceId, [featureId]);
  });
  return presentScoreCard(db, actor.workspaceId, await requireFeature(db, actor.workspaceId, featureId), await readyFrameworks(db, actor.workspaceId));
}
