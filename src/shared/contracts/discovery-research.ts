import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Description, Id, IsoDate, Version, VersionedUpdate, listOf } from './common.js';
import { EvidenceImportance } from './discovery-opportunities.js';

/** Interview notes are long-form Markdown; a transcript of an hour fits comfortably. */
export const INTERVIEW_NOTES_MAX = 200_000;
export const EXPERIMENT_TYPES = ['interview', 'survey', 'prototype_test', 'ab_test', 'fake_door', 'pricing_test', 'concierge'] as const;
export type ExperimentType = (typeof EXPERIMENT_TYPES)[number];
export const EXPERIMENT_STATUSES = ['planned', 'running', 'completed', 'cancelled'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];
export const EXPERIMENT_RESULTS = ['validated', 'invalidated', 'inconclusive'] as const;
export type ExperimentResult = (typeof EXPERIMENT_RESULTS)[number];

const Title = z.string().trim().min(1, 'must not be empty').max(LIMITS.titleMax, `must be at most ${LIMITS.titleMax} characters`);
/** A calendar date, YYYY-MM-DD, that exists. */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'must be a date that exists')
  .describe('Calendar date, YYYY-MM-DD');
const Person = z.object({ id: Id, name: z.string() }).nullable();
const LongText = z.string().max(LIMITS.descriptionMax, `must be at most ${LIMITS.descriptionMax} characters`);

// Interviews

export const InterviewContact = z.object({ id: Id, name: z.string(), customer: Person }).nullable().describe('The participant as a contact of a customer');

