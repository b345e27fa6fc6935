import type { LearningType } from '../../../shared/coaching.js';

/**
 * What to learn next for a gap, after the reference text's advice on continuous learning: keep
 * current through blog posts, communities and conferences; when a technique is needed, go deep with a
 * targeted book or course just in time, rather than a broad course full of just-in-case material;
 * and learn judgement from experienced product managers. Suggests resource types and why, never a
 * particular resource or address: those are the PM's and the coach's to pick.
 */

export const LEARNING_ADVICE =
  'Learn just in time: keep current through blog posts, a product management community and the odd conference, and when a gap calls for a technique, go deep with one targeted book or course while you apply it on real work. Broad courses that cover everything stay at the surface. Judgement grows with people: a mentor, or peers who have faced the same call.';

/** Competencies of judgement rather than technique, by key across the built-in frameworks. */
const JUDGEMENT_KEYS = new Set([
  'vision-strategy',
  'saying-no',
  'communication',
  'coaching-mentoring',
  'stakeholder-management',
  'evangelism',
  'leadership',
  'team-collaboration',
  'team-leadership',
  'managing-up',
  'strategic-impact',
  'business-outcome-ownership',
  'team',
]);
/** Custom competencies: judgement when the name says so. */
const JUDGEMENT_WORDS = /strateg|vision|lead|stakeholder|influenc|evangel|managing up|coach|mentor|saying no|communicat|team|judg|negotiat/i;

/** A gap of at least this share of the scale's range is wide: a technique to learn in depth. */
const WIDE_GAP = 0.35;

export interface GapForAdvice {
  key: string;
  name: string;
  gap: number;
}
export interface PastEntry {
  resource: string;
  type: string;
}
export interface Advice {
  kind: 'practice' | 'judgement';
  suggestedTypes: LearningType[];
  why: string;
}

/** Whether a competency is judgement (learned with people) or practice (a technique to study). */
export function competencyKind(c: { key: string; name: string }): 'practice' | 'judgement' {
  return JUDGEMENT_KEYS.has(c.key) || JUDGEMENT_WORDS.test(c.name) ? 'judgement' : 'practice';
}

/** Resource types and the reason for one gap, given the scale's range and what the person already logged on it. */
export function adviseGap(gap: GapForAdvice, scale: { min: number; max: number }, past: PastEntry[]): Advice {
  const kind = competencyKind(gap);
  const name = gap.name.toLowerCase();
  const wide = gap.gap / Math.max(1, scale.max - scale.min) >= WIDE_GAP;
  const studied = past.find((p) => p.type === 'book' || p.type === 'course');
  if (kind === 'judgement') {
    return {
      kind,
      suggestedTypes: wide ? ['mentor', 'community', 'conference'] : ['community', 'mentor', 'conference'],
      why: `${gap.name} is judgement more than technique: it grows by talking real decisions through with product managers who have made them. ${
        wide ? 'Find a mentor to review your next calls with you' : 'Join a product management community or go to a conference'
      }, and bring a situation you face now rather than a general question.`,
    };
  }
  if (wide && studied) {
    return {
      kind,
      suggestedTypes: ['mentor', 'community'],
      why: `You have already studied ${name} (“${studied.resource}”); what remains is applying it. Ask a mentor or peers in a community to look at your next piece of work on it, and learn from their questions.`,
    };
  }
  if (wide) {
    return {
      kind,
      suggestedTypes: ['book', 'course'],
      why: `A wide gap in a technique: go deep while you use it. Pick one targeted book or course on ${name} and apply it to the work in front of you, just in time, instead of a broad course full of just-in-case material.`,
    };
  }
  return {
    kind,
    suggestedTypes: ['article', 'community'],
    why: `Close to what your level expects: keep ${name} current through blog posts, and ask in a product management community how others practise it. Reach for a book only when a concrete problem calls for more depth.`,
  };
}
