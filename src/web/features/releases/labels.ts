import type { CapacityUnit, ReleaseStatus } from '../../../shared/contracts.js';

/** Human labels and colours for releases, feature statuses and capacity units. */
export const RELEASE_STATUS_LABELS: Record<ReleaseStatus, string> = { planned: 'Planned', released: 'Released' };
export const RELEASE_STATUS_COLORS: Record<ReleaseStatus, string> = { planned: 'blue', released: 'teal' };

export const FEATURE_STATUS_LABELS: Record<string, string> = {
  idea: 'Idea',
  discovery: 'Discovery',
  planned: 'Planned',
  in_progress: 'In progress',
  shipped: 'Shipped',
  wont_do: 'Won’t do',
};
export const FEATURE_STATUS_COLORS: Record<string, string> = {
  idea: 'gray',
  discovery: 'grape',
  planned: 'blue',
  in_progress: 'indigo',
  shipped: 'teal',
  wont_do: 'dark',
};

const numberFmt = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** "11.5 points", "1 person-week". */
export function formatEffort(n: number, unit: CapacityUnit): string {
  const one = n === 1;
  return `${numberFmt.format(n)} ${unit === 'person_weeks' ? (one ? 'person-week' : 'person-weeks') : one ? 'point' : 'points'}`;
}

export const UNIT_LABELS: Record<CapacityUnit, string> = { points: 'points', person_weeks: 'person-weeks' };

export const formatNumber = (n: number) => numberFmt.format(n);

// Calendar dates are days, not instants: format them in UTC so no time zone moves them a day.
const dayFmt = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** "Mar 31, 2027" for a 'YYYY-MM-DD' date; "No date" for none. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return 'No date';
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : dayFmt.format(d);
}

const monthFmt = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' });

/** "2027 Q1 · Jan–Mar". */
export function quarterLabel(quarter: string, bounds: { start: string; end: string }): string {
  const [year, q] = quarter.split('-');
  return `${year} ${q} · ${monthFmt.format(new Date(`${bounds.start}T00:00:00Z`))}–${monthFmt.format(new Date(`${bounds.end}T00:00:00Z`))}`;
}
