import type {
  CreateKeyResult,
  CreateKeyResultCheckIn,
  CreatedKeyResultCheckIn,
  KeyResult,
  KeyResultCheckInList,
  SetKeyResultFeatures,
  UpdateKeyResult,
} from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import { invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { latestMetricValue } from '../metrics/metrics.links.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { assertMember, keyResultOwners, objectiveOwners, requireRole, type Ctx } from './okrs.access.js';
import { statusOfConfidence } from './okrs.progress.js';
import { presentCheckIn, presentDrivingFeature, presentKeyResult, progressOf, todayIso } from './okrs.presenter.js';
import {
  deleteKeyResultRow,
  drivingFeatureRows,
  featuresByIds,
  findCheckInRow,
  findKeyResultRow,
  findObjectiveRow,
  findPeriodRow,
  insertCheckIn,
  insertKeyResult,
  listCheckInRows,
  nextKeyResultPosition,
  prerequisitesOf,
  replaceDrivingFeatures,
  updateKeyResultRow,
  type KeyResultFull,
  type KeyResultPatch,
  type ObjectiveFull,
} from './okrs.repository.js';

/*
 * The key results of the OKRs (see okrs.service.ts): their shape, check-ins and driving features.
 * Everyone reads (okr.read); objective.write and key-result.check-in let a PM act only on the key
 * results they own, or whose objective (or its component) they own. Every change is audited in its
 * transaction.
 */

// ---------------------------------------------------------------------------------------------
// Key results
// ---------------------------------------------------------------------------------------------

interface KrShape {
  type: string;
  direction: string;
  start: number;
  target: number;
}

/** Checks start, target and direction together (a milestone is always 0 → 1, increasing). */
function normaliseShape(s: KrShape): KrShape {
  if (s.type === 'milestone') return { type: 'milestone', direction: 'increase', start: 0, target: 1 };
  if (s.start === s.target) throw invalid('target', 'must differ from start');
  if (s.direction === 'increase' && s.target < s.start) throw invalid('direction', 'is increase, but the target is below the start; use decrease');
  if (s.direction === 'decrease' && s.target > s.start) throw invalid('direction', 'is decrease, but the target is above the start; use increase');
  return s;
}

async function metricCurrent(db: Db, workspaceId: string, metricId: string): Promise<number | null> {
  const latest = await latestMetricValue(db, workspaceId, metricId);
  if (latest === undefined) throw invalid('metricId', 'no such metric in this workspace');
  return latest?.value ?? null;
}

async function keyResultContext(db: Db, workspaceId: string, keyResultId: string): Promise<{ kr: KeyResultFull; objective: ObjectiveFull }> {
  const kr = await findKeyResultRow(db, workspaceId, keyResultId);
  if (!kr) throw notFound('Key result');
  const objective = (await findObjectiveRow(db, workspaceId, kr.objectiveId))!;
  return { kr, objective };
}

async function loadKeyResult(db: Db, workspaceId: string, kr: KeyResultFull, objective: ObjectiveFull): Promise<KeyResult> {
  const [period, feats, checkIns] = await Promise.all([
    findPeriodRow(db, workspaceId, objective.periodId),
    drivingFeatureRows(db, workspaceId, kr.id),
    listCheckInRows(db, workspaceId, kr.id, 10),
  ]);
  const prereqs = await prerequisitesOf(
    db,
    workspaceId,
    feats.map((f) => f.id),
  );
  const today = todayIso();
  return {
    ...presentKeyResult(kr, kr.ownerName),
    objective: { id: objective.id, title: objective.title, productId: objective.productId, periodId: objective.periodId },
    features: feats.map((f) =>
      presentDrivingFeature(
        f,
        prereqs.filter((p) => p.featureId === f.id),
        period!.endsOn,
        today,
      ),
    ),
    checkIns: checkIns.map(presentCheckIn),
  };
}

export async function getKeyResult({ db, actor, keyResultId }: Ctx & { keyResultId: string }): Promise<KeyResult> {
  authorize(actor, 'okr.read');
  const { kr, objective } = await keyResultContext(db, actor.workspaceId, keyResultId);
  return loadKeyResult(db, actor.workspaceId, kr, objective);
}

export async function createKeyResult({ db, actor, input }: Ctx & { input: CreateKeyResult }): Promise<KeyResult> {
  requireRole(actor, 'objective.write');
  return db.transaction(async (tx) => {
    const objective = await findObjectiveRow(tx, actor.workspaceId, input.objectiveId);
    if (!objective) throw invalid('objectiveId', 'no such objective in this workspace');
    authorize(actor, 'objective.write', { ownerIds: objectiveOwners(objective) });
    const shape = normaliseShape({ type: input.type, direction: input.direction, start: input.start, target: input.target });
    if (input.ownerId) await assertMember(tx, actor.workspaceId, input.ownerId, 'ownerId');
    const current = input.metricId ? await metricCurrent(tx, actor.workspaceId, input.metricId) : null;
    const id = newId();
    await insertKeyResult(tx, {
      id,
      workspaceId: actor.workspaceId,
      objectiveId: objective.id,
      title: input.title,
      unit: input.unit ?? (input.type === 'percentage' ? '%' : ''),
      type: shape.type,
      direction: shape.direction,
      startValue: shape.start,
      targetValue: shape.target,
      currentValue: current,
      metricId: input.metricId ?? null,
      ownerId: input.ownerId ?? objective.ownerId,
      position: await nextKeyResultPosition(tx, actor.workspaceId, objective.id),
    });
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'key-result.create',
      entityType: 'key_result',
      entityId: id,
      summary: `Added the key result “${input.title}” to “${objective.title}”`,
    });
    return loadKeyResult(tx, actor.workspaceId, (await findKeyResultRow(tx, actor.workspaceId, id))!, objective);
  });
}