export const InterviewSummary = z
  .object({
    id: Id,
    title: z.string(),
    date: z.string().describe('YYYY-MM-DD'),
    contactId: Id.nullable(),
    contact: InterviewContact,
    participantName: z.string().describe('The participant when not a known contact'),
    interviewerId: Id.nullable(),
    interviewer: Person,
    highlightCount: z.number().int(),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('Customer interview');
export type InterviewSummary = z.infer<typeof InterviewSummary>;

export const InterviewHighlight = z
  .object({
    id: Id.describe('Feedback id'),
    text: z.string().describe('The quote'),
    importance: z.number().int(),
    status: z.string().describe('Feedback status'),
    opportunityIds: z.array(Id).describe('Opportunities it is evidence for'),
    capturedAt: IsoDate,
  })
  .describe('A quote from the notes, kept as a feedback item with source interview');

export const Interview = InterviewSummary.extend({
  script: z.string().describe('Script or questions'),
  notes: z.string().describe('Markdown, stored as written; rendered sanitised'),
  highlights: z.array(InterviewHighlight),
}).describe('Customer interview with notes and highlights');
export type Interview = z.infer<typeof Interview>;

export const InterviewList = listOf(InterviewSummary, 'Interviews, most recent first');
export const InterviewParams = z.object({ workspaceId: Id, interviewId: Id });
export const InterviewListQuery = z.object({
  contactId: Id.optional().describe('Only interviews with this contact'),
  q: z.string().trim().max(200).optional().describe('Words in the title or participant'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50).describe('Page size'),
  offset: z.coerce.number().int().min(0).default(0).describe('Rows to skip'),
});

const Notes = z.string().max(INTERVIEW_NOTES_MAX, `must be at most ${INTERVIEW_NOTES_MAX} characters`).describe('Markdown notes');
export const CreateInterview = z
  .object({
    title: Title.describe('What the interview was about'),
    date: CalendarDate.describe('Day of the interview'),
    contactId: Id.nullable().optional().describe('The participant, a contact of a customer'),
    participantName: z.string().trim().max(LIMITS.nameMax).optional().describe('The participant when not a contact'),
    interviewerId: Id.nullable().optional().describe('Member who ran it (default: you)'),
    script: LongText.optional().describe('Script or questions'),
    notes: Notes.optional(),
  })
  .strict();
export const UpdateInterview = VersionedUpdate.extend({
  title: Title.optional(),
  date: CalendarDate.optional(),
  contactId: Id.nullable().optional(),
  participantName: z.string().trim().max(LIMITS.nameMax).optional(),
  interviewerId: Id.nullable().optional(),
  script: LongText.optional(),
  notes: Notes.optional(),
}).strict();
export type CreateInterview = z.infer<typeof CreateInterview>;
export type UpdateInterview = z.infer<typeof UpdateInterview>;

export const CreateHighlight = z
  .object({
    start: z.number().int().describe('First character of the quote in the notes (0-based, UTF-16 units)'),
    end: z.number().int().describe('One past its last character'),
    importance: EvidenceImportance.optional(),
    opportunityId: Id.optional().describe('Also link the new feedback to this opportunity'),
  })
  .strict();
export type CreateHighlight = z.infer<typeof CreateHighlight>;
export const CreatedHighlight = z.object({ feedbackId: Id.describe('The new feedback item'), opportunityId: Id.nullable() }).describe('Highlight saved as feedback');

// Experiments

const ExperimentTypeSchema = z.enum(EXPERIMENT_TYPES).describe('interview, survey, prototype_test, ab_test, fake_door, pricing_test or concierge');
const ExperimentStatusSchema = z.enum(EXPERIMENT_STATUSES).describe('planned, running, completed or cancelled');
const ExperimentResultSchema = z.enum(EXPERIMENT_RESULTS).describe('validated, invalidated or inconclusive; only for a completed experiment');
const Hypothesis = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.descriptionMax)
  .describe('Best written as “We believe <this change> will <this outcome> for <these people>, measured by <this signal>.”');

export const Experiment = z
  .object({
    id: Id,
    title: z.string(),
    hypothesis: z.string(),
    type: ExperimentTypeSchema,
    metric: z.string(),
    successCriterion: z.string(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    status: ExperimentStatusSchema,
    result: ExperimentResultSchema.nullable(),
    learning: z.string(),
    decision: z.string(),
    ownerId: Id.nullable(),
    owner: Person,
    opportunityIds: z.array(Id),
    opportunities: z.array(z.object({ id: Id, title: z.string() })),
    features: z
      .array(z.object({ id: Id, title: z.string(), status: z.string().describe('The feature\u2019s status') }))
      .describe('Features this experiment informs (linked from the feature page; features marked internal are left out)'),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('Validation experiment');
export type Experiment = z.infer<typeof Experiment>;
export const ExperimentList = listOf(Experiment, 'Experiments, most recently changed first');
export const ExperimentParams = z.object({ workspaceId: Id, experimentId: Id });
export const ExperimentListQuery = z.object({
  status: ExperimentStatusSchema.optional(),
  type: ExperimentTypeSchema.optional(),
  opportunityId: Id.optional().describe('Only experiments testing this opportunity'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50).describe('Page size'),
  offset: z.coerce.number().int().min(0).default(0).describe('Rows to skip'),
});

export const CreateExperiment = z
  .object({
    title: z.string().trim().max(LIMITS.titleMax).optional().describe('Short name (optional)'),
    hypothesis: Hypothesis,
    type: ExperimentTypeSchema,
    metric: Description.optional().describe('What is measured'),
    successCriterion: Description.optional().describe('The threshold that validates the hypothesis'),
    startsOn: CalendarDate.nullable().optional(),
    endsOn: CalendarDate.nullable().optional().describe('On or after startsOn'),
    status: ExperimentStatusSchema.optional(),
    opportunityIds: z.array(Id).max(50).optional().describe('Opportunities it tests'),
    ownerId: Id.nullable().optional().describe('Member id of the owner'),
  })
  .strict();
export const UpdateExperiment = VersionedUpdate.extend({
  title: z.string().trim().max(LIMITS.titleMax).optional(),
  hypothesis: Hypothesis.optional(),
  type: ExperimentTypeSchema.optional(),
  metric: Description.optional(),
  successCriterion: Description.optional(),
  startsOn: CalendarDate.nullable().optional(),
  endsOn: CalendarDate.nullable().optional(),
  status: ExperimentStatusSchema.optional(),
  result: ExperimentResultSchema.nullable().optional(),
  learning: Description.optional().describe('What was learned'),
  decision: Description.optional().describe('What was decided because of it'),
  opportunityIds: z.array(Id).max(50).optional().describe('Replaces the linked opportunities'),
  ownerId: Id.nullable().optional(),
}).strict();
export type CreateExperiment = z.infer<typeof CreateExperiment>;
export type UpdateExperiment = z.infer<typeof UpdateExperiment>;
