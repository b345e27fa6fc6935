import type { CreateFeature, FeatureDetail, FeatureHistoryEntry, FeatureList, FeatureListQuery, UpdateFeature } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { assertPillarOfProduct } from '../pillars/pillars.lookup.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { existingMemberIds } from '../members/members.repository.js';
import { notify } from '../notifications/notifications.service.js';
import { notifyFeatureShipped } from '../outreach/outreach.service.js';
import { rescoreFeatures } from '../prioritization/prioritization.rescore.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { featureFeedbackIds } from './features-links.repository.js';
import { unmarkUnlinkedFeedback } from '../feedback/feedback.repository.js';
import { decodeFeatureCursor, encodeFeatureCursor } from './features.cursor.js';
import { findVisibleFeature, loadFeatureDetail } from './features.detail.js';
import { presentFeatureSummary, presentHistoryEntry } from './features.presenter.js';
import {
  deleteFeatureRow,
  findComponentForFeature,
  findMemberUsers,
  findReleaseProduct,
  insertFeature,
  listFeatureAudit,
  listFeatureRows,
  nextBoardRank,
  updateFeatureRow,
  type FeatureFull,
  type FeaturePatch,
} from './features.repository.js';
import { featureRollups } from './features.rollups.js';
import { loadInternalFields, readsStakeholderVersion, redactHistoryEntry, stakeholderView } from './features.stakeholder.js';

type Ctx = { db: Db; actor: WorkspaceActor };

