import { z } from 'zod';
import { Id, IsoDate, Name, Version } from './common.js';

// Contracts of the prioritization module (issue 4): frameworks, scores with their explanation,
// ranked backlogs (optionally normalised per PM) and the calibration of PMs' scores.

export const FRAMEWORK_KINDS = ['rice', 'ice', 'wsjf', 'value_effort', 'weighted'] as const;
export type FrameworkKind = (typeof FRAMEWORK_KINDS)[number];

/** What a framework is called in the UI and in explanations. */
export const FRAMEWORK_KIND_LABELS: Record<FrameworkKind, string> = {
  rice: 'RICE',
  ice: 'ICE',
  wsjf: 'WSJF',
  value_effort: 'Value / effort',
  weighted: 'Weighted',
};

/**
 * The fixed factors of each formula kind, in formula order, with what a person types. `divisor`
 * factors must be above 0. Weighted scoring has no fixed factors: its criteria are the workspace's own.
 */
export const FRAMEWORK_FACTORS = {
  rice: [
    { key: 'reach', label: 'reach', hint: 'People or accounts reached per quarter' },
    { key: 'impact', label: 'impact', hint: '0.25 minimal, 0.5 low, 1 medium, 2 high, 3 massive' },
    { key: 'confidence', label: 'confidence', hint: '0 to 1 (0.8 = 80 %)' },
    { key: 'effort', label: 'effort', hint: 'Person-months or points; must be above 0', divisor: true },
  ],
  ice: [
    { key: 'impact', label: 'impact', hint: '1 to 10' },
    { key: 'confidence', label: 'confidence', hint: '1 to 10' },
    { key: 'ease', label: 'ease', hint: '1 to 10' },
  ],
  wsjf: [
    { key: 'businessValue', label: 'business value', hint: 'Relative, e.g. 1, 2, 3, 5, 8, 13, 20' },
    { key: 'timeCriticality', label: 'time criticality', hint: 'Relative, e.g. 1, 2, 3, 5, 8, 13, 20' },
    { key: 'riskReduction', label: 'risk reduction / opportunity enablement', hint: 'Relative, e.g. 1, 2, 3, 5, 8, 13, 20' },
    { key: 'jobSize', label: 'job size', hint: 'Relative size; must be above 0', divisor: true },
  ],
  value_effort: [
    { key: 'value', label: 'value', hint: 'Relative value, e.g. 1 to 10' },
    { key: 'effort', label: 'effort', hint: 'Must be above 0', divisor: true },
  ],
} as const satisfies Record<Exclude<FrameworkKind, 'weighted'>, readonly { key: string; label: string; hint: string; divisor?: boolean }[]>;

export type FixedKind = keyof typeof FRAMEWORK_FACTORS;

/** Evidence roll-ups of a feature a framework input may be bound to. */
export const ROLLUP_INPUTS = ['evidenceCount', 'customerCount', 'arr'] as const;
export type RollupInput = (typeof ROLLUP_INPUTS)[number];
export const ROLLUP_LABELS: Record<RollupInput, string> = { evidenceCount: 'evidence', customerCount: 'customers', arr: 'ARR' };

export const ScoreInputBinding = z
  .discriminatedUnion('source', [
    z.object({ source: z.literal('manual').describe('Typed per feature on the feature page') }).strict(),
    z
      .object({ source: z.literal('effort').describe("The feature's effort estimate; the typed input when the feature has none") })
      .strict(),
    z
      .object({
        source: z.literal('rollup').describe("One of the feature's evidence roll-ups"),
        rollup: z.enum(ROLLUP_INPUTS).describe('evidenceCount (linked feedback), customerCount (distinct customers) or arr (their total ARR)'),
        scale: z.enum(['linear', 'log']).default('linear').describe('log uses log10(1 + value), so one huge account does not swamp everything'),
      })
      .strict(),
  ])
  .describe('Where a framework input comes from');
export type ScoreInputBinding = z.infer<typeof ScoreInputBinding>;

