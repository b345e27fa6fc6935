import type { Db } from '../../db/client.js';
import { pingDatabase } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';

/**
 * The database is pinged at most once a second, whatever the rate of health checks: a load balancer
 * polling hard must not queue behind the embedded database. Not covered: a failure in the last second.
 */
const PING_EVERY_MS = 1_000;
const pings = new WeakMap<Db, { at: number; ok: Promise<boolean> }>();

/** Answers ok only when the database answered within the last second. */
export async function healthCheck({ db, kind, version }: { db: Db; kind: 'embedded' | 'postgres'; version: string }) {
  let lastPing = pings.get(db);
  if (!lastPing || Date.now() - lastPing.at > PING_EVERY_MS) {
    lastPing = {
      at: Date.now(),
      ok: pingDatabase(db).then(
        () => true,
        () => false,
      ),
    };
    pings.set(db, lastPing);
  }
  if (!(await lastPing.ok)) {
    pings.delete(db);
    throw new AppError('unavailable', 'The database does not answer');
  }
  return { status: 'ok' as const, database: kind, version };
}
