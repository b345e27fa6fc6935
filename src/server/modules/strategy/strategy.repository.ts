import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { components, members, pillars, products, strategies, strategyProposalComments, strategyProposals, strategyVersions, user } from '../../db/schema/index.js';

export type StrategyRow = typeof strategies.$inferSelect;
export type VersionRow = typeof strategyVersions.$inferSelect;
export type ProposalRow = typeof strategyProposals.$inferSelect;
export type CommentRow = typeof strategyProposalComments.$inferSelect;

export interface Named {
  id: string;
  name: string;
}
export interface StrategyFull extends StrategyRow {
  updatedBy: Named | null;
}
export interface VersionFull extends VersionRow {
  publishedBy: Named | null;
}
export interface ProposalFull extends ProposalRow {
  author: Named | null;
  decidedBy: Named | null;
  commentCount: number;
}
export interface CommentFull extends CommentRow {
  author: Named | null;
}

const named = (id: string | null, name: string | null): Named | null => (id && name !== null ? { id, name } : null);

export async function findProduct(db: Db, workspaceId: string, productId: string): Promise<Named | undefined> {
  const [row] = await db
    .select({ id: products.id, name: products.name })
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.id, productId)));
  return row;
}

export async function findStrategy(db: Db, workspaceId: string, productId: string): Promise<StrategyFull | undefined> {
  const [row] = await db
    .select({ row: strategies, name: user.name })
    .from(strategies)
    .leftJoin(members, eq(members.id, strategies.updatedById))
    .leftJoin(user, eq(user.id, members.userId))
    .where(and(eq(strategies.workspaceId, workspaceId), eq(strategies.productId, productId)));
  return row ? { ...row.row, updatedBy: named(row.row.updatedById, row.name) } : undefined;
}

/** Creates the product's strategy row when it has none yet (a concurrent creator wins; either way the row exists after). */
export async function ensureStrategy(db: Db, row: typeof strategies.$inferInsert): Promise<void> {
  await db.insert(strategies).values(row).onConflictDoNothing({ target: strategies.productId });
}

/** Writes the draft when its version still is `version`; false when someone else changed it since. */
export async function updateStrategyRow(
  db: Db,
  key: { workspaceId: string; id: string; version: number },
  patch: Partial<Pick<StrategyRow, 'sections' | 'stories' | 'dirty' | 'updatedById'>>,
): Promise<boolean> {
  const rows = await db
    .update(strategies)
    .set({ ...patch, version: sql`${strategies.version} + 1`, updatedAt: new Date() })
    .where(and(eq(strategies.workspaceId, key.workspaceId), eq(strategies.id, key.id), eq(strategies.version, key.version)))
    .returning({ id: strategies.id });
  return rows.length > 0;
}

/** Records a publish on the strategy row: its number, and a draft no longer dirty. Leaves the draft version alone. */
export async function markPublished(db: Db, workspaceId: string, id: string, number: number): Promise<void> {
  await db
    .update(strategies)
    .set({ publishedNumber: number, dirty: false })
    .where(and(eq(strategies.workspaceId, workspaceId), eq(strategies.id, id)));
}

/** The product's live pillars, in their order. */
export async function listProductPillars(db: Db, workspaceId: string, productId: string) {
  return db
    .select({ id: pillars.id, name: pillars.name, description: pillars.description, targetShare: pillars.targetShare, status: pillars.status })
    .from(pillars)
    .where(and(eq(pillars.workspaceId, workspaceId), eq(pillars.productId, productId)))
    .orderBy(asc(pillars.position), asc(pillars.createdAt), asc(pillars.id));
}

const publisherMember = alias(members, 'publisher_member');
const publisherUser = alias(user, 'publisher_user');

function versionQuery(db: Db) {
  return db
    .select({ row: strategyVersions, name: publisherUser.name })
    .from(strategyVersions)
    .leftJoin(publisherMember, eq(publisherMember.id, strategyVersions.publishedById))
    .leftJoin(publisherUser, eq(publisherUser.id, publisherMember.userId));
}
const toVersion = (r: { row: VersionRow; name: string | null }): VersionFull => ({ ...r.row, publishedBy: named(r.row.publishedById, r.name) });

export async function listVersionRows(db: Db, workspaceId: string, strategyId: string): Promise<VersionFull[]> {
  const rows = await versionQuery(db)
    .where(and(eq(strategyVersions.workspaceId, workspaceId), eq(strategyVersions.strategyId, strategyId)))
    .orderBy(desc(strategyVersions.number));
  return rows.map(toVersion);
}

/** A version by id or by number. */
export async function findVersionRow(db: Db, workspaceId: string, strategyId: string, ref: { id?: string; number?: number }): Promise<VersionFull | undefined> {
  const match = ref.id ? eq(strategyVersions.id, ref.id) : eq(strategyVersions.number, ref.number ?? -1);
  const [row] = await versionQuery(db).where(and(eq(strategyVersions.workspaceId, workspaceId), eq(strategyVersions.strategyId, strategyId), match));
  return row ? toVersion(row) : undefined;
}

export async function insertVersion(db: Db, row: typeof strategyVersions.$inferInsert): Promise<void> {
  await db.insert(strategyVersions).values(row);
}