export async function updateKeyResult({ db, actor, keyResultId, input }: Ctx & { keyResultId: string; input: UpdateKeyResult }): Promise<KeyResult> {
  requireRole(actor, 'objective.write');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const { kr, objective } = await keyResultContext(tx, actor.workspaceId, keyResultId);
    authorize(actor, 'objective.write', { ownerIds: keyResultOwners(kr, objective) });
    const shape = normaliseShape({
      type: input.type ?? kr.type,
      direction: input.direction ?? kr.direction,
      start: input.start ?? kr.startValue,
      target: input.target ?? kr.targetValue,
    });
    const patch: KeyResultPatch = {};
    if (input.title !== undefined) patch.title = input.title;
    if (input.unit !== undefined) patch.unit = input.unit;
    if (shape.type !== kr.type) patch.type = shape.type;
    if (shape.direction !== kr.direction) patch.direction = shape.direction;
    if (shape.start !== kr.startValue) patch.startValue = shape.start;
    if (shape.target !== kr.targetValue) patch.targetValue = shape.target;
    if (input.ownerId !== undefined) {
      if (input.ownerId) await assertMember(tx, actor.workspaceId, input.ownerId, 'ownerId');
      patch.ownerId = input.ownerId;
    }
    if (input.metricId !== undefined && input.metricId !== kr.metricId) {
      patch.metricId = input.metricId;
      if (input.metricId) patch.currentValue = await metricCurrent(tx, actor.workspaceId, input.metricId);
    }
    if (!(await updateKeyResultRow(tx, { workspaceId: actor.workspaceId, id: kr.id, version }, patch))) throw versionConflict('Key result');
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'key-result.update',
      entityType: 'key_result',
      entityId: kr.id,
      label: `Updated the key result “${kr.title}”`,
      before: kr,
      patch,
    });
    return loadKeyResult(tx, actor.workspaceId, (await findKeyResultRow(tx, actor.workspaceId, kr.id))!, objective);
  });
}

export async function deleteKeyResult({ db, actor, keyResultId }: Ctx & { keyResultId: string }): Promise<void> {
  requireRole(actor, 'objective.write');
  await db.transaction(async (tx) => {
    const { kr, objective } = await keyResultContext(tx, actor.workspaceId, keyResultId);
    authorize(actor, 'objective.write', { ownerIds: keyResultOwners(kr, objective) });
    await deleteKeyResultRow(tx, actor.workspaceId, kr.id);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'key-result.delete',
      entityType: 'key_result',
      entityId: kr.id,
      summary: `Deleted the key result “${kr.title}” of “${objective.title}”`,
    });
  });
}

