import type { CreateReport, CreateShareLink, CreatedShareLink, Report, ReportAudience, ReportContent, ReportList, ReportSummary, ShareLink, ShareLinkList, SharedReport } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { hashSecret, isUuid, newId, newSecret } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { compileReport, type ReportFacts } from './reports.compile.js';
import { roadmapChanges } from './reports.changes.js';
import * as repo from './reports.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor };

const AUDIENCE_LABEL: Record<ReportAudience, string> = { executive: 'Executive', team: 'Product team', company: 'Company-wide', customer: 'Customer' };
const DAY = 86_400_000;

function presentSummary(r: repo.ReportRow): ReportSummary {
  return {
    id: r.id,
    productId: r.productId,
    productName: r.productName,
    audience: r.audience as ReportAudience,
    title: r.title,
    from: r.fromDate,
    to: r.toDate,
    status: r.status === 'published' ? 'published' : 'draft',
    publishedAt: r.publishedAt?.toISOString() ?? null,
    createdBy: r.createdById && r.creatorName ? { id: r.createdById, name: r.creatorName } : null,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}

const present = (r: repo.ReportRow): Report => ({ ...presentSummary(r), content: r.content as unknown as ReportContent });

function presentLink(l: repo.ShareLinkRow, now = new Date()): ShareLink {
  return {
    id: l.id,
    reportId: l.reportId,
    expiresAt: l.expiresAt.toISOString(),
    revokedAt: l.revokedAt?.toISOString() ?? null,
    active: !l.revokedAt && l.expiresAt > now,
    viewCount: l.viewCount,
    lastViewedAt: l.lastViewedAt?.toISOString() ?? null,
    createdBy: l.createdById && l.creatorName ? { id: l.createdById, name: l.creatorName } : null,
    createdAt: l.createdAt.toISOString(),
  };
}

async function loadReport(db: Db, actor: WorkspaceActor, reportId: string): Promise<repo.ReportRow> {
  const row = isUuid(reportId) ? await repo.findReport(db, actor.workspaceId, reportId) : null;
  if (!row) throw notFound('Report');
  return row;
}

/**
 * Reads the live facts of a product for a range and folds the roadmap changes since `since`. Only the
 * features the audience's report reads are loaded (those its changes and conflicts name, plus the
 * slipped ones for the team and the public ones for customers): a product's 20,000 would cost more
 * than the rest of the compile.
 */
async function gatherFacts(db: Db, workspaceId: string, product: { id: string; name: string }, audience: ReportAudience, since: Date, until: Date, rangeFrom: Date): Promise<ReportFacts> {
  const components = await repo.productComponents(db, workspaceId, product.id);
  const componentIds = components.map((c) => c.id);
  const today = new Date().toISOString().slice(0, 10);
  const [updates, keyResults, conflicts, decisions, audit] = await Promise.all([
    repo.latestUpdates(db, workspaceId, componentIds),
    repo.productKeyResults(db, workspaceId, product.id),
    repo.dependencyConflicts(db, workspaceId, componentIds),
    repo.decisionsInRange(db, workspaceId, product.id, componentIds, rangeFrom, until),
    repo.featureChanges(db, workspaceId, new Date(Math.min(since.getTime(), rangeFrom.getTime())), until),
  ]);
  const features = await repo.productFeatures(db, workspaceId, componentIds, {
    ids: [...audit.flatMap((a) => (a.entityId ? [a.entityId] : [])), ...conflicts.flatMap((c) => [c.featureId, c.dependsOnId])],
    slippedBefore: audience === 'team' ? today : undefined,
    publicOnes: audience === 'customer',
  });
  const byId = new Map(features.map((f) => [f.id, f]));
  const sinceAudit = audit.filter((a) => a.at >= since);
  const changes = roadmapChanges(sinceAudit, byId, components.map((c) => c.name));
  const shippedIds = new Set<string>();
  for (const a of audit) {
    const status = a.changes?.status;
    if (a.at >= rangeFrom && a.entityId && byId.has(a.entityId) && Array.isArray(status) && status[1] === 'shipped') shippedIds.add(a.entityId);
  }
  for (const id of shippedIds) if (byId.get(id)?.status !== 'shipped') shippedIds.delete(id);
  const rationales = await repo.featureRationales(db, workspaceId, changes.map((c) => c.featureId), until);
  return {
    productName: product.name,
    components,
    updates,
    keyResults,
    features,
    shippedIds,
    conflicts,
    decisions,
    changes,
    rationales,
    today,
  };
}

/** Compiles a report from live data for its audience and stores the snapshot. */
export async function createReport({ db, actor, input }: Ctx & { input: CreateReport }): Promise<Report> {
  const product = await repo.findProduct(db, actor.workspaceId, input.productId);
  if (!product) throw invalid('productId', 'no such product in this workspace');
  if (input.from && input.to && input.from > input.to) throw invalid('to', 'must not be before from');
  const now = new Date();
  const previous = await repo.previousReport(db, actor.workspaceId, product.id, input.audience);
  const until = input.to ? new Date(Math.min(Date.parse(`${input.to}T23:59:59.999Z`), now.getTime())) : now;
  const rangeFrom = input.from ? new Date(`${input.from}T00:00:00Z`) : (previous?.createdAt ?? new Date(now.getTime() - 30 * DAY));
  const since = input.from ? rangeFrom : (previous?.createdAt ?? rangeFrom);
  const from = input.from ?? rangeFrom.toISOString().slice(0, 10);
  const to = input.to ?? until.toISOString().slice(0, 10);
  const title = input.title ?? `${product.name}: ${AUDIENCE_LABEL[input.audience]} report`;
  const facts = await gatherFacts(db, actor.workspaceId, product, input.audience, since, until, rangeFrom);
  const content = compileReport(facts, { title, audience: input.audience, from, to, compiledAt: now.toISOString() });
  const id = newId();
  await db.transaction(async (tx) => {
    await repo.insertReport(tx, {
      id,
      workspaceId: actor.workspaceId,
      productId: product.id,
      audience: input.audience,
      title,
      fromDate: from,
      toDate: to,
      content: content as unknown as Record<string, unknown>,
      createdById: actor.memberId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'report.create',
      entityType: 'report',
      entityId: id,
      summary: `Compiled the ${AUDIENCE_LABEL[input.audience].toLowerCase()} report “${title}”`,
    });
  });
  return present((await repo.findReport(db, actor.workspaceId, id))!);
}

export async function listReports({ db, actor, query }: Ctx & { query: { productId?: string; audience?: string } }): Promise<ReportList> {
  const rows = await repo.listReportRows(db, actor.workspaceId, query);
  return { items: rows.map(presentSummary), total: rows.length };
}

export async function getReport({ db, actor, reportId }: Ctx & { reportId: string }): Promise<Report> {
  return present(await loadReport(db, actor, reportId));
}

export async function publishReport({ db, actor, reportId, version }: Ctx & { reportId: string; version?: number }): Promise<Report> {
  const expected = requireVersion(version);
  return db.transaction(async (tx) => {
    const before = await loadReport(tx, actor, reportId);
    if (!(await repo.publishReportRow(tx, actor.workspaceId, reportId, expected, new Date()))) throw versionConflict('Report');
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'report.publish',
      entityType: 'report',
      entityId: reportId,
      summary: `Published the report “${before.title}”`,
      changes: { status: [before.status, 'published'] },
    });
    return present((await repo.findReport(tx, actor.workspaceId, reportId))!);
  });
}

