import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Description, Id, IsoDate, Version, VersionedUpdate } from './common.js';
import { EvidenceImportance } from './discovery-opportunities.js';

// Contracts of the features module (issue 4).

/** Where a feature stands: idea → discovery → planned → in progress → shipped, or won't do. */
export const FEATURE_STATUSES = ['idea', 'discovery', 'planned', 'in_progress', 'shipped', 'wont_do'] as const;
export type FeatureStatus = (typeof FEATURE_STATUSES)[number];

/** The columns of the Now / Next / Later board. */
export const FEATURE_HORIZONS = ['now', 'next', 'later'] as const;
export type FeatureHorizon = (typeof FEATURE_HORIZONS)[number];

/**
 * Fields a workspace may mark internal: they are left out of the stakeholder (viewer) version.
 * `evidence` covers the linked feedback and opportunities and their roll-up; `requirements` the PRD.
 */
export const FEATURE_INTERNAL_FIELDS = ['effort', 'scores', 'description', 'requirements', 'evidence', 'owner'] as const;
export type FeatureInternalField = (typeof FEATURE_INTERNAL_FIELDS)[number];
/** What a workspace hides from stakeholders until it says otherwise (the roadmap_settings default). */
export const DEFAULT_INTERNAL_FIELDS: readonly FeatureInternalField[] = ['effort', 'scores'];

/** Limits of the features module, shared by the server's validation and the web forms. */
export const FEATURE_LIMITS = {
  /** effort is numeric(10,2). */
  effortMax: 99_999_999,
  /** A requirements document (Markdown). */
  requirementsMax: 200_000,
  pageSizeDefault: 50,
} as const;

export const FeatureStatusSchema = z.enum(FEATURE_STATUSES).describe('idea, discovery, planned, in_progress, shipped or wont_do');
export const FeatureHorizonSchema = z.enum(FEATURE_HORIZONS).describe('now, next or later: the board column');

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** True for a real calendar day written YYYY-MM-DD (2027-02-30 is not one). */
export function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
/** A calendar day, 'YYYY-MM-DD'. */
export const IsoDay = z.string().refine(isIsoDay, 'must be a date written YYYY-MM-DD').describe('Calendar day, YYYY-MM-DD');

const FeatureTitle = z.string().trim().min(1, 'must not be empty').max(LIMITS.titleMax, `must be at most ${LIMITS.titleMax} characters`);
const Effort = z
  .number()
  .min(0, 'must be zero or more')
  .max(FEATURE_LIMITS.effortMax, `must be at most ${FEATURE_LIMITS.effortMax}`)
  .describe("Effort estimate in the workspace's capacity unit (points or person-weeks)");

/** Framework inputs: `{ rice: { reach: 800, impact: 2, confidence: 0.8, effort: 3 } }`. */
export const FeatureScoreInputs = z
  .record(
    z.string().trim().min(1).max(40).describe('Framework kind or id, e.g. rice'),
    z.record(z.string().trim().min(1).max(60).describe('Input name, e.g. reach'), z.number().describe('Input value')),
  )
  .refine((r) => Object.keys(r).length <= 20, 'at most 20 frameworks')
  .describe('Framework inputs per framework, e.g. {"rice": {"reach": 800, "impact": 2, "confidence": 0.8, "effort": 3}}');
export type FeatureScoreInputs = z.infer<typeof FeatureScoreInputs>;

const Ref = z.object({ id: Id, name: z.string() });

export const FeatureRollup = z
  .object({
    evidenceCount: z.number().int().describe('Distinct feedback linked directly or through linked opportunities; a merged duplicate counts as its original'),
    customerCount: z.number().int().describe('Distinct customers behind that feedback'),
    arr: z.string().regex(/^\d+$/).describe('Total ARR of those customers, each once; whole currency units, exact, as digits'),
  })
  .describe("A feature's evidence roll-up");
export type FeatureRollup = z.infer<typeof FeatureRollup>;

