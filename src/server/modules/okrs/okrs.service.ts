import {
  OkrTree as OkrTreeSchema,
  type CreateObjective,
  type CreateOkrPeriod,
  type Objective,
  type ObjectiveList,
  type ObjectiveSummary,
  type OkrPeriod,
  type OkrPeriodList,
  type OkrTree,
  type OkrTreeNode,
  type UpdateObjective,
  type UpdateOkrPeriod,
} from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import { AppError, invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { markerCache } from '../audit/audit.cache.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { assertPillarOfProduct } from '../pillars/pillars.lookup.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { assertMember, objectiveOwners, requireRole, type Ctx } from './okrs.access.js';
import { isCalendarQuarter, keyResultProgress, rollUp } from './okrs.progress.js';
import { objectiveFactsFrom, presentKeyResult, presentObjective, presentPeriod, progressOf, type ObjectiveFacts } from './okrs.presenter.js';
import {
  countChildren,
  deleteObjectiveRow,
  deletePeriodRow,
  findComponentRow,
  findObjectiveRow,
  findPeriodRow,
  findProductRow,
  insertObjective,
  insertPeriod,
  listKeyResultRows,
  listObjectiveRows,
  listPeriodRows,
  nextObjectivePosition,
  periodNameTaken,
  periodParents,
  periodRollupFacts,
  treeKeyResultRows,
  treeObjectiveRows,
  updateObjectiveRow,
  updatePeriodRow,
  type ObjectiveFull,
  type ObjectivePatch,
  type PeriodPatch,
} from './okrs.repository.js';

/*
 * OKRs: periods, objectives in an alignment tree, key results with check-ins and driving features.
 * Everyone reads (okr.read); leads and admins manage periods; objective.write and key-result.check-in
 * let a PM act only on what they own: the objective (its owner or its component's owner) and, for a
 * key result, its owner too. Every change is audited in its transaction, which also moves the change
 * marker the tree cache is keyed on.
 * Key results, their check-ins and driving features are in key-results.service.ts; the role and
 * ownership helpers both use are in okrs.access.ts.
 */

/** Alignment trees (up to ~1 MB of JSON each): a few, for 30 s at most, while nothing changed. */
const cachedTree = markerCache({ maxEntries: 32, ttlMs: 30_000 });

// ---------------------------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------------------------

export async function listPeriods({ db, actor }: Ctx): Promise<OkrPeriodList> {
  authorize(actor, 'okr.read');
  const rows = await listPeriodRows(db, actor.workspaceId);
  return { items: rows.map(presentPeriod), total: rows.length };
}

/** The kind a range takes: the one asked for (a quarter must be one), else inferred. */
function periodKind(start: string, end: string, asked: string | undefined): string {
  const quarter = isCalendarQuarter(start, end);
  if (asked === 'quarter' && !quarter) throw invalid('kind', 'a quarter must run from the first day of January, April, July or October to the last day of that quarter');
  return asked ?? (quarter ? 'quarter' : 'custom');
}

async function assertPeriodName(db: Db, workspaceId: string, name: string, exceptId?: string): Promise<void> {
  if (await periodNameTaken(db, workspaceId, name, exceptId)) throw new AppError('conflict', `name: a period named “${name}” already exists`, 'name');
}

export async function createPeriod({ db, actor, input }: Ctx & { input: CreateOkrPeriod }): Promise<OkrPeriod> {
  authorize(actor, 'period.manage');
  if (input.end < input.start) throw invalid('end', 'must be on or after start');
  const kind = periodKind(input.start, input.end, input.kind);
  return db.transaction(async (tx) => {
    await assertPeriodName(tx, actor.workspaceId, input.name);
    const id = newId();
    await insertPeriod(tx, { id, workspaceId: actor.workspaceId, name: input.name, kind, startsOn: input.start, endsOn: input.end });
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'okr-period.create',
      entityType: 'okr_period',
      entityId: id,
      summary: `Created the OKR period “${input.name}” (${input.start} to ${input.end})`,
    });
    return presentPeriod((await findPeriodRow(tx, actor.workspaceId, id))!);
  });
}

