import { sql } from 'drizzle-orm';
import { DECISION_EVIDENCE_TYPES, type DecisionEvidence } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { DecisionEvidenceLink } from '../../db/schema/index.js';
import { isUuid } from '../../lib/ids.js';

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows;

/** What an evidence link reads as when its record is gone. */
export const EVIDENCE_KIND_LABEL: Record<DecisionEvidenceLink['type'], string> = {
  feedback: 'Feedback',
  opportunity: 'Opportunity',
  interview: 'Interview',
  experiment: 'Experiment',
  feature: 'Feature',
  objective: 'Objective',
  key_result: 'Key result',
};

/** The current title of each linked record, looked up in one query (records of another workspace are ignored). */
export async function evidenceLabels(db: Db, workspaceId: string, links: readonly DecisionEvidenceLink[]): Promise<Map<string, string>> {
  const byType = new Map<string, string[]>();
  for (const l of links) if (isUuid(l.id)) byType.set(l.type, [...(byType.get(l.type) ?? []), l.id]);
  if (!byType.size) return new Map();
  const ids = (type: string) => sql`array[${sql.join((byType.get(type) ?? ['00000000-0000-0000-0000-000000000000']).map((id) => sql`${id}`), sql`, `)}]::uuid[]`;
  const rows = rowsOf(
    await db.execute(sql`
      select 'feedback' as type, id, left(text, 80) as label from feedback where workspace_id = ${workspaceId} and id = any(${ids('feedback')})
      union all select 'opportunity', id, title from opportunities where workspace_id = ${workspaceId} and id = any(${ids('opportunity')})
      union all select 'interview', id, title from interviews where workspace_id = ${workspaceId} and id = any(${ids('interview')})
      union all select 'experiment', id, coalesce(nullif(title, ''), left(hypothesis, 80)) from experiments where workspace_id = ${workspaceId} and id = any(${ids('experiment')})
      union all select 'feature', id, title from features where workspace_id = ${workspaceId} and id = any(${ids('feature')})
      union all select 'objective', id, title from objectives where workspace_id = ${workspaceId} and id = any(${ids('objective')})
      union all select 'key_result', id, title from key_results where workspace_id = ${workspaceId} and id = any(${ids('key_result')})`),
  );
  return new Map(rows.map((r) => [`${r.type as string}:${r.id as string}`, r.label as string]));
}

/** Evidence links with a label each: the record's current title, else the stored label, else its kind. */
export function labelEvidence(links: readonly DecisionEvidenceLink[] | null | undefined, labels: Map<string, string>): DecisionEvidence[] {
  return (links ?? [])
    .filter((l) => (DECISION_EVIDENCE_TYPES as readonly string[]).includes(l.type) && isUuid(l.id))
    .map((l) => ({ type: l.type, id: l.id, label: labels.get(`${l.type}:${l.id}`) ?? l.label ?? EVIDENCE_KIND_LABEL[l.type] }));
}
