import type { Notification } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import {
  insertNotifications,
  listNotificationRows,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationRow,
} from './notifications.repository.js';

export interface NotifyInput {
  workspaceId: string;
  userIds: string[];
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
}

/** The one way any module tells people something: an in-app notification per recipient. */
export async function notify(db: Db, input: NotifyInput): Promise<void> {
  const unique = [...new Set(input.userIds)];
  await insertNotifications(
    db,
    unique.map((userId) => ({
      id: newId(),
      workspaceId: input.workspaceId,
      userId,
      kind: input.kind,
      title: input.title,
      body: input.body ?? '',
      link: input.link ?? null,
    })),
  );
}

export function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The caller's notifications in this workspace, newest first, with the unread count. */
export async function listNotifications({ db, actor, query }: { db: Db; actor: WorkspaceActor; query: { limit: number; offset: number } }) {
  authorize(actor, 'notification.read-own');
  const { rows, total, unread } = await listNotificationRows(db, { workspaceId: actor.workspaceId, userId: actor.userId, ...query });
  return { items: rows.map(presentNotification), total, unread };
}

/** Marks one of the caller's notifications read. */
export async function readNotification({ db, actor, notificationId }: { db: Db; actor: WorkspaceActor; notificationId: string }) {
  authorize(actor, 'notification.read-own');
  const row = await markNotificationRead(db, { workspaceId: actor.workspaceId, userId: actor.userId, id: notificationId });
  if (!row) throw notFound('Notification');
  return presentNotification(row);
}

/** Marks all of the caller's notifications in this workspace read. */
export async function readAllNotifications({ db, actor }: { db: Db; actor: WorkspaceActor }) {
  authorize(actor, 'notification.read-own');
  return { updated: await markAllNotificationsRead(db, { workspaceId: actor.workspaceId, userId: actor.userId }) };
}
