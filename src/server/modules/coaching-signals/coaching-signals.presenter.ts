import type { CoachingSignal } from '../../../shared/contracts/coaching-signals.js';
import type { SignalValue } from './signals.compute.js';
import { SIGNAL_SOURCES } from './signals.sources.js';

/** Names of the default framework's competencies, for a workspace that has not seeded or renamed them. */
export const DEFAULT_COMPETENCY_NAMES: Record<string, string> = {
  'vision-strategy': 'Vision and strategy',
  'interviewing-users': 'Interviewing users',
  'customer-validation': 'Customer validation',
  roadmapping: 'Roadmapping',
  pricing: 'Pricing',
  'okrs-metrics': 'OKRs and metrics',
  'saying-no': 'Saying no',
  'understanding-customers': 'Understanding customers',
  communication: 'Communication',
  'product-development': 'Product development',
  'coaching-mentoring': 'Coaching and mentoring',
};

/** The workspace's name of a competency key, else the built-in one. */
export function competencyNamer(names: ReadonlyMap<string, string>): (key: string) => string {
  return (key) => names.get(key) ?? DEFAULT_COMPETENCY_NAMES[key] ?? key;
}

/** A signal with its previous period's counts and named competencies. */
export function presentSignal(value: SignalValue, previous: SignalValue | undefined, nameOf: (key: string) => string): CoachingSignal {
  return {
    key: value.key,
    label: value.label,
    available: value.available,
    availableWith: value.available ? null : SIGNAL_SOURCES[value.key].module,
    count: value.count,
    quality: value.quality,
    previous: value.available && previous?.available ? { count: previous.count ?? 0, quality: previous.quality?.count ?? null } : null,
    competencies: value.competencies.map((key) => ({ key, name: nameOf(key) })),
    lastAt: value.lastAt,
  };
}
