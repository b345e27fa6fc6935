import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Id, IsoDate, Version, VersionedUpdate, listOf } from './common.js';

/**
 * Issue 7: rationale templates (reusable reasons to say no), the decision log and the won't-do registry.
 * The log holds triage decisions on requests and roadmap decisions on features (why a feature was added,
 * moved, dropped or kept), which the reports' "what changed and why" reads.
 */

/** What triage can decide about a request. */
export const TRIAGE_ACTIONS = ['accept', 'merge', 'defer', 'decline'] as const;
/** A triage decision's action (a request's decisions are only these). */
export type DecisionAction = (typeof TRIAGE_ACTIONS)[number];
/** Every action in the decision log: the triage actions and `roadmap`, a decision about a feature. */
export const DECISION_ACTIONS = [...TRIAGE_ACTIONS, 'roadmap'] as const;
export type DecisionLogAction = (typeof DECISION_ACTIONS)[number];
export const DECISION_EVIDENCE_TYPES = ['feedback', 'opportunity', 'interview', 'experiment', 'feature', 'objective', 'key_result'] as const;
/** The most characters of a rationale template's body. */
export const RATIONALE_BODY_MAX = 2_000;
/** The most characters of a decision's rationale, and the most evidence links one decision may carry. */
export const DECISION_RATIONALE_MAX = 5_000;
export const DECISION_EVIDENCE_MAX = 50;

const Title = z.string().trim().min(1, 'must not be empty').max(LIMITS.titleMax, `must be at most ${LIMITS.titleMax} characters`);
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real calendar date')
  .describe('A calendar day, YYYY-MM-DD');
const NamedRef = z.object({ id: Id, name: z.string() });
const PersonRef = NamedRef.describe('A member of the workspace');

// Rationale templates

