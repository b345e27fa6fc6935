import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Id, IsoDate, Version, listOf } from './common.js';
import { CalendarDate } from './discovery-research.js';

/** Assessments, ratings, comparisons and the team view (issue 5). */

export const ASSESSMENT_SIDES = ['self', 'coach'] as const;
export type AssessmentSide = (typeof ASSESSMENT_SIDES)[number];
export const ASSESSMENT_SIDE_STATUSES = ['draft', 'submitted'] as const;
export type AssessmentSideStatus = (typeof ASSESSMENT_SIDE_STATUSES)[number];

/** Records evidence may link to; decisions and status updates belong to a module still to come and are refused for now. */
export const ASSESSMENT_LINK_TYPES = ['interview', 'experiment', 'feature', 'requirements', 'opportunity', 'feedback', 'decision', 'proposal', 'update'] as const;
export type AssessmentLinkType = (typeof ASSESSMENT_LINK_TYPES)[number];
export const ASSESSMENT_LINK_TYPES_AVAILABLE = ['interview', 'experiment', 'feature', 'requirements', 'opportunity', 'feedback', 'proposal', 'decision', 'update'] as const;
export type AvailableAssessmentLinkType = (typeof ASSESSMENT_LINK_TYPES_AVAILABLE)[number];

export const ASSESSMENT_LIMITS = {
  periodMax: 40,
  evidenceMax: LIMITS.descriptionMax,
  linksMax: 20,
  importanceMin: 1,
  importanceMax: 10,
} as const;

const PersonRef = z.object({ id: Id, name: z.string() });
const SideStatus = z.enum(ASSESSMENT_SIDE_STATUSES);
const Side = z.enum(ASSESSMENT_SIDES).describe('self: rated by the person; coach: rated by the assessment’s coach');

export const AssessmentParams = z.object({ workspaceId: Id, assessmentId: Id.describe('Assessment id') });
export const AssessmentPersonParams = z.object({ workspaceId: Id, personId: Id.describe('The person (member id)') });

