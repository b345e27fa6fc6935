import type { LearningType } from '../../../../shared/coaching.js';
import type { ChallengeType, GrowthGoalStatus, GrowthPlanStatus } from '../../../../shared/contracts.js';

/** Human labels and colours for the growth plan and learning enums. */
export const PLAN_STATUS_LABELS: Record<GrowthPlanStatus, string> = { active: 'Active', completed: 'Completed', archived: 'Archived' };
export const PLAN_STATUS_COLORS: Record<GrowthPlanStatus, string> = { active: 'blue', completed: 'teal', archived: 'gray' };

export const GOAL_STATUS_LABELS: Record<GrowthGoalStatus, string> = { not_started: 'Not started', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' };
export const GOAL_STATUS_COLORS: Record<GrowthGoalStatus, string> = { not_started: 'gray', in_progress: 'blue', done: 'teal', dropped: 'dark' };

export const CHALLENGE_TYPE_LABELS: Record<ChallengeType, string> = { feature: 'Roadmap item', experiment: 'Experiment', component: 'Component' };

export const LEARNING_TYPE_LABELS: Record<LearningType, string> = {
  article: 'Article',
  book: 'Book',
  course: 'Course',
  community: 'Community',
  conference: 'Conference',
  mentor: 'Mentor',
};
export const LEARNING_TYPE_COLORS: Record<LearningType, string> = {
  article: 'cyan',
  book: 'indigo',
  course: 'violet',
  community: 'teal',
  conference: 'orange',
  mentor: 'pink',
};

/** Select options from a label map, in its order. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

/** A YYYY-MM-DD day as "Mar 31, 2027" (the day itself, whatever the browser's time zone). */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '—';
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** Today as YYYY-MM-DD in the browser's own calendar: the default "learned on". */
export function todayDay(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
