import type { DecisionEvidenceInput } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import { AppError, invalid } from '../../lib/app-error.js';
import { activeTemplate, evidenceExists, pillarExists } from '../requests/requests.repository.js';

/*
 * The checks every decision of the log shares, triage (requests.decide.ts) and roadmap
 * (decisions.record.ts) alike: why it was taken (a rationale template and its text) and what justified it
 * (a pillar and evidence records), each checked to belong to the workspace (400 naming the field).
 */

/** A decision's reason: the text recorded and the active template it came from, if any. */
export interface DecisionWhy {
  rationale: string;
  template: { id: string; title: string; pillarId: string | null } | null;
}

/**
 * The reason of a decision. With `required` (decline, roadmap) an empty text is refused; elsewhere the
 * text is optional, but a template still needs its text: the text is what requesters and reports read
 * (the app prefills it from the template). Not checked: that the text says anything useful.
 */
export async function checkRationale(db: Db, workspaceId: string, input: { rationaleId?: string; rationale?: string }, required: boolean): Promise<DecisionWhy> {
  const rationale = (input.rationale ?? '').trim();
  if (!rationale && required) throw invalid('rationale', 'required: say why, in words (a template may prefill it)');
  if (!rationale && input.rationaleId) throw invalid('rationale', 'say why in words with the template (it prefills the text in the app)');
  const template = input.rationaleId ? await activeTemplate(db, workspaceId, input.rationaleId) : null;
  if (input.rationaleId && !template) throw invalid('rationaleId', 'no such active rationale template in this workspace');
  return { rationale, template };
}

/** Checks that the pillar and every evidence record are the workspace's; answers the evidence to store. */
export async function checkJustification(db: Db, workspaceId: string, input: { pillarId?: string; evidence?: DecisionEvidenceInput[] }): Promise<DecisionEvidenceInput[]> {
  if (input.pillarId && !(await pillarExists(db, workspaceId, input.pillarId))) throw invalid('pillarId', 'no such pillar in this workspace');
  const evidence = input.evidence ?? [];
  for (const [i, e] of evidence.entries()) {
    if (!(await evidenceExists(db, workspaceId, e.type, e.id))) throw new AppError('validation_failed', `evidence: item ${i + 1} names no ${e.type.replace('_', ' ')} of this workspace`, 'evidence');
  }
  return evidence;
}
