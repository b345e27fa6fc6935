import { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { UserActor, WorkspaceActor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { findUsersByEmails, insertUsers } from '../accounts/accounts.repository.js';
import { recordAudit } from '../audit/audit.service.js';
import { insertWorkspace } from '../workspaces/workspaces.repository.js';
import { insertRows, readWorkspaceRows } from './transfer.repository.js';

const ExportPerson = z.object({ ref: z.string(), name: z.string(), email: z.string(), role: z.string(), title: z.string(), joinedAt: z.string() });
const ExportComponent = z.object({
  ref: z.string(),
  name: z.string(),
  description: z.string(),
  ownerRef: z.string().nullable(),
  teamRefs: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
const ExportProduct = z.object({
  ref: z.string(),
  name: z.string(),
  description: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  components: z.array(ExportComponent),
});
const ExportAudit = z.object({
  at: z.string(),
  actorEmail: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityRef: z.string().nullable(),
  summary: z.string(),
  changes: z.record(z.string(), z.unknown()).nullable(),
});

/** The workspace file format: references instead of ids, so it imports into any instance. */
export const WorkspaceExport = z.object({
  format: z.literal('sextant-workspace'),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  workspace: z.object({ name: z.string() }),
  people: z.array(ExportPerson),
  products: z.array(ExportProduct),
  audit: z.array(ExportAudit),
});
export type WorkspaceExport = z.infer<typeof WorkspaceExport>;

/** Writes a whole workspace as one JSON document. */
export async function exportWorkspace({ db, workspaceId }: { db: Db; workspaceId: string }): Promise<WorkspaceExport> {
  const rows = await readWorkspaceRows(db, workspaceId);
  if (!rows) throw notFound('Workspace');
  const emailOfUser = new Map(rows.memberRows.map((r) => [r.m.userId, r.email]));
  const emailOfMember = new Map(rows.memberRows.map((r) => [r.m.id, r.email]));
  const byEmail = (a: string, b: string) => (emailOfMember.get(a) ?? a).localeCompare(emailOfMember.get(b) ?? b);
  return {
    format: 'sextant-workspace',
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    workspace: { name: rows.workspace.name },
    people: rows.memberRows.map((r) => ({ ref: r.m.id, name: r.name, email: r.email, role: r.m.role, title: r.m.title, joinedAt: r.m.createdAt.toISOString() })),
    products: rows.productRows.map((p) => ({
      ref: p.id,
      name: p.name,
      description: p.description,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
      version: p.version,
      components: rows.componentRows
        .filter((c) => c.productId === p.id)
        .map((c) => ({
          ref: c.id,
          name: c.name,
          description: c.description,
          ownerRef: c.ownerId,
          teamRefs: rows.teamRows.filter((t) => t.componentId === c.id).map((t) => t.memberId).sort(byEmail),
          createdAt: c.createdAt.toISOString(),
          updatedAt: c.updatedAt.toISOString(),
          version: c.version,
        })),
    })),
    audit: rows.auditRows.map((a) => ({
      at: a.createdAt.toISOString(),
      actorEmail: a.actorId ? (emailOfUser.get(a.actorId) ?? null) : null,
      actorName: a.actorName,
      action: a.action,
      entityType: a.entityType,
      entityRef: a.entityId,
      summary: a.summary,
      changes: a.changes ?? null,
    })),
  };
}

/** The HTTP export: admins only, and the export itself is audited. */
export async function exportWorkspaceAsActor({ db, actor }: { db: Db; actor: WorkspaceActor }): Promise<WorkspaceExport> {
  authorize(actor, 'workspace.export');
  const data = await exportWorkspace({ db, workspaceId: actor.workspaceId });
  await recordAudit(db, actor, { workspaceId: actor.workspaceId, action: 'workspace.export', entityType: 'workspace', entityId: actor.workspaceId, summary: `${actor.name} exported the workspace` });
  return data;
}

/**
 * Imports an export into a new workspace with new ids; people are matched to accounts by email, and
 * accounts that do not exist yet are created without a password (they sign in after a reset).
 * Exporting the result gives the same document, but for ids and the import's own audit entry.
 */
export async function importWorkspace({ db, data, actor, onProgress }: { db: Db; data: unknown; actor?: UserActor | null; onProgress?: (step: string, done: number, total: number) => void }) {
  const parsed = WorkspaceExport.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('validation_failed', `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'is not a Sextant workspace export'}`, issue?.path.join('.'));
  }
  const doc = parsed.data;
  const total = 4;
  return db.transaction(async (tx) => {
    const workspaceId = newId();
    await insertWorkspace(tx, { id: workspaceId, name: doc.workspace.name, createdBy: actor?.userId ?? null });
    onProgress?.('accounts', 1, total);
    const existing = await findUsersByEmails(tx, doc.people.map((p) => p.email));
    const userByEmail = new Map(existing.map((u) => [u.email, u.id]));
    const newUsers = doc.people.filter((p) => !userByEmail.has(p.email.toLowerCase())).map((p) => ({ id: newId(), name: p.name, email: p.email.toLowerCase(), passwordHash: null }));
    await insertUsers(tx, newUsers);
    for (const u of newUsers) userByEmail.set(u.email, u.id);
    const ids = new Map<string, string>();
    const idFor = (ref: string) => {
      if (!ids.has(ref)) ids.set(ref, newId());
      return ids.get(ref)!;
    };
    const mapRef = (ref: string | null) => (ref ? (ids.get(ref) ?? null) : null);
    onProgress?.('people', 2, total);
    const memberRows = doc.people.map((p) => ({
      id: idFor(p.ref),
      workspaceId,
      userId: userByEmail.get(p.email.toLowerCase())!,
      role: p.role,
      title: p.title,
      createdAt: new Date(p.joinedAt),
    }));
    const productRows = doc.products.map((p) => ({ id: idFor(p.ref), workspaceId, name: p.name, description: p.description, version: p.version, createdAt: new Date(p.createdAt), updatedAt: new Date(p.updatedAt) }));
    const componentRows = doc.products.flatMap((p) =>
      p.components.map((c) => ({
        id: idFor(c.ref),
        workspaceId,
        productId: ids.get(p.ref)!,
        name: c.name,
        description: c.description,
        ownerId: mapRef(c.ownerRef),
        version: c.version,
        createdAt: new Date(c.createdAt),
        updatedAt: new Date(c.updatedAt),
      })),
    );
    const team = doc.products.flatMap((p) => p.components.flatMap((c) => c.teamRefs.map((r) => ({ workspaceId, componentId: ids.get(c.ref)!, memberId: mapRef(r)! })).filter((t) => t.memberId)));
    onProgress?.('products', 3, total);
    const audit = doc.audit.map((a) => ({
      id: newId(),
      workspaceId,
      actorId: a.actorEmail ? (userByEmail.get(a.actorEmail.toLowerCase()) ?? null) : null,
      actorName: a.actorName,
      action: a.action,
      entityType: a.entityType,
      entityId: a.entityType === 'workspace' ? workspaceId : a.entityRef ? (ids.get(a.entityRef) ?? a.entityRef) : null,
      summary: a.summary,
      changes: a.changes,
      createdAt: new Date(a.at),
    }));
    await insertRows(tx, { members: memberRows, products: productRows, components: componentRows, team, audit });
    await recordAudit(tx, actor ?? null, {
      workspaceId,
      action: 'workspace.import',
      entityType: 'workspace',
      entityId: workspaceId,
      summary: `Imported “${doc.workspace.name}”: ${doc.people.length} people, ${doc.products.length} products, ${componentRows.length} components`,
    });
    onProgress?.('done', 4, total);
    return { workspaceId, people: doc.people.length, products: doc.products.length, components: componentRows.length };
  });
}
