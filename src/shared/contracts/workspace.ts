import { z } from 'zod';
import { Id, IsoDate, Name, RoleSchema, Version, VersionedUpdate, listOf } from './common.js';

export const Workspace = z
  .object({
    id: Id,
    name: z.string(),
    version: Version,
    role: RoleSchema.describe("The caller's role in this workspace"),
    memberCount: z.number().int(),
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('Workspace');
export type Workspace = z.infer<typeof Workspace>;

export const CreateWorkspace = z.object({ name: Name.describe('Workspace name') }).strict();
export const UpdateWorkspace = VersionedUpdate.extend({ name: Name.optional().describe('New name') }).strict();
export const WorkspaceList = listOf(Workspace, 'Workspaces the caller belongs to');
export type CreateWorkspace = z.infer<typeof CreateWorkspace>;
export type UpdateWorkspace = z.infer<typeof UpdateWorkspace>;