const bound = (label: string) => ScoreInputBinding.optional().describe(`Binding of ${label}; manual when omitted`);
const bindingSchemas = {
  rice: z.object({ reach: bound('reach'), impact: bound('impact'), confidence: bound('confidence'), effort: bound('effort') }).strict(),
  ice: z.object({ impact: bound('impact'), confidence: bound('confidence'), ease: bound('ease') }).strict(),
  wsjf: z
    .object({ businessValue: bound('business value'), timeCriticality: bound('time criticality'), riskReduction: bound('risk reduction'), jobSize: bound('job size') })
    .strict(),
  value_effort: z.object({ value: bound('value'), effort: bound('effort') }).strict(),
};

const configOf = <T extends z.ZodType>(bindings: T) => z.object({ bindings: bindings.describe('Per factor: manual input, the effort estimate or an evidence roll-up') }).strict();
/** The config of each fixed-formula kind: where each factor comes from (manual when omitted). */
export const RiceConfig = configOf(bindingSchemas.rice.default({}));
export const IceConfig = configOf(bindingSchemas.ice.default({}));
export const WsjfConfig = configOf(bindingSchemas.wsjf.default({}));
export const ValueEffortConfig = configOf(bindingSchemas.value_effort.default({}));

/** A criterion key: stable, used as the key of the typed inputs. */
export const ScoreCriterionKey = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'must start with a lower-case letter and use letters, digits or _ (at most 40)')
  .describe('Stable key of the criterion; typed values are stored under it');

export const ScoreCriterion = z
  .object({
    key: ScoreCriterionKey,
    name: Name.describe('Shown in the formula, e.g. "customer ARR"'),
    weight: z.number().min(0, 'must be 0 or more').max(1000, 'must be at most 1000').describe('Relative weight; weights are normalised to sum to 1'),
    binding: ScoreInputBinding,
  })
  .strict();
export type ScoreCriterion = z.infer<typeof ScoreCriterion>;

export const WeightedFrameworkConfig = z
  .object({ criteria: z.array(ScoreCriterion).min(1, 'needs at least one criterion').max(12, 'at most 12 criteria').describe('The criteria and their weights') })
  .strict();

const frameworkBase = {
  id: Id.optional().describe('Id of an existing framework to keep (its scores are kept too); omit for a new one'),
  name: Name.describe('Name shown in pickers'),
  enabled: z.boolean().default(true).describe('Disabled frameworks are not scored'),
  isDefault: z.boolean().default(false).describe('The one framework ranked backlogs use unless another is asked for'),
};

export const PrioritizationFrameworkInput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('rice'), ...frameworkBase, config: RiceConfig.default({ bindings: {} }) }).strict(),
    z.object({ kind: z.literal('ice'), ...frameworkBase, config: IceConfig.default({ bindings: {} }) }).strict(),
    z.object({ kind: z.literal('wsjf'), ...frameworkBase, config: WsjfConfig.default({ bindings: {} }) }).strict(),
    z.object({ kind: z.literal('value_effort'), ...frameworkBase, config: ValueEffortConfig.default({ bindings: {} }) }).strict(),
    z.object({ kind: z.literal('weighted'), ...frameworkBase, config: WeightedFrameworkConfig }).strict(),
  ])
  .describe('A framework; config is validated per kind');
export type PrioritizationFrameworkInput = z.infer<typeof PrioritizationFrameworkInput>;

export const ReplacePrioritizationFrameworks = z
  .object({
    frameworks: z.array(PrioritizationFrameworkInput).min(1, 'needs at least one framework').max(20, 'at most 20 frameworks').describe('The whole set, in display order'),
    version: Version.optional(),
  })
  .strict()
  .describe('Replaces the workspace\u2019s frameworks and rescores every feature');
export type ReplacePrioritizationFrameworks = z.input<typeof ReplacePrioritizationFrameworks>;

export const PrioritizationFramework = z
  .object({
    id: Id,
    kind: z.enum(FRAMEWORK_KINDS).describe('rice, ice, wsjf, value_effort or weighted'),
    name: z.string(),
    enabled: z.boolean(),
    isDefault: z.boolean(),
    position: z.number().int().describe('Display order'),
    formula: z.string().describe('The formula in words, e.g. "reach × impact × confidence ÷ effort"'),
    config: z.record(z.string(), z.unknown()).describe('bindings (fixed kinds) or criteria (weighted), as sent'),
  })
  .describe('A prioritization framework');
