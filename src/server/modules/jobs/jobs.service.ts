import type { Db } from '../../db/client.js';
import { newId } from '../../lib/ids.js';
import { claimDueJobs, failJob, finishJob, insertJob, type JobRow } from './jobs.repository.js';

export type JobHandler = (db: Db, payload: Record<string, unknown>, job: JobRow) => Promise<void>;

const handlers = new Map<string, JobHandler>();

/** Registers the handler of a job kind; modules call this once at import. */
export function defineJob(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

/** Queues background work in the durable job table (inside the caller's transaction when given one). */
export async function enqueueJob(
  db: Db,
  job: { kind: string; payload: Record<string, unknown>; workspaceId?: string | null; runAt?: Date; maxAttempts?: number },
): Promise<string> {
  const id = newId();
  await insertJob(db, {
    id,
    kind: job.kind,
    payload: job.payload,
    workspaceId: job.workspaceId ?? null,
    runAt: job.runAt ?? new Date(),
    maxAttempts: job.maxAttempts ?? 5,
  });
  return id;
}

/** Claims and runs the jobs that are due; returns how many ran. Failures retry with exponential backoff. */
export async function runDueJobs(db: Db, workerId: string, limit = 20): Promise<{ ran: number; failed: number }> {
  const claimed = await claimDueJobs(db, workerId, limit, 300);
  let failed = 0;
  for (const job of claimed) {
    const handler = handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await db.transaction(async (tx) => {
        await handler(tx as Db, job.payload, job);
      });
      await finishJob(db, job.id);
    } catch (error) {
      failed++;
      const backoffMs = Math.min(3_600_000, 2 ** job.attempts * 15_000);
      await failJob(db, job, error instanceof Error ? error.message : String(error), new Date(Date.now() + backoffMs));
    }
  }
  return { ran: claimed.length, failed };
}

/** Polls the job table until stopped. */
export function startJobWorker(db: Db, opts: { workerId: string; intervalMs: number; onError: (e: unknown) => void }): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped) return;
    running = running.then(() => runDueJobs(db, opts.workerId)).catch(opts.onError);
  }, opts.intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
