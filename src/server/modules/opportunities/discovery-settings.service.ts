import { EVIDENCE_SOURCES, type DiscoverySettings, type UpdateDiscoverySettings } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { recordUpdate } from '../audit/audit.service.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { ensureSettingsRow, findSettingsRow, updateSettingsRow, type DiscoverySettingsRow } from './discovery-settings.repository.js';
import { resolveGrading, type GradingSettings } from './evidence-grading.js';

type Ctx = { db: Db; actor: WorkspaceActor };

// The threshold is a float4 column: 0.7 reads back as 0.699999988; four decimals is all a person sets.
const tidy = (n: number) => Math.round(n * 10_000) / 10_000;

/** The grading settings of a workspace, the defaults while it has no row. */
export async function loadGrading(db: Db, workspaceId: string): Promise<GradingSettings> {
  return toGrading(await findSettingsRow(db, workspaceId));
}

function toGrading(row: DiscoverySettingsRow | undefined): GradingSettings {
  const g = resolveGrading(row ? { sourceWeights: row.sourceWeights, halfLifeDays: row.halfLifeDays, concentrationThreshold: row.concentrationThreshold } : null);
  return { ...g, concentrationThreshold: tidy(g.concentrationThreshold) };
}

function present(row: DiscoverySettingsRow | undefined): DiscoverySettings {
  const g = toGrading(row);
  return {
    sourceWeights: Object.fromEntries(EVIDENCE_SOURCES.map((s) => [s, g.sourceWeights[s]!])) as DiscoverySettings['sourceWeights'],
    halfLifeDays: g.halfLifeDays,
    concentrationThreshold: g.concentrationThreshold,
    version: row?.version ?? 1,
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}

/** How the workspace grades evidence (the defaults until someone changes them). */
export async function getDiscoverySettings({ db, actor }: Ctx): Promise<DiscoverySettings> {
  authorize(actor, 'opportunity.read');
  return present(await findSettingsRow(db, actor.workspaceId));
}

/** Changes source weights, the half-life or the concentration threshold; versioned like any record. */
export async function updateDiscoverySettings({ db, actor, input }: Ctx & { input: UpdateDiscoverySettings }): Promise<DiscoverySettings> {
  authorize(actor, 'discovery-settings.update');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    // A workspace that never changed its settings has no row yet: it reads as version 1 of the defaults.
    await ensureSettingsRow(tx, actor.workspaceId);
    const before = toGrading(await findSettingsRow(tx, actor.workspaceId));
    const weights = Object.fromEntries(Object.entries(input.sourceWeights ?? {}).filter(([, w]) => w !== undefined)) as Record<string, number>;
    const patch = {
      sourceWeights: input.sourceWeights ? { ...before.sourceWeights, ...weights } : undefined,
      halfLifeDays: input.halfLifeDays,
      concentrationThreshold: input.concentrationThreshold,
    };
    if (!(await updateSettingsRow(tx, { workspaceId: actor.workspaceId, version }, patch))) throw versionConflict('Discovery settings');
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'discovery-settings.update',
      entityType: 'discovery-settings',
      entityId: actor.workspaceId,
      label: 'Updated evidence grading',
      before,
      patch,
    });
    return present(await findSettingsRow(tx, actor.workspaceId));
  });
}
