/**
 * Test-only rows for the status-update tests, written straight to the database: decisions belong to the
 * decisions module, and moving a row's clock is not something any route does. Never imported by
 * application code.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { decisions } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';

/** A decision in the log, as the decisions module would record it. */
export async function insertDecision(
  db: Db,
  row: { workspaceId: string; componentId: string; title: string; action: string; rationale?: string; decidedAt?: Date },
): Promise<string> {
  const id = newId();
  await db.insert(decisions).values({ id, ...row, rationale: row.rationale ?? '' });
  return id;
}

/** Moves a key result's check-ins back in time (so a range can start after them). */
export async function backdateCheckIns(db: Db, keyResultId: string, days: number): Promise<void> {
  await db.execute(sql`update key_result_check_ins set created_at = created_at - make_interval(days => ${days}) where key_result_id = ${keyResultId}`);
}

/** The in-app notifications of one kind sent to a member. */
export async function notificationsOf(db: Db, memberId: string, kind: string): Promise<{ title: string; link: string | null }[]> {
  const result = await db.execute<{ title: string; link: string | null }>(
    sql`select n.title, n.link from notifications n join members m on m.user_id = n.user_id and m.workspace_id = n.workspace_id where m.id = ${memberId} and n.kind = ${kind} order by n.created_at`,
  );
  return (result as unknown as { rows: { title: string; link: string | null }[] }).rows;
}

/** Moves a feature's last change back in time (a feature recorded long ago). */
export async function backdateFeature(db: Db, featureId: string, days: number): Promise<void> {
  await db.execute(sql`update features set updated_at = updated_at - make_interval(days => ${days}) where id = ${featureId}`);
}
