import { z } from 'zod';
import { Id, IsoDate } from './common.js';
import { FeatureHorizonSchema, FeatureStatusSchema, IsoDay } from './roadmap-features.js';

// Contracts of coverage and drift (issue 6): planned effort by pillar against each pillar's target,
// work aligned to no pillar, objectives nobody checks in on, key results at risk, and key results whose
// driving features slipped or conflict.

/** Bounds of the drift report's query and lists. */
export const DRIFT_LIMITS = {
  staleDaysDefault: 14,
  staleDaysMax: 365,
  /** The unaligned features listed (the largest by effort); the count and effort cover them all. */
  unalignedFeatures: 50,
  /** Rows of every other list; its `total` counts them all. */
  listMax: 100,
  /** A key result is behind when its progress trails the time elapsed in the period by more than this (points of %). */
  behindPoints: 25,
  /** A key result whose latest confidence is at most this (0-10) is at risk. */
  riskConfidence: 6,
} as const;

export const DriftQuery = z.object({
  productId: Id.describe('The product whose coverage and drift to read (required)'),
  periodId: Id.optional().describe('OKR period; by default the period containing today, else the latest one'),
  staleDays: z.coerce
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(DRIFT_LIMITS.staleDaysMax, `must be at most ${DRIFT_LIMITS.staleDaysMax}`)
    .default(DRIFT_LIMITS.staleDaysDefault)
    .describe('An objective is stale when none of its key results had a check-in in this many days'),
});
export type DriftQuery = z.infer<typeof DriftQuery>;

const DriftPeriod = z
  .object({ id: Id, name: z.string(), kind: z.string().describe('quarter | custom'), startsOn: IsoDay, endsOn: IsoDay })
  .describe('An OKR period');
export type DriftPeriod = z.infer<typeof DriftPeriod>;

export const CoverageRow = z
  .object({
    pillarId: Id.nullable().describe('Null for the "No pillar" row'),
    name: z.string().describe('The pillar’s name, or "No pillar"'),
    status: z.string().nullable().describe('The pillar’s status (active | paused | retired); null for "No pillar"'),
    targetShare: z.number().nullable().describe('Target share of the planned effort, in %; null for "No pillar" (its target is none)'),
    plannedEffort: z.number().describe('Sum of the planned features’ effort (unestimated ones count 0)'),
    actualShare: z.number().describe('Its planned effort as a share of the product’s, in % (0 when nothing is estimated)'),
    gap: z.number().nullable().describe('actualShare − targetShare, in points; null for "No pillar"'),
    featureCount: z.number().int().describe('Planned features serving it, estimated or not'),
    unestimatedCount: z.number().int().describe('Of those, features with no effort estimate'),
  })
  .describe('Planned effort of one pillar against its target');
export type CoverageRow = z.infer<typeof CoverageRow>;

export const DriftCoverage = z
  .object({
    rows: z.array(CoverageRow).describe('The product’s pillars in their order, then "No pillar"'),
    totalEffort: z.number().describe('Planned effort of the whole product'),
    featureCount: z.number().int().describe('Planned features of the product'),
    unestimatedCount: z.number().int().describe('Planned features with no effort estimate (counted, with 0 effort)'),
    targetTotal: z.number().describe('Sum of the pillars’ target shares, in %'),
  })
  .describe(
    'Planned effort by pillar. A feature is planned when it belongs to one of the product’s components, is neither shipped nor won’t do, and is on the board (a horizon) or planned or in progress.',
  );

export const UnalignedFeature = z
  .object({
    id: Id.describe('Feature id'),
    title: z.string(),
    componentId: Id,
    componentName: z.string(),
    status: FeatureStatusSchema,
    horizon: FeatureHorizonSchema.nullable(),
    effort: z.number().nullable().describe('Null when not estimated'),
  })
  .describe('A planned feature that serves no pillar');

export const UnalignedObjective = z
  .object({
    id: Id.describe('Objective id'),
    title: z.string(),
    componentName: z.string().nullable().describe('Null for a product-level objective'),
    ownerId: Id.nullable(),
    ownerName: z.string().nullable(),
  })
  .describe('An objective of the period that serves no pillar');

export const DriftUnaligned = z
  .object({
    features: z.object({
      count: z.number().int().describe('Planned features with no pillar'),
      effort: z.number().describe('Their planned effort'),
      unestimatedCount: z.number().int(),
      items: z.array(UnalignedFeature).describe(`The ${DRIFT_LIMITS.unalignedFeatures} largest by effort (unestimated last)`),
    }),
    objectives: z.object({ count: z.number().int(), items: z.array(UnalignedObjective).describe('By title') }),
  })
  .describe('Work aligned to no pillar');

