import { z } from 'zod';
import { LEARNING_TYPES } from '../coaching.js';
import { LIMITS } from '../limits.js';
import { Id, IsoDate, Version, VersionedUpdate, listOf } from './common.js';
import { CalendarDate } from './discovery-research.js';

/** Growth plans, goals, check-ins and the learning log (issue 5). */

export const GROWTH_PLAN_STATUSES = ['active', 'completed', 'archived'] as const;
export type GrowthPlanStatus = (typeof GROWTH_PLAN_STATUSES)[number];
export const GROWTH_GOAL_STATUSES = ['not_started', 'in_progress', 'done', 'dropped'] as const;
export type GrowthGoalStatus = (typeof GROWTH_GOAL_STATUSES)[number];
/** What a "next bigger challenge" can be: a roadmap item, an experiment or a whole component. */
export const CHALLENGE_TYPES = ['feature', 'experiment', 'component'] as const;
export type ChallengeType = (typeof CHALLENGE_TYPES)[number];
/** Limit of a check-in note or a learning takeaway. */
export const GROWTH_NOTE_MAX = LIMITS.descriptionMax;
export const URL_MAX = 2_000;

const Title = z.string().trim().min(1, 'must not be empty').max(LIMITS.titleMax, `must be at most ${LIMITS.titleMax} characters`);
const LongText = z.string().trim().max(LIMITS.descriptionMax, `must be at most ${LIMITS.descriptionMax} characters`);
const PersonRef = z.object({ id: Id, name: z.string() });
const PlanStatusSchema = z.enum(GROWTH_PLAN_STATUSES).describe('active, completed or archived');
const GoalStatusSchema = z.enum(GROWTH_GOAL_STATUSES).describe('not_started, in_progress, done or dropped');
const ChallengeTypeSchema = z.enum(CHALLENGE_TYPES).describe('feature, experiment or component');
const LearningTypeSchema = z.enum(LEARNING_TYPES).describe('article, book, course, community, conference or mentor');
const CompetencyRef = z.object({ id: Id, name: z.string(), frameworkId: Id }).describe('The competency, from a framework of the workspace');

// Growth plans

export const GrowthChallenge = z
  .object({
    type: ChallengeTypeSchema,
    id: Id,
    title: z.string().describe('Feature title, experiment title (else its hypothesis) or component name'),
    status: z.string().nullable().describe('Live status: the feature’s or the experiment’s; null for a component'),
    detail: z.string().describe('One line of context: the component of a feature, the result of an experiment, the shipped features of a component'),
    link: z
      .object({ to: z.enum(['feature', 'experiment', 'product']), id: Id })
      .nullable()
      .describe('Where the record lives in the app (a component opens its product page); null once the record is gone'),
    available: z.boolean().describe('False when the record was deleted since the goal named it'),
  })
  .describe('The next bigger challenge a goal names, resolved to its live record');
export type GrowthChallenge = z.infer<typeof GrowthChallenge>;

export const GoalCheckIn = z
  .object({
    id: Id,
    goalId: Id,
    author: PersonRef.nullable(),
    note: z.string(),
    progress: z.number().int().nullable().describe('0-100, the author’s estimate'),
    status: GoalStatusSchema.nullable().describe('The goal status this check-in set, if any'),
    createdAt: IsoDate,
  })
  .describe('A check-in on a growth goal');
export type GoalCheckIn = z.infer<typeof GoalCheckIn>;

