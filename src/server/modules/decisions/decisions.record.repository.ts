import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { DecisionEvidenceLink } from '../../db/schema/index.js';
import type { DecisionRow } from './decisions.repository.js';

/*
 * The queries of roadmap decisions (decisions.record.ts): the feature a decision is about, one decision
 * read back as the log shows it, and a feature's decisions. Inserting reuses the requests module's
 * insertDecision, the one writer of decisions rows.
 */

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows;
const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(v as string));
const evidenceOf = (v: unknown): DecisionEvidenceLink[] => (Array.isArray(v) ? v : typeof v === 'string' ? (JSON.parse(v) as DecisionEvidenceLink[]) : []);

export interface DecisionFeature {
  id: string;
  title: string;
  componentId: string;
  productId: string;
  /** The PM who owns the feature's component, who may record decisions about it. */
  ownerId: string | null;
}

/** A feature of the workspace with its component's product and owner, or null. */
export async function decisionFeature(db: Db, workspaceId: string, featureId: string): Promise<DecisionFeature | null> {
  const [r] = rowsOf(
    await db.execute(sql`
      select f.id, f.title, f.component_id, c.product_id, c.owner_id
      from features f join components c on c.id = f.component_id
      where f.workspace_id = ${workspaceId} and f.id = ${featureId}`),
  );
  return r ? { id: r.id as string, title: r.title as string, componentId: r.component_id as string, productId: r.product_id as string, ownerId: (r.owner_id as string | null) ?? null } : null;
}

/** Decisions of the workspace matching `where` (on `d`), newest first, named as the log names them. */
async function decisionRowsWhere(db: Db, workspaceId: string, where: SQL, page: { limit: number; offset: number }): Promise<DecisionRow[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select d.id, d.action, d.title, d.request_id, d.rationale, d.rationale_template_id as template_id, d.pillar_id, d.evidence, d.feature_id,
             d.into_request_id, d.revisit_on::text as revisit_on, d.component_id, d.decided_by_id, d.decided_at,
             (select r.status from requests r where r.id = d.request_id) as request_status,
             (select t.title from rationale_templates t where t.id = d.rationale_template_id) as template_title,
             (select p.name from pillars p where p.id = d.pillar_id) as pillar_name,
             (select f.title from features f where f.id = d.feature_id) as feature_title,
             (select ir.title from requests ir where ir.id = d.into_request_id) as into_title,
             (select c.name from components c where c.id = d.component_id) as component_name,
             (select u.name from members m join "user" u on u.id = m.user_id where m.id = d.decided_by_id) as decider_name
      from decisions d
      where d.workspace_id = ${workspaceId} and ${where}
      order by d.decided_at desc, d.id desc
      limit ${page.limit} offset ${page.offset}`),
  );
  return rows.map((r) => ({
    id: r.id as string,
    action: r.action as string,
    title: r.title as string,
    requestId: (r.request_id as string | null) ?? null,
    requestStatus: (r.request_status as string | null) ?? null,
    rationale: r.rationale as string,
    templateId: (r.template_id as string | null) ?? null,
    templateTitle: (r.template_title as string | null) ?? null,
    pillarId: (r.pillar_id as string | null) ?? null,
    pillarName: (r.pillar_name as string | null) ?? null,
    evidence: evidenceOf(r.evidence),
    featureId: (r.feature_id as string | null) ?? null,
    featureTitle: (r.feature_title as string | null) ?? null,
    intoRequestId: (r.into_request_id as string | null) ?? null,
    intoTitle: (r.into_title as string | null) ?? null,
    revisitOn: (r.revisit_on as string | null) ?? null,
    componentId: (r.component_id as string | null) ?? null,
    componentName: (r.component_name as string | null) ?? null,
    decidedById: (r.decided_by_id as string | null) ?? null,
    deciderName: (r.decider_name as string | null) ?? null,
    decidedAt: toDate(r.decided_at),
  }));
}

/** One decision of the workspace, or null. */
export async function findDecisionRow(db: Db, workspaceId: string, id: string): Promise<DecisionRow | null> {
  return (await decisionRowsWhere(db, workspaceId, sql`d.id = ${id}`, { limit: 1, offset: 0 }))[0] ?? null;
}

/** A page of the decisions about one feature (roadmap decisions and the requests accepted into it), and their number. */
export async function featureDecisionRows(db: Db, workspaceId: string, featureId: string, page: { limit: number; offset: number }): Promise<{ rows: DecisionRow[]; total: number }> {
  const rows = await decisionRowsWhere(db, workspaceId, sql`d.feature_id = ${featureId}`, page);
  if (rows.length < page.limit && (rows.length > 0 || page.offset === 0)) return { rows, total: page.offset + rows.length };
  const [c] = rowsOf(await db.execute(sql`select count(*)::int as n from decisions d where d.workspace_id = ${workspaceId} and d.feature_id = ${featureId}`));
  return { rows, total: Number(c?.n ?? 0) };
}
