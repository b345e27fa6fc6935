import type { CreateRelease, ReleaseDetail, ReleaseNotesDraft, ReleaseSummary, UpdateRelease } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { loadRoadmapFacts } from './capacity.repository.js';
import { draftReleaseNotes } from './release-notes.js';
import { presentRelease, presentReleaseDetail } from './releases.presenter.js';
import {
  componentNames,
  deleteReleaseRow,
  findProductComponents,
  findReleaseRow,
  insertRelease,
  listReleaseFeatureRows,
  listReleaseRows,
  listShippedForNotes,
  setReleaseComponents,
  updateReleaseRow,
  type ReleaseFull,
} from './releases.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor };

/** Viewers read the stakeholder version: internal features are left out of releases. */
const isStakeholder = (actor: WorkspaceActor) => actor.role === 'viewer';

/** Releases of the workspace, optionally of one product or status. */
export async function listReleases({ db, actor, query }: Ctx & { query: { productId?: string; status?: string } }): Promise<{ items: ReleaseSummary[]; total: number }> {
  authorize(actor, 'release.read');
  if (query.productId && !(await findProductComponents(db, actor.workspaceId, query.productId))) throw notFound('Product');
  const rows = await listReleaseRows(db, actor.workspaceId, { ...query, hideInternal: isStakeholder(actor) });
  return { items: rows.map(presentRelease), total: rows.length };
}

async function loadDetail(db: Db, actor: WorkspaceActor, releaseId: string): Promise<ReleaseDetail> {
  const hideInternal = isStakeholder(actor);
  const row = await findReleaseRow(db, actor.workspaceId, releaseId, hideInternal);
  if (!row) throw notFound('Release');
  // One query at a time: inside a transaction, and on the embedded database, they queue anyway.
  const components = await componentNames(db, actor.workspaceId, row.componentIds);
  const features = await listReleaseFeatureRows(db, actor.workspaceId, releaseId, hideInternal);
  const facts = await loadRoadmapFacts(db, actor.workspaceId);
  return presentReleaseDetail(row, components, features, hideInternal && facts.internalFields.includes('effort'));
}

/** A release with its components, features and notes. */
export async function getRelease({ db, actor, releaseId }: Ctx & { releaseId: string }): Promise<ReleaseDetail> {
  authorize(actor, 'release.read');
  return loadDetail(db, actor, releaseId);
}

/** Components of a release must be components of its product: anything else is a 400 naming the field. */
function checkComponents(product: { name: string; components: { id: string }[] }, componentIds: string[] | undefined): void {
  const known = new Set(product.components.map((c) => c.id));
  const stranger = componentIds?.find((id) => !known.has(id));
  if (stranger) throw invalid('componentIds', `${stranger} is not a component of ${product.name}`);
}

/** Creates a release of a product, with the components that take part in it. */
export async function createRelease({ db, actor, input }: Ctx & { input: CreateRelease }): Promise<ReleaseDetail> {
  authorize(actor, 'release.create');
  const id = newId();
  return db.transaction(async (tx) => {
    const product = await findProductComponents(tx, actor.workspaceId, input.productId);
    if (!product) throw invalid('productId', 'is not a product of this workspace');
    checkComponents(product, input.componentIds);
    await insertRelease(tx, { id, workspaceId: actor.workspaceId, productId: product.id, name: input.name, date: input.date ?? null, description: input.description ?? '' });
    if (input.componentIds?.length) await setReleaseComponents(tx, actor.workspaceId, id, input.componentIds);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'release.create',
      entityType: 'release',
      entityId: id,
      summary: `Created release “${input.name}” of ${product.name}${input.date ? ` for ${input.date}` : ''}`,
    });
    return loadDetail(tx, actor, id);
  });
}

/** Notes can be long: the audit log records that they changed and their length, not the text twice. */
const notesMark = (notes: string, edited = false) => `${notes.length} characters${edited ? ' (edited)' : ''}`;

function auditView(before: ReleaseFull, input: UpdateRelease) {
  const componentIds = input.componentIds ? [...new Set(input.componentIds)].sort() : undefined;
  const notesChanged = input.notes !== undefined && input.notes !== before.notes;
  return {
    before: { ...before, componentIds: [...before.componentIds].sort(), notes: notesMark(before.notes) },
    patch: {
      name: input.name,
      date: input.date,
      description: input.description,
      status: input.status,
      componentIds,
      notes: notesChanged ? notesMark(input.notes!, true) : undefined,
    },
  };
}

/** Edits a release: its name, date, status, description, components or notes. A stale version answers 409. */
export async function updateRelease({ db, actor, releaseId, input }: Ctx & { releaseId: string; input: UpdateRelease }): Promise<ReleaseDetail> {
  authorize(actor, 'release.update');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await findReleaseRow(tx, actor.workspaceId, releaseId);
    if (!before) throw notFound('Release');
    if (input.componentIds) {
      const product = await findProductComponents(tx, actor.workspaceId, before.productId);
      checkComponents(product ?? { name: 'the product', components: [] }, input.componentIds);
    }
    const patch = { name: input.name, date: input.date, description: input.description, status: input.status, notes: input.notes };
    if (!(await updateReleaseRow(tx, { workspaceId: actor.workspaceId, id: releaseId, version }, patch))) throw versionConflict('Release');
    if (input.componentIds) await setReleaseComponents(tx, actor.workspaceId, releaseId, input.componentIds);
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'release.update',
      entityType: 'release',
      entityId: releaseId,
      label: `Updated release “${before.name}”`,
      ...auditView(before, input),
    });
    return loadDetail(tx, actor, releaseId);
  });
}

/** Deletes a release; its features stay, no longer assigned to a release. */
export async function deleteRelease({ db, actor, releaseId }: Ctx & { releaseId: string }): Promise<void> {
  authorize(actor, 'release.delete');
  await db.transaction(async (tx) => {
    const before = await findReleaseRow(tx, actor.workspaceId, releaseId);
    if (!before) throw notFound('Release');
    // The foreign key sets the features' release to null.
    await deleteReleaseRow(tx, actor.workspaceId, releaseId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'release.delete',
      entityType: 'release',
      entityId: releaseId,
      summary: `Deleted release “${before.name}”; its ${before.featureCount} features are no longer assigned to a release`,
    });
  });
}

/** Drafts Markdown release notes from the release's shipped features and their requirements; saves nothing. */
export async function draftNotes({ db, actor, releaseId }: Ctx & { releaseId: string }): Promise<ReleaseNotesDraft> {
  authorize(actor, 'release.update');
  const release = await findReleaseRow(db, actor.workspaceId, releaseId);
  if (!release) throw notFound('Release');
  const shipped = await listShippedForNotes(db, actor.workspaceId, releaseId);
  return { notes: draftReleaseNotes(release, shipped), featureCount: shipped.length };
}
