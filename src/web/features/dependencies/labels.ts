import type { DependencyConflictReason, FeatureHorizon, FeatureStatus } from '../../../shared/contracts.js';

/** Human labels and colours for the feature fields the dependency views show. */
export const STATUS_LABELS: Record<FeatureStatus, string> = {
  idea: 'Idea',
  discovery: 'Discovery',
  planned: 'Planned',
  in_progress: 'In progress',
  shipped: 'Shipped',
  wont_do: "Won't do",
};
export const STATUS_COLORS: Record<FeatureStatus, string> = {
  idea: 'gray',
  discovery: 'grape',
  planned: 'blue',
  in_progress: 'indigo',
  shipped: 'teal',
  wont_do: 'orange',
};
export const HORIZON_LABELS: Record<FeatureHorizon, string> = { now: 'Now', next: 'Next', later: 'Later' };

export const REASON_LABELS: Record<DependencyConflictReason, string> = {
  prerequisite_wont_do: "Prerequisite won't be done",
  prerequisite_unplanned: 'Prerequisite not planned',
  ends_after_start: 'Prerequisite ends too late',
  horizon_order: 'Horizons out of order',
};

const day = (d: string, withYear: boolean) =>
  new Date(`${d}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' });

/** "Jan 4 – Feb 26, 2027" (the year once when both days share it), "from Mar 1, 2027", or the horizon when there are no dates. */
export function planLabel(f: { horizon: FeatureHorizon | null; startDate: string | null; endDate: string | null }): string {
  const fmt = (d: string) => day(d, true);
  if (f.startDate && f.endDate) return `${day(f.startDate, f.startDate.slice(0, 4) !== f.endDate.slice(0, 4))} – ${fmt(f.endDate)}`;
  if (f.startDate) return `from ${fmt(f.startDate)}`;
  if (f.endDate) return `until ${fmt(f.endDate)}`;
  return f.horizon ? HORIZON_LABELS[f.horizon] : 'Not scheduled';
}
