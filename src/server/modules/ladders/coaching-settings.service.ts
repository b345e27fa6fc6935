import type { CoachingSettings, UpdateCoachingSettings } from '../../../shared/contracts.js';
import { ROLES, type Role } from '../../../shared/roles.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { recordUpdate } from '../audit/audit.service.js';
import { findCoachingSettingsRow, updateCoachingSettingsRow, type CoachingSettingsRow } from '../frameworks/coaching-settings.repository.js';
import { ensureCoachingDefaults } from '../frameworks/frameworks.lookup.js';
import { findFrameworkRow } from '../frameworks/frameworks.repository.js';
import { requireVersion } from '../workspaces/workspaces.service.js';

type Ctx = { db: Db; actor: WorkspaceActor };

function present(row: CoachingSettingsRow): CoachingSettings {
  return {
    salaryRoles: ROLES.filter((r) => row.salaryRoles.includes(r)),
    defaultFrameworkId: row.defaultFrameworkId!,
    cadenceDays: row.cadenceDays,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function loadSettings(db: Db, workspaceId: string): Promise<CoachingSettingsRow> {
  await ensureCoachingDefaults(db, workspaceId);
  return (await findCoachingSettingsRow(db, workspaceId))!;
}

/** Coaching settings: who sees salary bands, the default framework, the coaching cadence. */
export async function getCoachingSettings({ db, actor }: Ctx): Promise<CoachingSettings> {
  authorize(actor, 'ladder.read');
  return present(await loadSettings(db, actor.workspaceId));
}

/** Changes the coaching settings (admins). */
export async function updateCoachingSettings({ db, actor, input }: Ctx & { input: UpdateCoachingSettings }): Promise<CoachingSettings> {
  authorize(actor, 'coaching-settings.update');
  const version = requireVersion(input.version);
  await ensureCoachingDefaults(db, actor.workspaceId);
  return db.transaction(async (tx) => {
    const before = present((await findCoachingSettingsRow(tx, actor.workspaceId))!);
    if (input.defaultFrameworkId && !(await findFrameworkRow(tx, actor.workspaceId, input.defaultFrameworkId))) {
      throw invalid('defaultFrameworkId', 'is not a competency framework of this workspace');
    }
    const patch = {
      salaryRoles: input.salaryRoles ? ROLES.filter((r: Role) => input.salaryRoles!.includes(r)) : undefined,
      defaultFrameworkId: input.defaultFrameworkId,
      cadenceDays: input.cadenceDays,
    };
    if (!(await updateCoachingSettingsRow(tx, { workspaceId: actor.workspaceId, version }, patch))) throw versionConflict('Coaching settings');
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'coaching-settings.update',
      entityType: 'coaching-settings',
      entityId: actor.workspaceId,
      label: 'Updated coaching settings',
      before,
      patch,
    });
    return present((await findCoachingSettingsRow(tx, actor.workspaceId))!);
  });
}
