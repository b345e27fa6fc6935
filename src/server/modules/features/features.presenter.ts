import type {
  FeatureDetail,
  FeatureEvidenceFeedback,
  FeatureEvidenceOpportunity,
  FeatureExperiment,
  FeatureHistoryEntry,
  FeatureHorizon,
  FeatureStatus,
  FeatureSummary,
} from '../../../shared/contracts.js';
import type { OpportunityLinkRow, FeedbackLinkRow } from './features-links.repository.js';
import type { FeatureRollup } from './features.rollups.js';
import type { FeatureFull } from './features.repository.js';

const EXCERPT = 280;
const excerpt = (text: string) => (text.length <= EXCERPT ? text : `${text.slice(0, EXCERPT - 1)}…`);
const EMPTY_ROLLUP: FeatureRollup = { evidenceCount: 0, customerCount: 0, arr: '0' };

/** A feature as lists show it. */
export function presentFeatureSummary(row: FeatureFull, rollup: FeatureRollup | undefined): FeatureSummary {
  return {
    id: row.id,
    componentId: row.componentId,
    componentName: row.componentName,
    productId: row.productId,
    title: row.title,
    status: row.status as FeatureStatus,
    horizon: row.horizon as FeatureHorizon | null,
    startDate: row.startDate,
    endDate: row.endDate,
    effort: row.effort === null ? null : Number(row.effort),
    ownerId: row.ownerId,
    owner: row.ownerId ? { id: row.ownerId, name: row.ownerName ?? 'Unknown' } : null,
    releaseId: row.releaseId,
    release: row.releaseId ? { id: row.releaseId, name: row.releaseName ?? 'Unknown' } : null,
    pillarId: row.pillarId,
    internal: row.internal,
    public: row.public,
    boardRank: row.boardRank,
    evidence: rollup ?? EMPTY_ROLLUP,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentFeedbackLink(r: FeedbackLinkRow): FeatureEvidenceFeedback {
  const quoted = r.quoteStart !== null && r.quoteEnd !== null;
  return {
    evidenceId: r.evidenceId,
    kind: 'feedback',
    feedbackId: r.feedbackId,
    text: excerpt(r.text),
    quote: quoted ? { start: r.quoteStart!, end: r.quoteEnd!, text: r.text.slice(r.quoteStart!, r.quoteEnd!) } : null,
    importance: r.importance,
    source: r.source,
    customer: r.customerId ? { id: r.customerId, name: r.customerName ?? 'Unknown' } : null,
    linkedAt: r.linkedAt.toISOString(),
  };
}

export function presentOpportunityLink(r: OpportunityLinkRow, totals: { feedbackCount: number; customerCount: number; arr: string }): FeatureEvidenceOpportunity {
  return {
    evidenceId: r.evidenceId,
    kind: 'opportunity',
    opportunityId: r.opportunityId,
    title: r.title,
    status: r.status,
    importance: r.importance,
    ...totals,
    linkedAt: r.linkedAt.toISOString(),
  };
}

export interface DetailParts {
  row: FeatureFull;
  rollup: FeatureRollup | undefined;
  feedback: FeatureEvidenceFeedback[];
  opportunities: FeatureEvidenceOpportunity[];
  experiments: FeatureExperiment[];
  requirements: { revision: number; updatedAt: Date } | undefined;
}

/** A feature with everything linked to it (the product team's version; see features.stakeholder.ts). */
export function presentFeatureDetail(p: DetailParts): FeatureDetail {
  return {
    ...presentFeatureSummary(p.row, p.rollup),
    description: p.row.description,
    scores: p.row.scoreInputs,
    component: { id: p.row.componentId, name: p.row.componentName, ownerId: p.row.componentOwnerId },
    product: { id: p.row.productId, name: p.row.productName },
    feedback: p.feedback,
    opportunities: p.opportunities,
    experiments: p.experiments,
    requirements: p.requirements ? { revision: p.requirements.revision, updatedAt: p.requirements.updatedAt.toISOString() } : null,
    hiddenFields: [],
  };
}

/** An audit row as the feature's history shows it. */
export function presentHistoryEntry(row: { id: string; createdAt: Date; actorName: string; action: string; summary: string; changes: Record<string, unknown> | null }): FeatureHistoryEntry {
  return { id: row.id, at: row.createdAt.toISOString(), actorName: row.actorName, action: row.action, summary: row.summary, changes: row.changes ?? null };
}
