import { and, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { evidence, feedback, feedbackComponents } from '../../db/schema/index.js';
import { firstTriage } from './feedback.repository.js';

const bump = { version: sql`${feedback.version} + 1`, updatedAt: new Date() };

/** Applies one bulk action to the items that it changes; returns how many it changed. `memberId` acts (first triager of new items). */
export async function bulkUpdateFeedback(db: Db, workspaceId: string, memberId: string, ids: string[], action: 'archive' | 'triage' | 'tag' | 'untag', tag?: string): Promise<number> {
  const scope = and(eq(feedback.workspaceId, workspaceId), inArray(feedback.id, ids));
  const has = sql`${feedback.tags} @> array[${tag ?? ''}]::text[]`;
  const q =
    action === 'archive'
      ? db.update(feedback).set({ status: 'archived', ...firstTriage(memberId), ...bump }).where(and(scope, ne(feedback.status, 'archived')))
      : action === 'triage'
        ? db.update(feedback).set({ status: 'triaged', ...firstTriage(memberId), ...bump }).where(and(scope, notInArray(feedback.status, ['triaged', 'linked'])))
        : action === 'tag'
          ? db.update(feedback).set({ tags: sql`array_append(${feedback.tags}, ${tag}::text)`, ...bump }).where(and(scope, sql`not (${has})`))
          : db.update(feedback).set({ tags: sql`array_remove(${feedback.tags}, ${tag}::text)`, ...bump }).where(and(scope, has));
  return (await q.returning({ id: feedback.id })).length;
}

/**
 * Merges duplicates into `keptId`: their evidence moves to the kept item (one row per opportunity; a row
 * for an opportunity the kept item already has stays where it is), their components and tags join the kept
 * item's (it turns `linked` if new or triaged and now evidenced), and they are archived pointing at it — as is anything that had been merged into them.
 * Returns how many evidence rows moved. `memberId` merges: the first triager of items that leave "new".
 */
export async function mergeFeedbackRows(db: Db, workspaceId: string, memberId: string, keptId: string, duplicateIds: string[], tags: string[]): Promise<number> {
  const moved = await db.execute(sql`
    update ${evidence} set feedback_id = ${keptId}
    where id in (
      select distinct on (e.opportunity_id) e.id from ${evidence} e
      where e.workspace_id = ${workspaceId} and e.feedback_id in (${sql.join(duplicateIds.map((id) => sql`${id}::uuid`), sql`, `)})
        and e.opportunity_id not in (select k.opportunity_id from ${evidence} k where k.feedback_id = ${keptId})
      order by e.opportunity_id, e.created_at, e.id)
    returning id`);
  await db
    .update(feedback)
    .set({ mergedIntoId: keptId, ...bump })
    .where(and(eq(feedback.workspaceId, workspaceId), inArray(feedback.mergedIntoId, duplicateIds)));
  await db
    .update(feedback)
    .set({ mergedIntoId: keptId, status: 'archived', ...firstTriage(memberId), ...bump })
    .where(and(eq(feedback.workspaceId, workspaceId), inArray(feedback.id, duplicateIds)));
  await db.execute(sql`
    insert into ${feedbackComponents} (workspace_id, feedback_id, component_id)
    select distinct ${workspaceId}::uuid, ${keptId}::uuid, fc.component_id from ${feedbackComponents} fc
    where fc.workspace_id = ${workspaceId} and fc.feedback_id in (${sql.join(duplicateIds.map((id) => sql`${id}::uuid`), sql`, `)})
    on conflict do nothing`);
  await db
    .update(feedback)
    .set({
      tags,
      status: sql`case when ${feedback.status} in ('new', 'triaged') and exists (select 1 from ${evidence} e where e.feedback_id = ${keptId}) then 'linked' else ${feedback.status} end`,
      ...firstTriage(memberId, sql`exists (select 1 from ${evidence} e where e.feedback_id = ${keptId})`),
      ...bump,
    })
    .where(and(eq(feedback.workspaceId, workspaceId), eq(feedback.id, keptId)));
  return (moved as unknown as { rows: unknown[] }).rows.length;
}