export async function countPendingProposals(db: Db, workspaceId: string, strategyId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(strategyProposals)
    .where(and(eq(strategyProposals.workspaceId, workspaceId), eq(strategyProposals.strategyId, strategyId), eq(strategyProposals.status, 'pending')));
  return row?.n ?? 0;
}

const authorMember = alias(members, 'author_member');
const authorUser = alias(user, 'author_user');
const deciderMember = alias(members, 'decider_member');
const deciderUser = alias(user, 'decider_user');

function proposalQuery(db: Db) {
  return db
    .select({
      row: strategyProposals,
      authorName: authorUser.name,
      deciderName: deciderUser.name,
      commentCount: sql<number>`(select count(*)::int from ${strategyProposalComments} where ${strategyProposalComments.proposalId} = ${strategyProposals.id})`,
    })
    .from(strategyProposals)
    .leftJoin(authorMember, eq(authorMember.id, strategyProposals.authorId))
    .leftJoin(authorUser, eq(authorUser.id, authorMember.userId))
    .leftJoin(deciderMember, eq(deciderMember.id, strategyProposals.decidedById))
    .leftJoin(deciderUser, eq(deciderUser.id, deciderMember.userId));
}
const toProposal = (r: { row: ProposalRow; authorName: string | null; deciderName: string | null; commentCount: number }): ProposalFull => ({
  ...r.row,
  author: named(r.row.authorId, r.authorName),
  decidedBy: named(r.row.decidedById, r.deciderName),
  commentCount: Number(r.commentCount),
});

/** Proposals of a strategy: pending first, then newest first. */
export async function listProposalRows(db: Db, workspaceId: string, strategyId: string, status?: string): Promise<ProposalFull[]> {
  const where = [eq(strategyProposals.workspaceId, workspaceId), eq(strategyProposals.strategyId, strategyId)];
  if (status) where.push(eq(strategyProposals.status, status));
  const rows = await proposalQuery(db)
    .where(and(...where))
    .orderBy(sql`case ${strategyProposals.status} when 'pending' then 0 else 1 end`, desc(strategyProposals.createdAt), desc(strategyProposals.id));
  return rows.map(toProposal);
}

export async function findProposalRow(db: Db, workspaceId: string, strategyId: string, proposalId: string): Promise<ProposalFull | undefined> {
  const [row] = await proposalQuery(db).where(
    and(eq(strategyProposals.workspaceId, workspaceId), eq(strategyProposals.strategyId, strategyId), eq(strategyProposals.id, proposalId)),
  );
  return row ? toProposal(row) : undefined;
}

export async function insertProposal(db: Db, row: typeof strategyProposals.$inferInsert): Promise<void> {
  await db.insert(strategyProposals).values(row);
}

/** Moves a pending proposal to its outcome; false when it was no longer pending (decided or withdrawn meanwhile). */
export async function closeProposal(
  db: Db,
  key: { workspaceId: string; id: string },
  patch: Pick<ProposalRow, 'status'> & Partial<Pick<ProposalRow, 'decidedById' | 'decidedAt' | 'decisionComment'>>,
): Promise<boolean> {
  const rows = await db
    .update(strategyProposals)
    .set({ ...patch, version: sql`${strategyProposals.version} + 1`, updatedAt: new Date() })
    .where(and(eq(strategyProposals.workspaceId, key.workspaceId), eq(strategyProposals.id, key.id), eq(strategyProposals.status, 'pending')))
    .returning({ id: strategyProposals.id });
  return rows.length > 0;
}

export async function listCommentRows(db: Db, workspaceId: string, proposalId: string): Promise<CommentFull[]> {
  const rows = await db
    .select({ row: strategyProposalComments, name: user.name })
    .from(strategyProposalComments)
    .leftJoin(members, eq(members.id, strategyProposalComments.authorId))
    .leftJoin(user, eq(user.id, members.userId))
    .where(and(eq(strategyProposalComments.workspaceId, workspaceId), eq(strategyProposalComments.proposalId, proposalId)))
    .orderBy(asc(strategyProposalComments.createdAt), asc(strategyProposalComments.id));
  return rows.map((r) => ({ ...r.row, author: named(r.row.authorId, r.name) }));
}

export async function insertComment(db: Db, row: typeof strategyProposalComments.$inferInsert): Promise<void> {
  await db.insert(strategyProposalComments).values(row);
}

/** The account of a member, for notifications. */
export async function userOfMember(db: Db, workspaceId: string, memberId: string | null): Promise<string | undefined> {
  if (!memberId) return undefined;
  const [row] = await db
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.id, memberId)));
  return row?.userId;
}

/** The product's members to tell about a publish: admins and leads of the workspace, and the PMs who own one of its components. */
export async function productMemberUserIds(db: Db, workspaceId: string, productId: string): Promise<string[]> {
  const owners = db
    .select({ id: components.ownerId })
    .from(components)
    .where(and(eq(components.workspaceId, workspaceId), eq(components.productId, productId)));
  const rows = await db
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), or(inArray(members.role, ['admin', 'lead']), and(eq(members.role, 'pm'), inArray(members.id, owners)))));
  return rows.map((r) => r.userId);
}

/** The accounts of the workspace's admins and leads: who decides on proposals. */
export async function deciderUserIds(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), inArray(members.role, ['admin', 'lead'])));
  return rows.map((r) => r.userId);
}
