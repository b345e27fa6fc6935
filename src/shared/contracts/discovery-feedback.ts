import { z } from 'zod';
import { Id, IsoDate, Version, VersionedUpdate } from './common.js';
import { ImportRejection } from './discovery-customers.js';

export const FEEDBACK_SOURCES = ['customer_success', 'sales', 'product_marketing', 'support', 'interview', 'survey', 'other'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];
export const FEEDBACK_STATUSES = ['new', 'triaged', 'linked', 'archived'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export const FEEDBACK_BULK_ACTIONS = ['archive', 'triage', 'tag', 'untag'] as const;

export const FEEDBACK_LIMITS = {
  textMax: 20_000,
  tagMax: 50,
  tagsMax: 30,
  componentsMax: 50,
  bulkMax: 1_000,
  mergeMax: 100,
  pageSizeMax: 200,
} as const;

/** Tags as stored: trimmed, without empties or repeats, in the order given. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}

const Source = z.enum(FEEDBACK_SOURCES).describe('Where the feedback came from');
const Status = z.enum(FEEDBACK_STATUSES).describe('Triage status');
const Importance = z.number().int().min(1, 'must be 1 to 4').max(4, 'must be 1 to 4').describe('1 nice to have … 4 critical');
const Text = z.string().trim().min(1, 'must not be empty').max(FEEDBACK_LIMITS.textMax, `must be at most ${FEEDBACK_LIMITS.textMax} characters`).describe('What the customer said');
const Tag = z.string().trim().min(1, 'must not be empty').max(FEEDBACK_LIMITS.tagMax, `must be at most ${FEEDBACK_LIMITS.tagMax} characters`);
const Tags = z.array(Tag).max(FEEDBACK_LIMITS.tagsMax, `must have at most ${FEEDBACK_LIMITS.tagsMax} tags`).describe('Free tags');
const ComponentIds = z.array(Id).max(FEEDBACK_LIMITS.componentsMax).describe('Components (of the product structure) the feedback is about');

export const FeedbackCustomer = z.object({ id: Id, name: z.string(), segment: z.string() }).nullable().describe('The customer, if known');

export const FeedbackListItem = z
  .object({
    id: Id,
    text: z.string(),
    snippet: z.string().nullable().describe('With `q`: the matching passage, matches wrapped in <mark>…</mark>; everything else is plain text (not HTML): render it as text'),
    source: Source,
    status: Status,
    importance: z.number().int(),
    tags: z.array(z.string()),
    componentIds: z.array(Id),
    customer: FeedbackCustomer,
    contactId: Id.nullable(),
    capturedAt: IsoDate,
    opportunityCount: z.number().int().describe('Opportunities this item is evidence for'),
    mergedIntoId: Id.nullable().describe('Set when merged as a duplicate into another item'),
    version: Version,
  })
  .describe('Feedback item in the inbox');
export type FeedbackListItem = z.infer<typeof FeedbackListItem>;

export const FeedbackPage = z
  .object({
    items: z.array(FeedbackListItem),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
  })
  .describe('A page of the feedback inbox, newest captured first');

export const Feedback = z
  .object({
    id: Id,
    text: z.string(),
    source: Source,
    status: Status,
    importance: z.number().int(),
    tags: z.array(z.string()),
    customer: FeedbackCustomer,
    contact: z.object({ id: Id, name: z.string() }).nullable(),
    capturedBy: z.object({ id: Id, name: z.string() }).nullable().describe('Member who captured it'),
    capturedAt: IsoDate,
    interviewId: Id.nullable(),
    components: z.array(z.object({ id: Id, name: z.string(), ownerId: Id.nullable() })),
    evidence: z.array(z.object({ opportunityId: Id, title: z.string() })).describe('Opportunities this item is evidence for'),
    requesters: z.array(z.object({ id: Id, name: z.string() })).describe('Customers behind this item and every duplicate merged into it'),
    mergedIntoId: Id.nullable(),
    mergedIds: z.array(Id).describe('Duplicates merged into this item'),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('Feedback item');
export type Feedback = z.infer<typeof Feedback>;

export const FeedbackParams = z.object({ workspaceId: Id, feedbackId: Id.describe('Feedback id') });

export const CreateFeedback = z
  .object({
    text: Text,
    source: Source,
    customerId: Id.nullable().optional().describe('Customer id'),
    contactId: Id.nullable().optional().describe('Contact id (of the customer, when both are given)'),
    capturedAt: z.string().datetime({ offset: true, message: 'must be an ISO 8601 timestamp' }).optional().describe('When it was said (default now)'),
    tags: Tags.optional(),
    componentIds: ComponentIds.optional(),
    importance: Importance.optional(),
  })
  .strict();
export type CreateFeedback = z.infer<typeof CreateFeedback>;

export const UpdateFeedback = VersionedUpdate.extend({
  text: Text.optional(),
  status: Status.optional(),
  tags: Tags.optional(),
  componentIds: ComponentIds.optional(),
  importance: Importance.optional(),
  customerId: Id.nullable().optional(),
}).strict();
export type UpdateFeedback = z.infer<typeof UpdateFeedback>;

const DateOrTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be a date (YYYY-MM-DD) or an ISO 8601 timestamp');
export const FeedbackListQuery = z.object({
  q: z.string().trim().max(500).optional().describe('Full-text search, web-search syntax: "exact phrase", or, -word'),
  source: z.enum(FEEDBACK_SOURCES).optional(),
  status: z.enum(FEEDBACK_STATUSES).optional(),
  customerId: Id.optional(),
  segment: z.string().max(120).optional().describe("The customer's segment (exact)"),
  tag: z.string().max(FEEDBACK_LIMITS.tagMax).optional(),
  componentId: Id.optional(),
  from: DateOrTime.optional().describe('Captured at or after (a date means its start, UTC)'),
  to: DateOrTime.optional().describe('Captured at or before (a date includes the whole day, UTC)'),
  includeMerged: z
    .enum(['true', 'false'])
    .optional()
    .describe('Also list duplicates merged into other items (hidden by default)'),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(FEEDBACK_LIMITS.pageSizeMax).default(50).describe('Page size'),
});
export type FeedbackListQuery = z.infer<typeof FeedbackListQuery>;

export const BulkFeedback = z
  .object({
    ids: z.array(Id).min(1, 'must name at least one item').max(FEEDBACK_LIMITS.bulkMax, `must have at most ${FEEDBACK_LIMITS.bulkMax} items`).describe('Feedback ids'),
    action: z.enum(FEEDBACK_BULK_ACTIONS).describe('archive, triage (status triaged), tag or untag'),
    tag: Tag.optional().describe('The tag, for tag and untag'),
  })
  .strict();
export type BulkFeedback = z.infer<typeof BulkFeedback>;
export const BulkFeedbackResult = z.object({ updated: z.number().int().describe('Items changed') });

export const MergeFeedback = z
  .object({
    duplicateIds: z
      .array(Id)
      .min(1, 'must name at least one duplicate')
      .max(FEEDBACK_LIMITS.mergeMax, `must have at most ${FEEDBACK_LIMITS.mergeMax} items`)
      .describe('Items to merge into this one: they are archived, their evidence and customers move here'),
  })
  .strict();
export type MergeFeedback = z.infer<typeof MergeFeedback>;

export const FeedbackImportResult = z
  .object({
    imported: z.number().int().describe('New feedback items'),
    duplicates: z.number().int().describe('Rows already there (same text, source, customer and date), in the workspace or earlier in the file'),
    rejected: z.array(ImportRejection).describe('Rows not imported (at most the first 1,000)'),
    rejectedCount: z.number().int().describe('All rejected rows'),
    ignoredColumns: z.array(z.string()).describe('Columns of the file that were not used'),
  })
  .describe('Outcome of a feedback CSV import');
export type FeedbackImportResult = z.infer<typeof FeedbackImportResult>;
