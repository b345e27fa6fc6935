import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/** Someone who asked: through the request itself or through a request merged into it (at any depth). */
export interface Requester {
  /** The request they asked through. */
  requestId: string;
  requesterType: string;
  memberId: string | null;
  memberName: string | null;
  /** The member's account, for in-app notifications. */
  userId: string | null;
  contactName: string | null;
  contactEmail: string | null;
  customerIds: string[];
}

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows;

/**
 * Everyone who asked for a request: its own requester and the requesters of every request merged into
 * it, recursively (a merge keeps every requester). Another workspace's request has none.
 */
export async function requestersOf(db: Db, workspaceId: string, requestId: string): Promise<Requester[]> {
  const rows = rowsOf(
    await db.execute(sql`
      with recursive tree(id, depth) as (
        select r.id, 0 from requests r where r.id = ${requestId} and r.workspace_id = ${workspaceId}
        union all
        select r.id, t.depth + 1 from requests r join tree t on r.merged_into_id = t.id
        where r.workspace_id = ${workspaceId} and t.depth < 50
      )
      select r.id as request_id, r.requester_type, r.requester_member_id as member_id, u.name as member_name, m.user_id,
             r.contact_name, r.contact_email,
             coalesce((select array_agg(rc.customer_id::text order by rc.customer_id) from request_customers rc where rc.request_id = r.id), '{}') as customer_ids
      from tree t join requests r on r.id = t.id
      left join members m on m.id = r.requester_member_id
      left join "user" u on u.id = m.user_id
      order by t.depth, r.created_at, r.id`),
  );
  return rows.map((r) => ({
    requestId: r.request_id as string,
    requesterType: r.requester_type as string,
    memberId: (r.member_id as string | null) ?? null,
    memberName: (r.member_name as string | null) ?? null,
    userId: (r.user_id as string | null) ?? null,
    contactName: (r.contact_name as string | null) ?? null,
    contactEmail: (r.contact_email as string | null) ?? null,
    customerIds: (r.customer_ids as string[] | null) ?? [],
  }));
}
