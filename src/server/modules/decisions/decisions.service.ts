import type { Decision, DecisionListQuery, DecisionList, WontDo, WontDoQuery } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { authorize } from '../../lib/authorize.js';
import { evidenceLabels, labelEvidence } from './decisions.evidence.js';
import { askersOf, declinedRows, deferredRows, listDecisionRows, type DecisionRow, type RegistryRow } from './decisions.repository.js';

/*
 * The decision log and the won't-do registry, both read-only views over the decisions the requests
 * module writes when triage decides. Everyone who reads decisions (decision.read) sees them all.
 */

type Ctx = { db: Db; actor: WorkspaceActor };

/** How many deferred asks the registry lists at most. */
export const DEFERRED_MAX = 200;

const person = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

function presentDecision(r: DecisionRow, labels: Map<string, string>): Decision {
  return {
    id: r.id,
    action: r.action as Decision['action'],
    title: r.title,
    requestId: r.requestId,
    requestStatus: r.requestStatus,
    rationale: r.rationale,
    template: r.templateId && r.templateTitle !== null ? { id: r.templateId, title: r.templateTitle } : null,
    pillar: person(r.pillarId, r.pillarName),
    evidence: labelEvidence(r.evidence, labels),
    feature: r.featureId && r.featureTitle !== null ? { id: r.featureId, title: r.featureTitle } : null,
    intoRequest: r.intoRequestId && r.intoTitle !== null ? { id: r.intoRequestId, title: r.intoTitle } : null,
    revisitOn: r.revisitOn,
    component: person(r.componentId, r.componentName),
    decidedBy: person(r.decidedById, r.deciderName),
    decidedAt: r.decidedAt.toISOString(),
  };
}

export async function listDecisions({ db, actor, query }: Ctx & { query: DecisionListQuery }): Promise<DecisionList> {
  authorize(actor, 'decision.read');
  const { rows, total } = await listDecisionRows(db, actor.workspaceId, query);
  const labels = await evidenceLabels(db, actor.workspaceId, rows.flatMap((r) => r.evidence));
  return { items: rows.map((r) => presentDecision(r, labels)), total };
}

const templateOf = (r: RegistryRow) => (r.templateId && r.templateTitle !== null ? { id: r.templateId, title: r.templateTitle } : null);

export async function wontDo({ db, actor, query }: Ctx & { query: WontDoQuery }): Promise<WontDo> {
  authorize(actor, 'decision.read');
  const declined = await declinedRows(db, actor.workspaceId, query);
  const deferred = await deferredRows(db, actor.workspaceId, query.q, DEFERRED_MAX);
  const askers = await askersOf(db, actor.workspaceId, [...declined.items, ...deferred].map((r) => r.requestId));
  const labels = await evidenceLabels(db, actor.workspaceId, declined.items.flatMap((r) => r.evidence));
  return {
    items: declined.items.map((r) => ({
      requestId: r.requestId,
      title: r.title,
      description: r.description,
      requesterType: r.requesterType,
      requesterCount: askers.get(r.requestId)?.count ?? 1,
      customers: askers.get(r.requestId)?.customers ?? [],
      rationale: r.rationale,
      template: templateOf(r),
      pillar: person(r.pillarId, r.pillarName),
      evidence: labelEvidence(r.evidence, labels),
      decidedBy: person(r.decidedById, r.deciderName),
      decidedAt: r.decidedAt?.toISOString() ?? null,
    })),
    total: declined.total,
    deferred: deferred.map((r) => ({
      requestId: r.requestId,
      title: r.title,
      requesterCount: askers.get(r.requestId)?.count ?? 1,
      revisitOn: r.revisitOn,
      due: r.due,
      rationale: r.rationale,
      decidedBy: person(r.decidedById, r.deciderName),
      decidedAt: r.decidedAt?.toISOString() ?? null,
    })),
  };
}
