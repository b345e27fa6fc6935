import type { FeatureRequirements, RequirementRevision, RequirementRevisionMeta, SaveFeatureRequirements } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { AppError, forbidden, notFound } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { findRequirements, findRevision, listRevisions, saveRequirements, type RevisionRow } from './features-requirements.repository.js';
import { findVisibleFeature } from './features.detail.js';
import { loadInternalFields, readsStakeholderVersion } from './features.stakeholder.js';
import { REQUIREMENTS_TEMPLATE } from './features.template.js';

type Ctx = { db: Db; actor: WorkspaceActor; featureId: string };

/** Reading requirements: the feature must be visible, and viewers only when the workspace shares them. */
async function checkReadable(db: Db, actor: WorkspaceActor, featureId: string) {
  authorize(actor, 'feature.read');
  const feature = await findVisibleFeature(db, actor, featureId);
  if (readsStakeholderVersion(actor.role) && (await loadInternalFields(db, actor.workspaceId)).includes('requirements')) {
    throw forbidden('The requirements of features are internal to the product team in this workspace');
  }
  return feature;
}

const staleRevision = (current: number) =>
  new AppError('version_conflict', `revision: the requirements were saved by someone else since you read them (revision ${current} is current); reload and try again`, 'revision');

/** The current requirements, or the template while none were saved (revision 0). */
export async function getFeatureRequirements({ db, actor, featureId }: Ctx): Promise<FeatureRequirements> {
  await checkReadable(db, actor, featureId);
  const current = await findRequirements(db, actor.workspaceId, featureId);
  if (!current) return { body: REQUIREMENTS_TEMPLATE, revision: 0, updatedAt: null, updatedBy: null, template: true };
  return {
    body: current.body,
    revision: current.revision,
    updatedAt: current.updatedAt.toISOString(),
    updatedBy: current.updatedById ? { id: current.updatedById, name: current.updatedByName ?? 'Unknown' } : null,
    template: false,
  };
}

/** Saves a new revision when `revision` is the current one (409 otherwise). */
export async function saveFeatureRequirements({ db, actor, featureId, input }: Ctx & { input: SaveFeatureRequirements }): Promise<FeatureRequirements> {
  return db.transaction(async (tx) => {
    const feature = await findVisibleFeature(tx, actor, featureId);
    authorize(actor, 'feature.update', { ownerIds: [feature.componentOwnerId] });
    const current = await findRequirements(tx, actor.workspaceId, featureId);
    const currentRevision = current?.revision ?? 0;
    if (input.revision !== currentRevision) throw staleRevision(currentRevision);
    const next = currentRevision + 1;
    const saved = await saveRequirements(tx, { id: newId(), workspaceId: actor.workspaceId, featureId, body: input.body, next, memberId: actor.memberId, now: new Date() });
    // Someone saved between our read and our write.
    if (!saved) throw staleRevision(currentRevision + 1);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'feature.requirements-update',
      entityType: 'feature',
      entityId: featureId,
      summary: `Saved revision ${next} of the requirements of “${feature.title}”`,
      changes: { revision: [currentRevision, next], length: [current?.body.length ?? 0, input.body.length] },
    });
    return getFeatureRequirements({ db: tx, actor, featureId });
  });
}

const presentRevision = (r: RevisionRow): RequirementRevisionMeta => ({
  revision: r.revision,
  author: r.authorId ? { id: r.authorId, name: r.authorName ?? 'Unknown' } : null,
  createdAt: r.createdAt.toISOString(),
  length: Number(r.length),
});

/** The saved revisions, newest first, without bodies. */
export async function listRequirementRevisions({ db, actor, featureId }: Ctx): Promise<{ items: RequirementRevisionMeta[] }> {
  await checkReadable(db, actor, featureId);
  return { items: (await listRevisions(db, actor.workspaceId, featureId)).map(presentRevision) };
}

/** One saved revision with its body. */
export async function getRequirementRevision({ db, actor, featureId, revision }: Ctx & { revision: number }): Promise<RequirementRevision> {
  await checkReadable(db, actor, featureId);
  const row = await findRevision(db, actor.workspaceId, featureId, revision);
  if (!row) throw notFound('Revision');
  return { ...presentRevision(row), body: row.body };
}
