import type { CreatePillar, Pillar, PillarList, PillarStatus, UpdatePillar } from '../../../shared/contracts.js';
import { PILLAR_SHARE_TOTAL } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import {
  deletePillarRow,
  findPillarRow,
  findProduct,
  insertPillar,
  listPillarRows,
  lockProduct,
  pillarStats,
  setPositions,
  updatePillarRow,
  type PillarPatch,
  type PillarRow,
  type PillarStats,
} from './pillars.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor };

/** Shares are kept to two decimals: sums are done in hundredths so 33.33 + 33.33 + 33.34 is exactly 100. */
const cents = (share: number) => Math.round(share * 100);
const round2 = (n: number) => Math.round(n * 100) / 100;

function presentPillar(row: PillarRow, stats: PillarStats): Pillar {
  const f = stats.features.get(row.id);
  const planned = round2(f?.plannedEffort ?? 0);
  return {
    id: row.id,
    productId: row.productId,
    name: row.name,
    description: row.description,
    targetShare: row.targetShare,
    status: row.status as PillarStatus,
    position: row.position,
    featureCount: f?.count ?? 0,
    plannedEffort: planned,
    actualShare: stats.plannedEffort > 0 ? round2((100 * (f?.plannedEffort ?? 0)) / stats.plannedEffort) : null,
    objectiveCount: stats.objectives.get(row.id) ?? 0,
    opportunityCount: stats.opportunities.get(row.id) ?? 0,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function loadList(db: Db, workspaceId: string, productId: string): Promise<PillarList> {
  const rows = await listPillarRows(db, workspaceId, productId);
  const stats = await pillarStats(
    db,
    workspaceId,
    productId,
    rows.map((r) => r.id),
  );
  const allocated = rows.filter((r) => r.status === 'active').reduce((sum, r) => sum + cents(r.targetShare), 0) / 100;
  return {
    items: rows.map((r) => presentPillar(r, stats)),
    total: rows.length,
    productId,
    allocatedShare: allocated,
    remainingShare: round2(PILLAR_SHARE_TOTAL - allocated),
    plannedEffort: round2(stats.plannedEffort),
    unalignedEffort: round2(stats.unalignedEffort),
  };
}

async function loadPillar(db: Db, workspaceId: string, pillarId: string): Promise<Pillar> {
  const row = (await findPillarRow(db, workspaceId, pillarId))!;
  return presentPillar(row, await pillarStats(db, workspaceId, row.productId, [row.id]));
}

/** A product's pillars in order, with live counts and shares. */
export async function listPillars({ db, actor, productId }: Ctx & { productId: string }): Promise<PillarList> {
  authorize(actor, 'strategy.read');
  if (!(await findProduct(db, actor.workspaceId, productId))) throw notFound('Product');
  return loadList(db, actor.workspaceId, productId);
}

/** Names are unique in a product, whatever their case. */
function checkName(siblings: PillarRow[], name: string, selfId: string | null): void {
  const clash = siblings.find((p) => p.id !== selfId && p.name.toLowerCase() === name.toLowerCase());
  if (clash) throw invalid('name', `the product already has a pillar named “${clash.name}”`);
}

/** The active pillars of a product share at most 100 % of the effort. */
function checkShare(siblings: PillarRow[], share: number, status: string, selfId: string | null, field: string): void {
  if (status !== 'active') return;
  const others = siblings.filter((p) => p.id !== selfId && p.status === 'active').reduce((sum, p) => sum + cents(p.targetShare), 0);
  const left = PILLAR_SHARE_TOTAL * 100 - others;
  if (cents(share) > left) {
    throw invalid(field, `the active pillars of this product would get more than ${PILLAR_SHARE_TOTAL} % of the effort: ${left / 100} % is left to allocate`);
  }
}

/** Adds a pillar at the end of its product's list. */
export async function createPillar({ db, actor, input }: Ctx & { input: CreatePillar }): Promise<Pillar> {
  authorize(actor, 'pillar.manage');
  return db.transaction(async (tx) => {
    const product = await lockProduct(tx, actor.workspaceId, input.productId);
    if (!product) throw invalid('productId', 'no such product in this workspace');
    const siblings = await listPillarRows(tx, actor.workspaceId, product.id);
    const status = input.status ?? 'active';
    checkName(siblings, input.name, null);
    checkShare(siblings, input.targetShare, status, null, 'targetShare');
    const id = newId();
    await insertPillar(tx, {
      id,
      workspaceId: actor.workspaceId,
      productId: product.id,
      name: input.name,
      description: input.description ?? '',
      targetShare: input.targetShare,
      status,
      position: siblings.length ? Math.max(...siblings.map((p) => p.position)) + 1 : 0,
    });
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'pillar.create',
      entityType: 'pillar',
      entityId: id,
      summary: `Created pillar “${input.name}” (${input.targetShare} %) in ${product.name}`,
    });
    return loadPillar(tx, actor.workspaceId, id);
  });
}

/** Edits a pillar (409 when stale); a position moves it among its product's pillars. */
export async function updatePillar({ db, actor, pillarId, input }: Ctx & { pillarId: string; input: UpdatePillar }): Promise<Pillar> {
  authorize(actor, 'pillar.manage');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const found = await findPillarRow(tx, actor.workspaceId, pillarId);
    if (!found) throw notFound('Pillar');
    await lockProduct(tx, actor.workspaceId, found.productId);
    const siblings = await listPillarRows(tx, actor.workspaceId, found.productId);
    const before = siblings.find((p) => p.id === pillarId)!;
    if (before.version !== version) throw versionConflict('Pillar');
    const { version: _v, position, ...fields } = input;
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as PillarPatch;
    if (patch.name !== undefined) checkName(siblings, patch.name, pillarId);
    const status = patch.status ?? before.status;
    const share = patch.targetShare ?? before.targetShare;
    // Re-checked when the share grows or the pillar comes back to active.
    if (patch.targetShare !== undefined || (patch.status === 'active' && before.status !== 'active')) {
      checkShare(siblings, share, status, pillarId, patch.targetShare !== undefined ? 'targetShare' : 'status');
    }
    if (position !== undefined) {
      const order = siblings.filter((p) => p.id !== pillarId).map((p) => p.id);
      const at = Math.min(position, order.length);
      order.splice(at, 0, pillarId);
      // The others are renumbered around it; the moved pillar takes its place with the versioned update below.
      const current = new Map(siblings.map((p) => [p.id, p.position]));
      current.set(pillarId, at);
      await setPositions(tx, actor.workspaceId, order, current);
      patch.position = at;
    }
    if (!(await updatePillarRow(tx, { workspaceId: actor.workspaceId, id: pillarId, version }, patch))) throw versionConflict('Pillar');
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'pillar.update',
      entityType: 'pillar',
      entityId: pillarId,
      label: `Updated pillar “${before.name}”`,
      before,
      patch,
    });
    return loadPillar(tx, actor.workspaceId, pillarId);
  });
}

/** Deletes a pillar; its features, objectives and opportunities stay, unlinked. */
export async function deletePillar({ db, actor, pillarId }: Ctx & { pillarId: string }): Promise<void> {
  authorize(actor, 'pillar.manage');
  await db.transaction(async (tx) => {
    const before = await findPillarRow(tx, actor.workspaceId, pillarId);
    if (!before) throw notFound('Pillar');
    await deletePillarRow(tx, actor.workspaceId, pillarId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'pillar.delete',
      entityType: 'pillar',
      entityId: pillarId,
      summary: `Deleted pillar “${before.name}”; its features, objectives and opportunities are no longer linked to a pillar`,
    });
  });
}