export const Rationale = z
  .object({
    id: Id,
    title: z.string().describe('Short reason, unique in the workspace'),
    body: z.string().describe('The explanation a decline starts from (Markdown)'),
    pillarId: Id.nullable().describe('The pillar the reason refers to, when it is about one'),
    pillar: NamedRef.nullable().describe('That pillar, named'),
    active: z.boolean().describe('Inactive templates stay on past decisions but are not offered'),
    position: z.number().int().describe('Order in which templates are offered (ascending)'),
    usageCount: z.number().int().describe('Decisions that used this template'),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('A reusable reason to say no');
export type Rationale = z.infer<typeof Rationale>;
export const RationaleList = listOf(Rationale, 'Rationale templates, active first, in order');
export type RationaleList = z.infer<typeof RationaleList>;

export const RationaleListQuery = z.object({
  all: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('true to include inactive templates'),
});
export const RationaleParams = z.object({ workspaceId: Id.describe('Workspace id'), rationaleId: Id.describe('Rationale template id') });

const RationaleFields = {
  title: Title.describe('Short reason, unique in the workspace (case-insensitive)'),
  body: z.string().trim().max(RATIONALE_BODY_MAX, `must be at most ${RATIONALE_BODY_MAX} characters`).describe('The explanation (Markdown)'),
  pillarId: Id.nullable().describe('A pillar of the workspace, or null'),
  active: z.boolean().describe('Offered when declining'),
  position: z.number().int().min(0, 'must be 0 or more').max(10_000, 'must be at most 10000').describe('Order (ascending); defaults to after the last'),
};
export const CreateRationale = z
  .object({ title: RationaleFields.title, body: RationaleFields.body.optional(), pillarId: RationaleFields.pillarId.optional(), active: RationaleFields.active.optional(), position: RationaleFields.position.optional() })
  .describe('A new rationale template');
export type CreateRationale = z.infer<typeof CreateRationale>;
export const UpdateRationale = VersionedUpdate.extend({
  title: RationaleFields.title.optional(),
  body: RationaleFields.body.optional(),
  pillarId: RationaleFields.pillarId.optional(),
  active: RationaleFields.active.optional(),
  position: RationaleFields.position.optional(),
}).describe('Fields to change, with the version you read');
export type UpdateRationale = z.infer<typeof UpdateRationale>;

// The decision log

export const DecisionEvidence = z
  .object({
    type: z.enum(DECISION_EVIDENCE_TYPES).describe('What kind of record'),
    id: Id,
    label: z.string().describe('Its title, or its kind when it is gone'),
  })
  .describe('A record that justified the decision');
export type DecisionEvidence = z.infer<typeof DecisionEvidence>;

/** A record that justified a decision, as a decision names it (checked to be of the workspace). */
export const DecisionEvidenceInput = z
  .object({ type: z.enum(DECISION_EVIDENCE_TYPES).describe('feedback, opportunity, interview, experiment, feature, objective or key_result'), id: Id, label: z.string().optional() })
  .describe('A record that justified the decision');
export type DecisionEvidenceInput = z.infer<typeof DecisionEvidenceInput>;
/** A decision's free-text rationale as sent (trimmed). */
export const DecisionRationaleText = z.string().trim().max(DECISION_RATIONALE_MAX, `must be at most ${DECISION_RATIONALE_MAX} characters`);
/** What justified a decision, beyond its rationale: a pillar and records. */
export const DecisionJustification = {
  pillarId: Id.optional().describe('The strategic pillar that justified it (else the template’s pillar, if any)'),
  evidence: z.array(DecisionEvidenceInput).max(DECISION_EVIDENCE_MAX, `must name at most ${DECISION_EVIDENCE_MAX} records`).optional().describe('The records that justified it'),
};

export const Decision = z
  .object({
    id: Id,
    action: z.enum(DECISION_ACTIONS).describe('accept, merge, defer or decline (triage of a request), or roadmap (a decision about a feature)'),
    title: z.string().describe("The request's title when decided; for a roadmap decision, the feature's"),
    requestId: Id.nullable().describe('The request decided (null once deleted, and for a roadmap decision)'),
    requestStatus: z.string().nullable().describe("The request's current status"),
    rationale: z.string().describe('Why, in free text'),
    template: z.object({ id: Id, title: z.string() }).nullable().describe('The rationale template used'),
    pillar: NamedRef.nullable().describe('The pillar that justified it'),
    evidence: z.array(DecisionEvidence).describe('The records that justified it'),
    feature: z.object({ id: Id, title: z.string() }).nullable().describe('The feature an accepted request went to, or a roadmap decision is about'),
    intoRequest: z.object({ id: Id, title: z.string() }).nullable().describe('The request it was merged into'),
    revisitOn: z.string().nullable().describe('When a deferred request comes back, YYYY-MM-DD'),
    component: NamedRef.nullable(),
    decidedBy: PersonRef.nullable(),
    decidedAt: IsoDate,
  })
  .describe('A decision in the log (a triage decision or a roadmap decision): who, when, why');
export type Decision = z.infer<typeof Decision>;
export const DecisionList = listOf(Decision, 'Decisions, newest first');
export type DecisionList = z.infer<typeof DecisionList>;

export const DecisionListQuery = z.object({
  q: z.string().trim().max(200, 'must be at most 200 characters').optional().describe('Full-text search over title and rationale (web search syntax: "phrase", -not, or)'),
  action: z.enum(DECISION_ACTIONS).optional().describe('Only this action'),
  from: Day.optional().describe('Decided on or after this day'),
  to: Day.optional().describe('Decided on or before this day'),
  decidedById: Id.optional().describe('Decided by this member'),
  pillarId: Id.optional().describe('Justified by this pillar'),
  componentId: Id.optional().describe('About this component'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50).describe('Page size'),
  offset: z.coerce.number().int().min(0).default(0).describe('Rows to skip'),
});
export type DecisionListQuery = z.infer<typeof DecisionListQuery>;

/** Paging of a feature's decisions. */
export const FeatureDecisionsQuery = DecisionListQuery.pick({ limit: true, offset: true });
export type FeatureDecisionsQuery = z.infer<typeof FeatureDecisionsQuery>;

// Roadmap decisions

export const RecordDecision = z
  .object({
    featureId: Id.describe('The feature the decision is about (its component’s owner PM, the lead or an admin records it)'),
    rationaleId: Id.optional().describe('An active rationale template of the workspace; its pillar justifies the decision when no pillarId is given'),
    rationale: DecisionRationaleText.min(1, 'must not be empty: say why the roadmap changed (or did not)').describe('Why the roadmap changed (or did not); reports show it as the feature’s “why”'),
    ...DecisionJustification,
  })
  .describe('A roadmap decision: why a feature was added, moved, dropped or kept');
export type RecordDecision = z.infer<typeof RecordDecision>;

// The won't-do registry

export const WontDoItem = z
  .object({
    requestId: Id,
    title: z.string(),
    description: z.string(),
    requesterType: z.string().describe('executive, internal, customer or partner'),
    requesterCount: z.number().int().describe('Everyone who asked: the request and the requests merged into it'),
    customers: z.array(NamedRef).describe('Customers concerned, merged requests included'),
    rationale: z.string().describe('The latest decline rationale, free text'),
    template: z.object({ id: Id, title: z.string() }).nullable().describe('Its rationale template'),
    pillar: NamedRef.nullable(),
    evidence: z.array(DecisionEvidence),
    decidedBy: PersonRef.nullable(),
    decidedAt: IsoDate.nullable(),
  })
  .describe('A declined ask');
export type WontDoItem = z.infer<typeof WontDoItem>;

export const DeferredItem = z
  .object({
    requestId: Id,
    title: z.string(),
    requesterCount: z.number().int(),
    revisitOn: z.string().nullable().describe('When it comes back into triage, YYYY-MM-DD'),
    due: z.boolean().describe('The revisit date is today or past'),
    rationale: z.string().describe('Why it was deferred'),
    decidedBy: PersonRef.nullable(),
    decidedAt: IsoDate.nullable(),
  })
  .describe('A deferred ask with its revisit reminder');
export type DeferredItem = z.infer<typeof DeferredItem>;

export const WontDo = z
  .object({
    items: z.array(WontDoItem),
    total: z.number().int().describe('Declined asks matching, before paging'),
    deferred: z.array(DeferredItem).describe('Deferred asks matching, soonest revisit first'),
  })
  .describe("The won't-do registry and the deferred list");
export type WontDo = z.infer<typeof WontDo>;

export const WontDoQuery = z.object({
  q: z.string().trim().max(200, 'must be at most 200 characters').optional().describe('Full-text search over the request and its rationale'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50).describe('Page size'),
  offset: z.coerce.number().int().min(0).default(0).describe('Rows to skip'),
});
export type WontDoQuery = z.infer<typeof WontDoQuery>;