export const FeatureSummary = z
  .object({
    id: Id,
    componentId: Id,
    componentName: z.string().describe('Name of the component'),
    productId: Id.describe('Product of the component'),
    title: z.string(),
    status: FeatureStatusSchema,
    horizon: FeatureHorizonSchema.nullable().describe('Board column; null when the feature is not on the board'),
    startDate: IsoDay.nullable(),
    endDate: IsoDay.nullable(),
    effort: z.number().nullable().describe('Effort estimate; null when not estimated, or hidden from stakeholders'),
    ownerId: Id.nullable().describe('Member id of the owner PM; null when none, or hidden from stakeholders'),
    owner: Ref.nullable().describe('The owner PM'),
    releaseId: Id.nullable(),
    release: Ref.nullable().describe('The release it ships in'),
    pillarId: Id.nullable().describe('Strategic pillar it serves'),
    internal: z.boolean().describe('Hidden from stakeholders (viewers) altogether'),
    public: z.boolean().describe('A public roadmap item: customer-facing reports show only these'),
    boardRank: z.number().describe('Order within its (component, horizon) lane: lower first'),
    evidence: FeatureRollup.nullable().describe('Evidence roll-up; null when hidden from stakeholders'),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('A feature as lists show it');
export type FeatureSummary = z.infer<typeof FeatureSummary>;

export const FeatureList = z
  .object({
    items: z.array(FeatureSummary),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
  })
  .describe('Features, most recently changed first');
export type FeatureList = z.infer<typeof FeatureList>;

export const FeatureListQuery = z.object({
  productId: Id.optional().describe('Only features of this product'),
  componentId: Id.optional().describe('Only features of this component'),
  status: FeatureStatusSchema.optional(),
  horizon: FeatureHorizonSchema.optional(),
  ownerId: Id.optional().describe('Only features this member owns'),
  releaseId: Id.optional().describe('Only features of this release'),
  q: z.string().trim().max(200).optional().describe('Words in the title'),
  cursor: z.string().max(200).optional().describe('From the previous page’s nextCursor'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(FEATURE_LIMITS.pageSizeDefault).describe('Page size'),
});
export type FeatureListQuery = z.infer<typeof FeatureListQuery>;

export const FeatureEvidenceFeedback = z
  .object({
    evidenceId: Id.describe('Id of the link (for unlinking)'),
    kind: z.literal('feedback'),
    feedbackId: Id,
    text: z.string().describe('Excerpt of the feedback text (at most 280 characters)'),
    quote: z.object({ start: z.number().int(), end: z.number().int(), text: z.string() }).nullable().describe('The highlighted part of the text'),
    importance: EvidenceImportance,
    source: z.string(),
    customer: Ref.nullable(),
    linkedAt: IsoDate,
  })
  .describe('Feedback linked to the feature');
export type FeatureEvidenceFeedback = z.infer<typeof FeatureEvidenceFeedback>;

export const FeatureEvidenceOpportunity = z
  .object({
    evidenceId: Id.describe('Id of the link (for unlinking)'),
    kind: z.literal('opportunity'),
    opportunityId: Id,
    title: z.string(),
    status: z.string(),
    importance: EvidenceImportance,
    feedbackCount: z.number().int().describe("The opportunity's own evidence count"),
    customerCount: z.number().int(),
    arr: z.string().regex(/^\d+$/),
    linkedAt: IsoDate,
  })
  .describe('Opportunity linked to the feature, with its roll-up');
export type FeatureEvidenceOpportunity = z.infer<typeof FeatureEvidenceOpportunity>;

export const FeatureExperiment = z.object({ id: Id, title: z.string(), hypothesis: z.string(), status: z.string(), result: z.string().nullable() }).describe('Experiment linked to the feature');
export type FeatureExperiment = z.infer<typeof FeatureExperiment>;

export const FeatureDetail = FeatureSummary.extend({
  description: z.string().nullable().describe('Description; null when hidden from stakeholders'),
  scores: FeatureScoreInputs.nullable().describe('Framework inputs; null when hidden from stakeholders'),
  component: z.object({ id: Id, name: z.string(), ownerId: Id.nullable() }),
  product: Ref,
  feedback: z.array(FeatureEvidenceFeedback).describe('Linked feedback, newest link first'),
  opportunities: z.array(FeatureEvidenceOpportunity).describe('Linked opportunities, newest link first'),
  experiments: z.array(FeatureExperiment),
  requirements: z
    .object({ revision: z.number().int(), updatedAt: IsoDate })
    .nullable()
    .describe('The requirements document’s latest revision; null while none was saved, or when hidden from stakeholders'),
  hiddenFields: z.array(z.enum(FEATURE_INTERNAL_FIELDS)).describe('Internal fields left out of this (stakeholder) answer; empty for the product team'),
}).describe('A feature with everything linked to it');
export type FeatureDetail = z.infer<typeof FeatureDetail>;

export const FeatureParams = z.object({ workspaceId: Id, featureId: Id.describe('Feature id') });
// Not a UUID check on purpose: the service answers 404 for a malformed id after its permission
// check, so a caller without permission learns nothing from the id's shape.
export const FeatureEvidenceParams = FeatureParams.extend({ evidenceId: z.string().max(64).describe('Evidence link id (UUID)') });
export const FeatureExperimentParams = FeatureParams.extend({ experimentId: Id.describe('Experiment id') });
export const FeatureRevisionParams = FeatureParams.extend({ revision: z.coerce.number().int().min(1, 'must be 1 or more').describe('Revision number') });

const featureFields = {
  description: Description.optional().describe('What the feature is and why (plain text)'),
  ownerId: Id.nullable().optional().describe("Member id of the owner PM; defaults to the component's owner"),
  status: FeatureStatusSchema.optional(),
  horizon: FeatureHorizonSchema.nullable().optional(),
  startDate: IsoDay.nullable().optional(),
  endDate: IsoDay.nullable().optional().describe('On or after startDate'),
  effort: Effort.nullable().optional(),
  releaseId: Id.nullable().optional().describe('A release of the same product'),
  pillarId: Id.nullable().optional().describe('Strategic pillar'),
  internal: z.boolean().optional().describe('Hide from stakeholders (viewers) altogether'),
  public: z.boolean().optional().describe('Show on customer-facing reports (a public roadmap item); never for an internal feature'),
  scores: FeatureScoreInputs.optional(),
};

export const CreateFeature = z
  .object({
    componentId: Id.describe('Component the feature belongs to'),
    title: FeatureTitle.describe('The solution, in a few words'),
    ...featureFields,
  })
  .strict();
export type CreateFeature = z.infer<typeof CreateFeature>;

export const UpdateFeature = VersionedUpdate.extend({
  componentId: Id.optional().describe('Moves the feature to another component'),
  title: FeatureTitle.optional(),
  ...featureFields,
  scores: FeatureScoreInputs.optional().describe('Replaces all framework inputs'),
}).strict();
export type UpdateFeature = z.infer<typeof UpdateFeature>;

export const LinkFeatureEvidence = z
  .object({
    feedbackId: Id.optional().describe('Feedback to link (or opportunityId)'),
    opportunityId: Id.optional().describe('Opportunity to link (or feedbackId)'),
    quote: z
      .object({ start: z.number().int().describe('First character (0-based, UTF-16 units)'), end: z.number().int().describe('One past the last character') })
      .strict()
      .optional()
      .describe('Highlighted range of the feedback text: 0 ≤ start < end ≤ length (feedback only)'),
    importance: EvidenceImportance.optional().describe("Defaults to the feedback's importance, or 2"),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (Boolean(v.feedbackId) === Boolean(v.opportunityId)) {
      ctx.addIssue({ code: 'custom', path: ['feedbackId'], message: 'give exactly one of feedbackId and opportunityId' });
    }
    if (v.quote && !v.feedbackId) ctx.addIssue({ code: 'custom', path: ['quote'], message: 'only feedback can be quoted' });
  });
export type LinkFeatureEvidence = z.infer<typeof LinkFeatureEvidence>;

export const LinkFeatureExperiment = z.object({ experimentId: Id.describe('Experiment to link') }).strict();
export type LinkFeatureExperiment = z.infer<typeof LinkFeatureExperiment>;

export const FeatureRequirements = z
  .object({
    body: z.string().describe('Markdown'),
    revision: z.number().int().describe('Latest revision; 0 while none was saved (the body is then the template)'),
    updatedAt: IsoDate.nullable(),
    updatedBy: Ref.nullable().describe('Who saved the latest revision'),
    template: z.boolean().describe('True when nothing was saved yet and the body is the default template'),
  })
  .describe("A feature's requirements document");
export type FeatureRequirements = z.infer<typeof FeatureRequirements>;

export const SaveFeatureRequirements = z
  .object({
    body: z.string().max(FEATURE_LIMITS.requirementsMax, `must be at most ${FEATURE_LIMITS.requirementsMax} characters`).describe('Markdown'),
    revision: z.number().int().min(0).describe('The revision you last read (0 when none); a stale one answers 409'),
  })
  .strict();
export type SaveFeatureRequirements = z.infer<typeof SaveFeatureRequirements>;

export const RequirementRevisionMeta = z.object({ revision: z.number().int(), author: Ref.nullable(), createdAt: IsoDate, length: z.number().int().describe('Characters in the body') });
export type RequirementRevisionMeta = z.infer<typeof RequirementRevisionMeta>;
export const RequirementRevisionList = z.object({ items: z.array(RequirementRevisionMeta) }).describe('Revisions, newest first, without bodies');
export const RequirementRevision = RequirementRevisionMeta.extend({ body: z.string().describe('Markdown') }).describe('One revision of a requirements document');
export type RequirementRevision = z.infer<typeof RequirementRevision>;

export const FeatureHistoryEntry = z
  .object({
    id: Id,
    at: IsoDate,
    actorName: z.string(),
    action: z.string(),
    summary: z.string(),
    changes: z.record(z.string(), z.unknown()).nullable().describe('{field: [before, after]}'),
  })
  .describe('One audited change of the feature');
export const FeatureHistory = z.object({ items: z.array(FeatureHistoryEntry) }).describe("The feature's audited changes, newest first");
export type FeatureHistoryEntry = z.infer<typeof FeatureHistoryEntry>;
