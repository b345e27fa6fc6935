import type { Db } from '../../db/client.js';
import { featureRollups, type FeatureRollup } from '../features/features.rollups.js';
import { ensureFrameworks, loadFramework, type LoadedFramework } from './prioritization.frameworks.js';
import { deleteScoresOfFrameworks, loadScoringFacts, updateFrameworkRow, writeFrameworkScores } from './prioritization.repository.js';
import { scoreValue, usesRollups, type FeatureFacts } from './prioritization.scoring.js';

/** Features per statement: few round trips, array parameters of a few hundred kilobytes. */
const WRITE_BATCH = 20_000;
const NO_ROLLUP = { evidenceCount: 0, customerCount: 0, arr: 0 };

/**
 * Recomputes the stored scores (feature_scores) of these features — all of the workspace's when
 * `featureIds` is omitted — under every enabled framework. Returns how many features were scored.
 * Called by the features module after a feature's score inputs, effort or evidence change.
 */
export async function rescoreFeatures(db: Db, workspaceId: string, featureIds?: string[]): Promise<number> {
  const { frameworks, created } = await ensureFrameworks(db, workspaceId);
  // Frameworks made just now have no scores for any feature yet.
  return rescoreWith(db, workspaceId, frameworks, created ? undefined : featureIds);
}

/**
 * Scores the features under the given frameworks: reads every input in one query (and the roll-ups in
 * one call, only when a framework reads them), computes in memory, and writes set-based in batches.
 */
export async function rescoreWith(db: Db, workspaceId: string, frameworks: LoadedFramework[], featureIds?: string[]): Promise<number> {
  const enabled = frameworks.filter((f) => f.row.enabled);
  if (!featureIds) {
    // A full rescore also drops what disabled frameworks left behind, so nothing ranks by stale scores.
    await deleteScoresOfFrameworks(
      db,
      workspaceId,
      frameworks.filter((f) => !f.row.enabled).map((f) => f.row.id),
    );
  }
  const facts = await loadScoringFacts(db, workspaceId, featureIds);
  if (!facts.length || !enabled.length) return facts.length;
  const rollups = enabled.some((f) => usesRollups(f.scoring))
    ? await featureRollups(
        db,
        workspaceId,
        facts.map((f) => f.id),
      )
    : null;

  const factsOf = facts.map((feature): FeatureFacts => ({ effort: feature.effort, inputs: feature.scoreInputs, rollup: toNumbers(rollups?.get(feature.id)) }));
  for (let from = 0; from < facts.length; from += WRITE_BATCH) {
    const ids = facts.slice(from, from + WRITE_BATCH).map((f) => f.id);
    const batchFacts = factsOf.slice(from, from + WRITE_BATCH);
    for (const f of enabled) {
      await writeFrameworkScores(
        db,
        workspaceId,
        f.row.id,
        ids,
        batchFacts.map((x) => scoreValue(f.scoring, x)),
      );
    }
  }
  return facts.length;
}

/** A roll-up with its ARR as a number (exact decimal strings are far inside double precision here). */
export function toNumbers(r: FeatureRollup | undefined): FeatureFacts['rollup'] {
  return r ? { evidenceCount: r.evidenceCount, customerCount: r.customerCount, arr: Number(r.arr) || 0 } : NO_ROLLUP;
}

/**
 * For the bench: one framework weight change and the rescoring of every feature of the workspace that
 * follows it, as a lead saving the settings page would cause; returns the milliseconds it took. The first
 * weighted framework's first weight goes up by one (so its scores really change and are written), or,
 * without a weighted framework, every feature is rescored as is.
 */
export async function benchRescoreAll(db: Db, workspaceId: string): Promise<number> {
  const { frameworks, created } = await ensureFrameworks(db, workspaceId);
  // Frameworks made just now have no scores yet: score once, untimed, so the timed run is a rescore.
  if (created) await rescoreWith(db, workspaceId, frameworks);
  const started = performance.now();
  const weighted = frameworks.find((f) => f.input.kind === 'weighted' && f.row.enabled);
  let current = frameworks;
  if (weighted && weighted.input.kind === 'weighted') {
    const [first, ...rest] = weighted.input.config.criteria;
    const config = { criteria: [{ ...first!, weight: first!.weight + 1 }, ...rest] };
    await updateFrameworkRow(db, workspaceId, weighted.row.id, { kind: 'weighted', name: weighted.row.name, enabled: true, isDefault: weighted.row.isDefault, config, position: weighted.row.position });
    current = frameworks.map((f) => (f === weighted ? loadFramework({ ...f.row, config }) : f));
  }
  await rescoreWith(db, workspaceId, current);
  return performance.now() - started;
}