export async function updatePeriod({ db, actor, periodId, input }: Ctx & { periodId: string; input: UpdateOkrPeriod }): Promise<OkrPeriod> {
  authorize(actor, 'period.manage');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await findPeriodRow(tx, actor.workspaceId, periodId);
    if (!before) throw notFound('Period');
    const start = input.start ?? before.startsOn;
    const end = input.end ?? before.endsOn;
    if (end < start) throw invalid('end', 'must be on or after start');
    const datesMoved = input.start !== undefined || input.end !== undefined;
    const kind = input.kind !== undefined || datesMoved ? periodKind(start, end, input.kind) : before.kind;
    if (input.name !== undefined) await assertPeriodName(tx, actor.workspaceId, input.name, periodId);
    const patch: PeriodPatch = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.start !== undefined) patch.startsOn = input.start;
    if (input.end !== undefined) patch.endsOn = input.end;
    if (kind !== before.kind) patch.kind = kind;
    if (!(await updatePeriodRow(tx, { workspaceId: actor.workspaceId, id: periodId, version }, patch))) throw versionConflict('Period');
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'okr-period.update',
      entityType: 'okr_period',
      entityId: periodId,
      label: `Updated the OKR period “${before.name}”`,
      before,
      patch,
    });
    return presentPeriod((await findPeriodRow(tx, actor.workspaceId, periodId))!);
  });
}

/**
 * Deletes a period. One with objectives answers 409 unless `force` is set, in which case its
 * objectives, key results and check-ins go with it.
 */
