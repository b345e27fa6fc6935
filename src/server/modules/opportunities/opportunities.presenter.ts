import type { Opportunity, OpportunityDetail, OpportunityStatus } from '../../../shared/contracts.js';
import { gradeEvidence, type GradingSettings } from './evidence-grading.js';
import { evidenceTotals, rollUpBySegment, rollUpBySource, rollUpTrend } from './evidence-rollup.js';
import type { LinkedFact, OpportunityExperiment, OpportunityFull } from './opportunities.repository.js';

const EXCERPT = 280;
const excerpt = (text: string) => (text.length <= EXCERPT ? text : `${text.slice(0, EXCERPT - 1)}…`);

function base(row: OpportunityFull) {
  return {
    id: row.id,
    title: row.title,
    problem: row.problem,
    status: row.status as OpportunityStatus,
    ownerId: row.ownerId,
    owner: row.ownerId ? { id: row.ownerId, name: row.ownerName ?? 'Unknown' } : null,
    componentIds: row.componentIds,
    pillarId: row.pillarId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** An opportunity with the evidence summary lists show. */
export function presentOpportunity(row: OpportunityFull, facts: readonly LinkedFact[], grading: GradingSettings, now: Date): Opportunity {
  return { ...base(row), evidence: { ...evidenceTotals(facts), score: gradeEvidence(facts, grading, now).score } };
}

/** An opportunity with its full roll-up, the linked feedback and the experiments testing it. */
export function presentOpportunityDetail(
  row: OpportunityFull & { experiments: OpportunityExperiment[] },
  facts: readonly LinkedFact[],
  grading: GradingSettings,
  now: Date,
): OpportunityDetail {
  return {
    ...base(row),
    evidence: {
      ...evidenceTotals(facts),
      bySegment: rollUpBySegment(facts),
      bySource: rollUpBySource(facts),
      trend: rollUpTrend(facts),
      graded: gradeEvidence(facts, grading, now),
    },
    feedback: facts.map((f) => ({
      id: f.feedbackId,
      text: excerpt(f.text),
      quote: f.quoteStart !== null && f.quoteEnd !== null ? { start: f.quoteStart, end: f.quoteEnd, text: f.text.slice(f.quoteStart, f.quoteEnd) } : null,
      importance: f.importance,
      source: f.source,
      customer: f.customerId ? { id: f.customerId, name: f.customerName ?? 'Unknown' } : null,
      capturedAt: f.capturedAt.toISOString(),
      mergedIntoId: f.mergedIntoId,
      linkedAt: f.linkedAt.toISOString(),
    })),
    experiments: row.experiments.map((x) => ({ id: x.id, title: x.title, hypothesis: x.hypothesis, status: x.status, result: x.result })),
  };
}
