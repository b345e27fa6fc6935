import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { apiTokens, members, user } from '../../db/schema/index.js';

export type TokenRow = typeof apiTokens.$inferSelect;
export type UserRow = typeof user.$inferSelect;

export async function insertToken(db: Db, row: typeof apiTokens.$inferInsert): Promise<TokenRow> {
  const [created] = await db.insert(apiTokens).values(row).returning();
  return created!;
}

export async function listTokenRows(db: Db, userId: string): Promise<TokenRow[]> {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeTokenRow(db: Db, userId: string, id: string): Promise<TokenRow | undefined> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning();
  return row;
}

/** The live token with this hash and its user. */
export async function findUserByTokenHash(db: Db, tokenHash: string): Promise<{ token: TokenRow; user: UserRow } | undefined> {
  const [row] = await db
    .select({ token: apiTokens, user })
    .from(apiTokens)
    .innerJoin(user, eq(user.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return row;
}

/** Records use at most once a minute, so reads through a token do not each cost a write. */
export async function touchToken(db: Db, id: string): Promise<void> {
  const minuteAgo = new Date(Date.now() - 60_000);
  await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, minuteAgo))));
}

export async function workspaceIdsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select({ id: members.workspaceId }).from(members).where(eq(members.userId, userId));
  return rows.map((r) => r.id);
}
