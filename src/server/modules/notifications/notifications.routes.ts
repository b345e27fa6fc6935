import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ListQuery, MarkAllRead, Notification, NotificationList, NotificationParams, WorkspaceParams } from '../../../shared/contracts.js';
import { workspaceActor } from '../../lib/http.js';
import { WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { listNotifications, readAllNotifications, readNotification } from './notifications.service.js';

export async function notificationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Notifications'];
  const base = '/api/v1/workspaces/:workspaceId/notifications';
  r.get(base, {
    config: { permission: 'notification.read-own' },
    schema: { summary: 'Your notifications in this workspace, with the unread count', tags, params: WorkspaceParams, querystring: ListQuery, response: { 200: NotificationList, ...WORKSPACE_ERRORS } },
    handler: (req) => listNotifications({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
  r.post(`${base}/:notificationId/read`, {
    config: { permission: 'notification.read-own' },
    schema: { summary: 'Mark a notification read', tags, params: NotificationParams, response: { 200: Notification, ...WORKSPACE_ERRORS } },
    handler: (req) => readNotification({ db: app.db, actor: workspaceActor(req), notificationId: req.params.notificationId }),
  });
  r.post(`${base}/read-all`, {
    config: { permission: 'notification.read-own' },
    schema: { summary: 'Mark all your notifications here read', tags, params: WorkspaceParams, response: { 200: MarkAllRead, ...WORKSPACE_ERRORS } },
    handler: (req) => readAllNotifications({ db: app.db, actor: workspaceActor(req) }),
  });
}
