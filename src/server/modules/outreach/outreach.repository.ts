import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** A `date` column read back as YYYY-MM-DD, whichever driver returned it. */
const day = (v: unknown): string | null => (v instanceof Date ? v.toISOString().slice(0, 10) : str(v)?.slice(0, 10) ?? null);

/** A decision with what its message needs: the request, and the feature, request or template it points at. */
export interface DecisionFacts {
  decisionId: string;
  action: string;
  rationale: string;
  templateTitle: string | null;
  revisitOn: string | null;
  featureId: string | null;
  featureTitle: string | null;
  intoRequestId: string | null;
  intoRequestTitle: string | null;
  deciderUserId: string | null;
  deciderName: string | null;
  requestId: string;
  requestTitle: string;
  workspaceName: string;
}

export async function findDecisionFacts(db: Db, workspaceId: string, requestId: string, decisionId: string): Promise<DecisionFacts | null> {
  const [r] = rowsOf(
    await db.execute(sql`
      select d.id as decision_id, d.action, d.rationale, t.title as template_title, d.revisit_on,
             d.feature_id, f.title as feature_title, d.into_request_id, ir.title as into_title,
             m.user_id as decider_user_id, u.name as decider_name, r.id as request_id, r.title as request_title, w.name as workspace_name
      from decisions d
      join requests r on r.id = d.request_id and r.workspace_id = d.workspace_id
      join workspaces w on w.id = d.workspace_id
      left join rationale_templates t on t.id = d.rationale_template_id
      left join features f on f.id = coalesce(d.feature_id, r.feature_id)
      left join requests ir on ir.id = coalesce(d.into_request_id, r.merged_into_id)
      left join members m on m.id = d.decided_by_id
      left join "user" u on u.id = m.user_id
      where d.id = ${decisionId} and d.request_id = ${requestId} and d.workspace_id = ${workspaceId}`),
  );
  if (!r) return null;
  return {
    decisionId: String(r.decision_id),
    action: String(r.action),
    rationale: String(r.rationale ?? ''),
    templateTitle: str(r.template_title),
    revisitOn: day(r.revisit_on),
    featureId: str(r.feature_id),
    featureTitle: str(r.feature_title),
    intoRequestId: str(r.into_request_id),
    intoRequestTitle: str(r.into_title),
    deciderUserId: str(r.decider_user_id),
    deciderName: str(r.decider_name),
    requestId: String(r.request_id),
    requestTitle: String(r.request_title),
    workspaceName: String(r.workspace_name),
  };
}

