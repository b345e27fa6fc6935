import type { CreateRationale, Rationale, RationaleList, UpdateRationale } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import {
  countRationales,
  deleteRationaleRow,
  findPillarName,
  findRationaleRow,
  insertRationale,
  insertRationalesIfAbsent,
  listRationaleRows,
  nextRationalePosition,
  titleTaken,
  updateRationaleRow,
  type RationalePatch,
  type RationaleRow,
} from './rationales.repository.js';

/*
 * Rationale templates: the reusable reasons a lead gives when saying no. Everyone who reads requests
 * reads them (request.read); leads and admins manage them (rationale.manage). A workspace without any
 * template gets three defaults on its first read; the insert skips titles already there, so two first
 * reads at once seed them once. Deactivate a default to stop offering it (deleted, it would return once
 * the workspace has no template at all).
 */

type Ctx = { db: Db; actor: WorkspaceActor };

/** The defaults a workspace starts with. */
export const DEFAULT_RATIONALES: readonly { title: string; body: string }[] = [
  {
    title: 'Does not serve a current pillar',
    body: 'This ask does not move any of the strategic pillars we are investing in right now, so it would take effort away from the work that does.',
  },
  {
    title: 'Not enough evidence yet',
    body: 'We have not yet seen enough evidence (feedback, research or data) that this problem is widespread or costly enough to act on. We will keep collecting it.',
  },
  {
    title: 'Better served by a partner',
    body: 'A partner or an integration already solves this well; we would rather point you there than build a weaker version ourselves.',
  },
];

export function presentRationale(r: RationaleRow): Rationale {
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    pillarId: r.pillarId,
    pillar: r.pillarId && r.pillarName !== null ? { id: r.pillarId, name: r.pillarName } : null,
    active: r.active,
    position: r.position,
    usageCount: r.usageCount,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Seeds the defaults when the workspace has no template; returns true when it did. */
export async function seedDefaultRationales(db: Db, actor: WorkspaceActor | null, workspaceId: string): Promise<boolean> {
  if ((await countRationales(db, workspaceId)) > 0) return false;
  return db.transaction(async (tx) => {
    const ids = await insertRationalesIfAbsent(
      tx,
      DEFAULT_RATIONALES.map((d, i) => ({ id: newId(), workspaceId, title: d.title, body: d.body, position: i })),
    );
    for (const [i, id] of ids.entries())
      await recordAudit(tx, actor, { workspaceId, action: 'rationale.create', entityType: 'rationale', entityId: id, summary: `Added the default rationale “${DEFAULT_RATIONALES[i]?.title ?? ''}”` });
    return ids.length > 0;
  });
}

export async function listRationales({ db, actor, all }: Ctx & { all: boolean }): Promise<RationaleList> {
  authorize(actor, 'request.read');
  await seedDefaultRationales(db, actor, actor.workspaceId);
  const rows = await listRationaleRows(db, actor.workspaceId, all);
  return { items: rows.map(presentRationale), total: rows.length };
}

async function assertTitle(db: Db, workspaceId: string, title: string, exceptId?: string): Promise<void> {
  if (await titleTaken(db, workspaceId, title, exceptId)) throw invalid('title', `a rationale titled “${title}” already exists`);
}

async function assertPillar(db: Db, workspaceId: string, pillarId: string | null | undefined): Promise<void> {
  if (pillarId && (await findPillarName(db, workspaceId, pillarId)) === null) throw invalid('pillarId', 'no such pillar in this workspace');
}

export async function createRationale({ db, actor, input }: Ctx & { input: CreateRationale }): Promise<Rationale> {
  authorize(actor, 'rationale.manage');
  return db.transaction(async (tx) => {
    await assertTitle(tx, actor.workspaceId, input.title);
    await assertPillar(tx, actor.workspaceId, input.pillarId);
    const id = newId();
    await insertRationale(tx, {
      id,
      workspaceId: actor.workspaceId,
      title: input.title,
      body: input.body ?? '',
      pillarId: input.pillarId ?? null,
      active: input.active ?? true,
      position: input.position ?? (await nextRationalePosition(tx, actor.workspaceId)),
    });
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'rationale.create', entityType: 'rationale', entityId: id, summary: `Added the rationale “${input.title}”` });
    return presentRationale((await findRationaleRow(tx, actor.workspaceId, id))!);
  });
}

export async function updateRationale({ db, actor, rationaleId, input }: Ctx & { rationaleId: string; input: UpdateRationale }): Promise<Rationale> {
  authorize(actor, 'rationale.manage');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await findRationaleRow(tx, actor.workspaceId, rationaleId);
    if (!before) throw notFound('Rationale');
    if (input.title !== undefined) await assertTitle(tx, actor.workspaceId, input.title, rationaleId);
    await assertPillar(tx, actor.workspaceId, input.pillarId);
    const patch: RationalePatch = {};
    if (input.title !== undefined) patch.title = input.title;
    if (input.body !== undefined) patch.body = input.body;
    if (input.pillarId !== undefined) patch.pillarId = input.pillarId;
    if (input.active !== undefined) patch.active = input.active;
    if (input.position !== undefined) patch.position = input.position;
    if (!(await updateRationaleRow(tx, { workspaceId: actor.workspaceId, id: rationaleId, version }, patch))) throw versionConflict('Rationale');
    await recordUpdate(tx, actor, { workspaceId: actor.workspaceId, action: 'rationale.update', entityType: 'rationale', entityId: rationaleId, label: `Rationale “${before.title}”`, before, patch });
    return presentRationale((await findRationaleRow(tx, actor.workspaceId, rationaleId))!);
  });
}

/** Deletes a template; decisions that used it keep their text (their template link is cleared). */
export async function deleteRationale({ db, actor, rationaleId }: Ctx & { rationaleId: string }): Promise<void> {
  authorize(actor, 'rationale.manage');
  await db.transaction(async (tx) => {
    const before = await findRationaleRow(tx, actor.workspaceId, rationaleId);
    if (!before || !(await deleteRationaleRow(tx, actor.workspaceId, rationaleId))) throw notFound('Rationale');
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'rationale.delete', entityType: 'rationale', entityId: rationaleId, summary: `Deleted the rationale “${before.title}”` });
  });
}