// Check-ins

/**
 * Records a check-in: the value, a confidence (0-10) and its status (from the confidence unless given),
 * the progress at that moment; the key result takes the value as its current value (a key result that
 * follows a metric takes it too, until the metric's next point), and the confidence and status.
 */
export async function createCheckIn({ db, actor, keyResultId, input }: Ctx & { keyResultId: string; input: CreateKeyResultCheckIn }): Promise<CreatedKeyResultCheckIn> {
  requireRole(actor, 'key-result.check-in');
  return db.transaction(async (tx) => {
    const { kr, objective } = await keyResultContext(tx, actor.workspaceId, keyResultId);
    authorize(actor, 'key-result.check-in', { ownerIds: keyResultOwners(kr, objective) });
    if (kr.type === 'milestone' && input.value !== 0 && input.value !== 1) throw invalid('value', 'a milestone is 1 (done) or 0 (not done)');
    const status = input.status ?? statusOfConfidence(input.confidence);
    const progress = progressOf({ ...kr, currentValue: input.value });
    const at = new Date();
    const id = newId();
    await insertCheckIn(tx, {
      id,
      workspaceId: actor.workspaceId,
      keyResultId: kr.id,
      value: input.value,
      progress,
      confidence: input.confidence,
      status,
      note: input.note ?? '',
      authorId: actor.memberId,
      createdAt: at,
    });
    await updateKeyResultRow(
      tx,
      { workspaceId: actor.workspaceId, id: kr.id, version: null },
      { currentValue: input.value, confidence: input.confidence, confidenceStatus: status, lastCheckInAt: at },
    );
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'key-result.check-in',
      entityType: 'key_result',
      entityId: kr.id,
      summary: `Checked in on “${kr.title}”: ${input.value} (${Math.round(progress * 100)}%), confidence ${input.confidence}/10, ${status.replace('_', ' ')}`,
    });
    const after = (await findKeyResultRow(tx, actor.workspaceId, kr.id))!;
    return { checkIn: presentCheckIn((await findCheckInRow(tx, actor.workspaceId, id))!), keyResult: presentKeyResult(after, after.ownerName) };
  });
}

export async function listCheckIns({ db, actor, keyResultId }: Ctx & { keyResultId: string }): Promise<KeyResultCheckInList> {
  authorize(actor, 'okr.read');
  const { kr } = await keyResultContext(db, actor.workspaceId, keyResultId);
  const rows = await listCheckInRows(db, actor.workspaceId, kr.id);
  return { items: rows.map(presentCheckIn), total: rows.length };
}

// Driving features

export async function setDrivingFeatures({ db, actor, keyResultId, input }: Ctx & { keyResultId: string; input: SetKeyResultFeatures }): Promise<KeyResult> {
  requireRole(actor, 'objective.write');
  return db.transaction(async (tx) => {
    const { kr, objective } = await keyResultContext(tx, actor.workspaceId, keyResultId);
    authorize(actor, 'objective.write', { ownerIds: keyResultOwners(kr, objective) });
    const found = new Set((await featuresByIds(tx, actor.workspaceId, input.featureIds)).map((f) => f.id));
    input.featureIds.forEach((id, i) => {
      if (!found.has(id)) throw invalid(`featureIds.${i}`, 'no such feature in this workspace');
    });
    const ids = [...new Set(input.featureIds)];
    const before = (await drivingFeatureRows(tx, actor.workspaceId, kr.id)).map((f) => f.id);
    await replaceDrivingFeatures(tx, actor.workspaceId, kr.id, ids);
    const added = ids.filter((id) => !before.includes(id)).length;
    const removed = before.filter((id) => !ids.includes(id)).length;
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'key-result.features',
      entityType: 'key_result',
      entityId: kr.id,
      summary: `Set the driving features of “${kr.title}”: ${ids.length} (${added} added, ${removed} removed)`,
      changes: { featureIds: [before, ids] },
    });
    return loadKeyResult(tx, actor.workspaceId, kr, objective);
  });
}
