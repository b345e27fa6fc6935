import { sql, type SQL } from 'drizzle-orm';
import { boolean, customType, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns.js';
import { members, workspaceRef } from './workspace.js';

/** PostgreSQL full-text vector; generated from other columns, never written by the app. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A link from coaching evidence to a real Sextant record. */
export interface ArtifactLink {
  type: 'interview' | 'experiment' | 'feature' | 'requirements' | 'opportunity' | 'feedback' | 'decision' | 'proposal' | 'update';
  id: string;
  label?: string;
}

// ---------------------------------------------------------------------------------------------
// Career ladder
// ---------------------------------------------------------------------------------------------

/** A career ladder: levels on a shared trunk that splits into an IC and a management track. */
export const ladders = pgTable(
  'ladders',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    isDefault: boolean('is_default').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('ladders_workspace_idx').on(t.workspaceId)],
);

export const ladderLevels = pgTable(
  'ladder_levels',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    ladderId: uuid('ladder_id')
      .notNull()
      .references(() => ladders.id, { onDelete: 'cascade' }),
    // Stable slug of a built-in level (e.g. "senior-pm"); null for levels a workspace adds.
    key: text('key'),
    // shared (both tracks) | ic | management
    track: text('track').notNull().default('shared'),
    // Seniority, low to high; levels of the two tracks can share a rank.
    rank: integer('rank').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    scope: text('scope').notNull().default(''),
    // Salary band, whole currency units; visible only to the roles coaching settings allow.
    salaryMin: numeric('salary_min', { precision: 14, scale: 0, mode: 'number' }),
    salaryMid: numeric('salary_mid', { precision: 14, scale: 0, mode: 'number' }),
    salaryMax: numeric('salary_max', { precision: 14, scale: 0, mode: 'number' }),
    salaryCurrency: text('salary_currency').notNull().default('USD'),
    salarySource: text('salary_source').notNull().default(''),
    salaryEffectiveOn: date('salary_effective_on', { mode: 'string' }),
    // True for the reference text's quoted figures until someone edits the band.
    salarySample: boolean('salary_sample').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('ladder_levels_ladder_idx').on(t.ladderId, t.rank)],
);