export const Assessment = z
  .object({
    id: Id,
    personId: Id,
    person: PersonRef,
    coachId: Id.nullable().describe('Rates the coach side; null until a lead claims it'),
    coach: PersonRef.nullable(),
    frameworkId: Id,
    framework: z.object({ id: Id, name: z.string(), key: z.string().nullable() }),
    period: z.string().describe('Label such as 2027-Q1'),
    periodStart: z.string().nullable().describe('YYYY-MM-DD'),
    periodEnd: z.string().nullable().describe('YYYY-MM-DD'),
    levelId: Id.nullable().describe('The person’s level when the assessment was opened: the yardstick'),
    level: z.object({ id: Id, title: z.string() }).nullable(),
    selfStatus: SideStatus,
    coachStatus: SideStatus,
    selfSubmittedAt: IsoDate.nullable(),
    coachSubmittedAt: IsoDate.nullable(),
    mySides: z.array(Side).describe('The sides the caller may rate (while in draft)'),
    canDelete: z.boolean().describe('Whether the caller may delete it'),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('A self and a coach assessment of one person for one period on one framework');
export type Assessment = z.infer<typeof Assessment>;

export const AssessmentList = listOf(Assessment, 'Assessments, latest period first');
export type AssessmentList = z.infer<typeof AssessmentList>;

export const AssessmentListQuery = z.object({
  personId: Id.optional().describe('Only this person’s'),
  period: z.string().trim().max(ASSESSMENT_LIMITS.periodMax).optional().describe('Only this period label'),
  frameworkId: Id.optional().describe('Only on this framework'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(100).describe('Page size'),
  offset: z.coerce.number().int().min(0).default(0).describe('Rows to skip'),
});

export const CreateAssessment = z
  .object({
    period: z.string().trim().min(1, 'must not be empty').max(ASSESSMENT_LIMITS.periodMax, `must be at most ${ASSESSMENT_LIMITS.periodMax} characters`).describe('Label such as 2027-Q1; a quarter, half or year fills the dates'),
    frameworkId: Id.optional().describe('Defaults to the workspace’s default framework'),
    periodStart: CalendarDate.optional(),
    periodEnd: CalendarDate.optional(),
    coachId: Id.optional().describe('A lead or admin who rates the coach side; defaults to the caller when they coach the person'),
  })
  .strict();
export type CreateAssessment = z.infer<typeof CreateAssessment>;

export const AssessmentLinkInput = z
  .object({ type: z.enum(ASSESSMENT_LINK_TYPES).describe('Kind of record'), id: Id.describe('The record’s id') })
  .strict();
export const AssessmentLink = z.object({
  type: z.enum(ASSESSMENT_LINK_TYPES),
  id: Id,
  label: z.string().describe('The record’s title, or “(deleted)”'),
  exists: z.boolean(),
});
export type AssessmentLink = z.infer<typeof AssessmentLink>;

export const AssessmentRating = z
  .object({
    rating: z.number().int().nullable(),
    importance: z.number().int().nullable().describe('1-10, on frameworks that rate importance'),
    evidence: z.string(),
    links: z.array(AssessmentLink),
    updatedAt: IsoDate,
  })
  .describe('One side’s rating of one competency');
export type AssessmentRating = z.infer<typeof AssessmentRating>;

export const AssessmentScale = z.object({
  min: z.number().int(),
  max: z.number().int(),
  labels: z.array(z.string()).describe('One label per point, from min up'),
  ratesImportance: z.boolean(),
});
export type AssessmentScale = z.infer<typeof AssessmentScale>;

const SideState = z.object({ status: SideStatus, visible: z.boolean().describe('False when it is another person’s draft: its ratings are withheld') });

export const AssessmentRatings = z
  .object({
    assessmentId: Id,
    scale: AssessmentScale,
    sides: z.object({ self: SideState, coach: SideState }),
    competencies: z.array(
      z.object({
        competencyId: Id,
        key: z.string(),
        name: z.string(),
        area: z.string(),
        description: z.string(),
        descriptors: z.array(z.string()).describe('What the competency looks like at rising proficiency'),
        expected: z.number().int().nullable().describe('What the level expects'),
        self: AssessmentRating.nullable().describe('Null when not rated yet, or when the caller may not see it'),
        coach: AssessmentRating.nullable(),
      }),
    ),
  })
  .describe('Both sides’ ratings per competency, each shown only to whoever may see it');
export type AssessmentRatings = z.infer<typeof AssessmentRatings>;

export const AssessmentRatingInput = z
  .object({
    competencyId: Id,
    rating: z.number().int().nullable().describe('On the framework’s scale; null keeps a draft unrated'),
    importance: z.number().int().nullable().optional().describe('1-10; only on frameworks that rate importance'),
    evidence: z.string().max(ASSESSMENT_LIMITS.evidenceMax, `must be at most ${ASSESSMENT_LIMITS.evidenceMax} characters`).optional(),
    links: z.array(AssessmentLinkInput).max(ASSESSMENT_LIMITS.linksMax, `must be at most ${ASSESSMENT_LIMITS.linksMax} links`).optional(),
  })
  .strict();
export type AssessmentRatingInput = z.infer<typeof AssessmentRatingInput>;

export const PutAssessmentRatings = z
  .object({
    side: Side,
    ratings: z.array(AssessmentRatingInput).min(1, 'must rate at least one competency').max(50),
  })
  .strict();
export type PutAssessmentRatings = z.infer<typeof PutAssessmentRatings>;

export const SubmitAssessmentSide = z.object({ side: Side }).strict();
export type SubmitAssessmentSide = z.infer<typeof SubmitAssessmentSide>;

export const AssessmentComparisonRow = z.object({
  competencyId: Id,
  position: z.number().int().describe('Order in the framework (the rows themselves are sorted by weighted gap)'),
  key: z.string(),
  name: z.string(),
  area: z.string(),
  self: z.number().int().nullable(),
  coach: z.number().int().nullable(),
  expected: z.number().int().nullable(),
  gap: z.number().nullable().describe('expected − (coach ?? self); positive is below expectation'),
  importance: z.number().int().nullable().describe('Coach’s, else self’s, else 5; null on frameworks without importance'),
  weightedGap: z.number().nullable().describe('gap × importance / 10; the gap itself on frameworks without importance'),
});
export type AssessmentComparisonRow = z.infer<typeof AssessmentComparisonRow>;

export const AssessmentGapTotals = z.object({
  competencies: z.number().int(),
  measured: z.number().int().describe('Competencies with an expectation and a visible rating'),
  below: z.number().int().describe('Competencies below expectation'),
  totalGap: z.number().describe('Sum of the positive gaps'),
  totalWeightedGap: z.number().describe('Sum of the positive weighted gaps'),
  selfAverage: z.number().nullable(),
  coachAverage: z.number().nullable(),
  expectedAverage: z.number().nullable(),
});
export type AssessmentGapTotals = z.infer<typeof AssessmentGapTotals>;

export const AssessmentComparison = z
  .object({
    assessmentId: Id,
    period: z.string(),
    scale: AssessmentScale,
    sides: z.object({ self: SideState, coach: SideState }),
    competencies: z.array(AssessmentComparisonRow).describe('Biggest weighted gap first'),
    totals: AssessmentGapTotals,
  })
  .describe('Self, coach and expectation side by side, with the gap weighted by importance');
export type AssessmentComparison = z.infer<typeof AssessmentComparison>;

export const AssessmentHistoryQuery = z.object({ frameworkId: Id.optional().describe('Defaults to the workspace’s default framework') });

export const AssessmentHistory = z
  .object({
    personId: Id,
    framework: z.object({ id: Id, name: z.string(), key: z.string().nullable() }),
    scale: AssessmentScale,
    competencies: z.array(z.object({ competencyId: Id, key: z.string(), name: z.string(), area: z.string() })),
    periods: z.array(
      z.object({
        assessmentId: Id,
        period: z.string(),
        periodStart: z.string().nullable(),
        periodEnd: z.string().nullable(),
        level: z.object({ id: Id, title: z.string() }).nullable(),
        selfStatus: SideStatus,
        coachStatus: SideStatus,
        selfAverage: z.number().nullable(),
        coachAverage: z.number().nullable(),
        expectedAverage: z.number().nullable(),
        totalGap: z.number().nullable().describe('Sum of positive gaps; null when nothing could be measured'),
        ratings: z.array(z.object({ competencyId: Id, self: z.number().int().nullable(), coach: z.number().int().nullable(), expected: z.number().int().nullable() })),
      }),
    ),
    changes: z
      .array(
        z.object({
          competencyId: Id,
          first: z.number().int().nullable().describe('AssessmentRating (coach, else self) in the first period that has one'),
          latest: z.number().int().nullable(),
          change: z.number().nullable(),
          firstGap: z.number().nullable(),
          latestGap: z.number().nullable(),
          trend: z.enum(['closed', 'widened', 'unchanged', 'n/a']),
        }),
      )
      .describe('Per competency: first against latest'),
  })
  .describe('Submitted sides only, oldest period first');
export type AssessmentHistory = z.infer<typeof AssessmentHistory>;

export const AssessmentArtifactsQuery = z.object({ q: z.string().trim().max(200).optional().describe('Words in the title') });
export const AssessmentArtifact = z.object({
  type: z.enum(ASSESSMENT_LINK_TYPES_AVAILABLE),
  id: Id,
  label: z.string(),
  date: z.string().describe('When it happened or last changed, YYYY-MM-DD'),
});
export type AssessmentArtifact = z.infer<typeof AssessmentArtifact>;
export const AssessmentArtifacts = z.object({ items: z.array(AssessmentArtifact) }).describe('The person’s recent work, to pick evidence from (at most 50)');
export type AssessmentArtifacts = z.infer<typeof AssessmentArtifacts>;

// Team view

export const CoachingTeamQuery = z.object({ frameworkId: Id.optional().describe('Defaults to the workspace’s default framework') });

export const ASSESSMENT_GAP_TRENDS = ['closed', 'widened', 'unchanged', 'n/a'] as const;
export type AssessmentGapTrend = (typeof ASSESSMENT_GAP_TRENDS)[number];

export const CoachingTeamPerson = z.object({
  personId: Id,
  name: z.string(),
  role: z.string(),
  level: z.object({ id: Id, title: z.string() }).nullable(),
  assessment: z.object({ id: Id, period: z.string() }).nullable().describe('The latest assessment with a submitted side'),
  cells: z.array(
    z.object({
      competencyId: Id,
      rating: z.number().int().nullable(),
      source: z.enum(['coach', 'self']).nullable().describe('self when only the self side is submitted'),
      expected: z.number().int().nullable(),
      delta: z.number().nullable().describe('rating − expected'),
    }),
  ),
  cadence: z.object({
    lastSessionAt: IsoDate.nullable(),
    nextSessionAt: IsoDate.nullable(),
    sessionsLast90Days: z.number().int(),
    daysSinceLast: z.number().int().nullable(),
    overdue: z.boolean().describe('No session within the cadence (or none yet)'),
  }),
  gaps: z.object({
    trend: z.enum(ASSESSMENT_GAP_TRENDS),
    latestTotal: z.number().nullable(),
    previousTotal: z.number().nullable(),
    latestPeriod: z.string().nullable(),
    previousPeriod: z.string().nullable(),
  }),
});
export type CoachingTeamPerson = z.infer<typeof CoachingTeamPerson>;

export const CoachingTeamView = z
  .object({
    framework: z.object({ id: Id, name: z.string(), key: z.string().nullable() }),
    scale: AssessmentScale,
    cadenceDays: z.number().int(),
    competencies: z.array(z.object({ competencyId: Id, key: z.string(), name: z.string(), area: z.string() })),
    people: z.array(CoachingTeamPerson),
  })
  .describe('Competencies across PMs, coaching cadence and whether gaps closed');
export type CoachingTeamView = z.infer<typeof CoachingTeamView>;