export type PrioritizationFramework = z.infer<typeof PrioritizationFramework>;

export const PrioritizationFrameworkSet = z
  .object({
    frameworks: z.array(PrioritizationFramework),
    version: Version,
    updatedAt: IsoDate.nullable(),
  })
  .describe("The workspace's prioritization frameworks");
export type PrioritizationFrameworkSet = z.infer<typeof PrioritizationFrameworkSet>;

export const PrioritizationFrameworksSaved = PrioritizationFrameworkSet.extend({
  rescored: z.object({ features: z.number().int().describe('Features rescored'), ms: z.number().describe('How long the rescoring took') }),
}).describe('The saved frameworks and how the rescoring went');
export type PrioritizationFrameworksSaved = z.infer<typeof PrioritizationFrameworksSaved>;

const FrameworkRef = z.object({ id: Id, name: z.string(), kind: z.enum(FRAMEWORK_KINDS) }).describe('The framework used');

export const NORMALIZE_MODES = ['none', 'pm'] as const;
export const NORMALIZE_METHODS = ['z', 'percentile'] as const;
export type NormalizeMethod = (typeof NORMALIZE_METHODS)[number];

const Closed = z.enum(['exclude', 'include']).default('exclude').describe('Whether shipped and won\u2019t-do features take part');

export const RankedFeaturesQuery = z.object({
  productId: Id.optional().describe('Rank one product; omitted: the whole workspace'),
  componentId: Id.optional().describe("Only this component's features (still normalised and spread across its product)"),
  frameworkId: Id.optional().describe('Framework to rank by; the default one when omitted'),
  normalize: z.enum(NORMALIZE_MODES).default('none').describe('pm: rank by the score normalised among the features of the same PM'),
  method: z.enum(NORMALIZE_METHODS).default('z').describe('z: z-score within the PM; percentile: percentile rank within the PM'),
  limit: z.coerce.number().int().min(1).max(5000).default(500).describe('Page size'),
  offset: z.coerce.number().int().min(0).default(0).describe('Rows to skip'),
  closed: Closed,
});

export const RankedFeature = z
  .object({
    featureId: Id,
    title: z.string(),
    componentId: Id,
    componentName: z.string(),
    ownerId: Id.nullable().describe("The feature's owner PM, else its component's owner"),
    ownerName: z.string().nullable(),
    status: z.string(),
    score: z.number().nullable().describe('Raw score; null when an input is missing'),
    normalizedScore: z.number().nullable().describe('Score normalised among the same PM\u2019s features (z-score or percentile 0–100); null when not normalised'),
    rank: z.number().int().nullable().describe('1 = first; null for unscored features, which come last'),
    explanation: z.string().describe('The formula with its values, e.g. "RICE = reach 800 × impact 2 × confidence 0.8 ÷ effort 4 = 320"'),
    outlier: z.boolean().describe("True when the raw score sits far outside the product's spread"),
    outlierReason: z.string().nullable().describe('Why it is flagged, with the fence it crossed'),
    missing: z.array(z.string()).describe('Inputs the score lacks'),
  })
  .describe('A feature in a ranked backlog');
export type RankedFeature = z.infer<typeof RankedFeature>;

export const RankedFeatureList = z
  .object({
    framework: FrameworkRef,
    normalize: z.enum(NORMALIZE_MODES),
    method: z.enum(NORMALIZE_METHODS),
    total: z.number().int().describe('Features in the backlog'),
    scored: z.number().int().describe('Of which scored'),
    items: z.array(RankedFeature),
  })
  .describe('A ranked backlog');
export type RankedFeatureList = z.infer<typeof RankedFeatureList>;

const Stat = z.number().nullable();
export const ScoreSpread = z
  .object({
    count: z.number().int().describe('Scored features'),
    unscored: z.number().int().describe('Features without a score'),
    min: Stat,
    q1: Stat,
    median: Stat,
    q3: Stat,
    max: Stat,
    mean: Stat,
  })
  .describe('Distribution of raw scores (quartiles by linear interpolation); null when nothing is scored');
