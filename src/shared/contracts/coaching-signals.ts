import { z } from 'zod';
import { SIGNAL_KEYS } from '../coaching.js';
import { Id } from './common.js';
import { CalendarDate } from './discovery-research.js';

/** Coaching signals from real work, and the insights drawn from them (issue 5). */

/** How long a signals period may be: long enough for a few years of history, bounded so a request stays cheap. */
export const SIGNAL_PERIOD_MAX_DAYS = 1_100;
/** The period signals cover when none is given: the last 90 days up to today. */
export const SIGNAL_DEFAULT_DAYS = 90;

export const COACHING_INSIGHT_SEVERITIES = ['info', 'attention', 'concern'] as const;
export type CoachingInsightSeverity = (typeof COACHING_INSIGHT_SEVERITIES)[number];
export const COACHING_INSIGHT_LINK_TYPES = ['interview', 'experiment', 'feature'] as const;
export type CoachingInsightLinkType = (typeof COACHING_INSIGHT_LINK_TYPES)[number];

const SignalKeySchema = z.enum(SIGNAL_KEYS).describe('CoachingSignal key');
const CompetencyRef = z.object({ key: z.string().describe('Competency key of the default framework'), name: z.string() });

export const CoachingSignalsQuery = z.object({
  personId: Id.optional().describe('The person (member id); defaults to the caller'),
  from: CalendarDate.optional().describe('First day, YYYY-MM-DD; defaults to 89 days before `to`'),
  to: CalendarDate.optional().describe('Last day, YYYY-MM-DD, included; defaults to today (UTC)'),
});
export type CoachingSignalsQuery = z.infer<typeof CoachingSignalsQuery>;

const PeriodCounts = z.object({
  count: z.number().int().describe('The count in the period'),
  quality: z.number().int().nullable().describe('The quality count in the period, where the signal has one'),
});

export const CoachingSignal = z
  .object({
    key: SignalKeySchema,
    label: z.string(),
    available: z.boolean().describe('False while the module that produces the signal does not exist: it is then not reported at all, never as zero'),
    availableWith: z.string().nullable().describe('The module the signal arrives with, while not available'),
    count: z.number().int().nullable().describe('The count in the period; null when not available'),
    quality: z.object({ label: z.string(), count: z.number().int() }).nullable().describe('A second count where quality matters'),
    previous: PeriodCounts.nullable().describe('The same counts over the previous period of the same length; null when not available'),
    competencies: z.array(CompetencyRef).describe('Competencies of the default framework this signal speaks to'),
    lastAt: z.string().nullable().describe('The most recent occurrence up to the end of the period (date or timestamp)'),
  })
  .describe('One coaching signal of a person over a period');
export type CoachingSignal = z.infer<typeof CoachingSignal>;

export const CoachingSignalsResponse = z
  .object({
    personId: Id,
    from: z.string().describe('YYYY-MM-DD'),
    to: z.string().describe('YYYY-MM-DD'),
    previous: z.object({ from: z.string(), to: z.string() }).describe('The previous period of the same length, for the trend'),
    signals: z.array(CoachingSignal).describe('Every signal, in a fixed order'),
  })
  .describe('A person’s coaching signals over a period, drawn from their work in Sextant');
export type CoachingSignalsResponse = z.infer<typeof CoachingSignalsResponse>;

export const CoachingInsightsQuery = z.object({
  personId: Id.optional().describe('The person (member id); defaults to the caller'),
});

export const CoachingInsightLink = z.object({
  type: z.enum(COACHING_INSIGHT_LINK_TYPES),
  id: Id,
  label: z.string(),
  detail: z.string().nullable().describe('What is missing or notable about the record'),
});
export type CoachingInsightLink = z.infer<typeof CoachingInsightLink>;

export const CoachingInsight = z
  .object({
    key: z.string().describe('Rule key, stable'),
    signal: SignalKeySchema,
    severity: z.enum(COACHING_INSIGHT_SEVERITIES).describe('info (often positive), attention or concern'),
    title: z.string(),
    detail: z.string().describe('What the signal shows, with the figures'),
    competency: CompetencyRef,
    prompt: z.string().describe('An open question for the coaching conversation: never advice'),
    links: z.array(CoachingInsightLink).describe('The records behind the insight'),
  })
  .describe('A coaching insight: a signal turned into a question');
export type CoachingInsight = z.infer<typeof CoachingInsight>;

export const CoachingInsightsResponse = z
  .object({
    personId: Id,
    asOf: z.string().describe('The day the insights were drawn up to, YYYY-MM-DD'),
    items: z.array(CoachingInsight).describe('Concerns first, then attention, then info'),
  })
  .describe('Coaching insights for a person');
export type CoachingInsightsResponse = z.infer<typeof CoachingInsightsResponse>;
