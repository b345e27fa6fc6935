import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Id, IsoDate, Name, listOf } from './common.js';

export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['embedded', 'postgres']),
  version: z.string(),
});

export const ApiToken = z
  .object({ id: Id, name: z.string(), prefix: z.string().describe('First characters, to tell tokens apart'), createdAt: IsoDate, lastUsedAt: IsoDate.nullable() })
  .describe('Personal API token (the secret is never shown again)');
export const CreateApiToken = z.object({ name: z.string().trim().min(1, 'must not be empty').max(LIMITS.tokenNameMax).describe('What the token is for') }).strict();
export const CreatedApiToken = ApiToken.extend({ token: z.string().describe('The secret; shown once') });
export const ApiTokenList = listOf(ApiToken, 'Your API tokens');
export const TokenParams = z.object({ tokenId: Id });

export const AuditEntry = z
  .object({
    id: Id,
    at: IsoDate,
    actorId: z.string().nullable(),
    actorName: z.string(),
    action: z.string().describe('What was done, as entity.verb'),
    entityType: z.string(),
    entityId: z.string().nullable(),
    summary: z.string().describe('What changed, in words'),
    changes: z.record(z.string(), z.unknown()).nullable().describe('Field-level changes: { field: [before, after] }'),
    kind: z.enum(['change', 'read']).describe('read: someone read private coaching data (the entry names the record, never its content)'),
  })
  .describe('Audit log entry');
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  entityType: z.string().max(60).optional().describe('Only entries about this kind of record'),
  actorId: z.string().max(100).optional().describe('Only entries by this account'),
});
export const AuditList = listOf(AuditEntry, 'Audit log, newest first');

export const Notification = z
  .object({ id: Id, kind: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(), readAt: IsoDate.nullable(), createdAt: IsoDate })
  .describe('In-app notification');
export type Notification = z.infer<typeof Notification>;
export const NotificationList = z.object({ items: z.array(Notification), total: z.number().int(), unread: z.number().int() });
export const NotificationParams = z.object({ workspaceId: Id, notificationId: Id });
export const MarkAllRead = z.object({ updated: z.number().int() });

export const Me = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), instanceAdmin: z.boolean() }),
  workspaces: z.array(z.object({ id: Id, name: z.string(), role: z.string() })),
});

export const SetupStatus = z.object({ needsSetup: z.boolean().describe('True until the first account exists') });
export const RunSetup = z
  .object({
    name: Name.describe('Your name'),
    email: z.string().trim().toLowerCase().email('must be an email address').max(LIMITS.emailMax),
    password: z.string().min(1).max(LIMITS.passwordMax),
    workspaceName: Name.describe('First workspace'),
    loadDemo: z.boolean().default(false).describe('Also create the demo workspace'),
  })
  .strict();
export const SetupResult = z.object({ workspaceId: Id, demoWorkspaceId: Id.nullable() });
export const DemoResult = z.object({ workspaceId: Id });
export const CreateDemo = z.object({ name: Name.optional() }).strict();
export type AuditList = z.infer<typeof AuditList>;
