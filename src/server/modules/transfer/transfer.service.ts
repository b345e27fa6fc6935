import { WorkspaceExport } from '../../../shared/contracts.js';
import type { Role } from '../../../shared/roles.js';
import type { Db } from '../../db/client.js';
import type { UserActor, WorkspaceActor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { findUsersByEmails, insertUsers } from '../accounts/accounts.repository.js';
import { flushReads, recordAudit } from '../audit/audit.service.js';
import { rescoreFeatures } from '../prioritization/prioritization.rescore.js';
import { insertWorkspace } from '../workspaces/workspaces.repository.js';
import { danglingDiscoveryRef, discoveryRefs, exportDiscovery, importDiscovery } from './transfer-discovery.js';
import { exportRepresent, importRepresent, remapRefs, representProblem, representRefs } from './transfer-represent.js';
import { exportRoadmap, importRoadmap, refSets, roadmapProblem, roadmapRefs } from './transfer-roadmap.js';
import { insertRows, readWorkspaceRows } from './transfer.repository.js';

/** Writes a whole workspace as one JSON document. */
export async function exportWorkspace({ db, workspaceId }: { db: Db; workspaceId: string }): Promise<WorkspaceExport> {
  await flushReads();
  const rows = await readWorkspaceRows(db, workspaceId);
  if (!rows) throw notFound('Workspace');
  const emailOfUser = new Map(rows.memberRows.map((r) => [r.m.userId, r.email]));
  const emailOfMember = new Map(rows.memberRows.map((r) => [r.m.id, r.email]));
  const componentOrder = new Map(rows.componentRows.map((c, i) => [c.id, i]));
  const byEmail = (a: string, b: string) => (emailOfMember.get(a) ?? a).localeCompare(emailOfMember.get(b) ?? b);
  // People, products and components are listed in a stable order; the sections after them rank by it.
  const rank = new Map([...rows.memberRows.map((r, i) => [r.m.id, i] as const), ...rows.productRows.map((p, i) => [p.id, i] as const), ...componentOrder]);
  const rankOf = (ref: string) => rank.get(ref) ?? Number.MAX_SAFE_INTEGER;
  const discovery = await exportDiscovery(db, workspaceId, (ref) => componentOrder.get(ref) ?? Number.MAX_SAFE_INTEGER);
  const known = { people: new Set(rows.memberRows.map((r) => r.m.id)), products: new Set(rows.productRows.map((p) => p.id)), components: new Set(componentOrder.keys()) };
  const roadmap = await exportRoadmap(db, workspaceId, { rank: rankOf, known, discovery });
  const represent = await exportRepresent(db, workspaceId, { rank: rankOf, discovery, roadmap });
  return {
    format: 'sextant-workspace',
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    workspace: { name: rows.workspace.name },
    people: rows.memberRows.map((r) => ({ ref: r.m.id, name: r.name, email: r.email, role: r.m.role as Role, title: r.m.title, joinedAt: r.m.createdAt.toISOString() })),
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
    discovery,
    roadmap,
    represent,
    audit: rows.auditRows.map((a) => ({
      at: a.createdAt.toISOString(),
      actorEmail: a.actorId ? (emailOfUser.get(a.actorId) ?? null) : null,
      actorName: a.actorName,
      action: a.action,
      entityType: a.entityType,
      entityRef: a.entityId,
      summary: a.summary,
      changes: a.changes ?? null,
      ...(a.kind === 'read' ? { kind: 'read' as const } : {}),
    })),
  };
}

/**
 * A document can be well-formed and still not make sense: duplicate refs or emails, an owner or team
 * member who is not among the people. That answers 422, naming the place.
 */
function checkReferences(doc: WorkspaceExport): void {
  const people = new Set<string>();
  const emails = new Set<string>();
  doc.people.forEach((p, i) => {
    if (people.has(p.ref)) throw new AppError('unprocessable', `people.${i}.ref: ${p.ref} appears twice`, `people.${i}.ref`);
    if (emails.has(p.email.toLowerCase())) throw new AppError('unprocessable', `people.${i}.email: ${p.email} appears twice`, `people.${i}.email`);
    people.add(p.ref);
    emails.add(p.email.toLowerCase());
  });
  const records = new Set<string>(people);
  doc.products.forEach((p, i) => {
    if (records.has(p.ref)) throw new AppError('unprocessable', `products.${i}.ref: ${p.ref} appears twice`, `products.${i}.ref`);
    records.add(p.ref);
    p.components.forEach((c, j) => {
      const at = `products.${i}.components.${j}`;
      if (records.has(c.ref)) throw new AppError('unprocessable', `${at}.ref: ${c.ref} appears twice`, `${at}.ref`);
      records.add(c.ref);
      if (c.ownerRef && !people.has(c.ownerRef)) throw new AppError('unprocessable', `${at}.ownerRef: ${c.ownerRef} is not one of the people`, `${at}.ownerRef`);
      const stranger = c.teamRefs.find((r) => !people.has(r));
      if (stranger) throw new AppError('unprocessable', `${at}.teamRefs: ${stranger} is not one of the people`, `${at}.teamRefs`);
    });
  });
  if (doc.discovery) {
    const known = new Set([...people, ...doc.products.flatMap((p) => p.components.map((c) => c.ref)), ...discoveryRefs(doc.discovery)]);
    const dangling = danglingDiscoveryRef(doc.discovery, known);
    if (dangling) throw new AppError('unprocessable', `${dangling[0]}: ${dangling[1]} refers to nothing in the file`, dangling[0]);
  }
  if (doc.roadmap) {
    const problem = roadmapProblem(doc.roadmap, refSets(doc), new Set([...records, ...(doc.discovery ? discoveryRefs(doc.discovery) : [])]));
    if (problem) throw new AppError('unprocessable', `${problem[0]}: ${problem[1]}`, problem[0]);
  }
  if (doc.represent) {
    const elsewhere = new Set([...records, ...(doc.discovery ? discoveryRefs(doc.discovery) : []), ...(doc.roadmap ? roadmapRefs(doc.roadmap) : [])]);
    const problem = representProblem(doc.represent, refSets(doc), doc.discovery, elsewhere);
    if (problem) throw new AppError('unprocessable', `${problem[0]}: ${problem[1]}`, problem[0]);
  }
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
export async function importWorkspace({
  db,
  data,
  actor,
  asAdmin = false,
  onProgress,
}: {
  db: Db;
  data: unknown;
  actor?: UserActor | null;
  /** Make the actor an admin of the new workspace (imports through the API). */
  asAdmin?: boolean;
  onProgress?: (step: string, done: number, total: number) => void;
}) {
  const parsed = WorkspaceExport.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('validation_failed', `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'is not a Sextant workspace export'}`, issue?.path.join('.'));
  }
  const doc = parsed.data;
  checkReferences(doc);
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
    const memberRows = doc.people.map((p) => {
      const userId = userByEmail.get(p.email.toLowerCase())!;
      // Whoever imports through the API administers the result.
      const role = asAdmin && actor && userId === actor.userId ? 'admin' : p.role;
      return { id: idFor(p.ref), workspaceId, userId, role, title: p.title, createdAt: new Date(p.joinedAt) };
    });
    if (asAdmin && actor && !memberRows.some((m) => m.userId === actor.userId)) {
      memberRows.push({ id: newId(), workspaceId, userId: actor.userId, role: 'admin', title: '', createdAt: new Date() });
    }
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
    if (doc.discovery) discoveryRefs(doc.discovery).forEach(idFor);
    // Before the audit entries are mapped, so entries about features, releases and views follow them.
    if (doc.roadmap) roadmapRefs(doc.roadmap).forEach(idFor);
    if (doc.represent) representRefs(doc.represent).forEach(idFor);
    const team = doc.products.flatMap((p) => p.components.flatMap((c) => c.teamRefs.map((r) => ({ workspaceId, componentId: ids.get(c.ref)!, memberId: mapRef(r)! })).filter((t) => t.memberId)));
    onProgress?.('products', 3, total);
    // Entries about workspace-wide records (e.g. the prioritization frameworks) name the workspace as
    // their entity; its id in the file is known from the entries about the workspace itself.
    const sourceWorkspace = doc.audit.find((a) => a.entityType === 'workspace' && a.entityRef)?.entityRef;
    if (sourceWorkspace && !ids.has(sourceWorkspace)) ids.set(sourceWorkspace, workspaceId);
    const lookup = (s: string) => ids.get(s);
    const audit = doc.audit.map((a) => ({
      id: newId(),
      workspaceId,
      actorId: a.actorEmail ? (userByEmail.get(a.actorEmail.toLowerCase()) ?? null) : null,
      actorName: a.actorName,
      action: a.action,
      entityType: a.entityType,
      entityId: a.entityType === 'workspace' ? workspaceId : a.entityRef ? (ids.get(a.entityRef) ?? a.entityRef) : null,
      summary: a.summary,
      // Changes name records by id (a decision, a release…): those the file holds follow them.
      changes: a.changes ? (remapRefs(a.changes, lookup) as Record<string, unknown>) : a.changes,
      kind: a.kind ?? 'change',
      createdAt: new Date(a.at),
    }));
    await insertRows(tx, { members: memberRows, products: productRows, components: componentRows, team, audit });
    if (doc.discovery) await importDiscovery(tx, doc.discovery, { workspaceId, idFor, mapRef });
    if (doc.roadmap) {
      await importRoadmap(tx, doc.roadmap, { workspaceId, sets: refSets(doc), mapRef });
      // Scores are not in the file: they are computed again under the imported frameworks. A file
      // without frameworks has nothing to score (rescoring would create the default frameworks, which
      // the exported workspace did not have yet; it gets them on its first read, as that one would).
      if (doc.roadmap.frameworks.length) await rescoreFeatures(tx, workspaceId);
    }
    if (doc.represent) await importRepresent(tx, doc.represent, { workspaceId, mapRef, lookup });
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
