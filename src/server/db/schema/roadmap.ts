import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { feedback, opportunities, experiments } from './discovery.js';
import { components, products } from './product.js';
import { timestamps } from './columns.js';
import { pillars } from './pillars.js';
import { members, workspaceRef, workspaces } from './workspace.js';


/** Framework inputs per framework kind, e.g. `{ rice: { reach: 800, impact: 2, confidence: 0.8, effort: 3 } }`. */
export type FeatureScoreInputs = Record<string, Record<string, number>>;

export const releases = pgTable(
  'releases',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    date: date('date', { mode: 'string' }),
    // planned | released
    status: text('status').notNull().default('planned'),
    description: text('description').notNull().default(''),
    // Markdown release notes, drafted from the shipped features and their requirements, then edited.
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('releases_workspace_product_idx').on(t.workspaceId, t.productId, t.date)],
);

export const releaseComponents = pgTable(
  'release_components',
  {
    workspaceId: workspaceRef(),
    releaseId: uuid('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    componentId: uuid('component_id')
      .notNull()
      .references(() => components.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.componentId] }), index('release_components_component_idx').on(t.componentId)],
);

export const features = pgTable(
  'features',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    componentId: uuid('component_id')
      .notNull()
      .references(() => components.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerId: uuid('owner_id').references(() => members.id, { onDelete: 'set null' }),
    // idea | discovery | planned | in_progress | shipped | wont_do
    status: text('status').notNull().default('idea'),
    // In the workspace's capacity unit (points or person-weeks); null when not estimated.
    effort: numeric('effort', { precision: 10, scale: 2, mode: 'number' }),
    // now | next | later; null when not on the board.
    horizon: text('horizon'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    releaseId: uuid('release_id').references(() => releases.id, { onDelete: 'set null' }),
    // Strategic pillar it serves (of its product).
    pillarId: uuid('pillar_id').references(() => pillars.id, { onDelete: 'set null' }),
    // Order within its (component, horizon) lane on the board: between its neighbours' ranks.
    boardRank: doublePrecision('board_rank').notNull().default(0),
    // Hidden from the stakeholder (viewer) version of the roadmap altogether.
    internal: boolean('internal').notNull().default(false),
    // A public roadmap item: customer-facing reports show only these (and never internal ones).
    public: boolean('public').notNull().default(false),
    scoreInputs: jsonb('score_inputs').$type<FeatureScoreInputs>().notNull().default({}),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('features_workspace_component_idx').on(t.workspaceId, t.componentId, t.status),
    index('features_component_board_idx').on(t.componentId, t.horizon, t.boardRank),
    index('features_pillar_idx').on(t.pillarId),
    index('features_workspace_updated_idx').on(t.workspaceId, t.updatedAt.desc(), t.id.desc()),
    index('features_release_idx').on(t.releaseId),
    index('features_owner_idx').on(t.ownerId),
  ],
);

/** The current requirements document of a feature (Markdown); every save adds a revision. */
export const featureRequirements = pgTable('feature_requirements', {
  featureId: uuid('feature_id')
    .primaryKey()
    .references(() => features.id, { onDelete: 'cascade' }),
  workspaceId: workspaceRef(),
  body: text('body').notNull(),
  revision: integer('revision').notNull().default(1),
  updatedById: uuid('updated_by_id').references(() => members.id, { onDelete: 'set null' }),
  ...timestamps,
});

export const featureRequirementRevisions = pgTable(
  'feature_requirement_revisions',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    featureId: uuid('feature_id')
      .notNull()
      .references(() => features.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => members.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('feature_requirement_revisions_uq').on(t.featureId, t.revision), index('feature_requirement_revisions_author_idx').on(t.workspaceId, t.authorId, t.createdAt)],
);

/** Evidence of a feature: a feedback item (with an optional quote) or a whole opportunity. */
export const featureEvidence = pgTable(
  'feature_evidence',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    featureId: uuid('feature_id')
      .notNull()
      .references(() => features.id, { onDelete: 'cascade' }),
    feedbackId: uuid('feedback_id').references(() => feedback.id, { onDelete: 'cascade' }),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id, { onDelete: 'cascade' }),
    quoteStart: integer('quote_start'),
    quoteEnd: integer('quote_end'),
    importance: integer('importance').notNull().default(2),
    createdById: uuid('created_by_id').references(() => members.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('feature_evidence_feedback_uq').on(t.featureId, t.feedbackId).where(sql`${t.feedbackId} is not null`),
    uniqueIndex('feature_evidence_opportunity_uq').on(t.featureId, t.opportunityId).where(sql`${t.opportunityId} is not null`),
    index('feature_evidence_feature_idx').on(t.featureId),
    index('feature_evidence_feedback_idx').on(t.feedbackId),
    index('feature_evidence_opportunity_idx').on(t.opportunityId),
    index('feature_evidence_created_by_idx').on(t.workspaceId, t.createdById, t.createdAt),
  ],
);

