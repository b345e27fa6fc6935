import { z } from 'zod';
import { ROLES } from '../roles.js';
import { FEATURE_HORIZONS, FEATURE_INTERNAL_FIELDS, FEATURE_STATUSES, IsoDay } from './roadmap-features.js';
import { FRAMEWORK_KINDS } from './roadmap-prioritization.js';
import { CAPACITY_UNITS, Quarter, RELEASE_STATUSES } from './roadmap-releases.js';
import { DECISION_ACTIONS } from './decisions.js';
import { ReportContent, REPORT_AUDIENCES, REPORT_STATUSES } from './reports.js';
import { REQUEST_STATUSES, REQUEST_URGENCIES, REQUESTER_TYPES } from './requests.js';
import { STATUS_HEALTHS, STATUS_PERIOD_KINDS, StatusFacts } from './status-updates.js';

const ExportPerson = z.object({ ref: z.string(), name: z.string(), email: z.string().email(), role: z.enum(ROLES), title: z.string(), joinedAt: z.string() });
const ExportComponent = z.object({
  ref: z.string(),
  name: z.string(),
  description: z.string(),
  ownerRef: z.string().nullable(),
  teamRefs: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
const ExportProduct = z.object({
  ref: z.string(),
  name: z.string(),
  description: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  components: z.array(ExportComponent),
});
const ExportAudit = z.object({
  at: z.string(),
  actorEmail: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityRef: z.string().nullable(),
  summary: z.string(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  kind: z.enum(['change', 'read']).optional().describe('read: someone read private (coaching) data; absent means change'),
});



export const ImportResult = z.object({
  workspaceId: z.string().uuid(),
  people: z.number().int(),
  products: z.number().int(),
  components: z.number().int(),
});

const ExportContact = z.object({ ref: z.string(), name: z.string(), email: z.string().nullable(), title: z.string() });
const ExportCustomer = z.object({
  ref: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  segment: z.string(),
  plan: z.string(),
  arr: z.string().regex(/^\d+$/),
  currency: z.string(),
  status: z.string(),
  ownerRef: z.string().nullable(),
  externalId: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  contacts: z.array(ExportContact),
});
const ExportFeedback = z.object({
  ref: z.string(),
  text: z.string(),
  source: z.string(),
  customerRef: z.string().nullable(),
  contactRef: z.string().nullable(),
  capturedByRef: z.string().nullable(),
  capturedAt: z.string(),
  status: z.string(),
  importance: z.number().int(),
  tags: z.array(z.string()),
  componentRefs: z.array(z.string()),
  interviewRef: z.string().nullable(),
  mergedIntoRef: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
const ExportInterview = z.object({
  ref: z.string(),
  title: z.string(),
  date: z.string(),
  contactRef: z.string().nullable(),
  participantName: z.string(),
  interviewerRef: z.string().nullable(),
  script: z.string(),
  notes: z.string(),
  version: z.number().int(),
});
const ExportEvidence = z.object({
  feedbackRef: z.string(),
  quoteStart: z.number().int().nullable(),
  quoteEnd: z.number().int().nullable(),
  importance: z.number().int(),
  createdByRef: z.string().nullable(),
  createdAt: z.string(),
});
const ExportOpportunity = z.object({
  ref: z.string(),
  title: z.string(),
  problem: z.string(),
  status: z.string(),
  ownerRef: z.string().nullable(),
  componentRefs: z.array(z.string()),
  evidence: z.array(ExportEvidence),
  createdAt: z.string(),
  version: z.number().int(),
});
const ExportExperiment = z.object({
  ref: z.string(),
  title: z.string(),
  hypothesis: z.string(),
  type: z.string(),
  metric: z.string(),
  successCriterion: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  status: z.string(),
  result: z.string().nullable(),
  learning: z.string(),
  decision: z.string(),
  ownerRef: z.string().nullable(),
  opportunityRefs: z.array(z.string()),
  createdAt: z.string(),
  version: z.number().int(),
});

/** The discovery part of a workspace export (optional: files written before discovery have none). */
export const DiscoveryExport = z.object({
  customers: z.array(ExportCustomer),
  interviews: z.array(ExportInterview),
  feedback: z.array(ExportFeedback),
  opportunities: z.array(ExportOpportunity),
  experiments: z.array(ExportExperiment),
  settings: z.object({ sourceWeights: z.record(z.string(), z.number()), halfLifeDays: z.number().int(), concentrationThreshold: z.number() }).nullable(),
});
export type DiscoveryExport = z.infer<typeof DiscoveryExport>;

// The roadmap section (issue 4). Refs are the records' ids in the exporting workspace; an import gives
// every record a new id and maps the refs. Computed scores are not carried: the import recomputes them.

const Ref = (what: string) => z.string().min(1).describe(`Ref of ${what}`);
const NullableRef = (what: string) => z.string().min(1).nullable().describe(`Ref of ${what}, or null`);
const Timestamp = (what: string) => z.iso.datetime({ offset: true }).describe(what);

const ExportRequirements = z
  .object({
    body: z.string().describe('The current requirements document (Markdown)'),
    revision: z.number().int().min(1).describe('Its revision number'),
    updatedByRef: NullableRef('the person who saved it last'),
    createdAt: Timestamp('When the document was started'),
    updatedAt: Timestamp('When it was saved last'),
  })
  .describe('The current requirements document of a feature');

const ExportRequirementRevision = z
  .object({
    revision: z.number().int().min(1).describe('Revision number, unique per feature'),
    body: z.string().describe('The document as saved in this revision (Markdown)'),
    authorRef: NullableRef('the person who saved it'),
    createdAt: Timestamp('When it was saved'),
  })
  .describe('One saved revision of the requirements');

const ExportFeatureEvidence = z
  .object({
    feedbackRef: NullableRef('the feedback item (discovery.feedback)'),
    opportunityRef: NullableRef('the opportunity (discovery.opportunities)'),
    quoteStart: z.number().int().nullable().describe('Start of the quoted span in the feedback text'),
    quoteEnd: z.number().int().nullable().describe('End of the quoted span in the feedback text'),
    importance: z.number().int().describe('1 nice to have, 2 normal, 3 important, 4 critical'),
    createdByRef: NullableRef('the person who linked it'),
    createdAt: Timestamp('When it was linked'),
  })
  .refine((e) => (e.feedbackRef === null) !== (e.opportunityRef === null), { message: 'needs exactly one of feedbackRef and opportunityRef', path: ['feedbackRef'] })
  .describe('Evidence of a feature: a feedback item (with an optional quote) or a whole opportunity');

const ExportFeature = z
  .object({
    ref: Ref('the feature'),
    componentRef: Ref('its component (products.*.components)'),
    title: z.string().describe('Title'),
    description: z.string().describe('Description'),
    ownerRef: NullableRef('its owner (people)'),
    status: z.enum(FEATURE_STATUSES).describe('idea, discovery, planned, in_progress, shipped or wont_do'),
    effort: z.number().nullable().describe("Effort in the workspace's capacity unit, or null when not estimated"),
    horizon: z.enum(FEATURE_HORIZONS).nullable().describe('now, next or later; null when not on the board'),
    startDate: IsoDay.nullable(),
    endDate: IsoDay.nullable(),
    releaseRef: NullableRef('its release (roadmap.releases)'),
    pillarId: z.string().min(1).nullable().describe('Ref of its strategic pillar (roadmap.pillars), or null; a ref not in the file imports as null'),
    boardRank: z.number().describe('Order within its component and horizon lane on the board'),
    internal: z.boolean().describe('Hidden from the stakeholder version altogether'),
    public: z.boolean().default(false).describe('A public roadmap item, shown on customer reports; files written before it read as false'),
    scoreInputs: z.record(z.string(), z.record(z.string(), z.number())).describe('Prioritization inputs per framework kind, e.g. { rice: { reach: 800 } }'),
    requirements: ExportRequirements.nullable().describe('The current requirements document, or null when none was written'),
    revisions: z.array(ExportRequirementRevision).describe('Every saved revision of the requirements, oldest first'),
    evidence: z.array(ExportFeatureEvidence).describe('Linked feedback, then linked opportunities'),
    experimentRefs: z.array(z.string()).describe('Refs of the experiments (discovery.experiments) linked to the feature'),
    createdAt: Timestamp('When it was created'),
    updatedAt: Timestamp('When it was changed last'),
    version: z.number().int().describe('Optimistic-locking version'),
  })
  .describe('A feature with its requirements, evidence and experiments');

const ExportDependency = z
  .object({
    featureRef: Ref('the feature that needs the other'),
    dependsOnRef: Ref('the feature it needs first'),
    note: z.string().describe('Why'),
    createdByRef: NullableRef('the person who added it'),
    createdAt: Timestamp('When it was added'),
  })
  .describe('Feature featureRef depends on feature dependsOnRef');

const ExportRelease = z
  .object({
    ref: Ref('the release'),
    productRef: Ref('its product'),
    name: z.string().describe('Name'),
    date: IsoDay.nullable(),
    status: z.enum(RELEASE_STATUSES).describe('planned or released'),
    description: z.string().describe('Description'),
    notes: z.string().describe('Release notes (Markdown)'),
    componentRefs: z.array(z.string()).describe('Refs of the components it ships'),
    createdAt: Timestamp('When it was created'),
    updatedAt: Timestamp('When it was changed last'),
    version: z.number().int().describe('Optimistic-locking version'),
  })
  .describe('A release of a product');

const ExportFramework = z
  .object({
    kind: z.enum(FRAMEWORK_KINDS).describe('rice, ice, wsjf, value_effort or weighted'),
    name: z.string().describe('Name'),
    enabled: z.boolean().describe('Disabled frameworks are not scored'),
    isDefault: z.boolean().describe('The framework ranked backlogs use unless another is asked for'),
    config: z.record(z.string(), z.unknown()).describe('bindings (fixed kinds) or criteria (weighted)'),
    position: z.number().int().describe('Display order'),
    createdAt: Timestamp('When it was created'),
    updatedAt: Timestamp('When it was changed last'),
  })
  .describe('A prioritization framework (its scores are recomputed on import)');

const ExportCapacity = z
  .object({
    componentRef: Ref('the component'),
    quarter: Quarter,
    capacity: z.number().min(0).describe("Capacity in the workspace's unit"),
    updatedAt: Timestamp('When it was set'),
  })
  .describe('Capacity of a component in one quarter');

const ExportSavedView = z
  .object({
    ref: Ref('the view'),
    ownerRef: Ref('its owner (people)'),
    name: z.string().describe('Name'),
    shared: z.boolean().describe('Shared with the workspace'),
    filters: z
      .record(z.string(), z.unknown())
      .describe('The view and its filters; productId, componentIds, ownerIds and releaseIds hold refs (unknown refs are dropped on import)'),
    createdAt: Timestamp('When it was saved'),
    updatedAt: Timestamp('When it was changed last'),
    version: z.number().int().describe('Optimistic-locking version'),
  })
  .describe('A saved roadmap view');

const ExportPillar = z
  .object({
    ref: Ref('the pillar'),
    productRef: Ref('its product'),
    name: z.string().describe('Name, unique per product'),
    description: z.string().describe('Description'),
    targetShare: z.number().min(0).max(100).describe('Target share of the product’s planned effort, in percent'),
    status: z.enum(['active', 'paused', 'retired']).describe('active, paused or retired'),
    position: z.number().int().describe('Order among the product’s pillars'),
    opportunityRefs: z.array(z.string()).describe('Refs of the opportunities (discovery.opportunities) that serve it; unknown refs are dropped on import'),
    createdAt: Timestamp('When it was created'),
    updatedAt: Timestamp('When it was changed last'),
    version: z.number().int().describe('Optimistic-locking version'),
  })
  .describe('A strategic pillar of a product; features name it by pillarId, opportunities are listed here');

/** The roadmap part of a workspace export (optional: files written before the roadmap have none). */
export const RoadmapExport = z
  .object({
    releases: z.array(ExportRelease).describe('Releases, by product'),
    pillars: z.array(ExportPillar).default([]).describe('Strategic pillars, by product and position (files written before pillars have none)'),
    features: z.array(ExportFeature).describe('Features, oldest first'),
    dependencies: z.array(ExportDependency).describe('Dependencies between features; together they form no cycle'),
    frameworks: z.array(ExportFramework).describe('Prioritization frameworks, in display order'),
    capacities: z.array(ExportCapacity).describe('Capacities per component and quarter'),
    settings: z
      .object({
        capacityUnit: z.enum(CAPACITY_UNITS).describe('points or person_weeks'),
        internalFields: z.array(z.enum(FEATURE_INTERNAL_FIELDS)).describe('Feature fields hidden from stakeholders'),
        version: z.number().int().describe('Optimistic-locking version'),
      })
      .nullable()
      .describe('Roadmap settings, or null while the workspace keeps the defaults'),
    views: z.array(ExportSavedView).describe('Saved roadmap views'),
  })
  .describe('Features with requirements and evidence, dependencies, releases, frameworks, capacities, settings and saved views');
export type RoadmapExport = z.infer<typeof RoadmapExport>;

// The represent section (issue 7): requests and their triage, the decision log, status updates and
// reports. Report share links are left out on purpose: a link is a bearer secret (its token hash is all
// that is stored), and a copy of the workspace must not open the source's links. The email outbox is
// left out too: it is delivery state, not content.

const ExportRationaleTemplate = z
  .object({
    ref: Ref('the rationale template'),
    title: z.string().describe('Short reason, unique in the workspace (case-insensitive)'),
    body: z.string().describe('The explanation a decline starts from (Markdown)'),
    pillarRef: NullableRef('the pillar it refers to (roadmap.pillars)'),
    active: z.boolean().describe('Inactive templates stay on past decisions but are not offered'),
    position: z.number().int().describe('Order in which templates are offered'),
    createdAt: Timestamp('When it was created'),
    updatedAt: Timestamp('When it was changed last'),
    version: z.number().int().describe('Optimistic-locking version'),
  })
  .describe('A reusable reason to say no');

const ExportRequest = z
  .object({
    ref: Ref('the request'),
    title: z.string().describe('What is asked'),
    description: z.string().describe('The ask in the requester’s words (Markdown)'),
    requesterType: z.enum(REQUESTER_TYPES).describe('executive, internal, customer or partner'),
    requesterRef: NullableRef('the member who asked (people)'),
    contactName: z.string().nullable().describe('The outside contact who asked, if any'),
    contactEmail: z.string().nullable().describe('Where the outside contact hears the outcome'),
    customerRefs: z.array(z.string()).describe('Refs of the customers concerned (discovery.customers)'),
    urgency: z.enum(REQUEST_URGENCIES).describe('low, medium or high'),
    desiredDate: IsoDay.nullable().describe('When the requester would like it'),
    productRef: NullableRef('the product it lands in'),
    componentRef: NullableRef('the component it lands in (of that product)'),
    status: z.enum(REQUEST_STATUSES).describe('new, accepted, merged, deferred or declined'),
    featureRef: NullableRef('the feature it was accepted into (roadmap.features)'),
    mergedIntoRef: NullableRef('the request it was merged into (represent.requests)'),
    revisitOn: IsoDay.nullable().describe('When a deferred request returns to triage'),
    submittedByRef: NullableRef('the member who entered it'),
    decidedByRef: NullableRef('the member who decided it last'),
    decidedAt: Timestamp('When it was decided last').nullable(),
    notifiedAt: Timestamp('When its requesters last heard the outcome').nullable(),
    createdAt: Timestamp('When it was submitted'),
    updatedAt: Timestamp('When it was changed last'),
    version: z.number().int().describe('Optimistic-locking version'),
  })
  .describe('A request with its requester and triage state');

/** Evidence kinds the file carries; links to objectives and key results are left out (the file holds no OKRs). */
export const EXPORT_DECISION_EVIDENCE_TYPES = ['feedback', 'opportunity', 'interview', 'experiment', 'feature'] as const;

const ExportDecision = z
  .object({
    ref: Ref('the decision'),
    requestRef: NullableRef('the request decided (represent.requests); null once deleted'),
    title: z.string().describe('The request’s title when decided'),
    action: z.enum(DECISION_ACTIONS).describe('accept, merge, defer or decline (triage of a request), or roadmap (a decision about a feature)'),
    featureRef: NullableRef('the feature it was accepted into (roadmap.features)'),
    intoRequestRef: NullableRef('the request it was merged into (represent.requests)'),
    revisitOn: IsoDay.nullable().describe('The revisit day of a deferral'),
    rationaleTemplateRef: NullableRef('the rationale template used (represent.rationaleTemplates)'),
    rationale: z.string().describe('Why (Markdown)'),
    pillarRef: NullableRef('the pillar that justified it (roadmap.pillars)'),
    evidence: z
      .array(
        z.object({
          type: z.enum(EXPORT_DECISION_EVIDENCE_TYPES).describe('feedback, opportunity, interview, experiment or feature'),
          ref: Ref('the record (discovery.* or roadmap.features)'),
          label: z.string().optional(),
        }),
      )
      .describe('The records that justified it'),
    productRef: NullableRef('the product of the request when decided'),
    componentRef: NullableRef('the component of the request when decided'),
    decidedByRef: NullableRef('the member who decided'),
    decidedAt: Timestamp('When it was decided'),
  })
  .describe('One row of the append-only decision log');

const ExportStatusUpdate = z
  .object({
    ref: Ref('the status update'),
    componentRef: Ref('its component'),
    periodKind: z.enum(STATUS_PERIOD_KINDS).describe('week, sprint or month'),
    period: z.string().min(1).describe('2027-W02, 2027-03 or a sprint label; one update per component and period'),
    health: z.enum(STATUS_HEALTHS).describe('on_track, at_risk or off_track'),
    summary: z.string().describe('Markdown'),
    highlights: z.string().describe('Markdown'),
    risks: z.string().describe('Markdown'),
    asks: z.string().describe('Markdown'),
    facts: z
      .record(z.string(), z.unknown())
      .refine((f) => Object.keys(f).length === 0 || StatusFacts.safeParse(f).success, 'must be {} or the facts of a draft')
      .describe('The facts the draft was prefilled from ({} when none); ids of records in the file are refs and follow them'),
    authorRef: NullableRef('its author'),
    createdAt: Timestamp('When it was written'),
    updatedAt: Timestamp('When it was changed last'),
    version: z.number().int().describe('Optimistic-locking version'),
  })
  .describe('A status update of one component for one period');

const ExportReport = z
  .object({
    ref: Ref('the report'),
    productRef: Ref('its product'),
    audience: z.enum(REPORT_AUDIENCES).describe('executive, team, company or customer'),
    title: z.string().describe('Title'),
    from: IsoDay.nullable().describe('Start of the range'),
    to: IsoDay.nullable().describe('End of the range'),
    content: z
      .record(z.string(), z.unknown())
      .refine((c) => ReportContent.safeParse(c).success, 'must be a compiled report')
      .describe('The compiled snapshot, as it was compiled'),
    status: z.enum(REPORT_STATUSES).describe('draft or published'),
    publishedAt: Timestamp('When it was published').nullable(),
    createdByRef: NullableRef('its author'),
    createdAt: Timestamp('When it was compiled'),
    updatedAt: Timestamp('When it was changed last'),
    version: z.number().int().describe('Optimistic-locking version'),
  })
  .describe('A compiled report (its share links are not carried)');

/** The represent part of a workspace export (optional: files written before issue 7 have none). */
export const RepresentExport = z
  .object({
    rationaleTemplates: z.array(ExportRationaleTemplate).describe('Rationale templates, in order'),
    requests: z.array(ExportRequest).describe('Requests, oldest first'),
    decisions: z.array(ExportDecision).describe('The decision log, oldest first'),
    statusUpdates: z.array(ExportStatusUpdate).describe('Status updates, oldest first'),
    reports: z.array(ExportReport).describe('Reports, oldest first'),
  })
  .describe('Rationale templates, requests, the decision log, status updates and reports (not share links, not the email outbox)');
export type RepresentExport = z.infer<typeof RepresentExport>;

/** The workspace file format written by `sextant export` and the export endpoint. */
export const WorkspaceExport = z
  .object({
  format: z.literal('sextant-workspace'),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  workspace: z.object({ name: z.string() }),
  people: z.array(ExportPerson),
  products: z.array(ExportProduct),
  audit: z.array(ExportAudit),
    discovery: DiscoveryExport.optional().describe('Customers, feedback, opportunities, interviews and experiments'),
    roadmap: RoadmapExport.optional().describe('Features, dependencies, releases, prioritization frameworks, capacities, roadmap settings and saved views'),
    represent: RepresentExport.optional().describe('Rationale templates, requests, the decision log, status updates and reports'),
  })
  .describe('A whole workspace as one document: references instead of ids, so it imports into any instance');
export type WorkspaceExport = z.infer<typeof WorkspaceExport>;
