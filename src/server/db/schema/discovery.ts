import { sql, type SQL } from 'drizzle-orm';
import { customType, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, jsonb, real } from 'drizzle-orm/pg-core';
import { pillars } from './pillars.js';
import { components } from './product.js';
import { timestamps } from './columns.js';
import { members, workspaceRef, workspaces } from './workspace.js';

/** PostgreSQL full-text vector; generated from other columns, never written by the app. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });


export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    name: text('name').notNull(),
    domain: text('domain'),
    segment: text('segment').notNull().default(''),
    plan: text('plan').notNull().default(''),
    // Whole currency units, exact: numeric, read and written as a string.
    arr: numeric('arr', { precision: 18, scale: 0, mode: 'string' }).notNull().default('0'),
    currency: text('currency').notNull().default('USD'),
    status: text('status').notNull().default('active'),
    ownerId: uuid('owner_id').references(() => members.id, { onDelete: 'set null' }),
    externalId: text('external_id'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('customers_workspace_name_idx').on(t.workspaceId, t.name),
    uniqueIndex('customers_workspace_external_uq').on(t.workspaceId, t.externalId).where(sql`${t.externalId} is not null`),
    uniqueIndex('customers_workspace_domain_uq').on(t.workspaceId, t.domain).where(sql`${t.domain} is not null`),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email'),
    title: text('title').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('contacts_customer_idx').on(t.customerId), index('contacts_workspace_idx').on(t.workspaceId)],
);

export const interviews = pgTable(
  'interviews',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    title: text('title').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    participantName: text('participant_name').notNull().default(''),
    interviewerId: uuid('interviewer_id').references(() => members.id, { onDelete: 'set null' }),
    script: text('script').notNull().default(''),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('interviews_workspace_date_idx').on(t.workspaceId, t.date), index('interviews_interviewer_idx').on(t.workspaceId, t.interviewerId, t.date)],
);

export const feedback = pgTable(
  'feedback',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    text: text('text').notNull(),
    source: text('source').notNull(),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    capturedById: uuid('captured_by_id').references(() => members.id, { onDelete: 'set null' }),
    capturedAt: timestamp('captured_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status').notNull().default('new'),
    // 1 (nice to have) … 4 (critical); 2 is the default.
    importance: integer('importance').notNull().default(2),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    interviewId: uuid('interview_id').references(() => interviews.id, { onDelete: 'set null' }),
    // Feedback merged as a duplicate points at the item it was merged into; its evidence moves there.
    mergedIntoId: uuid('merged_into_id'),
    // Who first moved the item out of "new" (triaged, linked or archived) and when: a coaching signal.
    triagedById: uuid('triaged_by_id').references(() => members.id, { onDelete: 'set null' }),
    triagedAt: timestamp('triaged_at', { withTimezone: true }),
    // sha256 of normalised text, source, customer and capture date: what makes a CSV row a re-import.
    dedupeKey: text('dedupe_key').notNull(),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs((): SQL => sql`to_tsvector('english', ${feedback.text})`),
    // Locality-sensitive hash keys of the text (insights/text/lsh.ts), written with the text: the
    // similar-items lookup reads its candidates from their GIN index.
    lsh: integer('lsh').array().notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('feedback_workspace_captured_idx').on(t.workspaceId, t.capturedAt.desc(), t.id.desc()),
    index('feedback_workspace_status_idx').on(t.workspaceId, t.status),
    index('feedback_workspace_source_idx').on(t.workspaceId, t.source),
    index('feedback_customer_idx').on(t.customerId),
    index('feedback_dedupe_idx').on(t.workspaceId, t.dedupeKey),
    // Partial: new items (what imports write) have no triager and stay out of it.
    index('feedback_triaged_by_idx').on(t.workspaceId, t.triagedById, t.triagedAt).where(sql`${t.triagedById} is not null`),
    // An interview's highlights (feedback captured from it).
    index('feedback_interview_idx').on(t.interviewId).where(sql`${t.interviewId} is not null`),
    // GIN indexes queue new entries in a pending list that every search scans until it is merged; the
    // embedded database has no autovacuum to merge it, so the list is kept short (256 kB; PostgreSQL's
    // default is 4 MB) and merged after bulk writes (analyzeFeedback).
    index('feedback_search_idx').using('gin', t.search).with({ gin_pending_list_limit: 256 }),
    index('feedback_lsh_idx').using('gin', t.lsh).with({ gin_pending_list_limit: 256 }),
    index('feedback_tags_idx').using('gin', t.tags).with({ gin_pending_list_limit: 256 }),
  ],
);

export const feedbackComponents = pgTable(
  'feedback_components',
  {
    workspaceId: workspaceRef(),
    feedbackId: uuid('feedback_id')
      .notNull()
      .references(() => feedback.id, { onDelete: 'cascade' }),
    componentId: uuid('component_id')
      .notNull()
      .references(() => components.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.feedbackId, t.componentId] }), index('feedback_components_component_idx').on(t.componentId)],
);

export const opportunities = pgTable(
  'opportunities',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    title: text('title').notNull(),
    problem: text('problem').notNull().default(''),
    status: text('status').notNull().default('open'),
    ownerId: uuid('owner_id').references(() => members.id, { onDelete: 'set null' }),
    // Strategic pillar it serves.
    pillarId: uuid('pillar_id').references(() => pillars.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('opportunities_workspace_idx').on(t.workspaceId, t.status), index('opportunities_pillar_idx').on(t.pillarId)],
);

export const opportunityComponents = pgTable(
  'opportunity_components',
  {
    workspaceId: workspaceRef(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    componentId: uuid('component_id')
      .notNull()
      .references(() => components.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.opportunityId, t.componentId] })],
);

/** Feedback linked as evidence to an opportunity, with an optional highlighted quote (a character range). */
export const evidence = pgTable(
  'evidence',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    feedbackId: uuid('feedback_id')
      .notNull()
      .references(() => feedback.id, { onDelete: 'cascade' }),
    quoteStart: integer('quote_start'),
    quoteEnd: integer('quote_end'),
    importance: integer('importance').notNull().default(2),
    createdById: uuid('created_by_id').references(() => members.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evidence_opportunity_feedback_uq').on(t.opportunityId, t.feedbackId), index('evidence_feedback_idx').on(t.feedbackId), index('evidence_workspace_idx').on(t.workspaceId), index('evidence_created_by_idx').on(t.workspaceId, t.createdById, t.createdAt)],
);

export const experiments = pgTable(
  'experiments',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    title: text('title').notNull().default(''),
    hypothesis: text('hypothesis').notNull(),
    type: text('type').notNull(),
    metric: text('metric').notNull().default(''),
    successCriterion: text('success_criterion').notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    status: text('status').notNull().default('planned'),
    result: text('result'),
    learning: text('learning').notNull().default(''),
    decision: text('decision').notNull().default(''),
    ownerId: uuid('owner_id').references(() => members.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('experiments_workspace_idx').on(t.workspaceId, t.status), index('experiments_owner_idx').on(t.workspaceId, t.ownerId)],
);

export const experimentOpportunities = pgTable(
  'experiment_opportunities',
  {
    workspaceId: workspaceRef(),
    experimentId: uuid('experiment_id')
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.opportunityId] })],
);

/** How a workspace grades evidence: a weight per source and the half-life of old evidence. */
export const discoverySettings = pgTable('discovery_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  sourceWeights: jsonb('source_weights').$type<Record<string, number>>().notNull(),
  halfLifeDays: integer('half_life_days').notNull().default(180),
  // Share of an opportunity's graded evidence from one customer above which it is flagged.
  concentrationThreshold: real('concentration_threshold').notNull().default(0.5),
  version: integer('version').notNull().default(1),
  ...timestamps,
});
