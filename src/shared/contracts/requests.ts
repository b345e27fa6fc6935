import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Id, IsoDate, Version, VersionedUpdate } from './common.js';
import { DECISION_EVIDENCE_MAX, DECISION_RATIONALE_MAX, DecisionEvidenceInput, DecisionJustification, DecisionRationaleText, TRIAGE_ACTIONS } from './decisions.js';

/** Requests and their triage (issue 7): intake from anyone, and reasoned decisions (accept, merge, defer, decline). */

export const REQUESTER_TYPES = ['executive', 'internal', 'customer', 'partner'] as const;
export type RequesterType = (typeof REQUESTER_TYPES)[number];
export const REQUEST_URGENCIES = ['low', 'medium', 'high'] as const;
export type RequestUrgency = (typeof REQUEST_URGENCIES)[number];
export const REQUEST_STATUSES = ['new', 'accepted', 'merged', 'deferred', 'declined'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** The most customers one request may name, and evidence links one decision may carry. */
export const REQUEST_CUSTOMERS_MAX = 100;
export const REQUEST_EVIDENCE_MAX = DECISION_EVIDENCE_MAX;
export const REQUEST_RATIONALE_MAX = DECISION_RATIONALE_MAX;

const Title = z.string().trim().min(1, 'must not be empty').max(LIMITS.titleMax, `must be at most ${LIMITS.titleMax} characters`);
const LongText = z.string().trim().max(LIMITS.descriptionMax, `must be at most ${LIMITS.descriptionMax} characters`);
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real calendar date')
  .describe('A calendar day, YYYY-MM-DD');
const NamedRef = z.object({ id: Id, name: z.string() });
const RequesterTypeSchema = z.enum(REQUESTER_TYPES).describe('executive, internal (a team inside the company), customer or partner');
const UrgencySchema = z.enum(REQUEST_URGENCIES).describe('low, medium or high');
const StatusSchema = z.enum(REQUEST_STATUSES).describe('new (in triage), accepted, merged, deferred or declined');

export const RequestContact = z
  .union([
    z.object({
      name: z.string().trim().min(1, 'must not be empty').max(LIMITS.nameMax, `must be at most ${LIMITS.nameMax} characters`).describe('The contact’s name'),
      email: z.string().trim().email('must be an email address').max(LIMITS.emailMax).optional().describe('Where they hear the outcome'),
    }),
    z.string().trim().min(1, 'must not be empty').max(LIMITS.nameMax, `must be at most ${LIMITS.nameMax} characters`).describe('Just a name'),
  ])
  .describe('An outside requester: {name, email?} or a plain name');

// Requests

export const WorkspaceRequestParams = z.object({ workspaceId: Id.describe('Workspace id'), requestId: Id.describe('Request id') });

export const CreateRequest = z
  .object({
    title: Title.describe('What is asked, in a line'),
    description: LongText.optional().describe('The ask in the requester’s words (Markdown)'),
    requesterType: RequesterTypeSchema,
    requesterId: Id.optional().describe('The member who asked; defaults to you when no contact and no customers are named'),
    contact: RequestContact.optional(),
    customerIds: z.array(Id).max(REQUEST_CUSTOMERS_MAX, `must name at most ${REQUEST_CUSTOMERS_MAX} customers`).optional().describe('The customers concerned'),
    urgency: UrgencySchema.optional().describe('low, medium (the default) or high'),
    desiredDate: Day.nullable().optional().describe('When the requester would like it'),
    productId: Id.nullable().optional().describe('The product it lands in, when known'),
    componentId: Id.nullable().optional().describe('The component it lands in (implies its product); its owner PM decides it'),
  })
  .describe('A new request');
export type CreateRequest = z.infer<typeof CreateRequest>;

export const UpdateRequest = VersionedUpdate.extend({
  title: Title.optional(),
  description: LongText.optional(),
  urgency: UrgencySchema.optional(),
  desiredDate: Day.nullable().optional(),
  productId: Id.nullable().optional().describe('null clears the product (and the component)'),
  componentId: Id.nullable().optional().describe('The component (implies its product); null clears it'),
}).describe('Changes to a request; send the version you read');
export type UpdateRequest = z.infer<typeof UpdateRequest>;

export const RequestListQuery = z.object({
  status: StatusSchema.optional().describe('Only requests in this state'),
  q: z.string().trim().max(200).optional().describe('Full-text search over title and description'),
  componentId: Id.optional().describe('Only requests landing in this component'),
  requesterType: RequesterTypeSchema.optional().describe('Only requests from this kind of requester'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50).describe('Page size'),
  offset: z.coerce.number().int().min(0).default(0).describe('Rows to skip'),
});
export type RequestListQuery = z.infer<typeof RequestListQuery>;

export const RequestSummary = z
  .object({
    id: Id,
    title: z.string(),
    description: z.string(),
    requesterType: RequesterTypeSchema,
    requester: NamedRef.nullable().describe('The member who asked, if a member did'),
    contact: z.object({ name: z.string(), email: z.string().nullable() }).nullable().describe('The outside contact who asked, if any'),
    urgency: UrgencySchema,
    desiredDate: z.string().nullable(),
    product: NamedRef.nullable(),
    component: NamedRef.extend({ ownerId: Id.nullable().describe('The PM who decides it') }).nullable(),
    status: StatusSchema,
    featureId: Id.nullable().describe('The feature it was accepted into'),
    mergedIntoId: Id.nullable().describe('The request it was merged into'),
    revisitOn: z.string().nullable().describe('When a deferred request comes back into triage'),
    customerIds: z.array(Id),
    mergedCount: z.number().int().describe('Requests merged straight into this one'),
    submittedBy: NamedRef.nullable(),
    decidedBy: NamedRef.nullable(),
    decidedAt: IsoDate.nullable(),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('A request');
export type RequestSummary = z.infer<typeof RequestSummary>;

export const RequestList = z
  .object({
    items: z.array(RequestSummary),
    total: z.number().int().describe('Rows matching, before paging'),
    counts: z.record(StatusSchema, z.number().int()).describe('Requests in each state, matching every filter but the status'),
  })
  .describe('Requests, newest first');
export type RequestList = z.infer<typeof RequestList>;

export const RequestEvidenceLink = DecisionEvidenceInput;
export type RequestEvidenceLink = z.infer<typeof RequestEvidenceLink>;

export const RequestDecision = z
  .object({
    id: Id,
    requestId: Id.nullable(),
    title: z.string().describe('The request’s title when decided'),
    action: z.enum(TRIAGE_ACTIONS),
    featureId: Id.nullable(),
    intoRequestId: Id.nullable(),
    revisitOn: z.string().nullable(),
    rationaleTemplateId: Id.nullable(),
    rationale: z.string(),
    pillarId: Id.nullable(),
    evidence: z.array(RequestEvidenceLink),
    decidedBy: NamedRef.nullable(),
    decidedAt: IsoDate,
  })
  .describe('One triage decision: who, when and why');
export type RequestDecision = z.infer<typeof RequestDecision>;

export const RequestRequester = z
  .object({
    requestId: Id.describe('The request they asked through'),
    viaMerged: z.boolean().describe('True when they asked through a request merged into this one'),
    requesterType: RequesterTypeSchema,
    member: NamedRef.nullable(),
    contact: z.object({ name: z.string(), email: z.string().nullable() }).nullable(),
    customerIds: z.array(Id),
  })
  .describe('Someone who asked');
export type RequestRequester = z.infer<typeof RequestRequester>;

export const RequestDetail = RequestSummary.extend({
  requesters: z.array(RequestRequester).describe('Everyone who asked, merged requests included (at any depth)'),
  customers: z.array(NamedRef).describe('The customers concerned'),
  feature: z.object({ id: Id, title: z.string(), status: z.string() }).nullable().describe('The feature it was accepted into'),
  mergedInto: z.object({ id: Id, title: z.string(), status: StatusSchema }).nullable(),
  merged: z.array(z.object({ id: Id, title: z.string(), status: StatusSchema })).describe('Requests merged straight into this one'),
  decisions: z.array(RequestDecision).describe('The decision history, newest first'),
}).describe('A request with who asked, its customers, its feature, merges and decision history');
export type RequestDetail = z.infer<typeof RequestDetail>;

const DecisionCommon = DecisionJustification;
/** Why, for the decisions where it is optional: a template and its text (a template needs its text). */
const OptionalWhy = {
  rationaleId: Id.optional().describe('An active rationale template of the workspace; send the text too (the template prefills it in the app)'),
  rationale: DecisionRationaleText.optional().describe('Why, in words (optional): the requesters read it, and for an accept reports show it as the reason for the feature’s change'),
};

export const DecideRequest = z
  .discriminatedUnion('action', [
    z
      .object({
        action: z.literal('accept'),
        featureId: Id.optional().describe('An existing feature to link'),
        newFeature: z.object({ componentId: Id, title: Title }).optional().describe('A feature to create and link'),
        ...OptionalWhy,
        ...DecisionCommon,
      })
      .describe('Accept: link a feature, create one, or (with neither) create one from the request in its component'),
    z
      .object({ action: z.literal('merge'), intoId: Id.describe('The request to merge into (its root when it was merged itself)'), ...OptionalWhy, ...DecisionCommon })
      .describe('Merge into another request, keeping every requester'),
    z.object({ action: z.literal('defer'), revisitOn: Day.describe('A future day on which it returns to triage'), ...OptionalWhy, ...DecisionCommon }).describe('Defer to a revisit date'),
    z
      .object({
        action: z.literal('decline'),
        rationaleId: Id.optional().describe('A rationale template of the workspace'),
        rationale: DecisionRationaleText.optional().describe('Why not (required, non-empty)'),
        ...DecisionCommon,
      })
      .describe('Decline with a rationale'),
  ])
  .describe('A triage decision');
export type DecideRequest = z.infer<typeof DecideRequest>;
