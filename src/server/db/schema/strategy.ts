import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { timestamps } from './columns.js';
import { pillars } from './pillars.js';
import { components, products } from './product.js';
import { features } from './roadmap.js';
import { members, workspaceRef } from './workspace.js';

/** The Markdown sections of a strategy document. */
export interface StrategySections {
  vision?: string;
  customers?: string;
  problems?: string;
  nonProblems?: string;
  principles?: string;
}

/** The vision told at three lengths: a 75-second, a 6-minute and an 18-minute version. */
export interface StrategyStories {
  short?: string;
  medium?: string;
  long?: string;
}

/** A pillar as it stood when a version was published. */
export interface PillarSnapshot {
  id: string;
  name: string;
  description: string;
  targetShare: number;
  status: string;
}

// ---------------------------------------------------------------------------------------------
// Strategy document
// ---------------------------------------------------------------------------------------------

/** One strategy document per product: the draft being written, and the number of its latest published version. */
export const strategies = pgTable(
  'strategies',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    sections: jsonb('sections').$type<StrategySections>().notNull().default({}),
    stories: jsonb('stories').$type<StrategyStories>().notNull().default({}),
    // 0 until the first publish.
    publishedNumber: integer('published_number').notNull().default(0),
    // True when the draft differs from the latest published version.
    dirty: boolean('dirty').notNull().default(false),
    updatedById: uuid('updated_by_id').references(() => members.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('strategies_product_uq').on(t.productId), index('strategies_workspace_idx').on(t.workspaceId)],
);

/** A published version: an immutable snapshot of the sections, the stories and the pillars. */
export const strategyVersions = pgTable(
  'strategy_versions',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    sections: jsonb('sections').$type<StrategySections>().notNull(),
    stories: jsonb('stories').$type<StrategyStories>().notNull().default({}),
    pillars: jsonb('pillars').$type<PillarSnapshot[]>().notNull().default([]),
    // What changed, in the publisher's words.
    note: text('note').notNull().default(''),
    publishedById: uuid('published_by_id').references(() => members.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('strategy_versions_number_uq').on(t.strategyId, t.number), index('strategy_versions_workspace_idx').on(t.workspaceId)],
);

/** A proposed change to one section: the suggested text and why; the lead accepts (it merges into the draft) or rejects it. */
export const strategyProposals = pgTable(
  'strategy_proposals',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id, { onDelete: 'cascade' }),
    // vision | customers | problems | nonProblems | principles
    section: text('section').notNull(),
    text: text('text').notNull(),
    rationale: text('rationale').notNull(),
    // The section's draft text when the proposal was made, so the change shows as a diff.
    baseText: text('base_text').notNull().default(''),
    authorId: uuid('author_id').references(() => members.id, { onDelete: 'set null' }),
    // pending | accepted | rejected | withdrawn
    status: text('status').notNull().default('pending'),
    decidedById: uuid('decided_by_id').references(() => members.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionComment: text('decision_comment').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('strategy_proposals_strategy_idx').on(t.strategyId, t.status, t.createdAt),
    index('strategy_proposals_author_idx').on(t.authorId, t.createdAt),
    index('strategy_proposals_workspace_idx').on(t.workspaceId),
  ],
);

export const strategyProposalComments = pgTable(
  'strategy_proposal_comments',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => strategyProposals.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => members.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('strategy_proposal_comments_proposal_idx').on(t.proposalId, t.createdAt), index('strategy_proposal_comments_workspace_idx').on(t.workspaceId)],
);

// ---------------------------------------------------------------------------------------------
// OKRs
// ---------------------------------------------------------------------------------------------

/** A period objectives are set for: a quarter or a custom range (inclusive dates). */
export const okrPeriods = pgTable(
  'okr_periods',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    name: text('name').notNull(),
    // quarter | custom
    kind: text('kind').notNull().default('custom'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('okr_periods_name_uq').on(t.workspaceId, sql`lower(${t.name})`), index('okr_periods_workspace_idx').on(t.workspaceId, t.startsOn)],
);

