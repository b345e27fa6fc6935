import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { jobs } from '../../db/schema/index.js';

export type JobRow = typeof jobs.$inferSelect;

export async function insertJob(db: Db, row: typeof jobs.$inferInsert): Promise<void> {
  await db.insert(jobs).values(row);
}

/**
 * Claims up to `limit` due jobs for this worker. FOR UPDATE SKIP LOCKED lets several instances on one
 * PostgreSQL claim different jobs; a job whose worker died is claimed again once its lease expires.
 */
export async function claimDueJobs(db: Db, workerId: string, limit: number, leaseSeconds: number): Promise<JobRow[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    UPDATE jobs SET status = 'running', locked_by = ${workerId},
      locked_until = now() + make_interval(secs => ${leaseSeconds}), attempts = attempts + 1, updated_at = now()
    WHERE id IN (
      SELECT id FROM jobs
      WHERE (status = 'queued' AND run_at <= now()) OR (status = 'running' AND locked_until < now())
      ORDER BY run_at LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id`);
  const ids = (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  if (!ids.length) return [];
  return db.select().from(jobs).where(sql`${jobs.id} in ${ids}`);
}

export async function finishJob(db: Db, id: string): Promise<void> {
  await db.update(jobs).set({ status: 'done', lockedBy: null, lockedUntil: null, updatedAt: new Date() }).where(eq(jobs.id, id));
}

export async function failJob(db: Db, job: JobRow, error: string, retryAt: Date): Promise<void> {
  const dead = job.attempts >= job.maxAttempts;
  await db
    .update(jobs)
    .set({ status: dead ? 'failed' : 'queued', runAt: retryAt, lastError: error.slice(0, 2000), lockedBy: null, lockedUntil: null, updatedAt: new Date() })
    .where(eq(jobs.id, job.id));
}

export async function getJob(db: Db, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}