export const GrowthGoal = z
  .object({
    id: Id,
    planId: Id,
    title: z.string(),
    description: z.string(),
    competencyId: Id.nullable(),
    competency: CompetencyRef.nullable(),
    dueOn: z.string().nullable().describe('YYYY-MM-DD'),
    status: GoalStatusSchema,
    overdue: z.boolean().describe('Past its due date and neither done nor dropped'),
    challenge: GrowthChallenge.nullable(),
    latestCheckIn: GoalCheckIn.nullable(),
    progress: z.number().int().nullable().describe('The latest progress a check-in gave (0-100); 100 once done'),
    checkInCount: z.number().int(),
    position: z.number().int(),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('A goal of a growth plan');
export type GrowthGoal = z.infer<typeof GrowthGoal>;

export const GrowthPlanSummary = z
  .object({
    id: Id,
    personId: Id,
    person: PersonRef,
    coachId: Id.nullable(),
    coach: PersonRef.nullable(),
    title: z.string(),
    summary: z.string(),
    private: z.boolean().describe('Visible to the person and their coach only, never to admins'),
    status: PlanStatusSchema,
    goalCount: z.number().int().describe('Goals, dropped ones left out'),
    doneCount: z.number().int(),
    overdueCount: z.number().int(),
    nextDueOn: z.string().nullable().describe('The earliest due date of an open goal'),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('Growth plan');
export type GrowthPlanSummary = z.infer<typeof GrowthPlanSummary>;

export const GrowthPlan = GrowthPlanSummary.extend({ goals: z.array(GrowthGoal).describe('In plan order') }).describe('Growth plan with its goals');
export type GrowthPlan = z.infer<typeof GrowthPlan>;
export const GrowthPlanList = listOf(GrowthPlanSummary, 'Growth plans the caller may see, active first, then most recently changed');
export type GrowthPlanList = z.infer<typeof GrowthPlanList>;

export const GrowthPlanParams = z.object({ workspaceId: Id, planId: Id });
export const GrowthGoalParams = z.object({ workspaceId: Id, goalId: Id });
export const GoalCheckInParams = z.object({ workspaceId: Id, checkInId: Id });
export const GrowthPlanListQuery = z.object({
  personId: Id.optional().describe('Only this person’s plans'),
  status: PlanStatusSchema.optional(),
});

export const CreateGrowthPlan = z
  .object({
    personId: Id.describe('Whose plan: yourself, or a PM you coach'),
    title: Title,
    summary: LongText.optional().describe('What this plan is for, in a paragraph'),
    private: z.boolean().optional().describe('Only the person and their coach see it (default false)'),
    coachId: Id.optional().describe('The coach (a lead or admin); defaults to you when you coach the person'),
  })
  .strict();
export type CreateGrowthPlan = z.infer<typeof CreateGrowthPlan>;
export const UpdateGrowthPlan = VersionedUpdate.extend({
  title: Title.optional(),
  summary: LongText.optional(),
  private: z.boolean().optional(),
  status: PlanStatusSchema.optional(),
}).strict();
export type UpdateGrowthPlan = z.infer<typeof UpdateGrowthPlan>;

const ChallengeInput = z
  .object({ type: ChallengeTypeSchema, id: Id.describe('Id of the feature, experiment or component') })
  .strict()
  .describe('The next bigger challenge: a real feature, experiment or component of this workspace');
export const CreateGrowthGoal = z
  .object({
    title: Title,
    description: LongText.optional(),
    competencyId: Id.nullable().optional().describe('The competency it grows'),
    dueOn: CalendarDate.nullable().optional(),
    status: GoalStatusSchema.optional(),
    challenge: ChallengeInput.nullable().optional(),
  })
  .strict();
export type CreateGrowthGoal = z.infer<typeof CreateGrowthGoal>;
export const UpdateGrowthGoal = VersionedUpdate.extend({
  title: Title.optional(),
  description: LongText.optional(),
  competencyId: Id.nullable().optional(),
  dueOn: CalendarDate.nullable().optional(),
  status: GoalStatusSchema.optional(),
  challenge: ChallengeInput.nullable().optional().describe('null clears it'),
  position: z.number().int().min(0).max(10_000).optional().describe('Order in the plan'),
}).strict();
export type UpdateGrowthGoal = z.infer<typeof UpdateGrowthGoal>;

export const CreateGoalCheckIn = z
  .object({
    note: z.string().trim().min(1, 'must not be empty').max(GROWTH_NOTE_MAX, `must be at most ${GROWTH_NOTE_MAX} characters`).describe('What happened since the last check-in'),
    progress: z.number().int().min(0, 'must be 0-100').max(100, 'must be 0-100').optional(),
    status: GoalStatusSchema.optional().describe('Also moves the goal to this status'),
  })
  .strict();
export type CreateGoalCheckIn = z.infer<typeof CreateGoalCheckIn>;
export const GoalCheckInList = z.object({ items: z.array(GoalCheckIn) }).describe('Check-ins of a goal, newest first');
export const CreatedGoalCheckIn = z.object({ checkIn: GoalCheckIn, goal: GrowthGoal }).describe('The check-in, and the goal as it now stands');
export type CreatedGoalCheckIn = z.infer<typeof CreatedGoalCheckIn>;

// Learning log

export const LearningEntry = z
  .object({
    id: Id,
    personId: Id,
    person: PersonRef,
    resource: z.string().describe('What was read, taken or joined'),
    url: z.string().nullable(),
    type: LearningTypeSchema,
    competencyId: Id.nullable(),
    competency: CompetencyRef.nullable(),
    takeaway: z.string(),
    learnedOn: z.string().describe('YYYY-MM-DD'),
    loggedBy: PersonRef.nullable().describe('Who logged it: the person, or their coach'),
    canEdit: z.boolean().describe('Whether the caller may edit or delete it (the person or whoever logged it)'),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('Learning log entry');
export type LearningEntry = z.infer<typeof LearningEntry>;
export const LearningList = listOf(LearningEntry, 'Learning entries, newest first');
export type LearningList = z.infer<typeof LearningList>;
export const LearningEntryParams = z.object({ workspaceId: Id, learningEntryId: Id });
export const LearningListQuery = z.object({
  personId: Id.optional().describe('Only this person’s entries (default: everyone you may see)'),
  competencyId: Id.optional(),
  type: LearningTypeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(100).describe('Page size'),
  offset: z.coerce.number().int().min(0).default(0).describe('Rows to skip'),
});

const Url = z
  .string()
  .trim()
  .max(URL_MAX, `must be at most ${URL_MAX} characters`)
  .url('must be a web address')
  .refine((u) => /^https?:\/\//i.test(u), 'must start with http:// or https://');
export const CreateLearningEntry = z
  .object({
    personId: Id.optional().describe('Whose learning (default: you); a coach may log for a PM they coach'),
    resource: Title.describe('The article, book, course, community, conference or mentor'),
    url: Url.nullable().optional(),
    type: LearningTypeSchema,
    competencyId: Id.nullable().optional(),
    takeaway: z.string().trim().min(1, 'must not be empty').max(GROWTH_NOTE_MAX, `must be at most ${GROWTH_NOTE_MAX} characters`).describe('What you will do differently'),
    learnedOn: CalendarDate,
  })
  .strict();
export type CreateLearningEntry = z.infer<typeof CreateLearningEntry>;
export const UpdateLearningEntry = VersionedUpdate.extend({
  resource: Title.optional(),
  url: Url.nullable().optional(),
  type: LearningTypeSchema.optional(),
  competencyId: Id.nullable().optional(),
  takeaway: z.string().trim().min(1, 'must not be empty').max(GROWTH_NOTE_MAX).optional(),
  learnedOn: CalendarDate.optional(),
}).strict();
export type UpdateLearningEntry = z.infer<typeof UpdateLearningEntry>;

export const LearningSuggestionsQuery = z.object({ personId: Id.optional().describe('Whose gaps (default: you)') });
export const LearningSuggestion = z
  .object({
    competencyId: Id,
    key: z.string(),
    name: z.string(),
    frameworkId: Id,
    expected: z.number().nullable().describe('What the level expects'),
    self: z.number().nullable(),
    coach: z.number().nullable(),
    gap: z.number().describe('Expected minus the rating; positive means below expectation'),
    weightedGap: z.number(),
    kind: z.enum(['practice', 'judgement']).describe('A technique to learn in depth, or judgement grown with peers'),
    suggestedTypes: z.array(LearningTypeSchema).min(1).describe('Resource types to look for, best first'),
    why: z.string().describe('Why these types, for this gap'),
    pastEntries: z
      .array(z.object({ id: Id, resource: z.string(), type: LearningTypeSchema, learnedOn: z.string() }))
      .describe('What the person already logged on this competency, newest first'),
  })
  .describe('A gap to learn about next');
export type LearningSuggestion = z.infer<typeof LearningSuggestion>;
export const LearningSuggestions = z
  .object({
    personId: Id,
    basis: z.enum(['assessment', 'no-assessment', 'unavailable']).describe('assessment: drawn from the latest submitted assessment; no-assessment: none submitted yet; unavailable: assessments could not be read'),
    advice: z.string().describe('The general advice behind the suggestions'),
    items: z.array(LearningSuggestion).describe('Biggest weighted gap first'),
  })
  .describe('What to learn next');
export type LearningSuggestions = z.infer<typeof LearningSuggestions>;
