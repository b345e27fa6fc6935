import { count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { account, instanceSettings, user } from '../../db/schema/index.js';

export type UserRow = typeof user.$inferSelect;

export async function countUsers(db: Db): Promise<number> {
  const [r] = await db.select({ n: count() }).from(user);
  return Number(r?.n ?? 0);
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [r] = await db.select().from(user).where(eq(user.email, email.toLowerCase()));
  return r;
}

export async function findUsersByEmails(db: Db, emails: string[]): Promise<UserRow[]> {
  if (!emails.length) return [];
  return db.select().from(user).where(inArray(user.email, emails.map((e) => e.toLowerCase())));
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [r] = await db.select().from(user).where(eq(user.id, id));
  return r;
}

/**
 * Inserts the accounts whose email is not taken yet, and returns the ids of every email's account. Two
 * transactions creating the same accounts at once (two demos on a fresh database) do not collide: the
 * second waits for the first and then keeps its rows.
 */
export async function ensureUsersByEmail(db: Db, rows: { id: string; name: string; email: string; passwordHash: string | null }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!rows.length) return out;
  const inserted = await db
    .insert(user)
    .values(rows.map((r) => ({ id: r.id, name: r.name, email: r.email.toLowerCase(), emailVerified: false, instanceAdmin: false })))
    .onConflictDoNothing({ target: user.email })
    .returning({ id: user.id });
  const mine = new Set(inserted.map((r) => r.id));
  const withPassword = rows.filter((r) => r.passwordHash && mine.has(r.id));
  if (withPassword.length) {
    await db.insert(account).values(withPassword.map((r) => ({ id: `${r.id}-credential`, accountId: r.id, providerId: 'credential', userId: r.id, password: r.passwordHash })));
  }
  for (const u of await findUsersByEmails(db, rows.map((r) => r.email))) out.set(u.email, u.id);
  return out;
}

/** Inserts accounts with a credential (password hash, or none: such a user signs in after a reset). */
export async function insertUsers(db: Db, rows: { id: string; name: string; email: string; passwordHash: string | null; instanceAdmin?: boolean }[]): Promise<void> {
  if (!rows.length) return;
  await db.insert(user).values(rows.map((r) => ({ id: r.id, name: r.name, email: r.email.toLowerCase(), emailVerified: false, instanceAdmin: r.instanceAdmin ?? false })));
  const withPassword = rows.filter((r) => r.passwordHash);
  if (withPassword.length) {
    await db.insert(account).values(withPassword.map((r) => ({ id: `${r.id}-credential`, accountId: r.id, providerId: 'credential', userId: r.id, password: r.passwordHash })));
  }
}

export async function setInstanceAdmin(db: Db, userId: string): Promise<void> {
  await db.update(user).set({ instanceAdmin: true, updatedAt: new Date() }).where(eq(user.id, userId));
}

/** Sets the credential password of an account, creating the credential when it has none. */
export async function upsertPassword(db: Db, userId: string, passwordHash: string): Promise<void> {
  const updated = await db.update(account).set({ password: passwordHash, updatedAt: new Date() }).where(eq(account.userId, userId)).returning({ id: account.id });
  if (!updated.length) await db.insert(account).values({ id: `${userId}-credential`, accountId: userId, providerId: 'credential', userId, password: passwordHash });
}

/** Claims an instance-wide key once; false when it was already taken. */
export async function claimSetting(db: Db, key: string, value: string): Promise<boolean> {
  const rows = await db.insert(instanceSettings).values({ key, value }).onConflictDoNothing().returning({ key: instanceSettings.key });
  return rows.length > 0;
}

export async function readSetting(db: Db, key: string): Promise<string | undefined> {
  const [r] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, key));
  return r?.value;
}

export async function firstInstanceAdmin(db: Db): Promise<UserRow | undefined> {
  const [r] = await db.select().from(user).where(eq(user.instanceAdmin, true)).orderBy(user.createdAt).limit(1);
  return r;
}

export async function deleteSetting(db: Db, key: string): Promise<void> {
  await db.delete(instanceSettings).where(eq(instanceSettings.key, key));
}
