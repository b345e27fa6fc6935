import {
  ROADMAP_LIMITS,
  RoadmapViewFilters,
  type CreateSavedView,
  type SavedView,
  type ShareSavedView,
  type UpdateSavedView,
} from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { AppError, forbidden, invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { countOwnViews, deleteViewRow, findViewRow, insertViewRow, listVisibleViews, updateViewRow, type SavedViewRow } from './roadmap-views.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor };

const isLead = (actor: WorkspaceActor) => actor.role === 'admin' || actor.role === 'lead';

/** The owner changes their view; an admin or lead also changes (or unshares) a shared one. */
const mayChange = (actor: WorkspaceActor, row: SavedViewRow) => row.ownerId === actor.memberId || (row.shared && isLead(actor));

/** Filters as stored; a row written by an older version that no longer validates reads as no filters. */
function storedFilters(raw: unknown): RoadmapViewFilters {
  const parsed = RoadmapViewFilters.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

function presentView(row: SavedViewRow, actor: WorkspaceActor): SavedView {
  return {
    id: row.id,
    name: row.name,
    shared: row.shared,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    filters: storedFilters(row.filters),
    canEdit: mayChange(actor, row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A view the caller can see (theirs or shared); another member's private view is not found. */
async function visibleView(db: Db, actor: WorkspaceActor, viewId: string): Promise<SavedViewRow> {
  const row = await findViewRow(db, actor.workspaceId, viewId);
  if (!row || (!row.shared && row.ownerId !== actor.memberId)) throw notFound('Saved view');
  return row;
}

function requireChange(actor: WorkspaceActor, row: SavedViewRow): void {
  if (!mayChange(actor, row)) throw forbidden('Only the view’s owner, an admin or a lead may change a shared view');
}

/** The caller's views and the shared ones. */
export async function listSavedViews({ db, actor }: Ctx): Promise<{ items: SavedView[] }> {
  authorize(actor, 'feature.read');
  const rows = await listVisibleViews(db, actor.workspaceId, actor.memberId);
  return { items: rows.map((r) => presentView(r, actor)) };
}

/** Saves the current filters as a view; sharing it needs view.share. */
export async function createSavedView({ db, actor, input }: Ctx & { input: CreateSavedView }): Promise<SavedView> {
  authorize(actor, 'view.create');
  if (input.shared) authorize(actor, 'view.share');
  return db.transaction(async (tx) => {
    if ((await countOwnViews(tx, actor.workspaceId, actor.memberId)) >= ROADMAP_LIMITS.viewsPerMember) {
      throw new AppError('conflict', `You have ${ROADMAP_LIMITS.viewsPerMember} saved views already; delete one first`);
    }
    const id = newId();
    await insertViewRow(tx, { id, workspaceId: actor.workspaceId, ownerId: actor.memberId, name: input.name, shared: Boolean(input.shared), filters: input.filters });
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'view.create',
      entityType: 'saved_view',
      entityId: id,
      summary: `Saved roadmap view “${input.name}”${input.shared ? ' (shared)' : ''}`,
    });
    return presentView((await findViewRow(tx, actor.workspaceId, id))!, actor);
  });
}

/** Renames a view or replaces its filters. */
export async function updateSavedView({ db, actor, viewId, input }: Ctx & { viewId: string; input: UpdateSavedView }): Promise<SavedView> {
  authorize(actor, 'view.create');
  const version = requireVersion(input.version);
  if (input.name === undefined && input.filters === undefined) throw invalid('name', 'give a new name or filters');
  return db.transaction(async (tx) => {
    const before = await visibleView(tx, actor, viewId);
    requireChange(actor, before);
    const patch = { name: input.name, filters: input.filters };
    if (!(await updateViewRow(tx, { workspaceId: actor.workspaceId, id: viewId, version }, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))))) {
      throw versionConflict('Saved view');
    }
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'view.update',
      entityType: 'saved_view',
      entityId: viewId,
      label: `Updated roadmap view “${before.name}”`,
      before: { name: before.name, filters: before.filters },
      patch,
    });
    return presentView((await findViewRow(tx, actor.workspaceId, viewId))!, actor);
  });
}

/** Shares a view with the workspace, or makes it private again. */
export async function shareSavedView({ db, actor, viewId, input }: Ctx & { viewId: string; input: ShareSavedView }): Promise<SavedView> {
  authorize(actor, 'view.share');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await visibleView(tx, actor, viewId);
    requireChange(actor, before);
    if (!(await updateViewRow(tx, { workspaceId: actor.workspaceId, id: viewId, version }, { shared: input.shared }))) throw versionConflict('Saved view');
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'view.share',
      entityType: 'saved_view',
      entityId: viewId,
      label: `${input.shared ? 'Shared' : 'Unshared'} roadmap view “${before.name}”`,
      before: { shared: before.shared },
      patch: { shared: input.shared },
    });
    return presentView((await findViewRow(tx, actor.workspaceId, viewId))!, actor);
  });
}

/** Deletes a view: the owner's, or a shared one by an admin or lead. */
export async function deleteSavedView({ db, actor, viewId }: Ctx & { viewId: string }): Promise<void> {
  authorize(actor, 'view.create');
  await db.transaction(async (tx) => {
    const before = await visibleView(tx, actor, viewId);
    requireChange(actor, before);
    await deleteViewRow(tx, actor.workspaceId, viewId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'view.delete',
      entityType: 'saved_view',
      entityId: viewId,
      summary: `Deleted roadmap view “${before.name}”`,
    });
  });
}