export type ScoreSpread = z.infer<typeof ScoreSpread>;

export const ScoreCalibration = z
  .object({
    framework: FrameworkRef,
    product: ScoreSpread.extend({
      lowerFence: Stat.describe('Q1 − k × IQR'),
      upperFence: Stat.describe('Q3 + k × IQR'),
      k: z.number().describe('The fence multiplier: 3 flags scores far outside the spread'),
    }),
    pms: z.array(
      ScoreSpread.extend({
        memberId: Id.nullable().describe('Null for features nobody owns'),
        name: z.string(),
        components: z.array(z.object({ id: Id, name: z.string() })).describe('Components whose features this PM owns here'),
      }),
    ),
    outliers: z.array(
      z.object({
        featureId: Id,
        title: z.string(),
        componentName: z.string(),
        ownerId: Id.nullable(),
        ownerName: z.string().nullable(),
        score: z.number(),
        direction: z.enum(['high', 'low']),
        reason: z.string(),
      }),
    ),
  })
  .describe("Each PM's score distribution against the product's, with the scores far outside it");
export type ScoreCalibration = z.infer<typeof ScoreCalibration>;

export const ScoreCalibrationQuery = z.object({
  productId: Id.optional().describe('The product; omitted: the whole workspace'),
  frameworkId: Id.optional().describe('The default framework when omitted'),
  closed: Closed,
});

export const FeatureScoreParams = z.object({ workspaceId: Id.describe('Workspace id'), featureId: Id.describe('Feature id') });

/** Typed inputs: per framework kind, per factor or criterion key. */
export const TypedScoreInputs = z.record(z.string(), z.record(z.string(), z.number())).describe('Typed inputs, e.g. {"rice": {"reach": 800, "impact": 2}}');
export type TypedScoreInputs = z.infer<typeof TypedScoreInputs>;

const InputValue = z
  .number()
  .min(0, 'must be 0 or more')
  .max(1e12, 'must be at most 1e12')
  .nullable()
  .describe('The value; null clears it');

export const UpdateTypedScoreInputs = z
  .object({
    inputs: z
      .object(Object.fromEntries(FRAMEWORK_KINDS.map((k) => [k, z.record(z.string(), InputValue).optional()])) as Record<FrameworkKind, z.ZodOptional<z.ZodRecord<z.ZodString, typeof InputValue>>>)
      .strict()
      .describe('Per framework kind, the values to set; a kind sent replaces that kind\u2019s inputs, kinds not sent are kept'),
    version: Version.optional(),
  })
  .strict();
export type UpdateTypedScoreInputs = z.infer<typeof UpdateTypedScoreInputs>;

export const FeatureScoreFactor = z.object({
  key: z.string(),
  label: z.string(),
  source: z.enum(['manual', 'effort', 'rollup']),
  value: z.number().nullable().describe('The value used (after the log scale), null when missing'),
  editable: z.boolean().describe('True when the value is typed on the feature (manual, or effort without an estimate)'),
  weight: z.number().optional().describe('Normalised weight (weighted scoring)'),
});
export type FeatureScoreFactor = z.infer<typeof FeatureScoreFactor>;

export const FeatureFrameworkScore = z.object({
  frameworkId: Id,
  name: z.string(),
  kind: z.enum(FRAMEWORK_KINDS),
  isDefault: z.boolean(),
  score: z.number().nullable(),
  explanation: z.string(),
  missing: z.array(z.string()),
  factors: z.array(FeatureScoreFactor),
});
export type FeatureFrameworkScore = z.infer<typeof FeatureFrameworkScore>;

export const FeatureScoreCard = z
  .object({
    featureId: Id,
    version: Version.describe("The feature's version"),
    inputs: TypedScoreInputs,
    facts: z.object({
      effort: z.number().nullable(),
      evidenceCount: z.number().int(),
      customerCount: z.number().int(),
      arr: z.string().describe('Whole currency units, exact'),
    }),
    scores: z.array(FeatureFrameworkScore).describe('One per enabled framework, default first'),
  })
  .describe("A feature's scores, explained, and its typed inputs");
export type FeatureScoreCard = z.infer<typeof FeatureScoreCard>;
