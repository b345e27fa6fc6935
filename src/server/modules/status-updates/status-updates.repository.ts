import { and, asc, count, desc, eq, gte, inArray, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog, components, decisions, features, keyResultCheckIns, keyResults, members, notifications, objectives, products, statusUpdates, user } from '../../db/schema/index.js';

export type StatusUpdateRow = typeof statusUpdates.$inferSelect;
export type StatusUpdatePatch = Partial<Pick<StatusUpdateRow, 'health' | 'summary' | 'highlights' | 'risks' | 'asks'>>;

export interface ComponentInfo {
  id: string;
  name: string;
  productId: string;
  productName: string;
  ownerId: string | null;
  ownerName: string | null;
  ownerUserId: string | null;
}

const componentColumns = {
  id: components.id,
  name: components.name,
  productId: components.productId,
  productName: products.name,
  ownerId: components.ownerId,
  ownerName: user.name,
  ownerUserId: members.userId,
};

const componentQuery = (db: Db) =>
  db
    .select(componentColumns)
    .from(components)
    .innerJoin(products, eq(products.id, components.productId))
    .leftJoin(members, eq(members.id, components.ownerId))
    .leftJoin(user, eq(user.id, members.userId));

export async function findComponent(db: Db, workspaceId: string, componentId: string): Promise<ComponentInfo | undefined> {
  const [row] = await componentQuery(db).where(and(eq(components.workspaceId, workspaceId), eq(components.id, componentId)));
  return row;
}

/** The first component (by product and name) a member owns. */
export async function firstOwnedComponent(db: Db, workspaceId: string, memberId: string): Promise<ComponentInfo | undefined> {
  const [row] = await componentQuery(db)
    .where(and(eq(components.workspaceId, workspaceId), eq(components.ownerId, memberId)))
    .orderBy(asc(products.name), asc(components.name))
    .limit(1);
  return row;
}

export async function listComponents(db: Db, workspaceId: string, productId?: string): Promise<ComponentInfo[]> {
  const where = [eq(components.workspaceId, workspaceId)];
  if (productId) where.push(eq(components.productId, productId));
  return componentQuery(db)
    .where(and(...where))
    .orderBy(asc(products.name), asc(components.name));
}

export interface StatusUpdateFull extends StatusUpdateRow {
  componentName: string;
  productId: string;
  authorName: string | null;
}

const fullColumns = { row: statusUpdates, componentName: components.name, productId: components.productId, authorName: user.name };

const fullQuery = (db: Db) =>
  db
    .select(fullColumns)
    .from(statusUpdates)
    .innerJoin(components, eq(components.id, statusUpdates.componentId))
    .leftJoin(members, eq(members.id, statusUpdates.authorId))
    .leftJoin(user, eq(user.id, members.userId));

const flat = (r: { row: StatusUpdateRow; componentName: string; productId: string; authorName: string | null }): StatusUpdateFull => ({
  ...r.row,
  componentName: r.componentName,
  productId: r.productId,
  authorName: r.authorName,
});

export async function findUpdate(db: Db, workspaceId: string, id: string): Promise<StatusUpdateFull | undefined> {
  const [row] = await fullQuery(db).where(and(eq(statusUpdates.workspaceId, workspaceId), eq(statusUpdates.id, id)));
  return row ? flat(row) : undefined;
}

export async function findUpdateByPeriod(db: Db, componentId: string, period: string): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: statusUpdates.id })
    .from(statusUpdates)
    .where(and(eq(statusUpdates.componentId, componentId), eq(statusUpdates.period, period)));
  return row;
}

export async function insertUpdate(db: Db, row: typeof statusUpdates.$inferInsert): Promise<void> {
  await db.insert(statusUpdates).values(row);
}

/** Applies a patch when the version still matches; false when it does not. */
export async function updateUpdateRow(db: Db, workspaceId: string, id: string, version: number, patch: StatusUpdatePatch): Promise<boolean> {
  const rows = await db
    .update(statusUpdates)
    .set({ ...patch, version: sql`${statusUpdates.version} + 1`, updatedAt: new Date() })
    .where(and(eq(statusUpdates.workspaceId, workspaceId), eq(statusUpdates.id, id), eq(statusUpdates.version, version)))
    .returning({ id: statusUpdates.id });
  return rows.length > 0;
}

export async function deleteUpdateRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(statusUpdates).where(and(eq(statusUpdates.workspaceId, workspaceId), eq(statusUpdates.id, id)));
}

export async function listUpdateRows(
  db: Db,
  f: { workspaceId: string; componentId?: string; productId?: string; period?: string; limit: number; offset: number },
): Promise<{ rows: StatusUpdateFull[]; total: number }> {
  const where: SQL[] = [eq(statusUpdates.workspaceId, f.workspaceId)];
  if (f.componentId) where.push(eq(statusUpdates.componentId, f.componentId));
  if (f.productId) where.push(eq(components.productId, f.productId));
  if (f.period) where.push(eq(statusUpdates.period, f.period));
  const cond = and(...where);
  const rows = await fullQuery(db)
    .where(cond)
    .orderBy(desc(statusUpdates.createdAt), asc(components.name), desc(statusUpdates.id))
    .limit(f.limit)
    .offset(f.offset);
  const [{ n }] = (await db
    .select({ n: count() })
    .from(statusUpdates)
    .innerJoin(components, eq(components.id, statusUpdates.componentId))
    .where(cond)) as [{ n: number }];
  return { rows: rows.map(flat), total: Number(n) };
}

