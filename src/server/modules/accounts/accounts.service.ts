import { hashPassword } from 'better-auth/crypto';
import { checkPassword } from '../../../shared/limits.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { newId, newSecret } from '../../lib/ids.js';
import { claimSetting, countUsers, deleteSetting, findUserByEmail, insertUsers, readSetting, setInstanceAdmin, upsertPassword } from './accounts.repository.js';

/** Creates an account with a password from the CLI (no request, no session). */
export async function createUserAccount({ db, input }: { db: Db; input: { name: string; email: string; password: string; instanceAdmin?: boolean } }) {
  const problem = checkPassword(input.password);
  if (problem) throw new AppError('validation_failed', `password: ${problem}`, 'password');
  if (await findUserByEmail(db, input.email)) throw new AppError('conflict', `An account with ${input.email} already exists`, 'email');
  const id = newId();
  await insertUsers(db, [{ id, name: input.name, email: input.email, passwordHash: await hashPassword(input.password), instanceAdmin: input.instanceAdmin }]);
  return { id, email: input.email.toLowerCase() };
}

/** Sets a new password for an account, from the CLI. */
export async function resetUserPassword({ db, input }: { db: Db; input: { email: string; password: string } }) {
  const problem = checkPassword(input.password);
  if (problem) throw new AppError('validation_failed', `password: ${problem}`, 'password');
  const found = await findUserByEmail(db, input.email);
  if (!found) throw notFound(`Account ${input.email}`);
  await upsertPassword(db, found.id, await hashPassword(input.password));
  return { id: found.id };
}

/** True until the first account exists. */
export async function needsSetup(db: Db): Promise<boolean> {
  return (await countUsers(db)) === 0;
}

/** Takes the one-time setup claim; a second setup (or a race) answers 409. */
export async function claimFirstRun(db: Db): Promise<void> {
  if (!(await needsSetup(db)) || !(await claimSetting(db, 'setup_completed', new Date().toISOString()))) {
    throw new AppError('conflict', 'Sextant is already set up; sign in instead');
  }
}

/** Gives the claim back when the first account could not be created. */
export async function releaseFirstRun(db: Db): Promise<void> {
  await deleteSetting(db, 'setup_completed');
}

export async function markInstanceAdmin(db: Db, userId: string): Promise<void> {
  await setInstanceAdmin(db, userId);
}

/**
 * The secret that signs sessions: SEXTANT_SECRET when set, else one generated on first start and kept
 * in the database, so every instance on one database shares it.
 */
export async function loadAuthSecret(db: Db, configured: string): Promise<string> {
  if (configured) return configured;
  await claimSetting(db, 'auth_secret', newSecret(48));
  return (await readSetting(db, 'auth_secret'))!;
}