/** A snapshot of a whole ladder (levels, expectations, bands) after each edit. */
export const ladderVersions = pgTable(
  'ladder_versions',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    ladderId: uuid('ladder_id')
      .notNull()
      .references(() => ladders.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    summary: text('summary').notNull().default(''),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    createdById: uuid('created_by_id').references(() => members.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ladder_versions_uq').on(t.ladderId, t.version)],
);

/** Where a person stands on the ladder: one level per member. */
export const personLevels = pgTable(
  'person_levels',
  {
    memberId: uuid('member_id')
      .primaryKey()
      .references(() => members.id, { onDelete: 'cascade' }),
    workspaceId: workspaceRef(),
    levelId: uuid('level_id')
      .notNull()
      .references(() => ladderLevels.id, { onDelete: 'cascade' }),
    since: date('since', { mode: 'string' }),
    note: text('note').notNull().default(''),
    updatedById: uuid('updated_by_id').references(() => members.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('person_levels_workspace_idx').on(t.workspaceId, t.levelId)],
);

/** Per-workspace coaching settings. */
export const coachingSettings = pgTable('coaching_settings', {
  workspaceId: uuid('workspace_id').primaryKey(),
  // Roles that see salary bands.
  salaryRoles: text('salary_roles').array().notNull().default(sql`'{admin,lead}'::text[]`),
  defaultFrameworkId: uuid('default_framework_id'),
  // The cadence a coach aims for; the team view flags PMs past it.
  cadenceDays: integer('cadence_days').notNull().default(14),
  version: integer('version').notNull().default(1),
  ...timestamps,
});

// ---------------------------------------------------------------------------------------------
// Competency frameworks
// ---------------------------------------------------------------------------------------------

export const competencyFrameworks = pgTable(
  'competency_frameworks',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    // Built-in frameworks: product-lead | pm-assessment | competency-toolkit | pm-wheel; null for custom.
    key: text('key'),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    // Attribution of the framework this one follows.
    source: text('source').notNull().default(''),
    scaleMin: integer('scale_min').notNull().default(1),
    scaleMax: integer('scale_max').notNull().default(5),
    // One label per scale point, from scaleMin up.
    scaleLabels: jsonb('scale_labels').$type<string[]>().notNull().default([]),
    // Whether each competency is also rated for its importance in this PM's context (SVPG style).
    ratesImportance: boolean('rates_importance').notNull().default(false),
    builtIn: boolean('built_in').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('competency_frameworks_key_uq').on(t.workspaceId, t.key).where(sql`${t.key} is not null`)],
);

export const competencies = pgTable(
  'competencies',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => competencyFrameworks.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    area: text('area').notNull().default(''),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    // What the competency looks like at rising proficiency: one descriptor per band of the scale.
    descriptors: jsonb('descriptors').$type<string[]>().notNull().default([]),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('competencies_framework_key_uq').on(t.frameworkId, t.key), index('competencies_workspace_idx').on(t.workspaceId)],
);

/** The rating a level expects on a competency. */
export const levelExpectations = pgTable(
  'level_expectations',
  {
    workspaceId: workspaceRef(),
    levelId: uuid('level_id')
      .notNull()
      .references(() => ladderLevels.id, { onDelete: 'cascade' }),
    competencyId: uuid('competency_id')
      .notNull()
      .references(() => competencies.id, { onDelete: 'cascade' }),
    expected: integer('expected').notNull(),
  },
  (t) => [primaryKey({ columns: [t.levelId, t.competencyId] }), index('level_expectations_competency_idx').on(t.competencyId)],
);

/** The Socratic question bank: open questions per competency. */
export const coachingQuestions = pgTable(
  'coaching_questions',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    competencyId: uuid('competency_id')
      .notNull()
      .references(() => competencies.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    // Signal keys (coaching-signals) this question probes, so low signals surface it.
    signals: text('signals').array().notNull().default(sql`'{}'::text[]`),
    builtIn: boolean('built_in').notNull().default(false),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('coaching_questions_competency_idx').on(t.competencyId, t.position), index('coaching_questions_workspace_idx').on(t.workspaceId)],
);

// ---------------------------------------------------------------------------------------------
// Assessments
// ---------------------------------------------------------------------------------------------

export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    personId: uuid('person_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    coachId: uuid('coach_id').references(() => members.id, { onDelete: 'set null' }),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => competencyFrameworks.id, { onDelete: 'cascade' }),
    // A label such as "2027-Q1" or "H2 2026"; start and end bound the signals shown beside it.
    period: text('period').notNull(),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    // The person's level when the assessment was opened: its expectations are the yardstick.
    levelId: uuid('level_id').references(() => ladderLevels.id, { onDelete: 'set null' }),
    // draft | submitted, per side: a draft side is visible to its author only.
    selfStatus: text('self_status').notNull().default('draft'),
    coachStatus: text('coach_status').notNull().default('draft'),
    selfSubmittedAt: timestamp('self_submitted_at', { withTimezone: true }),
    coachSubmittedAt: timestamp('coach_submitted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('assessments_person_period_uq').on(t.workspaceId, t.personId, t.frameworkId, t.period),
    index('assessments_workspace_person_idx').on(t.workspaceId, t.personId, t.createdAt),
    index('assessments_coach_idx').on(t.coachId),
  ],
);

export const assessmentRatings = pgTable(
  'assessment_ratings',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    competencyId: uuid('competency_id')
      .notNull()
      .references(() => competencies.id, { onDelete: 'cascade' }),
    // self | coach
    rater: text('rater').notNull(),
    raterId: uuid('rater_id').references(() => members.id, { onDelete: 'set null' }),
    rating: integer('rating'),
    // How much this competency matters in this PM's context (frameworks that rate importance).
    importance: integer('importance'),
    evidence: text('evidence').notNull().default(''),
    links: jsonb('links').$type<ArtifactLink[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('assessment_ratings_uq').on(t.assessmentId, t.competencyId, t.rater), index('assessment_ratings_workspace_idx').on(t.workspaceId)],
);

// ---------------------------------------------------------------------------------------------
// Growth plans
// ---------------------------------------------------------------------------------------------

export const growthPlans = pgTable(
  'growth_plans',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    personId: uuid('person_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    coachId: uuid('coach_id').references(() => members.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    // A private plan is visible to its coach and coachee only, never to admins.
    private: boolean('private').notNull().default(false),
    // active | completed | archived
    status: text('status').notNull().default('active'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('growth_plans_workspace_person_idx').on(t.workspaceId, t.personId)],
);

export const growthGoals = pgTable(
  'growth_goals',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => growthPlans.id, { onDelete: 'cascade' }),
    competencyId: uuid('competency_id').references(() => competencies.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    dueOn: date('due_on', { mode: 'string' }),
    // not_started | in_progress | done | dropped
    status: text('status').notNull().default('not_started'),
    // The next bigger challenge: a real feature, experiment or component the PM takes on.
    challengeType: text('challenge_type'),
    challengeId: uuid('challenge_id'),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('growth_goals_plan_idx').on(t.planId, t.position)],
);

export const goalCheckIns = pgTable(
  'goal_check_ins',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => growthGoals.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => members.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
    // 0-100, the author's estimate.
    progress: integer('progress'),
    status: text('status'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('goal_check_ins_goal_idx').on(t.goalId, t.createdAt)],
);

// ---------------------------------------------------------------------------------------------
// Coaching sessions
// ---------------------------------------------------------------------------------------------

export const coachingSessions = pgTable(
  'coaching_sessions',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    coachId: uuid('coach_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    coacheeId: uuid('coachee_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    // scheduled | held | cancelled
    status: text('status').notNull().default('scheduled'),
    heldAt: timestamp('held_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('coaching_sessions_coachee_idx').on(t.workspaceId, t.coacheeId, t.scheduledAt),
    index('coaching_sessions_coach_idx').on(t.workspaceId, t.coachId, t.scheduledAt),
  ],
);

/** Agenda items and action items of a session; open ones carry over to the pair's next session. */
export const coachingSessionItems = pgTable(
  'coaching_session_items',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => coachingSessions.id, { onDelete: 'cascade' }),
    // agenda | action
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    ownerId: uuid('owner_id').references(() => members.id, { onDelete: 'set null' }),
    dueOn: date('due_on', { mode: 'string' }),
    done: boolean('done').notNull().default(false),
    // The item of an earlier session this one carries over.
    carriedFromId: uuid('carried_from_id'),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('coaching_session_items_session_idx').on(t.sessionId, t.kind, t.position)],
);

