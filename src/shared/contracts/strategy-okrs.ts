import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Id, IsoDate, Version, VersionedUpdate, listOf } from './common.js';

/** OKRs (issue 6): periods, objectives in an alignment tree, key results, check-ins and driving features. */

export const OKR_PERIOD_KINDS = ['quarter', 'custom'] as const;
export type OkrPeriodKind = (typeof OKR_PERIOD_KINDS)[number];
export const OBJECTIVE_STATUSES = ['active', 'achieved', 'missed', 'dropped'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];
export const KEY_RESULT_TYPES = ['number', 'percentage', 'currency', 'milestone'] as const;
export type KeyResultType = (typeof KEY_RESULT_TYPES)[number];
export const KEY_RESULT_DIRECTIONS = ['increase', 'decrease'] as const;
export type KeyResultDirection = (typeof KEY_RESULT_DIRECTIONS)[number];
export const CONFIDENCE_STATUSES = ['on_track', 'at_risk', 'off_track'] as const;
export type ConfidenceStatus = (typeof CONFIDENCE_STATUSES)[number];
/** The most features one key result may name as its drivers. */
export const KEY_RESULT_FEATURES_MAX = 100;

const Title = z.string().trim().min(1, 'must not be empty').max(LIMITS.titleMax, `must be at most ${LIMITS.titleMax} characters`);
const PeriodName = z.string().trim().min(1, 'must not be empty').max(LIMITS.nameMax, `must be at most ${LIMITS.nameMax} characters`);
const LongText = z.string().trim().max(LIMITS.descriptionMax, `must be at most ${LIMITS.descriptionMax} characters`);
const Unit = z.string().trim().max(20, 'must be at most 20 characters');
const Value = z.number().finite('must be a finite number').min(-1e12, 'is too small').max(1e12, 'is too large');
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real calendar date')
  .describe('A calendar day, YYYY-MM-DD');
const PersonRef = z.object({ id: Id, name: z.string() }).describe('A member of the workspace');
const NamedRef = z.object({ id: Id, name: z.string() });
const KindSchema = z.enum(OKR_PERIOD_KINDS).describe('quarter or custom');
const ObjectiveStatusSchema = z.enum(OBJECTIVE_STATUSES).describe('active, achieved, missed or dropped');
const TypeSchema = z.enum(KEY_RESULT_TYPES).describe('number, percentage, currency or milestone (done or not)');
const DirectionSchema = z.enum(KEY_RESULT_DIRECTIONS).describe('increase (target above start) or decrease (target below start)');
const ConfidenceStatusSchema = z.enum(CONFIDENCE_STATUSES).describe('on_track, at_risk or off_track');
const Progress = z.number().min(0).max(1).describe('Progress as a fraction from 0 to 1');
const Confidence = z.number().int().min(0, 'must be from 0 to 10').max(10, 'must be from 0 to 10');

// Periods

