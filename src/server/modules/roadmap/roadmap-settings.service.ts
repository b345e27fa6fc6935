import { CAPACITY_UNITS, DEFAULT_INTERNAL_FIELDS, type CapacityUnit, type RoadmapSettings, type UpdateRoadmapSettings } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { recordUpdate } from '../audit/audit.service.js';
import { normaliseInternalFields } from '../features/features.stakeholder.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { findRoadmapSettingsRow, insertRoadmapSettingsRow, updateRoadmapSettingsRow } from './roadmap-settings.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor };

/**
 * The workspace's roadmap settings, or the defaults (version 1) while it has none. Other modules read
 * it too: the capacity unit, and which fields the stakeholder version hides.
 */
export async function loadRoadmapSettings(db: Db, workspaceId: string): Promise<RoadmapSettings> {
  const row = await findRoadmapSettingsRow(db, workspaceId);
  if (!row) return { capacityUnit: 'points', internalFields: [...DEFAULT_INTERNAL_FIELDS], version: 1 };
  const unit = (CAPACITY_UNITS as readonly string[]).includes(row.capacityUnit) ? (row.capacityUnit as CapacityUnit) : 'points';
  // A field name this version does not know (written by a newer one) is ignored, not an error.
  return { capacityUnit: unit, internalFields: normaliseInternalFields(row.internalFields), version: row.version };
}

/** The roadmap settings, for any member. */
export async function getRoadmapSettings({ db, actor }: Ctx): Promise<RoadmapSettings> {
  authorize(actor, 'feature.read');
  return loadRoadmapSettings(db, actor.workspaceId);
}

/** Replaces the capacity unit and the internal fields, if the caller read the current version. */
export async function updateRoadmapSettings({ db, actor, input }: Ctx & { input: UpdateRoadmapSettings }): Promise<RoadmapSettings> {
  authorize(actor, 'roadmap-settings.update');
  const version = requireVersion(input.version);
  const values = { capacityUnit: input.capacityUnit, internalFields: normaliseInternalFields(input.internalFields) };
  return db.transaction(async (tx) => {
    const before = await loadRoadmapSettings(tx, actor.workspaceId);
    if (before.version !== version) throw versionConflict('Roadmap settings');
    // The defaults are version 1 without a row: the first save inserts it.
    const written = version === 1 && !(await findRoadmapSettingsRow(tx, actor.workspaceId))
      ? await insertRoadmapSettingsRow(tx, actor.workspaceId, values)
      : await updateRoadmapSettingsRow(tx, { workspaceId: actor.workspaceId, version }, values);
    if (!written) throw versionConflict('Roadmap settings');
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'roadmap-settings.update',
      entityType: 'roadmap_settings',
      entityId: null,
      label: 'Updated the roadmap settings',
      before: { capacityUnit: before.capacityUnit, internalFields: before.internalFields },
      patch: values,
    });
    return loadRoadmapSettings(tx, actor.workspaceId);
  });
}