/** The reasoning journal: questions asked in a session and the PM's answers, searchable across sessions. */
export const coachingJournal = pgTable(
  'coaching_journal',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => coachingSessions.id, { onDelete: 'cascade' }),
    coacheeId: uuid('coachee_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    competencyId: uuid('competency_id').references(() => competencies.id, { onDelete: 'set null' }),
    questionId: uuid('question_id').references(() => coachingQuestions.id, { onDelete: 'set null' }),
    question: text('question').notNull(),
    answer: text('answer').notNull().default(''),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    position: integer('position').notNull().default(0),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs((): SQL => sql`to_tsvector('english', ${coachingJournal.question} || ' ' || ${coachingJournal.answer})`),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('coaching_journal_session_idx').on(t.sessionId, t.position),
    index('coaching_journal_coachee_idx').on(t.workspaceId, t.coacheeId, t.createdAt),
    index('coaching_journal_search_idx').using('gin', t.search),
  ],
);

/** Session notes: shared (coach and coachee) or private (the author only, whoever they are). */
export const coachingNotes = pgTable(
  'coaching_notes',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => coachingSessions.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    // shared | private
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('coaching_notes_session_idx').on(t.sessionId, t.createdAt)],
);

// ---------------------------------------------------------------------------------------------
// Learning log
// ---------------------------------------------------------------------------------------------

export const learningEntries = pgTable(
  'learning_entries',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceRef(),
    personId: uuid('person_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    resource: text('resource').notNull(),
    url: text('url'),
    // article | book | course | community | conference | mentor
    type: text('type').notNull(),
    competencyId: uuid('competency_id').references(() => competencies.id, { onDelete: 'set null' }),
    takeaway: text('takeaway').notNull().default(''),
    learnedOn: date('learned_on', { mode: 'string' }).notNull(),
    // Who logged it: the person, or a coach logging for them.
    loggedById: uuid('logged_by_id').references(() => members.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('learning_entries_person_idx').on(t.workspaceId, t.personId, t.learnedOn)],
);
