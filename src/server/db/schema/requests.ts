import { sql, type SQL } from 'drizzle-orm';
import { boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { timestamps } from './columns.js';
import { customers } from './discovery.js';
import { pillars } from './pillars.js';
import { components, products } from './product.js';
import { features } from './roadmap.js';
import { members, workspaceRef } from './workspace.js';

/** PostgreSQL full-text vector; generated from other columns, never written by the app. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A record a decision points at as its justification. */
export interface DecisionEvidenceLink {
  type: 'feedback' | 'opportunity' | 'interview' | 'experiment' | 'feature' | 'objective' | 'key_result';
  id: string;
  label?: string;
}

// ---------------------------------------------------------------------------------------------
// Requests and their triage (issue 7)
// ---------------------------------------------------------------------------------------------

/** Reusable reasons to say no ("does not serve pillar X", "not enough evidence yet", …), kept per workspace. */
export const rationaleTemplates = pgTable(
  'rationale_templates',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    // The pillar the reason refers to, when it is about one.
    pillarId: uuid('pillar_id').references(() => pillars.id, { onDelete: 'set null' }),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('rationale_templates_title_uq').on(t.workspaceId, sql`lower(${t.title})`)],
);

/**
 * An ask from inside or outside the company. The requester is a member, or an outside contact (name
 * and email) and/or customers. Triage decides it: accepted (linked to a feature), merged into another
 * request (keeping its requesters), deferred to a revisit date, or declined with a rationale.
 */
export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    // executive | internal | customer | partner
    requesterType: text('requester_type').notNull(),
    requesterMemberId: uuid('requester_member_id').references(() => members.id, { onDelete: 'set null' }),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    // low | medium | high
    urgency: text('urgency').notNull().default('medium'),
    desiredDate: date('desired_date', { mode: 'string' }),
    // Where it lands, when known: the PM who owns the component decides it (else the lead).
    productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
    componentId: uuid('component_id').references(() => components.id, { onDelete: 'set null' }),
    // new | accepted | merged | deferred | declined
    status: text('status').notNull().default('new'),
    featureId: uuid('feature_id').references(() => features.id, { onDelete: 'set null' }),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => requests.id, { onDelete: 'set null' }),
    revisitOn: date('revisit_on', { mode: 'string' }),
    submittedById: uuid('submitted_by_id').references(() => members.id, { onDelete: 'set null' }),
    decidedById: uuid('decided_by_id').references(() => members.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    // When the requesters last heard the outcome (in the app, and by email when SMTP is configured).
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs((): SQL => sql`to_tsvector('english', ${requests.title} || ' ' || ${requests.description})`),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('requests_workspace_status_idx').on(t.workspaceId, t.status, t.createdAt),
    index('requests_feature_idx').on(t.featureId),
    index('requests_merged_into_idx').on(t.mergedIntoId),
    index('requests_component_idx').on(t.componentId),
    index('requests_requester_idx').on(t.requesterMemberId),
    index('requests_revisit_idx').on(t.revisitOn).where(sql`${t.status} = 'deferred'`),
    index('requests_search_idx').using('gin', t.search),
  ],
);

/** The customers concerned by a request. */
export const requestCustomers = pgTable(
  'request_customers',
  {
    workspaceId: workspaceRef(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.customerId] }), index('request_customers_customer_idx').on(t.customerId)],
);