export async function deleteReport({ db, actor, reportId }: Ctx & { reportId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadReport(tx, actor, reportId);
    await repo.deleteReportRow(tx, actor.workspaceId, reportId);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'report.delete', entityType: 'report', entityId: reportId, summary: `Deleted the report “${before.title}”` });
  });
}

export async function listShareLinks({ db, actor, reportId }: Ctx & { reportId: string }): Promise<ShareLinkList> {
  await loadReport(db, actor, reportId);
  const rows = await repo.listShareLinkRows(db, actor.workspaceId, reportId);
  const now = new Date();
  return { items: rows.map((r) => presentLink(r, now)), total: rows.length };
}

/** A new link; only the token's hash is stored, the token is in the URL returned once. */
export async function createShareLink({ db, actor, reportId, input }: Ctx & { reportId: string; input: CreateShareLink }): Promise<CreatedShareLink> {
  const expiresAt = new Date(input.expiresAt);
  if (Number.isNaN(expiresAt.getTime())) throw invalid('expiresAt', 'must be an ISO 8601 timestamp');
  if (expiresAt.getTime() <= Date.now()) throw invalid('expiresAt', 'must be in the future');
  return db.transaction(async (tx) => {
    const report = await loadReport(tx, actor, reportId);
    const token = newSecret();
    const id = newId();
    await repo.insertShareLink(tx, { id, workspaceId: actor.workspaceId, reportId, tokenHash: hashSecret(token), expiresAt, createdById: actor.memberId });
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'report.share',
      entityType: 'report',
      entityId: reportId,
      summary: `Created share link ${id} for the report “${report.title}”, expiring ${expiresAt.toISOString()}`,
      changes: { linkId: id, expiresAt: expiresAt.toISOString() },
    });
    return { id, url: `/shared/${token}`, expiresAt: expiresAt.toISOString() };
  });
}

export async function revokeShareLink({ db, actor, linkId }: Ctx & { linkId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const link = isUuid(linkId) ? await repo.findShareLink(tx, actor.workspaceId, linkId) : null;
    if (!link) throw notFound('Share link');
    if (link.revokedAt) return;
    await repo.revokeShareLinkRow(tx, actor.workspaceId, linkId, new Date());
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'report.share-revoke',
      entityType: 'report',
      entityId: link.reportId,
      summary: `Revoked share link ${linkId}`,
      changes: { linkId },
    });
  });
}

/** The report behind a token: 404 when unknown, revoked or expired. Every view is counted and audited. */
export async function readShared({ db, token }: { db: Db; token: string }): Promise<SharedReport> {
  const found = await repo.findLinkByHash(db, hashSecret(token));
  const now = new Date();
  if (!found || found.link.revokedAt || found.link.expiresAt <= now) throw notFound('Shared report');
  const { link, report } = found;
  await db.transaction(async (tx) => {
    await repo.countView(tx, link.id, now);
    await recordAudit(tx, null, {
      workspaceId: link.workspaceId,
      action: 'report.viewed',
      entityType: 'report',
      entityId: report.id,
      summary: `Report “${report.title}” viewed via share link ${link.id}`,
      changes: { linkId: link.id },
    });
  });
  return { title: report.title, audience: report.audience as ReportAudience, publishedAt: report.publishedAt?.toISOString() ?? null, content: report.content as unknown as ReportContent };
}
