/** Formatting for the roadmap: calendar days (YYYY-MM-DD, no time zone) and effort in the workspace's unit. */

const dayFmt = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dayYearFmt = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** A calendar day as a UTC date (days are not instants: no time zone may shift them). */
export const dayToDate = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** "Jan 4, 2027". */
export const formatDay = (day: string): string => dayYearFmt.format(dayToDate(day));

/** "Jan 4 – Feb 26, 2027", "Dec 1, 2026 – Jan 15, 2027", one day alone, or '' without dates. */
export function formatRange(start: string | null | undefined, end: string | null | undefined): string {
  if (!start && !end) return '';
  if (!start || !end) return formatDay((start ?? end)!);
  if (start.slice(0, 4) === end.slice(0, 4)) return `${dayFmt.format(dayToDate(start))} – ${formatDay(end)}`;
  return `${formatDay(start)} – ${formatDay(end)}`;
}

/** "5 pts", "2.5 pw", or '' when not estimated (or hidden). */
export function formatEffort(effort: number | null | undefined, unit: string): string {
  if (effort === null || effort === undefined) return '';
  return `${effort} ${unit === 'person_weeks' ? 'pw' : effort === 1 ? 'pt' : 'pts'}`;
}