/** The account emails of users, so an outside address that is a member's own is not written to twice. */
export async function userEmails(db: Db, userIds: string[]): Promise<string[]> {
  if (!userIds.length) return [];
  const ids = sql.join(
    userIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return rowsOf(await db.execute(sql`select email from "user" where id in (${ids})`)).map((r) => String(r.email).toLowerCase());
}

export async function markRequestsNotified(db: Db, workspaceId: string, requestIds: string[]): Promise<void> {
  if (!requestIds.length) return;
  const ids = sql.join(
    requestIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  await db.execute(sql`update requests set notified_at = now() where workspace_id = ${workspaceId} and id in (${ids})`);
}

export interface FeatureFacts {
  id: string;
  title: string;
  status: string;
  workspaceName: string;
}

export async function findFeatureFacts(db: Db, workspaceId: string, featureId: string): Promise<FeatureFacts | null> {
  const [r] = rowsOf(
    await db.execute(sql`
      select f.id, f.title, f.status, w.name as workspace_name from features f join workspaces w on w.id = f.workspace_id
      where f.id = ${featureId} and f.workspace_id = ${workspaceId}`),
  );
  return r ? { id: String(r.id), title: String(r.title), status: String(r.status), workspaceName: String(r.workspace_name) } : null;
}

/** Someone who asked for a feature: a member (in the app) or an outside address (by email). */
export interface FeatureAsker {
  userId: string | null;
  email: string | null;
  name: string | null;
  /** The request they asked through, when it was a request (not feedback). */
  requestId: string | null;
}

/**
 * Everyone who asked for a feature: the requesters of requests accepted into it and of every request
 * merged into those (at any depth), and the contacts (with an email) behind the feedback linked to it:
 * directly as evidence, through an opportunity linked to it, and feedback merged as a duplicate into
 * any of those (the duplicate's contact asked too).
 */
export async function featureAskers(db: Db, workspaceId: string, featureId: string): Promise<FeatureAsker[]> {
  return rowsOf(
    await db.execute(sql`
      with recursive tree(id, depth) as (
        select r.id, 0 from requests r where r.workspace_id = ${workspaceId} and r.feature_id = ${featureId} and r.status = 'accepted'
        union all
        select r.id, t.depth + 1 from requests r join tree t on r.merged_into_id = t.id
        where r.workspace_id = ${workspaceId} and r.status = 'merged' and t.depth < 50
      ),
      linked(id, depth) as (
        select fe.feedback_id, 0 from feature_evidence fe
        where fe.feature_id = ${featureId} and fe.workspace_id = ${workspaceId} and fe.feedback_id is not null
        union
        select e.feedback_id, 0 from feature_evidence fe
        join evidence e on e.opportunity_id = fe.opportunity_id and e.workspace_id = ${workspaceId}
        where fe.feature_id = ${featureId} and fe.workspace_id = ${workspaceId} and fe.opportunity_id is not null
        union
        select fb.id, l.depth + 1 from feedback fb join linked l on fb.merged_into_id = l.id
        where fb.workspace_id = ${workspaceId} and l.depth < 20
      ),
      contacts_of as (
        select distinct on (c.id) c.email, c.name, fb.created_at
        from linked l
        join feedback fb on fb.id = l.id and fb.workspace_id = ${workspaceId}
        join contacts c on c.id = fb.contact_id
        where c.email is not null and c.email <> ''
        order by c.id, fb.created_at
      )
      select m.user_id, r.contact_email as email, coalesce(u.name, r.contact_name) as name, r.id as request_id, 0 as src, r.created_at as at
      from tree t join requests r on r.id = t.id left join members m on m.id = r.requester_member_id left join "user" u on u.id = m.user_id
      union all
      select null, co.email, co.name, null, 1, co.created_at from contacts_of co
      order by src, at`),
  ).map((r) => ({ userId: str(r.user_id), email: str(r.email), name: str(r.name), requestId: str(r.request_id) }));
}

/** Who already heard that this feature shipped (a feature shipped again does not tell them twice). */
export async function alreadyToldShipped(db: Db, workspaceId: string, featureId: string, link: string): Promise<{ userIds: Set<string>; emails: Set<string> }> {
  const users = rowsOf(await db.execute(sql`select distinct user_id from notifications where workspace_id = ${workspaceId} and kind = 'feature.shipped' and link = ${link}`));
  const emails = rowsOf(
    await db.execute(sql`select distinct lower(to_address) as email from email_messages where workspace_id = ${workspaceId} and kind = 'feature.shipped' and entity_id = ${featureId}`),
  );
  return { userIds: new Set(users.map((r) => String(r.user_id))), emails: new Set(emails.map((r) => String(r.email))) };
}

/**
 * Puts a deferred request back into triage when it is still deferred to `revisitOn` (a later decision
 * or a new date leaves it alone); returns its title and component owner's account, or null.
 */
export async function reopenDeferred(db: Db, workspaceId: string, requestId: string, revisitOn: string): Promise<{ title: string; ownerUserId: string | null } | null> {
  const [r] = rowsOf(
    await db.execute(sql`
      update requests r set status = 'new', revisit_on = null, version = r.version + 1, updated_at = now()
      where r.id = ${requestId} and r.workspace_id = ${workspaceId} and r.status = 'deferred' and r.revisit_on = ${revisitOn}::date
      returning r.title, (select m.user_id from components c join members m on m.id = c.owner_id where c.id = r.component_id) as owner_user_id`),
  );
  return r ? { title: String(r.title), ownerUserId: str(r.owner_user_id) } : null;
}

/** The accounts of the workspace's leads and admins: they triage. */
export async function deciderUserIds(db: Db, workspaceId: string): Promise<string[]> {
  return rowsOf(await db.execute(sql`select user_id from members where workspace_id = ${workspaceId} and role in ('lead', 'admin') order by created_at`)).map((r) =>
    String(r.user_id),
  );
}
