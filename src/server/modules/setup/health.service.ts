import type { Db } from '../../db/client.js';
import { pingDatabase } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';

/** Answers ok only when the database answers. */
export async function healthCheck({ db, kind, version }: { db: Db; kind: 'embedded' | 'postgres'; version: string }) {
  try {
    await pingDatabase(db);
  } catch {
    throw new AppError('unavailable', 'The database does not answer');
  }
  return { status: 'ok' as const, database: kind, version };
}