export async function deletePeriod({ db, actor, periodId, force }: Ctx & { periodId: string; force: boolean }): Promise<void> {
  authorize(actor, 'period.manage');
  await db.transaction(async (tx) => {
    const period = await findPeriodRow(tx, actor.workspaceId, periodId);
    if (!period) throw notFound('Period');
    if (period.objectiveCount > 0 && !force) {
      throw new AppError(
        'conflict',
        `The period “${period.name}” has ${period.objectiveCount} objective${period.objectiveCount === 1 ? '' : 's'}; delete them first, or delete with ?force=true to remove them with their key results and check-ins`,
      );
    }
    await deletePeriodRow(tx, actor.workspaceId, periodId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'okr-period.delete',
      entityType: 'okr_period',
      entityId: periodId,
      summary: `Deleted the OKR period “${period.name}”${period.objectiveCount ? ` with its ${period.objectiveCount} objectives` : ''}`,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Objectives
// ---------------------------------------------------------------------------------------------

/** Rolled-up facts of every objective of these periods (progress, worst confidence, counts). */
async function factsOfPeriods(db: Db, workspaceId: string, periodIds: string[]): Promise<Map<string, ObjectiveFacts>> {
  const out = new Map<string, ObjectiveFacts>();
  for (const periodId of new Set(periodIds)) {
    const { objs, krs } = await periodRollupFacts(db, workspaceId, periodId);
    const krsOf = new Map<string, typeof krs>();
    for (const k of krs) {
      const list = krsOf.get(k.objectiveId) ?? [];
      list.push(k);
      krsOf.set(k.objectiveId, list);
    }
    const progress = rollUp(objs.map((o) => ({ id: o.id, parentId: o.parentId, keyResults: (krsOf.get(o.id) ?? []).map((k) => keyResultProgress(k)) })));
    const childCount = new Map<string, number>();
    for (const o of objs) if (o.parentId) childCount.set(o.parentId, (childCount.get(o.parentId) ?? 0) + 1);
    for (const o of objs) out.set(o.id, objectiveFactsFrom(krsOf.get(o.id) ?? [], progress.get(o.id) ?? 0, childCount.get(o.id) ?? 0));
  }
  return out;
}

const NO_FACTS: ObjectiveFacts = { progress: 0, worstConfidence: null, worstStatus: null, keyResultCount: 0, childCount: 0 };

async function presentObjectives(db: Db, workspaceId: string, rows: ObjectiveFull[]): Promise<ObjectiveSummary[]> {
  const facts = await factsOfPeriods(
    db,
    workspaceId,
    rows.map((r) => r.periodId),
  );
  return rows.map((r) => presentObjective(r, facts.get(r.id) ?? NO_FACTS));
}

export async function listObjectives({ db, actor, query }: Ctx & { query: { periodId?: string; productId?: string; componentId?: string } }): Promise<ObjectiveList> {
  authorize(actor, 'okr.read');
  const rows = await listObjectiveRows(db, actor.workspaceId, query);
  const items = await presentObjectives(db, actor.workspaceId, rows);
  return { items, total: items.length };
}

async function loadObjective(db: Db, workspaceId: string, o: ObjectiveFull): Promise<Objective> {
  const [period, product, krs, children, parent, facts, childCounts] = await Promise.all([
    findPeriodRow(db, workspaceId, o.periodId),
    findProductRow(db, workspaceId, o.productId),
    listKeyResultRows(db, workspaceId, [o.id]),
    listObjectiveRows(db, workspaceId, { parentId: o.id }),
    o.parentId ? findObjectiveRow(db, workspaceId, o.parentId) : Promise.resolve(undefined),
    factsOfPeriods(db, workspaceId, [o.periodId]),
    countChildren(db, workspaceId, [o.id]),
  ]);
  const childFacts = children.some((c) => c.periodId !== o.periodId) ? await factsOfPeriods(db, workspaceId, children.map((c) => c.periodId)) : facts;
  return {
    ...presentObjective(o, facts.get(o.id) ?? { ...NO_FACTS, childCount: childCounts.get(o.id) ?? 0 }),
    period: { id: period!.id, name: period!.name, start: period!.startsOn, end: period!.endsOn },
    product: { id: o.productId, name: product?.name ?? '' },
    parent: parent ? { id: parent.id, title: parent.title } : null,
    keyResults: krs.map((k) => presentKeyResult(k, k.ownerName)),
    children: children.map((c) => presentObjective(c, childFacts.get(c.id) ?? NO_FACTS)),
  };
}

export async function getObjective({ db, actor, objectiveId }: Ctx & { objectiveId: string }): Promise<Objective> {
  authorize(actor, 'okr.read');
  const o = await findObjectiveRow(db, actor.workspaceId, objectiveId);
  if (!o) throw notFound('Objective');
  return loadObjective(db, actor.workspaceId, o);
}

/** Checks a parent: an objective of the same period, and (when `selfId` is given) not the objective itself or one of its descendants. */
async function assertParent(db: Db, workspaceId: string, parentId: string, periodId: string, selfId?: string): Promise<void> {
  if (selfId && parentId === selfId) throw invalid('parentId', 'an objective cannot be its own parent');
  const parent = await findObjectiveRow(db, workspaceId, parentId);
  if (!parent) throw invalid('parentId', 'no such objective in this workspace');
  if (parent.periodId !== periodId) throw invalid('parentId', 'must be an objective of the same period');
  if (!selfId) return;
  const parents = await periodParents(db, workspaceId, periodId);
  const seen = new Set<string>();
  for (let at: string | null | undefined = parentId; at; at = parents.get(at)) {
    if (at === selfId) throw invalid('parentId', 'would make a cycle: the parent is aligned under this objective');
    if (seen.has(at)) break;
    seen.add(at);
  }
}

export async function createObjective({ db, actor, input }: Ctx & { input: CreateObjective }): Promise<Objective> {
  requireRole(actor, 'objective.write');
  return db.transaction(async (tx) => {
    const period = await findPeriodRow(tx, actor.workspaceId, input.periodId);
    if (!period) throw invalid('periodId', 'no such period in this workspace');
    let productId = input.productId;
    let componentOwnerId: string | null = null;
    if (input.componentId) {
      const component = await findComponentRow(tx, actor.workspaceId, input.componentId);
      if (!component) throw invalid('componentId', 'no such component in this workspace');
      if (productId && productId !== component.productId) throw invalid('componentId', 'must be a component of the product given');
      productId = component.productId;
      componentOwnerId = component.ownerId;
    }
    if (!productId) throw invalid('productId', 'give productId (a product-level objective) or componentId (a component-level one)');
    const product = await findProductRow(tx, actor.workspaceId, productId);
    if (!product) throw invalid('productId', 'no such product in this workspace');
    const ownerId = input.ownerId ?? actor.memberId;
    if (input.ownerId) await assertMember(tx, actor.workspaceId, input.ownerId, 'ownerId');
    authorize(actor, 'objective.write', { ownerIds: [ownerId, componentOwnerId] });
    if (input.parentId) await assertParent(tx, actor.workspaceId, input.parentId, period.id);
    if (input.pillarId) await assertPillarOfProduct(tx, actor.workspaceId, input.pillarId, productId);
    const id = newId();
    await insertObjective(tx, {
      id,
      workspaceId: actor.workspaceId,
      periodId: period.id,
      productId,
      componentId: input.componentId ?? null,
      parentId: input.parentId ?? null,
      ownerId,
      pillarId: input.pillarId ?? null,
      title: input.title,
      description: input.description ?? '',
      position: await nextObjectivePosition(tx, actor.workspaceId, productId, period.id),
    });
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'objective.create',
      entityType: 'objective',
      entityId: id,
      summary: `Created the objective “${input.title}” for ${product.name} in ${period.name}`,
    });
    return loadObjective(tx, actor.workspaceId, (await findObjectiveRow(tx, actor.workspaceId, id))!);
  });
}

export async function updateObjective({ db, actor, objectiveId, input }: Ctx & { objectiveId: string; input: UpdateObjective }): Promise<Objective> {
  requireRole(actor, 'objective.write');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await findObjectiveRow(tx, actor.workspaceId, objectiveId);
    if (!before) throw notFound('Objective');
    authorize(actor, 'objective.write', { ownerIds: objectiveOwners(before) });
    const { version: _v, ...fields } = input;
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as ObjectivePatch;
    if (patch.componentId) {
      const component = await findComponentRow(tx, actor.workspaceId, patch.componentId);
      if (!component) throw invalid('componentId', 'no such component in this workspace');
      if (component.productId !== before.productId) throw invalid('componentId', 'must be a component of the objective’s product');
    }
    if (patch.parentId) await assertParent(tx, actor.workspaceId, patch.parentId, before.periodId, before.id);
    if (patch.ownerId) await assertMember(tx, actor.workspaceId, patch.ownerId, 'ownerId');
    if (patch.pillarId) await assertPillarOfProduct(tx, actor.workspaceId, patch.pillarId, before.productId);
    if (!(await updateObjectiveRow(tx, { workspaceId: actor.workspaceId, id: objectiveId, version }, patch))) throw versionConflict('Objective');
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'objective.update',
      entityType: 'objective',
      entityId: objectiveId,
      label: `Updated the objective “${before.title}”`,
      before,
      patch,
    });
    return loadObjective(tx, actor.workspaceId, (await findObjectiveRow(tx, actor.workspaceId, objectiveId))!);
  });
}

