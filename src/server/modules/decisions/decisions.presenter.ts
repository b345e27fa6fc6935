import type { Decision } from '../../../shared/contracts.js';
import { labelEvidence } from './decisions.evidence.js';
import type { DecisionRow } from './decisions.repository.js';

const named = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

/** A decisions row as the log shows it; `labels` holds the evidence records' current titles (evidenceLabels). */
export function presentDecision(r: DecisionRow, labels: Map<string, string>): Decision {
  return {
    id: r.id,
    action: r.action as Decision['action'],
    title: r.title,
    requestId: r.requestId,
    requestStatus: r.requestStatus,
    rationale: r.rationale,
    template: r.templateId && r.templateTitle !== null ? { id: r.templateId, title: r.templateTitle } : null,
    pillar: named(r.pillarId, r.pillarName),
    evidence: labelEvidence(r.evidence, labels),
    feature: r.featureId && r.featureTitle !== null ? { id: r.featureId, title: r.featureTitle } : null,
    intoRequest: r.intoRequestId && r.intoTitle !== null ? { id: r.intoRequestId, title: r.intoTitle } : null,
    revisitOn: r.revisitOn,
    component: named(r.componentId, r.componentName),
    decidedBy: named(r.decidedById, r.deciderName),
    decidedAt: r.decidedAt.toISOString(),
  };
}
