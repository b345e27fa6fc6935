import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Description, Id, IsoDate, Version, VersionedUpdate, listOf } from './common.js';

/** Where an opportunity stands, from first sighting to solved. */
export const OPPORTUNITY_STATUSES = ['open', 'exploring', 'validated', 'parked', 'solved'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

/** The feedback sources evidence is graded by (the same closed set as feedback's `source`). */
export const EVIDENCE_SOURCES = ['interview', 'survey', 'customer_success', 'sales', 'support', 'product_marketing', 'other'] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/** How much one item of each source counts before a workspace changes it: an interview counts more than a hallway remark. */
export const DEFAULT_SOURCE_WEIGHTS: Record<EvidenceSource, number> = {
  interview: 1,
  survey: 0.6,
  customer_success: 0.8,
  sales: 0.7,
  support: 0.7,
  product_marketing: 0.5,
  other: 0.3,
};
export const DEFAULT_HALF_LIFE_DAYS = 180;
export const DEFAULT_CONCENTRATION_THRESHOLD = 0.5;
/** Importance of a piece of evidence: 1 nice to have … 4 critical; 2 is the default. */
export const EvidenceImportance = z.number().int().min(1, 'must be between 1 and 4').max(4, 'must be between 1 and 4').describe('1 nice to have, 2 normal, 3 important, 4 critical');

const Title = z.string().trim().min(1, 'must not be empty').max(LIMITS.titleMax, `must be at most ${LIMITS.titleMax} characters`);
const OpportunityStatusSchema = z.enum(OPPORTUNITY_STATUSES).describe('open, exploring, validated, parked or solved');

const Person = z.object({ id: Id, name: z.string() }).nullable();
const Money = z.string().regex(/^\d+$/).describe('Whole currency units, exact, as a string of digits');

export const EvidenceSummary = z
  .object({
    feedbackCount: z.number().int().describe('Linked feedback items; an item merged into another linked one counts once'),
    customerCount: z.number().int().describe('Distinct customers behind the linked feedback'),
    arr: Money.describe('Sum of the ARR of those customers, each counted once'),
    score: z.number().describe('Graded evidence: source-weighted, importance-scaled, decayed by age'),
  })
  .describe('Evidence roll-up shown in lists');

export const GradedEvidence = z
  .object({
    score: z.number().describe('Sum of weight(source) × importance/2 × 0.5^(age/half-life) over the evidence'),
    topCustomerShare: z.number().describe('Share (0..1) of the score that comes from the single largest customer'),
    topCustomer: Person.describe('That customer, or null when no evidence has a customer'),
    concentrated: z.boolean().describe('True when that share is above the workspace threshold and there are at least 3 items'),
  })
  .describe('Graded evidence');

export const EvidenceRollUp = z
  .object({
    feedbackCount: z.number().int(),
    customerCount: z.number().int(),
    arr: Money,
    bySegment: z
      .array(z.object({ segment: z.string().nullable().describe('Customer segment; null for no customer or no segment'), customerCount: z.number().int(), arr: Money, feedbackCount: z.number().int() }))
      .describe('Largest ARR first'),
    bySource: z.array(z.object({ source: z.string(), feedbackCount: z.number().int(), customerCount: z.number().int() })).describe('Most feedback first'),
    trend: z.array(z.object({ month: z.string().describe('YYYY-MM (UTC)'), feedbackCount: z.number().int() })).describe('Every month from the first item to the last'),
    graded: GradedEvidence,
  })
  .describe('Evidence roll-up of an opportunity');

export const LinkedFeedback = z
  .object({
    id: Id.describe('Feedback id'),
    text: z.string().describe('Excerpt of the feedback text (at most 280 characters)'),
    quote: z.object({ start: z.number().int(), end: z.number().int(), text: z.string() }).nullable().describe('The highlighted character range of the text'),
    importance: EvidenceImportance,
    source: z.string(),
    customer: Person,
    capturedAt: IsoDate,
    mergedIntoId: Id.nullable().describe('Set when this item was merged into another as a duplicate'),
    linkedAt: IsoDate,
  })
  .describe('Feedback linked as evidence');

export const Opportunity = z
  .object({
    id: Id,
    title: z.string(),
    problem: z.string().describe('Problem statement'),
    status: OpportunityStatusSchema,
    ownerId: Id.nullable(),
    owner: Person,
    componentIds: z.array(Id),
    pillarId: Id.nullable().describe('Strategic pillar it serves (a pillar of any product of the workspace)'),
    evidence: EvidenceSummary,
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('Customer problem worth solving, with its evidence summary');
export type Opportunity = z.infer<typeof Opportunity>;

export const OpportunityDetail = Opportunity.extend({
  evidence: EvidenceRollUp,
  feedback: z.array(LinkedFeedback).describe('The linked feedback, newest first'),
  experiments: z.array(z.object({ id: Id, title: z.string(), hypothesis: z.string(), status: z.string(), result: z.string().nullable() })).describe('Experiments that test it'),
}).describe('Opportunity with its evidence roll-up, linked feedback and experiments');
export type OpportunityDetail = z.infer<typeof OpportunityDetail>;

export const OpportunityList = listOf(Opportunity, 'Opportunities, most recently changed first');
export const OpportunityParams = z.object({ workspaceId: Id, opportunityId: Id });
export const EvidenceParams = z.object({ workspaceId: Id, opportunityId: Id, feedbackId: Id });
export const OpportunityListQuery = z.object({
  status: OpportunityStatusSchema.optional(),
  componentId: Id.optional().describe('Only opportunities tied to this component'),
  pillarId: Id.optional().describe('Only opportunities serving this strategic pillar'),
  q: z.string().trim().max(200).optional().describe('Words in the title'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50).describe('Page size'),
  offset: z.coerce.number().int().min(0).default(0).describe('Rows to skip'),
});

export const CreateOpportunity = z
  .object({
    title: Title.describe('The customer problem, in a few words'),
    problem: Description.optional().describe('Problem statement: who struggles, with what, and why it matters'),
    componentIds: z.array(Id).max(50).optional().describe('Components the problem belongs to'),
    ownerId: Id.nullable().optional().describe('Member id of the owner'),
    status: OpportunityStatusSchema.optional(),
    pillarId: Id.nullable().optional().describe('Strategic pillar it serves; an opportunity may span products, so any pillar of the workspace'),
  })
  .strict();
export const UpdateOpportunity = VersionedUpdate.extend({
  title: Title.optional(),
  problem: Description.optional(),
  componentIds: z.array(Id).max(50).optional().describe('Replaces the components'),
  ownerId: Id.nullable().optional(),
  status: OpportunityStatusSchema.optional(),
  pillarId: Id.nullable().optional().describe('Strategic pillar; null unlinks it'),
}).strict();
export type CreateOpportunity = z.infer<typeof CreateOpportunity>;
export type UpdateOpportunity = z.infer<typeof UpdateOpportunity>;

export const LinkEvidence = z
  .object({
    feedbackId: Id.describe('Feedback to link'),
    quote: z
      .object({ start: z.number().int().describe('First character (0-based, UTF-16 units)'), end: z.number().int().describe('One past the last character') })
      .strict()
      .optional()
      .describe('Highlighted character range of the feedback text: 0 ≤ start < end ≤ length'),
    importance: EvidenceImportance.optional().describe("Defaults to the feedback's importance"),
  })
  .strict();
export type LinkEvidence = z.infer<typeof LinkEvidence>;

const Weight = z.number().min(0, 'must be between 0 and 5').max(5, 'must be between 0 and 5');
export const DiscoverySettings = z
  .object({
    sourceWeights: z.object(Object.fromEntries(EVIDENCE_SOURCES.map((s) => [s, z.number()])) as Record<EvidenceSource, z.ZodNumber>).describe('Weight of one item per source'),
    halfLifeDays: z.number().int().describe('Evidence loses half its weight every this many days'),
    concentrationThreshold: z.number().describe('Share of the score from one customer above which an opportunity is flagged'),
    version: Version,
    updatedAt: IsoDate.nullable().describe('Null while the defaults were never changed'),
  })
  .describe('How the workspace grades evidence');
export type DiscoverySettings = z.infer<typeof DiscoverySettings>;
export const UpdateDiscoverySettings = VersionedUpdate.extend({
  sourceWeights: z
    .object(Object.fromEntries(EVIDENCE_SOURCES.map((s) => [s, Weight.optional()])) as Record<EvidenceSource, z.ZodOptional<typeof Weight>>)
    .strict()
    .optional()
    .describe('Weights to change (0..5); sources left out keep theirs'),
  halfLifeDays: z.number().int().min(1, 'must be between 1 and 3650').max(3650, 'must be between 1 and 3650').optional(),
  concentrationThreshold: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').optional(),
}).strict();
export type UpdateDiscoverySettings = z.infer<typeof UpdateDiscoverySettings>;