/** Deletes an objective with its key results and check-ins; its children stay, without a parent. */
export async function deleteObjective({ db, actor, objectiveId }: Ctx & { objectiveId: string }): Promise<void> {
  requireRole(actor, 'objective.write');
  await db.transaction(async (tx) => {
    const o = await findObjectiveRow(tx, actor.workspaceId, objectiveId);
    if (!o) throw notFound('Objective');
    authorize(actor, 'objective.write', { ownerIds: objectiveOwners(o) });
    await deleteObjectiveRow(tx, actor.workspaceId, objectiveId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'objective.delete',
      entityType: 'objective',
      entityId: objectiveId,
      summary: `Deleted the objective “${o.title}”`,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The alignment tree
// ---------------------------------------------------------------------------------------------

/** Builds the tree: two queries (objectives with their names, key results), the rest in memory. */
async function loadTree(db: Db, workspaceId: string, productId: string, periodId: string): Promise<OkrTree> {
  const [product, period] = await Promise.all([findProductRow(db, workspaceId, productId), findPeriodRow(db, workspaceId, periodId)]);
  if (!product) throw notFound('Product');
  if (!period) throw notFound('Period');
  const [objs, krs] = await Promise.all([treeObjectiveRows(db, workspaceId, productId, periodId), treeKeyResultRows(db, workspaceId, productId, periodId)]);
  const inTree = new Set(objs.map((o) => o.id));
  const treeParent = (o: ObjectiveFull) => (o.parentId && inTree.has(o.parentId) && o.parentId !== o.id ? o.parentId : null);
  const krsOf = new Map<string, typeof krs>();
  for (const k of krs) {
    const list = krsOf.get(k.objectiveId) ?? [];
    list.push(k);
    krsOf.set(k.objectiveId, list);
  }
  const progress = new Map<string, number[]>();
  for (const [id, list] of krsOf) progress.set(id, list.map(progressOf));
  const rolled = rollUp(objs.map((o) => ({ id: o.id, parentId: treeParent(o), keyResults: progress.get(o.id) ?? [] })));
  const childIds = new Map<string, string[]>();
  const rootIds: string[] = [];
  for (const o of objs) {
    const p = treeParent(o);
    if (p) childIds.set(p, [...(childIds.get(p) ?? []), o.id]);
    else rootIds.push(o.id);
  }
  // Product-level roots first (the rows come product level first, then by component).
  const byId = new Map(objs.map((o) => [o.id, o]));
  const nodes: OkrTreeNode[] = [];
  const placed = new Set<string>();
  const place = (id: string, depth: number) => {
    if (placed.has(id)) return;
    placed.add(id);
    const o = byId.get(id)!;
    const list = krsOf.get(id) ?? [];
    const kids = childIds.get(id) ?? [];
    const { description: _d, createdAt: _c, updatedAt: _u, ...summary } = presentObjective(
      o,
      objectiveFactsFrom(
        list.map((k) => ({ confidence: k.confidence, status: k.confidenceStatus })),
        rolled.get(id) ?? 0,
        kids.length,
      ),
    );
    nodes.push({
      ...summary,
      depth,
      childIds: kids,
      keyResults: list.map((k) => {
        const p = presentKeyResult(k, null);
        return {
          id: p.id,
          title: p.title,
          type: p.type,
          unit: p.unit,
          direction: p.direction,
          start: p.start,
          target: p.target,
          current: p.current,
          progress: p.progress,
          confidence: p.confidence,
          status: p.status,
          lastCheckInAt: p.lastCheckInAt,
          ownerId: p.ownerId,
        };
      }),
    });
    for (const c of kids) place(c, depth + 1);
  };
  for (const r of rootIds) place(r, 0);
  const rootProgress = rootIds.map((r) => rolled.get(r) ?? 0);
  return {
    product: { id: product.id, name: product.name },
    period: { id: period.id, name: period.name, kind: period.kind as 'quarter' | 'custom', start: period.startsOn, end: period.endsOn },
    rootIds,
    nodes,
    progress: rootProgress.length ? rootProgress.reduce((a, b) => a + b, 0) / rootProgress.length : 0,
    counts: {
      objectives: objs.length,
      keyResults: krs.length,
      onTrack: krs.filter((k) => k.confidenceStatus === 'on_track').length,
      atRisk: krs.filter((k) => k.confidenceStatus === 'at_risk').length,
      offTrack: krs.filter((k) => k.confidenceStatus === 'off_track').length,
      noCheckIn: krs.filter((k) => k.lastCheckInAt === null).length,
    },
  };
}

/** The alignment tree as JSON, served from memory while the workspace's change marker stands still. */
export async function getTreeJson({ db, actor, query }: Ctx & { query: { productId: string; periodId: string } }): Promise<string> {
  authorize(actor, 'okr.read');
  return cachedTree(db, actor.workspaceId, `okr-tree:${actor.workspaceId}:${query.productId}:${query.periodId}`, async () =>
    JSON.stringify(OkrTreeSchema.parse(await loadTree(db, actor.workspaceId, query.productId, query.periodId))),
  );
}
