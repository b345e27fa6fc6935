import type {
  CreateStatusUpdate,
  DueStatusUpdateList,
  StatusDraft,
  StatusDraftQuery,
  StatusPeriodKind,
  StatusUpdate,
  StatusUpdateList,
  StatusUpdateListQuery,
  UpdateStatusUpdate,
} from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { AppError, invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { requireRole } from '../okrs/okrs.access.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { draftText, gatherFacts, suggestHealth } from './status-updates.draft.js';
import { currentWeek, isoWeekOf, parsePeriod, sprintRange } from './status-updates.period.js';
import { ensureReminderJob } from './status-updates.reminders.js';
import {
  componentsWithUpdate,
  deleteUpdateRow,
  findComponent,
  firstOwnedComponent,
  findUpdate,
  findUpdateByPeriod,
  insertUpdate,
  listComponents,
  listUpdateRows,
  updateUpdateRow,
  type ComponentInfo,
  type StatusUpdateFull,
} from './status-updates.repository.js';

/*
 * Status updates: one per component and period. Everyone reads (update.read); update.write lets a PM
 * write only for components they own. Every change is audited in its transaction.
 */

type Ctx = { db: Db; actor: WorkspaceActor };

function present(row: StatusUpdateFull): StatusUpdate {
  const range = row.periodKind === 'sprint' ? null : parsePeriod(row.period, row.periodKind as StatusPeriodKind).range;
  const facts = row.facts && Object.keys(row.facts).length ? (row.facts as StatusUpdate['facts']) : null;
  return {
    id: row.id,
    componentId: row.componentId,
    component: { id: row.componentId, name: row.componentName },
    productId: row.productId,
    period: row.period,
    periodKind: row.periodKind as StatusPeriodKind,
    range,
    health: row.health as StatusUpdate['health'],
    summary: row.summary,
    highlights: row.highlights,
    risks: row.risks,
    asks: row.asks,
    facts,
    author: row.authorId && row.authorName ? { id: row.authorId, name: row.authorName } : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function requireComponent(db: Db, workspaceId: string, componentId: string, field = 'componentId'): Promise<ComponentInfo> {
  const component = await findComponent(db, workspaceId, componentId);
  if (!component) throw invalid(field, 'no such component in this workspace');
  return component;
}

async function loadUpdate(db: Db, actor: WorkspaceActor, updateId: string): Promise<StatusUpdateFull> {
  const row = await findUpdate(db, actor.workspaceId, updateId);
  if (!row) throw notFound('Status update');
  return row;
}

const label = (row: { componentName: string; period: string }) => `Status update of ${row.componentName} for ${row.period}`;

export async function createStatusUpdate({ db, actor, input }: Ctx & { input: CreateStatusUpdate }): Promise<StatusUpdate> {
  requireRole(actor, 'update.write');
  const component = await requireComponent(db, actor.workspaceId, input.componentId);
  authorize(actor, 'update.write', { ownerIds: [component.ownerId] });
  const parsed = parsePeriod(input.period, input.periodKind);
  return db.transaction(async (tx) => {
    if (await findUpdateByPeriod(tx as Db, component.id, parsed.period))
      throw new AppError('conflict', `period: ${component.name} already has an update for ${parsed.period}; edit that one instead`, 'period');
    const id = newId();
    await insertUpdate(tx as Db, {
      id,
      workspaceId: actor.workspaceId,
      componentId: component.id,
      period: parsed.period,
      periodKind: parsed.kind,
      health: input.health,
      summary: input.summary,
      highlights: input.highlights ?? '',
      risks: input.risks ?? '',
      asks: input.asks ?? '',
      facts: input.facts ?? {},
      authorId: actor.memberId,
    });
    await recordAudit(tx as Db, actor, {
      workspaceId: actor.workspaceId,
      action: 'status-update.create',
      entityType: 'status_update',
      entityId: id,
      summary: `Wrote the ${parsed.period} status update of ${component.name} (${input.health.replace('_', ' ')})`,
    });
    await ensureReminderJob(tx as Db);
    return present((await findUpdate(tx as Db, actor.workspaceId, id))!);
  });
}

export async function getStatusUpdate({ db, actor, updateId }: Ctx & { updateId: string }): Promise<StatusUpdate> {
  authorize(actor, 'update.read');
  return present(await loadUpdate(db, actor, updateId));
}

export async function listStatusUpdates({ db, actor, query }: Ctx & { query: StatusUpdateListQuery }): Promise<StatusUpdateList> {
  authorize(actor, 'update.read');
  const { rows, total } = await listUpdateRows(db, { workspaceId: actor.workspaceId, ...query, period: query.period?.trim() || undefined });
  return { items: rows.map(present), total };
}

export async function updateStatusUpdate({ db, actor, updateId, input }: Ctx & { updateId: string; input: UpdateStatusUpdate }): Promise<StatusUpdate> {
  requireRole(actor, 'update.write');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const row = await loadUpdate(tx as Db, actor, updateId);
    const component = (await findComponent(tx as Db, actor.workspaceId, row.componentId))!;
    authorize(actor, 'update.write', { ownerIds: [component.ownerId] });
    const patch = Object.fromEntries(
      Object.entries({ health: input.health, summary: input.summary, highlights: input.highlights, risks: input.risks, asks: input.asks }).filter(([, v]) => v !== undefined),
    );
    if (!(await updateUpdateRow(tx as Db, actor.workspaceId, row.id, version, patch))) throw versionConflict('The status update');
    await recordUpdate(tx as Db, actor, {
      workspaceId: actor.workspaceId,
      action: 'status-update.update',
      entityType: 'status_update',
      entityId: row.id,
      label: `Edited the ${label(row).charAt(0).toLowerCase()}${label(row).slice(1)}`,
      before: row,
      patch,
    });
    return present((await findUpdate(tx as Db, actor.workspaceId, row.id))!);
  });
}

export async function deleteStatusUpdate({ db, actor, updateId }: Ctx & { updateId: string }): Promise<void> {
  requireRole(actor, 'update.write');
  await db.transaction(async (tx) => {
    const row = await loadUpdate(tx as Db, actor, updateId);
    const component = (await findComponent(tx as Db, actor.workspaceId, row.componentId))!;
    authorize(actor, 'update.write', { ownerIds: [component.ownerId] });
    await deleteUpdateRow(tx as Db, actor.workspaceId, row.id);
    await recordAudit(tx as Db, actor, {
      workspaceId: actor.workspaceId,
      action: 'status-update.delete',
      entityType: 'status_update',
      entityId: row.id,
      summary: `Deleted the ${row.period} status update of ${row.componentName}`,
    });
  });
}

/** The draft of an update, prefilled from live data: needs update.write on the component (a PM: owns it). */
export async function draftStatusUpdate({ db, actor, query, now = new Date() }: Ctx & { query: StatusDraftQuery; now?: Date }): Promise<StatusDraft> {
  requireRole(actor, 'update.write');
  const component = query.componentId ? await requireComponent(db, actor.workspaceId, query.componentId) : await firstOwnedComponent(db, actor.workspaceId, actor.memberId);
  // Naming no component, a PM who owns none may draft for none; anyone else must name one.
  authorize(actor, 'update.write', { ownerIds: component ? [component.ownerId] : [] });
  if (!component) throw invalid('componentId', 'required: you own no component to draft for');
  const parsed = parsePeriod(query.period ?? isoWeekOf(now));
  const range = parsed.range ?? sprintRange(query.from, query.to, now);
  const facts = await gatherFacts(db, actor.workspaceId, component, range, now);
  const existing = await findUpdateByPeriod(db, component.id, parsed.period);
  return {
    componentId: component.id,
    component: { id: component.id, name: component.name },
    period: parsed.period,
    periodKind: parsed.kind,
    range,
    health: suggestHealth(facts),
    ...draftText(component.name, parsed.period, facts),
    facts,
    existingUpdateId: existing?.id ?? null,
  };
}

/** Components with no update for the current ISO week (every component, owned or not). */
export async function dueStatusUpdates({ db, actor, productId, now = new Date() }: Ctx & { productId?: string; now?: Date }): Promise<DueStatusUpdateList> {
  authorize(actor, 'update.read');
  const week = currentWeek(now);
  const [all, done] = await Promise.all([listComponents(db, actor.workspaceId, productId), componentsWithUpdate(db, actor.workspaceId, week.period)]);
  const items = all
    .filter((c) => !done.has(c.id))
    .map((c) => ({
      component: { id: c.id, name: c.name },
      product: { id: c.productId, name: c.productName },
      owner: c.ownerId && c.ownerName ? { id: c.ownerId, name: c.ownerName } : null,
      period: week.period,
      overdue: week.pastMidpoint,
    }));
  return { period: week.period, range: week.range, items, total: items.length };
}