export const OkrPeriod = z
  .object({
    id: Id,
    name: z.string(),
    kind: KindSchema,
    start: Day,
    end: Day.describe('The last day of the period (inclusive)'),
    objectiveCount: z.number().int().describe('Objectives set for this period, across products'),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('An OKR period: a quarter or a custom range');
export type OkrPeriod = z.infer<typeof OkrPeriod>;
export const OkrPeriodList = listOf(OkrPeriod, 'OKR periods, earliest start first');
export type OkrPeriodList = z.infer<typeof OkrPeriodList>;

export const CreateOkrPeriod = z
  .object({
    name: PeriodName.describe('Unique in the workspace, e.g. "Q3 2026"'),
    start: Day.describe('First day'),
    end: Day.describe('Last day (inclusive); on or after start'),
    kind: KindSchema.optional().describe('Inferred: quarter when the range is exactly a calendar quarter, else custom'),
  })
  .strict();
export type CreateOkrPeriod = z.infer<typeof CreateOkrPeriod>;
export const UpdateOkrPeriod = VersionedUpdate.extend({
  name: PeriodName.optional(),
  start: Day.optional(),
  end: Day.optional(),
  kind: KindSchema.optional(),
}).strict();
export type UpdateOkrPeriod = z.infer<typeof UpdateOkrPeriod>;
export const OkrPeriodParams = z.object({ workspaceId: Id, periodId: Id });
export const DeleteOkrPeriodQuery = z.object({
  force: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('true deletes the period with all its objectives, key results and check-ins; without it a period with objectives answers 409'),
});

// Key results

export const KeyResultSummary = z
  .object({
    id: Id,
    objectiveId: Id,
    title: z.string(),
    type: TypeSchema,
    unit: z.string().describe('Shown after numbers ("users", "ms"); the currency code for currency; "%" for percentages'),
    direction: DirectionSchema,
    start: z.number(),
    target: z.number(),
    current: z.number().nullable().describe('The current value: the latest check-in’s, or the metric’s latest point when it follows one; null before any'),
    progress: Progress,
    confidence: z.number().int().nullable().describe('0-10, from the latest check-in'),
    status: ConfidenceStatusSchema.nullable().describe('From the latest check-in'),
    lastCheckInAt: IsoDate.nullable(),
    metricId: Id.nullable().describe('The metric the current value follows'),
    ownerId: Id.nullable(),
    owner: PersonRef.nullable(),
    position: z.number().int(),
    version: Version,
  })
  .describe('A key result with its progress');
export type KeyResultSummary = z.infer<typeof KeyResultSummary>;

export const KeyResultCheckIn = z
  .object({
    id: Id,
    keyResultId: Id,
    value: z.number(),
    progress: Progress.describe('Progress at this check-in (0-1)'),
    confidence: z.number().int().describe('0-10'),
    status: ConfidenceStatusSchema,
    note: z.string(),
    author: PersonRef.nullable(),
    at: IsoDate,
  })
  .describe('A check-in on a key result');
export type KeyResultCheckIn = z.infer<typeof KeyResultCheckIn>;
export const KeyResultCheckInList = listOf(KeyResultCheckIn, 'Check-ins, oldest first (for charts)');
export type KeyResultCheckInList = z.infer<typeof KeyResultCheckInList>;

export const DrivingFeature = z
  .object({
    id: Id,
    title: z.string(),
    status: z.string(),
    horizon: z.string().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    component: NamedRef,
    slipped: z.boolean().describe('Still open and either past its end date or ending after the period'),
    conflict: z.boolean().describe('One of its dependencies is in conflict (see the dependencies module)'),
    flags: z.array(z.string()).describe('Why it is flagged, in sentences'),
  })
  .describe('A feature that drives a key result');
export type DrivingFeature = z.infer<typeof DrivingFeature>;

export const KeyResult = KeyResultSummary.extend({
  objective: z.object({ id: Id, title: z.string(), productId: Id, periodId: Id }),
  features: z.array(DrivingFeature).describe('The driving features, by title'),
  checkIns: z.array(KeyResultCheckIn).describe('The latest check-ins (up to 10), oldest first'),
}).describe('A key result with its driving features and latest check-ins');
export type KeyResult = z.infer<typeof KeyResult>;

export const KeyResultParams = z.object({ workspaceId: Id, keyResultId: Id });

export const CreateKeyResult = z
  .object({
    objectiveId: Id,
    title: Title,
    start: Value.describe('Start value (milestone: 0)'),
    target: Value.describe('Target value; differs from start (milestone: 1)'),
    unit: Unit.optional().describe('Unit label, e.g. "users", "%", "EUR"'),
    direction: DirectionSchema,
    type: TypeSchema,
    metricId: Id.optional().describe('Follow this metric: the current value is its latest point'),
    ownerId: Id.optional().describe('A member of the workspace; defaults to the objective’s owner'),
  })
  .strict();
export type CreateKeyResult = z.infer<typeof CreateKeyResult>;
export const UpdateKeyResult = VersionedUpdate.extend({
  title: Title.optional(),
  start: Value.optional(),
  target: Value.optional(),
  unit: Unit.optional(),
  direction: DirectionSchema.optional(),
  type: TypeSchema.optional(),
  metricId: Id.nullable().optional().describe('null stops following the metric'),
  ownerId: Id.nullable().optional(),
}).strict();
export type UpdateKeyResult = z.infer<typeof UpdateKeyResult>;

export const CreateKeyResultCheckIn = z
  .object({
    value: Value.describe('The value reached (milestone: 1 done, 0 not done)'),
    confidence: Confidence.describe('0-10: how sure the owner is the target will be met'),
    status: ConfidenceStatusSchema.optional().describe('Defaults from confidence: 7-10 on track, 4-6 at risk, 0-3 off track'),
    note: LongText.optional(),
  })
  .strict();
export type CreateKeyResultCheckIn = z.infer<typeof CreateKeyResultCheckIn>;
export const CreatedKeyResultCheckIn = z
  .object({ checkIn: KeyResultCheckIn, keyResult: KeyResultSummary })
  .describe('The check-in, and the key result as it now stands');
export type CreatedKeyResultCheckIn = z.infer<typeof CreatedKeyResultCheckIn>;

export const SetKeyResultFeatures = z
  .object({
    featureIds: z
      .array(Id)
      .max(KEY_RESULT_FEATURES_MAX, `must name at most ${KEY_RESULT_FEATURES_MAX} features`)
      .describe('The whole set of driving features (replaces the current set)'),
  })
  .strict();
export type SetKeyResultFeatures = z.infer<typeof SetKeyResultFeatures>;

// Objectives

export const ObjectiveSummary = z
  .object({
    id: Id,
    title: z.string(),
    description: z.string(),
    status: ObjectiveStatusSchema,
    periodId: Id,
    productId: Id,
    componentId: Id.nullable().describe('null for a product-level objective'),
    component: NamedRef.nullable(),
    parentId: Id.nullable(),
    ownerId: Id.nullable(),
    owner: PersonRef.nullable(),
    pillarId: Id.nullable(),
    pillar: NamedRef.nullable(),
    progress: Progress.describe('Mean of its key results; without key results, the mean of its children; else 0'),
    worstConfidence: z.number().int().nullable().describe('The lowest confidence among its key results’ latest check-ins'),
    worstStatus: ConfidenceStatusSchema.nullable().describe('The worst status among its key results'),
    keyResultCount: z.number().int(),
    childCount: z.number().int(),
    position: z.number().int(),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('An objective with its rolled-up progress');
export type ObjectiveSummary = z.infer<typeof ObjectiveSummary>;
export const ObjectiveList = listOf(ObjectiveSummary, 'Objectives, by product level first, then component, then position');
export type ObjectiveList = z.infer<typeof ObjectiveList>;

export const Objective = ObjectiveSummary.extend({
  period: z.object({ id: Id, name: z.string(), start: Day, end: Day }),
  product: NamedRef,
  parent: z.object({ id: Id, title: z.string() }).nullable(),
  keyResults: z.array(KeyResultSummary).describe('In order'),
  children: z.array(ObjectiveSummary).describe('Objectives aligned to this one'),
}).describe('An objective with its key results, parent and children');
export type Objective = z.infer<typeof Objective>;

export const ObjectiveParams = z.object({ workspaceId: Id, objectiveId: Id });
export const ObjectiveListQuery = z.object({
  periodId: Id.optional(),
  productId: Id.optional(),
  componentId: Id.optional(),
});

export const CreateObjective = z
  .object({
    title: Title,
    periodId: Id,
    productId: Id.optional().describe('For a product-level objective (or the component’s product)'),
    componentId: Id.optional().describe('For a component-level objective; implies its product'),
    parentId: Id.optional().describe('The objective it aligns to, in the same period'),
    ownerId: Id.optional().describe('A member of the workspace; defaults to you'),
    pillarId: Id.optional().describe('A pillar of the product'),
    description: LongText.optional(),
  })
  .strict();
export type CreateObjective = z.infer<typeof CreateObjective>;
export const UpdateObjective = VersionedUpdate.extend({
  title: Title.optional(),
  description: LongText.optional(),
  status: ObjectiveStatusSchema.optional(),
  componentId: Id.nullable().optional().describe('Another component of the same product, or null for product level'),
  parentId: Id.nullable().optional(),
  ownerId: Id.nullable().optional(),
  pillarId: Id.nullable().optional(),
}).strict();
export type UpdateObjective = z.infer<typeof UpdateObjective>;

// The alignment tree

export const OkrTreeKeyResult = KeyResultSummary.pick({
  id: true,
  title: true,
  type: true,
  unit: true,
  direction: true,
  start: true,
  target: true,
  current: true,
  progress: true,
  confidence: true,
  status: true,
  lastCheckInAt: true,
  ownerId: true,
});
export type OkrTreeKeyResult = z.infer<typeof OkrTreeKeyResult>;

export const OkrTreeNode = ObjectiveSummary.omit({ description: true, createdAt: true, updatedAt: true })
  .extend({
    depth: z.number().int().describe('0 for a root'),
    childIds: z.array(Id).describe('Its children in the tree, in order'),
    keyResults: z.array(OkrTreeKeyResult),
  })
  .describe('An objective in the alignment tree');
export type OkrTreeNode = z.infer<typeof OkrTreeNode>;

export const OkrTree = z
  .object({
    product: NamedRef,
    period: z.object({ id: Id, name: z.string(), kind: KindSchema, start: Day, end: Day }),
    rootIds: z.array(Id).describe('Product-level roots first, then component objectives without a parent here, by component'),
    nodes: z.array(OkrTreeNode).describe('Every objective, depth first in tree order'),
    progress: Progress.describe('Mean progress of the roots'),
    counts: z.object({
      objectives: z.number().int(),
      keyResults: z.number().int(),
      onTrack: z.number().int(),
      atRisk: z.number().int(),
      offTrack: z.number().int(),
      noCheckIn: z.number().int().describe('Key results without any check-in'),
    }),
  })
  .describe('The alignment tree of a product for a period');
export type OkrTree = z.infer<typeof OkrTree>;
export const OkrTreeQuery = z.object({ productId: Id, periodId: Id });
