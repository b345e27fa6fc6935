import { z } from 'zod';
import { ERROR_STATUS } from '../errors.js';
import { LIMITS } from '../limits.js';
import { ROLES } from '../roles.js';

export const Id = z.string().uuid().describe('Identifier (UUID)');
export const IsoDate = z.string().describe('Timestamp, ISO 8601 in UTC');
export const Version = z.number().int().min(1).describe('Record version; send it back on update, a stale one answers 409');
export const RoleSchema = z.enum(ROLES).describe('Role in the workspace');

/** A trimmed, non-empty name bounded by the shared limit. */
export const Name = z.string().trim().min(1, 'must not be empty').max(LIMITS.nameMax, `must be at most ${LIMITS.nameMax} characters`);
export const Description = z.string().max(LIMITS.descriptionMax, `must be at most ${LIMITS.descriptionMax} characters`);

export const ErrorResponse = z
  .object({
    code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]).describe('Machine-readable error code'),
    message: z.string().describe('What went wrong, naming the field at fault when there is one'),
    field: z.string().optional().describe('Path of the input field at fault'),
  })
  .describe('Error');

/** Every update carries the version the client last read. */
export const VersionedUpdate = z.object({ version: Version.optional() });

export const WorkspaceParams = z.object({ workspaceId: Id.describe('Workspace id') });

/** Cursor-free paging for short lists; long lists come with the modules that need them. */
export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50).describe('Page size'),
  offset: z.coerce.number().int().min(0).default(0).describe('Rows to skip'),
});

export function listOf<T extends z.ZodTypeAny>(item: T, description: string) {
  return z.object({ items: z.array(item), total: z.number().int().describe('Rows matching, before paging') }).describe(description);
}
