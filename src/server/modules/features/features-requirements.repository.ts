import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { featureRequirementRevisions, featureRequirements, members, user } from '../../db/schema/index.js';

export interface RequirementsRow {
  body: string;
  revision: number;
  updatedAt: Date;
  updatedById: string | null;
  updatedByName: string | null;
}

export interface RevisionRow {
  revision: number;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
  length: number;
}

/** The current requirements document of a feature, or undefined while none was saved. */
export async function findRequirements(db: Db, workspaceId: string, featureId: string): Promise<RequirementsRow | undefined> {
  const [r] = await db
    .select({
      body: featureRequirements.body,
      revision: featureRequirements.revision,
      updatedAt: featureRequirements.updatedAt,
      updatedById: featureRequirements.updatedById,
      updatedByName: user.name,
    })
    .from(featureRequirements)
    .leftJoin(members, eq(members.id, featureRequirements.updatedById))
    .leftJoin(user, eq(user.id, members.userId))
    .where(and(eq(featureRequirements.workspaceId, workspaceId), eq(featureRequirements.featureId, featureId)));
  return r;
}

/** Just the revision and time, for the feature page's header. */
export async function findRequirementsMeta(db: Db, workspaceId: string, featureId: string): Promise<{ revision: number; updatedAt: Date } | undefined> {
  const [r] = await db
    .select({ revision: featureRequirements.revision, updatedAt: featureRequirements.updatedAt })
    .from(featureRequirements)
    .where(and(eq(featureRequirements.workspaceId, workspaceId), eq(featureRequirements.featureId, featureId)));
  return r;
}

/**
 * Saves revision `next` when the document is still at `next - 1` (0: none saved yet). Answers false
 * when someone saved in between: the caller's revision is stale.
 */
export async function saveRequirements(
  db: Db,
  input: { id: string; workspaceId: string; featureId: string; body: string; next: number; memberId: string; now: Date },
): Promise<boolean> {
  const { workspaceId, featureId, body, next, memberId, now } = input;
  let saved: { revision: number }[];
  if (next === 1) {
    saved = await db
      .insert(featureRequirements)
      .values({ featureId, workspaceId, body, revision: 1, updatedById: memberId, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ revision: featureRequirements.revision });
  } else {
    saved = await db
      .update(featureRequirements)
      .set({ body, revision: next, updatedById: memberId, updatedAt: now })
      .where(and(eq(featureRequirements.workspaceId, workspaceId), eq(featureRequirements.featureId, featureId), eq(featureRequirements.revision, next - 1)))
      .returning({ revision: featureRequirements.revision });
  }
  if (!saved.length) return false;
  await db.insert(featureRequirementRevisions).values({ id: input.id, workspaceId, featureId, revision: next, body, authorId: memberId, createdAt: now });
  return true;
}

/** The revisions of a feature's requirements, newest first, without bodies. */
export async function listRevisions(db: Db, workspaceId: string, featureId: string): Promise<RevisionRow[]> {
  return db
    .select({
      revision: featureRequirementRevisions.revision,
      authorId: featureRequirementRevisions.authorId,
      authorName: user.name,
      createdAt: featureRequirementRevisions.createdAt,
      length: sql<number>`char_length(${featureRequirementRevisions.body})::int`,
    })
    .from(featureRequirementRevisions)
    .leftJoin(members, eq(members.id, featureRequirementRevisions.authorId))
    .leftJoin(user, eq(user.id, members.userId))
    .where(and(eq(featureRequirementRevisions.workspaceId, workspaceId), eq(featureRequirementRevisions.featureId, featureId)))
    .orderBy(desc(featureRequirementRevisions.revision));
}

/** One revision with its body. */
export async function findRevision(db: Db, workspaceId: string, featureId: string, revision: number): Promise<(RevisionRow & { body: string }) | undefined> {
  const [r] = await db
    .select({
      revision: featureRequirementRevisions.revision,
      authorId: featureRequirementRevisions.authorId,
      authorName: user.name,
      createdAt: featureRequirementRevisions.createdAt,
      length: sql<number>`char_length(${featureRequirementRevisions.body})::int`,
      body: featureRequirementRevisions.body,
    })
    .from(featureRequirementRevisions)
    .leftJoin(members, eq(members.id, featureRequirementRevisions.authorId))
    .leftJoin(user, eq(user.id, members.userId))
    .where(
      and(
        eq(featureRequirementRevisions.workspaceId, workspaceId),
        eq(featureRequirementRevisions.featureId, featureId),
        eq(featureRequirementRevisions.revision, revision),
      ),
    );
  return r;
}
