import type { RequestDecision, RequestDetail, RequestRequester, RequestSummary } from '../../../shared/contracts.js';
import type { DecisionFull, RequestFull } from './requests.repository.js';
import type { Requester } from './requests.requesters.js';

/** The API shapes of requests and their decisions. */

const named = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function presentRequest(r: RequestFull): RequestSummary {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    requesterType: r.requesterType as RequestSummary['requesterType'],
    requester: named(r.requesterMemberId, r.requesterName),
    contact: r.contactName ? { name: r.contactName, email: r.contactEmail } : null,
    urgency: r.urgency as RequestSummary['urgency'],
    desiredDate: r.desiredDate,
    product: named(r.productId, r.productName),
    component: r.componentId ? { id: r.componentId, name: r.componentName ?? '', ownerId: r.componentOwnerId } : null,
    status: r.status as RequestSummary['status'],
    featureId: r.featureId,
    mergedIntoId: r.mergedIntoId,
    revisitOn: r.revisitOn,
    customerIds: r.customerIds,
    mergedCount: r.mergedCount,
    submittedBy: named(r.submittedById, r.submittedByName),
    decidedBy: named(r.decidedById, r.decidedByName),
    decidedAt: r.decidedAt,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function presentDecision(d: DecisionFull): RequestDecision {
  return {
    id: d.id,
    requestId: d.requestId,
    title: d.title,
    action: d.action as RequestDecision['action'],
    featureId: d.featureId,
    intoRequestId: d.intoRequestId,
    revisitOn: d.revisitOn,
    rationaleTemplateId: d.rationaleTemplateId,
    rationale: d.rationale,
    pillarId: d.pillarId,
    evidence: d.evidence as RequestDecision['evidence'],
    decidedBy: named(d.decidedById, d.decidedByName),
    decidedAt: d.decidedAt,
  };
}

export function presentRequester(q: Requester, rootId: string): RequestRequester {
  return {
    requestId: q.requestId,
    viaMerged: q.requestId !== rootId,
    requesterType: q.requesterType as RequestRequester['requesterType'],
    member: named(q.memberId, q.memberName),
    contact: q.contactName ? { name: q.contactName, email: q.contactEmail } : null,
    customerIds: q.customerIds,
  };
}

export function presentDetail(
  r: RequestFull,
  parts: Pick<RequestDetail, 'customers' | 'feature' | 'mergedInto' | 'merged'> & { requesters: Requester[]; decisions: DecisionFull[] },
): RequestDetail {
  return {
    ...presentRequest(r),
    requesters: parts.requesters.map((q) => presentRequester(q, r.id)),
    customers: parts.customers,
    feature: parts.feature,
    mergedInto: parts.mergedInto,
    merged: parts.merged,
    decisions: parts.decisions.map(presentDecision),
  };
}
