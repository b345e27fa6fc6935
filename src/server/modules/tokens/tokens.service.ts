import type { Db } from '../../db/client.js';
import type { UserActor } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import { hashSecret, newId, newSecret } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { findUserByTokenHash, insertToken, listTokenRows, revokeTokenRow, touchToken, workspaceIdsOfUser, type TokenRow } from './tokens.repository.js';

const PREFIX = 'sxt_';

export function presentToken(t: TokenRow) {
  return { id: t.id, name: t.name, prefix: t.prefix, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null };
}

/**
 * A token acts as its account in every workspace the account belongs to, so each of those
 * workspaces' audit logs records its creation and revocation.
 */
async function auditEverywhere(db: Db, actor: UserActor, action: string, tokenId: string, summary: string) {
  for (const workspaceId of await workspaceIdsOfUser(db, actor.userId)) {
    await recordAudit(db, actor, { workspaceId, action, entityType: 'api_token', entityId: tokenId, summary });
  }
}

/** Creates a personal API token; the secret is returned once and only its hash is stored. */
export async function createApiToken({ db, actor, input }: { db: Db; actor: UserActor; input: { name: string } }) {
  const secret = `${PREFIX}${newSecret(32)}`;
  return db.transaction(async (tx) => {
    const row = await insertToken(tx, { id: newId(), userId: actor.userId, name: input.name, prefix: secret.slice(0, 10), tokenHash: hashSecret(secret) });
    await auditEverywhere(tx, actor, 'api_token.create', row.id, `${actor.name} created API token “${input.name}”`);
    return { ...presentToken(row), token: secret };
  });
}

export async function listApiTokens({ db, actor }: { db: Db; actor: UserActor }) {
  const rows = await listTokenRows(db, actor.userId);
  return { items: rows.map(presentToken), total: rows.length };
}

export async function revokeApiToken({ db, actor, tokenId }: { db: Db; actor: UserActor; tokenId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await revokeTokenRow(tx, actor.userId, tokenId);
    if (!row) throw notFound('API token');
    await auditEverywhere(tx, actor, 'api_token.revoke', row.id, `${actor.name} revoked API token “${row.name}”`);
  });
  // After the commit: a request between the two would otherwise cache the token again.
  forgetToken(tokenId);
}

/**
 * Recently resolved tokens, by hash. Scripts send the same token many times a second, so a lookup is
 * kept for a few seconds. Revoking through this instance drops it at once; through another instance
 * sharing the database, the revocation takes effect within TOKEN_CACHE_MS.
 */
const TOKEN_CACHE_MS = 5_000;
const tokenCache = new Map<string, { actor: UserActor; tokenId: string; until: number }>();

/** Resolves `Authorization: Bearer sxt_…` to its account, or null. */
export async function authenticateApiToken(db: Db, secret: string): Promise<UserActor | null> {
  if (!secret.startsWith(PREFIX)) return null;
  const hash = hashSecret(secret);
  const cached = tokenCache.get(hash);
  if (cached && cached.until > Date.now()) return cached.actor;
  const found = await findUserByTokenHash(db, hash);
  if (!found) {
    tokenCache.delete(hash);
    return null;
  }
  // Last use is recorded at most once a minute, so reads through a token do not each cost a write.
  if (!found.token.lastUsedAt || Date.now() - found.token.lastUsedAt.getTime() > 60_000) await touchToken(db, found.token.id);
  const actor: UserActor = { userId: found.user.id, name: found.user.name, email: found.user.email, instanceAdmin: found.user.instanceAdmin, via: 'token' };
  if (tokenCache.size > 10_000) tokenCache.clear();
  tokenCache.set(hash, { actor, tokenId: found.token.id, until: Date.now() + TOKEN_CACHE_MS });
  return actor;
}

function forgetToken(tokenId: string): void {
  for (const [hash, entry] of tokenCache) if (entry.tokenId === tokenId) tokenCache.delete(hash);
}
