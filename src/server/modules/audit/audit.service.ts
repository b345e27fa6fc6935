import type { AuditEntry } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { UserActor, WorkspaceActor } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import { authorize } from '../../lib/authorize.js';
import { insertAuditEntry, listAuditEntries, type AuditRow } from './audit.repository.js';

export interface AuditInput {
  workspaceId: string;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  changes?: Record<string, unknown> | null;
}

/** Records who changed what; every service calls it inside the transaction of the change. */
export async function recordAudit(db: Db, actor: UserActor | null, input: AuditInput): Promise<void> {
  await insertAuditEntry(db, {
    id: newId(),
    workspaceId: input.workspaceId,
    actorId: actor?.userId ?? null,
    actorName: actor?.name ?? 'System',
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    summary: input.summary,
    changes: input.changes ?? null,
  });
}

/** Presents an audit row. */
export function presentAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.createdAt.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    summary: row.summary,
    changes: row.changes ?? null,
  };
}

/** Lists the audit log of the actor's workspace. */
export async function listAudit({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: WorkspaceActor;
  query: { limit: number; offset: number; entityType?: string; actorId?: string };
}) {
  authorize(actor, 'audit.read');
  const { rows, total } = await listAuditEntries(db, { workspaceId: actor.workspaceId, ...query });
  return { items: rows.map(presentAuditEntry), total };
}