export const StaleObjective = z
  .object({
    objectiveId: Id,
    title: z.string(),
    componentName: z.string().nullable(),
    ownerId: Id.nullable(),
    ownerName: z.string().nullable(),
    keyResultCount: z.number().int(),
    lastCheckInAt: IsoDate.nullable().describe('The latest check-in on any of its key results; null when never'),
    daysSince: z.number().int().nullable().describe('Whole days since that check-in; null when never'),
  })
  .describe('An active objective none of whose key results had a check-in in staleDays days');

export const AT_RISK_REASONS = ['status', 'confidence', 'behind'] as const;
export const AtRiskKeyResult = z
  .object({
    keyResultId: Id,
    title: z.string(),
    objectiveId: Id,
    objectiveTitle: z.string(),
    ownerId: Id.nullable().describe('The key result’s owner, else the objective’s'),
    ownerName: z.string().nullable(),
    progress: z.number().describe('0 to 1'),
    expectedProgress: z.number().describe('Share of the period elapsed today, 0 to 1'),
    confidence: z.number().int().nullable().describe('Latest check-in’s confidence 0-10; null before any'),
    status: z.enum(['on_track', 'at_risk', 'off_track']).nullable().describe('Latest check-in’s status; null before any'),
    reasons: z
      .array(z.enum(AT_RISK_REASONS))
      .describe(`status: the latest check-in says at risk or off track; confidence: at most ${DRIFT_LIMITS.riskConfidence}; behind: progress trails the time elapsed by more than ${DRIFT_LIMITS.behindPoints} points`),
  })
  .describe('A key result at risk');

export const SlippingFeature = z
  .object({
    featureId: Id,
    title: z.string(),
    componentName: z.string(),
    status: FeatureStatusSchema,
    endDate: IsoDay.nullable(),
    reason: z.enum(['slipped', 'conflict']).describe('slipped: its end date is past (not shipped) or after the period’s end; conflict: a dependency of it is in conflict'),
    detail: z.string().describe('Why, in a sentence'),
  })
  .describe('A driving feature that slipped or conflicts (a feature with both reasons appears twice)');

export const SlippingKeyResult = z
  .object({
    keyResultId: Id,
    title: z.string(),
    objectiveId: Id,
    objectiveTitle: z.string(),
    ownerName: z.string().nullable(),
    features: z.array(SlippingFeature),
  })
  .describe('A key result whose driving features slipped or conflict');

const listOfMax = <T extends z.ZodTypeAny>(item: T, what: string) =>
  z.object({ total: z.number().int().describe(`All ${what}`), items: z.array(item).describe(`At most ${DRIFT_LIMITS.listMax}, most pressing first`) });

export const DriftReport = z
  .object({
    product: z.object({ id: Id, name: z.string() }),
    period: DriftPeriod.nullable().describe('The period read; null when the workspace has none'),
    periods: z.array(DriftPeriod).describe('Every period of the workspace, latest first, for a picker'),
    staleDays: z.number().int(),
    today: IsoDay.describe('The day the report was computed for (UTC)'),
    expectedProgress: z.number().describe('Share of the period elapsed today, 0 to 1'),
    coverage: DriftCoverage,
    unaligned: DriftUnaligned,
    staleObjectives: listOfMax(StaleObjective, 'stale objectives').describe('Never checked in first, then the longest silent'),
    atRisk: listOfMax(AtRiskKeyResult, 'key results at risk').describe('Off track first, then by how far behind'),
    slipping: listOfMax(SlippingKeyResult, 'key results with slipping or conflicting features').describe('By objective, then title'),
    counts: z
      .object({
        unalignedFeatures: z.number().int(),
        unalignedObjectives: z.number().int(),
        staleObjectives: z.number().int(),
        atRisk: z.number().int(),
        slipping: z.number().int(),
      })
      .describe('The size of every list'),
    generatedAt: IsoDate,
  })
  .describe('Coverage and drift of a product’s plan against its strategy and OKRs');
export type DriftReport = z.infer<typeof DriftReport>;
export type StaleObjective = z.infer<typeof StaleObjective>;
export type AtRiskKeyResult = z.infer<typeof AtRiskKeyResult>;
export type SlippingKeyResult = z.infer<typeof SlippingKeyResult>;
export type SlippingFeature = z.infer<typeof SlippingFeature>;
export type UnalignedFeature = z.infer<typeof UnalignedFeature>;
export type UnalignedObjective = z.infer<typeof UnalignedObjective>;
