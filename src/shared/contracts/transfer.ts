import { z } from 'zod';
import { ROLES } from '../roles.js';

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
  })
  .describe('A whole workspace as one document: references instead of ids, so it imports into any instance');
export type WorkspaceExport = z.infer<typeof WorkspaceExport>;
