import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { feedback } from '../../db/schema/index.js';
import { mergeFeedbackPendingLists } from '../feedback/feedback-import.repository.js';
import { defineJob, enqueueJob } from '../jobs/jobs.service.js';
import { lshColumn } from './text/lsh.js';

/** Items per job: one transaction each, so a restart loses at most one batch of work. */
const BATCH = 2_000;

/**
 * Computes the locality-sensitive hash keys of feedback written before they existed (migration 0002
 * queues the first batch). Walks the table by id; each batch queues the next one after it.
 */
export async function backfillLshBatch(db: Db, after: string | null): Promise<{ updated: number; last: string | null }> {
  const result = await db.execute(sql`
    select id, workspace_id, text from ${feedback}
    ${after ? sql`where id > ${after}::uuid` : sql``}
    order by id limit ${BATCH}`);
  const rows = (result as unknown as { rows: { id: string; workspace_id: string; text: string }[] }).rows;
  if (!rows.length) return { updated: 0, last: null };
  const values = rows.map((r) => ({ id: r.id, lsh: lshColumn(r.text, r.workspace_id) }));
  await db.execute(sql`
    update ${feedback} f set lsh = v.lsh
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id uuid, lsh integer[])
    where f.id = v.id`);
  return { updated: rows.length, last: rows.length === BATCH ? rows[rows.length - 1]!.id : null };
}

defineJob('feedback.lsh-backfill', async (db, payload) => {
  const { last } = await backfillLshBatch(db, typeof payload.after === 'string' ? payload.after : null);
  if (last) await enqueueJob(db, { kind: 'feedback.lsh-backfill', payload: { after: last } });
  else await mergeFeedbackPendingLists(db);
});
