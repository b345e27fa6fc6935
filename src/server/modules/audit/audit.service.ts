import type { AuditEntry } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { UserActor, WorkspaceActor } from '../../lib/actor.js';
import { describeChanges, diffFields } from '../../lib/diff.js';
import { newId } from '../../lib/ids.js';
import { invalidateReads } from '../../lib/read-cache.js';
import { authorize } from '../../lib/authorize.js';
import { insertAuditEntries, insertAuditEntry, listAuditEntries, type AuditRow, type NewAuditRow } from './audit.repository.js';

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
  invalidateReads();
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

/*
 * Read entries are written in batches: a busy coaching page would otherwise queue one INSERT per request
 * behind every other query on the embedded database. They wait at most READ_FLUSH_MS in memory (the app
 * flushes them when it closes), and every reader of the audit log flushes them first.
 */
const READ_FLUSH_MS = 25;
const READ_BATCH_MAX = 500;
let readSink: Db | null = null;
const pendingReads: NewAuditRow[] = [];
let flushTimer: ReturnType<typeof setTimeout> | null = null;
let flushing: Promise<void> = Promise.resolve();

/** Where batched read entries go: the app's database (null: written at once, by each call). */
export function setReadAuditSink(db: Db | null): void {
  readSink = db;
}

/** Writes the read entries waiting in memory; resolves once they are stored. */
export function flushReads(): Promise<void> {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  const sink = readSink;
  if (!pendingReads.length || !sink) return flushing;
  const batch = pendingReads.splice(0);
  flushing = flushing.then(async () => {
    try {
      await insertAuditEntries(sink, batch);
    } catch {
      // One row may name a workspace or account deleted meanwhile: keep every other row.
      for (const row of batch) await insertAuditEntry(sink, row).catch(() => undefined);
    }
  });
  return flushing;
}

/**
 * Records that someone read private data (coaching records). The entry names the record, never its
 * content; it is not a change, so read caches and the roadmap's change marker ignore it.
 */
export async function recordRead(db: Db, actor: WorkspaceActor, input: Omit<AuditInput, 'changes'>): Promise<void> {
  const row: NewAuditRow = {
    id: newId(),
    workspaceId: input.workspaceId,
    actorId: actor.userId,
    actorName: actor.name,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    summary: input.summary,
    changes: null,
    kind: 'read',
    createdAt: new Date(),
  };
  if (!readSink) return insertAuditEntry(db, row);
  pendingReads.push(row);
  if (pendingReads.length >= READ_BATCH_MAX) void flushReads();
  else flushTimer ??= setTimeout(() => void flushReads(), READ_FLUSH_MS);
}

/**
 * Records an update with its field-level changes (`{field: [before, after]}`) and a summary that starts
 * with `label`; returns the changes so the caller can react to them (e.g. notify a new owner).
 */
export async function recordUpdate(
  db: Db,
  actor: UserActor,
  input: Omit<AuditInput, 'summary' | 'changes'> & { label: string; before: object; patch: object },
): Promise<Record<string, [unknown, unknown]>> {
  const changes = diffFields(input.before, input.patch);
  await recordAudit(db, actor, {
    workspaceId: input.workspaceId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    summary: `${input.label}: ${describeChanges(changes) || 'no change'}`,
    changes,
  });
  return changes;
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
    kind: row.kind === 'read' ? 'read' : 'change',
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
  await flushReads();
  const { rows, total } = await listAuditEntries(db, { workspaceId: actor.workspaceId, ...query });
  return { items: rows.map(presentAuditEntry), total };
}
