/**
 * Names the coaching modules share: the built-in frameworks, the default framework's competencies and
 * the coaching signals drawn from a PM's work, with the competencies each signal speaks to.
 */

/** Keys of the built-in competency frameworks. */
export const FRAMEWORK_KEYS = ['product-lead', 'pm-assessment', 'competency-toolkit', 'pm-wheel'] as const;
export type FrameworkKey = (typeof FRAMEWORK_KEYS)[number];

/** The default framework ("Product lead role"): its competency keys, in order. */
export const PRODUCT_LEAD_COMPETENCIES = [
  'vision-strategy',
  'interviewing-users',
  'customer-validation',
  'roadmapping',
  'pricing',
  'okrs-metrics',
  'saying-no',
  'understanding-customers',
  'communication',
  'product-development',
  'coaching-mentoring',
] as const;
export type ProductLeadCompetency = (typeof PRODUCT_LEAD_COMPETENCIES)[number];

/** Coaching signals: what a PM did in Sextant over a period. */
export const SIGNAL_KEYS = [
  'interviews',
  'feedback-triage',
  'experiments',
  'decisions',
  'requirements',
  'status-updates',
  'okr-check-ins',
  'strategy-proposals',
] as const;
export type SignalKey = (typeof SIGNAL_KEYS)[number];

/** The default framework's competencies each signal is evidence of. */
export const SIGNAL_COMPETENCIES: Record<SignalKey, readonly ProductLeadCompetency[]> = {
  interviews: ['interviewing-users', 'understanding-customers'],
  'feedback-triage': ['understanding-customers', 'customer-validation'],
  experiments: ['customer-validation', 'product-development'],
  decisions: ['saying-no', 'vision-strategy', 'communication'],
  requirements: ['product-development', 'okrs-metrics', 'communication'],
  'status-updates': ['communication', 'roadmapping'],
  'okr-check-ins': ['okrs-metrics'],
  'strategy-proposals': ['vision-strategy'],
};

/** Kinds of learning resources. */
export const LEARNING_TYPES = ['article', 'book', 'course', 'community', 'conference', 'mentor'] as const;
export type LearningType = (typeof LEARNING_TYPES)[number];