/** A page of features with their roll-ups; viewers get the stakeholder version without internal features. */
export async function listFeatures({ db, actor, query }: Ctx & { query: FeatureListQuery }): Promise<FeatureList> {
  authorize(actor, 'feature.read');
  const stakeholder = readsStakeholderVersion(actor.role);
  const rows = await listFeatureRows(db, actor.workspaceId, {
    ...query,
    publicOnly: stakeholder,
    after: query.cursor ? decodeFeatureCursor(query.cursor) : undefined,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeFeatureCursor({ updatedAt: last.cursorKey, id: last.id }) : null;
  const rollups = await featureRollups(
    db,
    actor.workspaceId,
    page.map((r) => r.id),
  );
  const items = page.map((r) => presentFeatureSummary(r, rollups.get(r.id)));
  if (!stakeholder) return { items, nextCursor };
  const internal = await loadInternalFields(db, actor.workspaceId);
  return { items: items.map((i) => stakeholderView(i, internal)), nextCursor };
}

/** One feature with everything linked to it. */
export async function getFeature({ db, actor, featureId }: Ctx & { featureId: string }): Promise<FeatureDetail> {
  authorize(actor, 'feature.read');
  return loadFeatureDetail(db, actor, featureId);
}

/** The component a feature goes in, or 404. */
async function componentOf(db: Db, workspaceId: string, componentId: string) {
  const component = await findComponentForFeature(db, workspaceId, componentId);
  if (!component) throw notFound('Component');
  return component;
}

/** The dates must not run backwards; the message names endDate, the field to fix. */
function checkDates(startDate: string | null, endDate: string | null): void {
  if (startDate && endDate && endDate < startDate) throw invalid('endDate', `must be on or after startDate (${startDate})`);
}

/** A release must exist in the workspace (404) and belong to the feature's product (400). */
async function checkRelease(db: Db, workspaceId: string, releaseId: string | null, productId: string): Promise<void> {
  if (!releaseId) return;
  const release = await findReleaseProduct(db, workspaceId, releaseId);
  if (!release) throw notFound('Release');
  if (release.productId !== productId) throw invalid('releaseId', `“${release.name}” is a release of another product; pick a release of this feature's product`);
}

async function checkOwner(db: Db, workspaceId: string, ownerId: string | null | undefined): Promise<void> {
  if (ownerId && !(await existingMemberIds(db, workspaceId, [ownerId])).has(ownerId)) throw invalid('ownerId', 'is not a member of this workspace');
}

/** Tells a newly assigned owner (unless they assigned themselves). */
async function tellNewOwner(db: Db, actor: WorkspaceActor, ownerId: string | null, feature: { id: string; title: string }): Promise<void> {
  if (!ownerId || ownerId === actor.memberId) return;
  const userId = (await findMemberUsers(db, actor.workspaceId, [ownerId])).get(ownerId);
  if (!userId) return;
  await notify(db, {
    workspaceId: actor.workspaceId,
    userIds: [userId],
    kind: 'feature.owner-assigned',
    title: `You now own “${feature.title}”`,
    body: `${actor.name} made you the owner of the feature “${feature.title}”.`,
    link: `/w/${actor.workspaceId}/features/${feature.id}`,
  });
}

/** Creates a feature at the end of its board lane; the owner defaults to the component's owner PM. */
export async function createFeature({ db, actor, input }: Ctx & { input: CreateFeature }): Promise<FeatureDetail> {
  return db.transaction(async (tx) => {
    const component = await componentOf(tx, actor.workspaceId, input.componentId);
    authorize(actor, 'feature.create', { ownerIds: [component.ownerId] });
    const startDate = input.startDate ?? null;
    const endDate = input.endDate ?? null;
    checkDates(startDate, endDate);
    await checkOwner(tx, actor.workspaceId, input.ownerId);
    await checkRelease(tx, actor.workspaceId, input.releaseId ?? null, component.productId);
    if (input.pillarId) await assertPillarOfProduct(tx, actor.workspaceId, input.pillarId, component.productId);
    const id = newId();
    const horizon = input.horizon ?? null;
    const ownerId = input.ownerId === undefined ? component.ownerId : input.ownerId;
    const now = new Date();
    await insertFeature(tx, {
      id,
      workspaceId: actor.workspaceId,
      componentId: component.id,
      title: input.title,
      description: input.description ?? '',
      ownerId,
      status: input.status ?? 'idea',
      horizon,
      startDate,
      endDate,
      effort: input.effort ?? null,
      releaseId: input.releaseId ?? null,
      pillarId: input.pillarId ?? null,
      internal: input.internal ?? false,
      public: input.public ?? false,
      scoreInputs: input.scores ?? {},
      boardRank: await nextBoardRank(tx, component.id, horizon),
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'feature.create',
      entityType: 'feature',
      entityId: id,
      summary: `Created feature “${input.title}” in ${component.name}`,
    });
    await tellNewOwner(tx, actor, ownerId, { id, title: input.title });
    await rescoreFeatures(tx, actor.workspaceId, [id]);
    return loadFeatureDetail(tx, actor, id);
  });
}

/** The columns a PATCH body sets (fields left out stay as they are). */
function patchOf(input: UpdateFeature): FeaturePatch {
  const patch: FeaturePatch = {
    componentId: input.componentId,
    title: input.title,
    description: input.description,
    ownerId: input.ownerId,
    status: input.status,
    horizon: input.horizon,
    startDate: input.startDate,
    endDate: input.endDate,
    effort: input.effort,
    releaseId: input.releaseId,
    pillarId: input.pillarId,
    internal: input.internal,
    public: input.public,
    scoreInputs: input.scores,
  };
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as FeaturePatch;
}

/**
 * Checks a PATCH against the feature as it is: ownership of the component it is in and, for a move,
 * of the one it goes to; dates; owner; and that the release (new or kept) is of the product it ends in.
 */
async function checkUpdate(db: Db, actor: WorkspaceActor, before: FeatureFull, input: UpdateFeature): Promise<{ productId: string }> {
  authorize(actor, 'feature.update', { ownerIds: [before.componentOwnerId] });
  let productId = before.productId;
  if (input.componentId && input.componentId !== before.componentId) {
    const target = await componentOf(db, actor.workspaceId, input.componentId);
    authorize(actor, 'feature.update', { ownerIds: [target.ownerId] });
    productId = target.productId;
  }
  checkDates(input.startDate === undefined ? before.startDate : input.startDate, input.endDate === undefined ? before.endDate : input.endDate);
  await checkOwner(db, actor.workspaceId, input.ownerId);
  await checkRelease(db, actor.workspaceId, input.releaseId === undefined ? before.releaseId : input.releaseId, productId);
  if (input.pillarId) await assertPillarOfProduct(db, actor.workspaceId, input.pillarId, productId);
  return { productId };
}

/** Edits a feature when `version` is current (409 otherwise); a new lane puts it at the lane's end. */
export async function updateFeature({ db, actor, featureId, input }: Ctx & { featureId: string; input: UpdateFeature }): Promise<FeatureDetail> {
  let shipped = false;
  const detail = await db.transaction(async (tx) => {
    const before = await findVisibleFeature(tx, actor, featureId);
    const { productId } = await checkUpdate(tx, actor, before, input);
    const version = requireVersion(input.version);
    const patch = patchOf(input);
    // A move to another product's component leaves the old product's pillar behind: the feature is unlinked.
    if (productId !== before.productId && input.pillarId === undefined && before.pillarId) patch.pillarId = null;
    const componentId = patch.componentId ?? before.componentId;
    const horizon = patch.horizon === undefined ? before.horizon : patch.horizon;
    const laneChanged = componentId !== before.componentId || horizon !== before.horizon;
    const rank = laneChanged ? { boardRank: await nextBoardRank(tx, componentId, horizon) } : {};
    if (!(await updateFeatureRow(tx, { workspaceId: actor.workspaceId, id: featureId, version }, { ...patch, ...rank }))) throw versionConflict('Feature');
    const changes = await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'feature.update',
      entityType: 'feature',
      entityId: featureId,
      label: `Updated feature “${before.title}”`,
      before,
      patch,
    });
    if (changes.ownerId) await tellNewOwner(tx, actor, patch.ownerId ?? null, { id: featureId, title: patch.title ?? before.title });
    if (changes.scoreInputs || changes.effort) await rescoreFeatures(tx, actor.workspaceId, [featureId]);
    shipped = patch.status === 'shipped' && before.status !== 'shipped';
    return loadFeatureDetail(tx, actor, featureId);
  });
  // Once it is committed, everyone who asked for it hears that it shipped (in the app, and by email); a
  // failure to tell them does not fail the edit, which is saved.
  if (shipped)
    await notifyFeatureShipped(db, { workspaceId: actor.workspaceId, featureId }).catch((e: unknown) =>
      process.emitWarning(`Telling the requesters that feature ${featureId} shipped failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  return detail;
}

/** Deletes a feature with its links; feedback it leaves without any link returns to triaged. */
export async function deleteFeature({ db, actor, featureId }: Ctx & { featureId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findVisibleFeature(tx, actor, featureId);
    authorize(actor, 'feature.delete', { ownerIds: [before.componentOwnerId] });
    const feedbackIds = await featureFeedbackIds(tx, actor.workspaceId, featureId);
    await deleteFeatureRow(tx, actor.workspaceId, featureId);
    await unmarkUnlinkedFeedback(tx, actor.workspaceId, feedbackIds);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'feature.delete',
      entityType: 'feature',
      entityId: featureId,
      summary: `Deleted feature “${before.title}” from ${before.componentName}`,
    });
  });
}

/** The feature's audited changes, newest first (the stakeholder version for viewers). */
export async function featureHistory({ db, actor, featureId }: Ctx & { featureId: string }): Promise<{ items: FeatureHistoryEntry[] }> {
  authorize(actor, 'feature.read');
  await findVisibleFeature(db, actor, featureId);
  const items = (await listFeatureAudit(db, actor.workspaceId, featureId, 200)).map(presentHistoryEntry);
  if (!readsStakeholderVersion(actor.role)) return { items };
  const internal = await loadInternalFields(db, actor.workspaceId);
  return { items: items.flatMap((e) => redactHistoryEntry(e, internal) ?? []) };
}
