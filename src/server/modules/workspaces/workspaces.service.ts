import type { CreateWorkspace, UpdateWorkspace, Workspace } from '../../../shared/contracts.js';
import type { Role } from '../../../shared/roles.js';
import type { Db } from '../../db/client.js';
import type { UserActor, WorkspaceActor } from '../../lib/actor.js';
import { AppError, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { insertMember } from '../members/members.repository.js';
import {
  findWorkspace,
  findWorkspaceForUser,
  insertWorkspace,
  listWorkspacesForUser,
  updateWorkspaceRow,
  type WorkspaceWithRole,
} from './workspaces.repository.js';

export function presentWorkspace(w: WorkspaceWithRole): Workspace {
  return {
    id: w.id,
    name: w.name,
    version: w.version,
    role: w.role as Role,
    memberCount: w.memberCount,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}

/** Creates a workspace; the creator becomes its admin. */
export async function createWorkspace({ db, actor, input }: { db: Db; actor: UserActor; input: CreateWorkspace }): Promise<Workspace> {
  // Any signed-in account may create a workspace of its own: there is no workspace role to check yet.
  return db.transaction(async (tx) => {
    const id = newId();
    await insertWorkspace(tx, { id, name: input.name, createdBy: actor.userId });
    await insertMember(tx, { id: newId(), workspaceId: id, userId: actor.userId, role: 'admin', title: '' });
    await recordAudit(tx, actor, { workspaceId: id, action: 'workspace.create', entityType: 'workspace', entityId: id, summary: `Created workspace “${input.name}”` });
    const created = await findWorkspaceForUser(tx, id, actor.userId);
    return presentWorkspace(created!);
  });
}

/** Workspaces the caller belongs to. */
export async function listWorkspaces({ db, actor }: { db: Db; actor: UserActor }) {
  const rows = await listWorkspacesForUser(db, actor.userId);
  return { items: rows.map(presentWorkspace), total: rows.length };
}

export async function getWorkspace({ db, actor }: { db: Db; actor: WorkspaceActor }): Promise<Workspace> {
  authorize(actor, 'workspace.read');
  const row = await findWorkspaceForUser(db, actor.workspaceId, actor.userId);
  if (!row) throw notFound('Workspace');
  return presentWorkspace(row);
}

/** Renames a workspace; a stale version answers 409. */
export async function updateWorkspace({ db, actor, input }: { db: Db; actor: WorkspaceActor; input: UpdateWorkspace }): Promise<Workspace> {
  authorize(actor, 'workspace.update');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await findWorkspace(tx, actor.workspaceId);
    if (!before) throw notFound('Workspace');
    const patch = { name: input.name };
    const updated = await updateWorkspaceRow(tx, actor.workspaceId, version, patch);
    if (!updated) throw versionConflict('Workspace');
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'workspace.update',
      entityType: 'workspace',
      entityId: actor.workspaceId,
      label: 'Updated workspace',
      before,
      patch,
    });
    return presentWorkspace((await findWorkspaceForUser(tx, actor.workspaceId, actor.userId))!);
  });
}

/** Every update must say which version it read. */
export function requireVersion(version: number | undefined): number {
  if (version === undefined) {
    throw new AppError('validation_failed', 'version: required; send the version you last read (or an If-Match header)', 'version');
  }
  return version;
}