/**
 * The decision log: every triage decision with who, when and why, the rationale (a template and free
 * text), and the pillar or evidence that justified it. Rows are never edited; a new decision supersedes.
 */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    requestId: uuid('request_id').references(() => requests.id, { onDelete: 'set null' }),
    // The request's title when decided, so the log reads well after a request is deleted.
    title: text('title').notNull(),
    // accept | merge | defer | decline
    action: text('action').notNull(),
    featureId: uuid('feature_id').references(() => features.id, { onDelete: 'set null' }),
    intoRequestId: uuid('into_request_id').references(() => requests.id, { onDelete: 'set null' }),
    revisitOn: date('revisit_on', { mode: 'string' }),
    rationaleTemplateId: uuid('rationale_template_id').references(() => rationaleTemplates.id, { onDelete: 'set null' }),
    rationale: text('rationale').notNull().default(''),
    pillarId: uuid('pillar_id').references(() => pillars.id, { onDelete: 'set null' }),
    evidence: jsonb('evidence').$type<DecisionEvidenceLink[]>().notNull().default([]),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
    componentId: uuid('component_id').references(() => components.id, { onDelete: 'set null' }),
    decidedById: uuid('decided_by_id').references(() => members.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs((): SQL => sql`to_tsvector('english', ${decisions.title} || ' ' || ${decisions.rationale})`),
  },
  (t) => [
    index('decisions_workspace_decided_idx').on(t.workspaceId, t.decidedAt),
    index('decisions_workspace_action_idx').on(t.workspaceId, t.action, t.decidedAt),
    index('decisions_request_idx').on(t.requestId),
    // A report's "why" (the latest rationale of each changed feature), and unlinking a deleted feature.
    index('decisions_feature_idx').on(t.featureId),
    index('decisions_decided_by_idx').on(t.decidedById, t.decidedAt),
    index('decisions_search_idx').using('gin', t.search),
  ],
);

// ---------------------------------------------------------------------------------------------
// Status updates and reports
// ---------------------------------------------------------------------------------------------

/** One update per component per period (a week, sprint or month): health, summary, highlights, risks and asks. */
export const statusUpdates = pgTable(
  'status_updates',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    componentId: uuid('component_id')
      .notNull()
      .references(() => components.id, { onDelete: 'cascade' }),
    // week | sprint | month
    periodKind: text('period_kind').notNull().default('week'),
    // "2027-W02", "2027-03" or a sprint's name.
    period: text('period').notNull(),
    // on_track | at_risk | off_track
    health: text('health').notNull(),
    summary: text('summary').notNull(),
    highlights: text('highlights').notNull().default(''),
    risks: text('risks').notNull().default(''),
    asks: text('asks').notNull().default(''),
    // The live facts the draft was prefilled from (features shipped, moved or slipped, key results, conflicts, declines).
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull().default({}),
    authorId: uuid('author_id').references(() => members.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('status_updates_component_period_uq').on(t.componentId, t.period), index('status_updates_workspace_idx').on(t.workspaceId, t.createdAt), index('status_updates_author_idx').on(t.authorId, t.createdAt)],
);

/** A report compiled for one audience (executive, team, company, customer), kept as the snapshot that was compiled. */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    // executive | team | company | customer
    audience: text('audience').notNull(),
    title: text('title').notNull(),
    fromDate: date('from_date', { mode: 'string' }),
    toDate: date('to_date', { mode: 'string' }),
    // The compiled report (sections in order); for the customer audience it holds no internal field at all.
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    // draft | published
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdById: uuid('created_by_id').references(() => members.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('reports_workspace_product_idx').on(t.workspaceId, t.productId, t.createdAt)],
);

/** A read-only link to one report that needs no login; it expires, can be revoked, and every view is audited. */
export const reportShareLinks = pgTable(
  'report_share_links',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdById: uuid('created_by_id').references(() => members.id, { onDelete: 'set null' }),
    viewCount: integer('view_count').notNull().default(0),
    lastViewedAt: timestamp('last_viewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_share_links_token_uq').on(t.tokenHash), index('report_share_links_report_idx').on(t.reportId)],
);

/** Outgoing email (closing the loop with requesters), sent by the job worker when SMTP is configured. */
export const emailMessages = pgTable(
  'email_messages',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    // e.g. request.declined, feature.shipped
    kind: text('kind').notNull(),
    entityId: uuid('entity_id'),
    // queued | sent | failed | skipped (no SMTP configured)
    status: text('status').notNull().default('queued'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('email_messages_workspace_idx').on(t.workspaceId, t.createdAt), index('email_messages_entity_idx').on(t.entityId)],
);
