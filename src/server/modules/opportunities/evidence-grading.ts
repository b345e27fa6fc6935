/**
 * Evidence grading: pure functions, no database, no clock (the caller passes `now`).
 *
 * score = Σ weight(source) × importance/2 × 0.5^(ageDays / halfLifeDays) over the graded units, where
 * a unit is one canonical feedback item per customer: an item merged into another (a duplicate) adds no
 * score when the same customer already spoke through the item it was merged into, but a different
 * customer's duplicate is another requester and counts (merging keeps all the requesters).
 */
import { DEFAULT_CONCENTRATION_THRESHOLD, DEFAULT_HALF_LIFE_DAYS, DEFAULT_SOURCE_WEIGHTS } from '../../../shared/contracts/discovery-opportunities.js';

/** One linked feedback item as the grading and the roll-ups see it. */
export interface EvidenceFact {
  feedbackId: string;
  /** The item this one was merged into, or null. */
  mergedIntoId: string | null;
  source: string;
  customerId: string | null;
  customerName: string | null;
  segment: string | null;
  /** The customer's ARR in whole units, digits only; null without a customer. */
  arr: string | null;
  importance: number;
  capturedAt: Date;
}

export interface GradingSettings {
  sourceWeights: Record<string, number>;
  halfLifeDays: number;
  concentrationThreshold: number;
}

export interface Graded {
  score: number;
  topCustomerShare: number;
  topCustomer: { id: string; name: string } | null;
  concentrated: boolean;
}

/** The settings a workspace has before it changes anything. */
export const DEFAULT_GRADING: GradingSettings = {
  sourceWeights: { ...DEFAULT_SOURCE_WEIGHTS },
  halfLifeDays: DEFAULT_HALF_LIFE_DAYS,
  concentrationThreshold: DEFAULT_CONCENTRATION_THRESHOLD,
};

/** Fewer items than this are never flagged as concentrated: two items from one customer is not a pattern. */
export const CONCENTRATION_MIN_ITEMS = 3;
const DAY_MS = 86_400_000;

/** The feedback item an item stands for: itself, or the one it was merged into. */
export const canonicalId = (f: Pick<EvidenceFact, 'feedbackId' | 'mergedIntoId'>): string => f.mergedIntoId ?? f.feedbackId;

/** Weight of one item of a source; an unknown source weighs like `other`, and never below zero. */
export function sourceWeight(settings: GradingSettings, source: string): number {
  const w = settings.sourceWeights[source] ?? settings.sourceWeights.other ?? DEFAULT_SOURCE_WEIGHTS.other;
  return Number.isFinite(w) && w > 0 ? w : 0;
}

/** Importance 1..4 scaled so the default (2) counts 1; out-of-range values are clamped. */
export function importanceMultiplier(importance: number): number {
  const clamped = Math.min(4, Math.max(1, Math.round(Number.isFinite(importance) ? importance : 2)));
  return clamped / 2;
}

/** 0.5^(age / half-life); evidence dated in the future counts as new (factor 1). */
export function decayFactor(capturedAt: Date, now: Date, halfLifeDays: number): number {
  const ageDays = Math.max(0, (now.getTime() - capturedAt.getTime()) / DAY_MS);
  return Math.pow(0.5, ageDays / Math.max(1, halfLifeDays));
}

/** What one fact contributes to the score. */
export function contribution(fact: EvidenceFact, settings: GradingSettings, now: Date): number {
  return sourceWeight(settings, fact.source) * importanceMultiplier(fact.importance) * decayFactor(fact.capturedAt, now, settings.halfLifeDays);
}

/** The graded units: one per (canonical item, customer), keeping the strongest contribution of each. */
export function gradedUnits(facts: readonly EvidenceFact[], settings: GradingSettings, now: Date): { fact: EvidenceFact; value: number }[] {
  const units = new Map<string, { fact: EvidenceFact; value: number }>();
  for (const fact of facts) {
    const key = `${canonicalId(fact)}|${fact.customerId ?? ''}`;
    const value = contribution(fact, settings, now);
    const prior = units.get(key);
    if (!prior || value > prior.value) units.set(key, { fact, value });
  }
  return [...units.values()];
}

/** Rounds for presentation only; comparisons use the raw numbers. */
const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Grades an opportunity's evidence: the score and whether one customer supplies most of it. */
export function gradeEvidence(facts: readonly EvidenceFact[], settings: GradingSettings, now: Date): Graded {
  const units = gradedUnits(facts, settings, now);
  const score = units.reduce((sum, u) => sum + u.value, 0);
  const byCustomer = new Map<string, { name: string; value: number }>();
  for (const { fact, value } of units) {
    if (!fact.customerId) continue;
    const c = byCustomer.get(fact.customerId) ?? { name: fact.customerName ?? 'Unknown', value: 0 };
    c.value += value;
    byCustomer.set(fact.customerId, c);
  }
  let top: { id: string; name: string; value: number } | null = null;
  for (const [id, c] of byCustomer) {
    // Ties go to the smaller id, so the answer does not depend on row order.
    if (!top || c.value > top.value || (c.value === top.value && id < top.id)) top = { id, ...c };
  }
  const share = top && score > 0 ? top.value / score : 0;
  return {
    score: round(score),
    topCustomerShare: round(share),
    topCustomer: top ? { id: top.id, name: top.name } : null,
    concentrated: units.length >= CONCENTRATION_MIN_ITEMS && share > settings.concentrationThreshold,
  };
}

/** Stored settings merged over the defaults: a source the row does not name keeps its default weight. */
export function resolveGrading(stored: Partial<GradingSettings> | null | undefined): GradingSettings {
  return {
    sourceWeights: { ...DEFAULT_GRADING.sourceWeights, ...(stored?.sourceWeights ?? {}) },
    halfLifeDays: stored?.halfLifeDays ?? DEFAULT_GRADING.halfLifeDays,
    concentrationThreshold: stored?.concentrationThreshold ?? DEFAULT_GRADING.concentrationThreshold,
  };
}