/** An objective of a product (componentId null) or of one of its components, in an alignment tree. */
export const objectives = pgTable(
  'objectives',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => okrPeriods.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    componentId: uuid('component_id').references(() => components.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => objectives.id, { onDelete: 'set null' }),
    ownerId: uuid('owner_id').references(() => members.id, { onDelete: 'set null' }),
    pillarId: uuid('pillar_id').references(() => pillars.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    // active | achieved | missed | dropped
    status: text('status').notNull().default('active'),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('objectives_product_period_idx').on(t.productId, t.periodId, t.position),
    index('objectives_workspace_period_idx').on(t.workspaceId, t.periodId),
    index('objectives_component_idx').on(t.componentId),
    index('objectives_parent_idx').on(t.parentId),
    index('objectives_pillar_idx').on(t.pillarId),
    index('objectives_owner_idx').on(t.ownerId),
  ],
);

/** A named time series (a metric); key results may read their current value from one. */
export const metrics = pgTable(
  'metrics',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    unit: text('unit').notNull().default(''),
    // The latest point (by its time), kept here so lists and key results need not scan the series.
    latestValue: doublePrecision('latest_value'),
    latestAt: timestamp('latest_at', { withTimezone: true }),
    pointCount: integer('point_count').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('metrics_name_uq').on(t.workspaceId, sql`lower(${t.name})`), index('metrics_workspace_product_idx').on(t.workspaceId, t.productId)],
);

/** One observation of a metric; one per instant (a later write at the same instant replaces the value). */
export const metricPoints = pgTable(
  'metric_points',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    metricId: uuid('metric_id')
      .notNull()
      .references(() => metrics.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    value: doublePrecision('value').notNull(),
    // manual | csv | api
    source: text('source').notNull().default('manual'),
    createdById: uuid('created_by_id').references(() => members.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('metric_points_metric_at_uq').on(t.metricId, t.at), index('metric_points_workspace_idx').on(t.workspaceId)],
);

/**
 * A measurable result of an objective. Progress is computed from start, target, current value and
 * direction (see okrs.progress.ts); the latest check-in's value and confidence are kept here so the
 * tree never scans the check-ins.
 */
export const keyResults = pgTable(
  'key_results',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    objectiveId: uuid('objective_id')
      .notNull()
      .references(() => objectives.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    unit: text('unit').notNull().default(''),
    // number | percentage | currency | milestone (milestone: start 0, target 1, current 0 or 1)
    type: text('type').notNull().default('number'),
    // increase | decrease
    direction: text('direction').notNull().default('increase'),
    startValue: doublePrecision('start_value').notNull().default(0),
    targetValue: doublePrecision('target_value').notNull(),
    currentValue: doublePrecision('current_value'),
    // When set, the current value follows the metric's latest point.
    metricId: uuid('metric_id').references(() => metrics.id, { onDelete: 'set null' }),
    ownerId: uuid('owner_id').references(() => members.id, { onDelete: 'set null' }),
    // The latest check-in: confidence 0-10 and its status (on_track | at_risk | off_track).
    confidence: integer('confidence'),
    confidenceStatus: text('confidence_status'),
    lastCheckInAt: timestamp('last_check_in_at', { withTimezone: true }),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('key_results_objective_idx').on(t.objectiveId, t.position),
    index('key_results_workspace_idx').on(t.workspaceId),
    index('key_results_metric_idx').on(t.metricId),
    index('key_results_owner_idx').on(t.ownerId),
  ],
);

/** A check-in on a key result: the value reached, a confidence (0-10 and a status) and a note, by its author. */
export const keyResultCheckIns = pgTable(
  'key_result_check_ins',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    keyResultId: uuid('key_result_id')
      .notNull()
      .references(() => keyResults.id, { onDelete: 'cascade' }),
    value: doublePrecision('value').notNull(),
    // Progress (0-1) at this check-in, kept for the charts.
    progress: doublePrecision('progress').notNull(),
    confidence: integer('confidence').notNull(),
    // on_track | at_risk | off_track
    status: text('status').notNull(),
    note: text('note').notNull().default(''),
    authorId: uuid('author_id').references(() => members.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('key_result_check_ins_kr_idx').on(t.keyResultId, t.createdAt),
    index('key_result_check_ins_author_idx').on(t.authorId, t.createdAt),
    index('key_result_check_ins_workspace_idx').on(t.workspaceId),
  ],
);

/** The features that drive a key result. */
export const keyResultFeatures = pgTable(
  'key_result_features',
  {
    workspaceId: workspaceRef(),
    keyResultId: uuid('key_result_id')
      .notNull()
      .references(() => keyResults.id, { onDelete: 'cascade' }),
    featureId: uuid('feature_id')
      .notNull()
      .references(() => features.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.keyResultId, t.featureId] }), index('key_result_features_feature_idx').on(t.featureId)],
);