/** The components (of all, or of these) that have an update for the period. */
export async function componentsWithUpdate(db: Db, workspaceId: string, period: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: statusUpdates.componentId })
    .from(statusUpdates)
    .where(and(eq(statusUpdates.workspaceId, workspaceId), eq(statusUpdates.period, period)));
  return new Set(rows.map((r) => r.id));
}

// Facts for the draft

export async function shippedInRange(db: Db, workspaceId: string, componentId: string, start: Date, end: Date) {
  // When it was marked shipped: the latest audit entry that set status to shipped, else its last change.
  const shippedAt = sql<Date | string | null>`(select max(a.created_at) from audit_log a
      where a.workspace_id = ${workspaceId} and a.entity_type = 'feature' and a.entity_id = ${features.id}::text
        and a.changes -> 'status' ->> 1 = 'shipped')`;
  const rows = await db
    .select({ id: features.id, title: features.title, updatedAt: features.updatedAt, auditAt: shippedAt })
    .from(features)
    .where(and(eq(features.workspaceId, workspaceId), eq(features.componentId, componentId), eq(features.status, 'shipped')));
  return rows
    .map((r) => ({ id: r.id, title: r.title, at: r.auditAt ? new Date(r.auditAt) : r.updatedAt }))
    .filter((r) => r.at >= start && r.at < end)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Audit entries of the component's features in the range that changed horizon or dates. */
export async function movesInRange(db: Db, workspaceId: string, componentId: string, start: Date, end: Date) {
  return db
    .select({ id: features.id, title: features.title, at: auditLog.createdAt, changes: auditLog.changes })
    .from(auditLog)
    .innerJoin(features, sql`${features.id}::text = ${auditLog.entityId}`)
    .where(
      and(
        eq(auditLog.workspaceId, workspaceId),
        eq(auditLog.entityType, 'feature'),
        eq(features.componentId, componentId),
        gte(auditLog.createdAt, start),
        lt(auditLog.createdAt, end),
        sql`(${auditLog.changes} ? 'horizon' or ${auditLog.changes} ? 'startDate' or ${auditLog.changes} ? 'endDate')`,
      ),
    )
    .orderBy(asc(auditLog.createdAt));
}

export async function slippedBy(db: Db, workspaceId: string, componentId: string, day: string) {
  return db
    .select({ id: features.id, title: features.title, endDate: features.endDate, status: features.status })
    .from(features)
    .where(
      and(
        eq(features.workspaceId, workspaceId),
        eq(features.componentId, componentId),
        notInArray(features.status, ['shipped', 'wont_do']),
        sql`${features.endDate} is not null and ${features.endDate} < ${day}`,
      ),
    )
    .orderBy(asc(features.endDate), asc(features.title));
}

export async function componentKeyResults(db: Db, workspaceId: string, componentId: string) {
  return db
    .select({ kr: keyResults, objectiveTitle: objectives.title })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .where(and(eq(keyResults.workspaceId, workspaceId), eq(objectives.componentId, componentId), eq(objectives.status, 'active')))
    .orderBy(asc(objectives.position), asc(keyResults.position));
}

/** Check-ins of these key results before the end of the range, oldest first. */
export async function checkInsUntil(db: Db, keyResultIds: string[], end: Date) {
  if (!keyResultIds.length) return [];
  return db
    .select()
    .from(keyResultCheckIns)
    .where(and(inArray(keyResultCheckIns.keyResultId, keyResultIds), lt(keyResultCheckIns.createdAt, end)))
    .orderBy(asc(keyResultCheckIns.createdAt), asc(keyResultCheckIns.id));
}

export async function declinesInRange(db: Db, workspaceId: string, componentId: string, start: Date, end: Date) {
  return db
    .select({ id: decisions.id, title: decisions.title, rationale: decisions.rationale, decidedAt: decisions.decidedAt })
    .from(decisions)
    .where(
      and(
        eq(decisions.workspaceId, workspaceId),
        eq(decisions.componentId, componentId),
        eq(decisions.action, 'decline'),
        gte(decisions.decidedAt, start),
        lt(decisions.decidedAt, end),
      ),
    )
    .orderBy(asc(decisions.decidedAt));
}

// Reminders

export async function workspacesWithComponents(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ id: components.workspaceId }).from(components).where(sql`${components.ownerId} is not null`);
  return rows.map((r) => r.id);
}

export async function notificationExists(db: Db, workspaceId: string, userId: string, kind: string, link: string): Promise<boolean> {
  const [row] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId), eq(notifications.kind, kind), eq(notifications.link, link)))
    .limit(1);
  return Boolean(row);
}

/** True when a job of this kind waits (queued) or, with `running`, is also being run. */
export async function pendingJobOfKind(db: Db, kind: string, running = true): Promise<boolean> {
  const statuses = running ? ['queued', 'running'] : ['queued'];
  const result = await db.execute<{ id: string }>(sql`select id from jobs where kind = ${kind} and status in ${statuses} limit 1`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}