export const featureExperiments = pgTable(
  'feature_experiments',
  {
    workspaceId: workspaceRef(),
    featureId: uuid('feature_id')
      .notNull()
      .references(() => features.id, { onDelete: 'cascade' }),
    experimentId: uuid('experiment_id')
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.featureId, t.experimentId] }), index('feature_experiments_experiment_idx').on(t.experimentId)],
);

/** Feature A (`featureId`) needs feature B (`dependsOnId`) first. */
export const dependencies = pgTable(
  'dependencies',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    featureId: uuid('feature_id')
      .notNull()
      .references(() => features.id, { onDelete: 'cascade' }),
    dependsOnId: uuid('depends_on_id')
      .notNull()
      .references(() => features.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
    createdById: uuid('created_by_id').references(() => members.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dependencies_pair_uq').on(t.featureId, t.dependsOnId),
    index('dependencies_depends_on_idx').on(t.dependsOnId),
    index('dependencies_workspace_idx').on(t.workspaceId),
  ],
);

/**
 * A prioritization framework of a workspace: RICE, WSJF, value/effort, ICE or weighted scoring with its
 * own criteria. `config` holds the weights and criteria (see the prioritization contract).
 */
export const prioritizationFrameworks = pgTable(
  'prioritization_frameworks',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    // rice | wsjf | value_effort | ice | weighted
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    isDefault: boolean('is_default').notNull().default(false),
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [index('prioritization_frameworks_workspace_idx').on(t.workspaceId)],
);

/** A feature's computed score under one framework, refreshed when its inputs or the framework change. */
export const featureScores = pgTable(
  'feature_scores',
  {
    workspaceId: workspaceRef(),
    featureId: uuid('feature_id')
      .notNull()
      .references(() => features.id, { onDelete: 'cascade' }),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => prioritizationFrameworks.id, { onDelete: 'cascade' }),
    // Null when the feature lacks an input the framework needs.
    score: doublePrecision('score'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.featureId, t.frameworkId] }), index('feature_scores_framework_idx').on(t.frameworkId, t.score)],
);

/** Capacity of a component in one quarter ('2027-Q1'), in the workspace's unit. */
export const capacities = pgTable(
  'capacities',
  {
    workspaceId: workspaceRef(),
    componentId: uuid('component_id')
      .notNull()
      .references(() => components.id, { onDelete: 'cascade' }),
    quarter: text('quarter').notNull(),
    capacity: numeric('capacity', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.componentId, t.quarter] }), index('capacities_workspace_quarter_idx').on(t.workspaceId, t.quarter)],
);

/** Roadmap settings of a workspace. */
export const roadmapSettings = pgTable('roadmap_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  // points | person_weeks
  capacityUnit: text('capacity_unit').notNull().default('points'),
  // Feature fields hidden from the stakeholder (viewer) version, e.g. effort, scores, description.
  internalFields: text('internal_fields').array().notNull().default(sql`'{effort,scores}'::text[]`),
  version: integer('version').notNull().default(1),
  ...timestamps,
});

/** A saved roadmap view: its filters and layout, private to its owner or shared with the workspace. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    shared: boolean('shared').notNull().default(false),
    // { view: 'horizon' | 'timeline', productId, componentIds, pillarIds, statuses, ownerIds, releaseIds }
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('saved_views_workspace_idx').on(t.workspaceId, t.ownerId)],
);
