/** The periods the person page offers for signals, as calendar days (UTC), both ends included. */
export const PERIOD_CHOICES = ['this-quarter', 'last-quarter', 'last-90', 'custom'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

export const PERIOD_LABELS: Record<PeriodChoice, string> = {
  'this-quarter': 'This quarter',
  'last-quarter': 'Last quarter',
  'last-90': 'Last 90 days',
  custom: 'Custom',
};

export interface DayRange {
  from: string;
  to: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The quarter label of a day, e.g. "2027-Q1". */
export function quarterLabel(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The first and last day of the quarter `offset` quarters from the one holding `today`. */
export function quarterRange(today: string, offset = 0): DayRange {
  const year = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + offset;
  const start = new Date(Date.UTC(year, q * 3, 1));
  const end = new Date(Date.UTC(year, q * 3 + 3, 0));
  return { from: iso(start), to: iso(end) };
}

/** The range a choice stands for, as of `today`; custom keeps what the person typed. */
export function rangeOf(choice: PeriodChoice, today: string, custom: DayRange): DayRange {
  if (choice === 'this-quarter') return { from: quarterRange(today).from, to: today };
  if (choice === 'last-quarter') return quarterRange(today, -1);
  if (choice === 'last-90') return { from: iso(new Date(Date.parse(`${today}T00:00:00Z`) - 89 * 86_400_000)), to: today };
  return custom;
}

/** Today as a calendar day (UTC), as the server counts days. */
export const todayUtc = (): string => iso(new Date());

const dayFmt = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "1 Jan 2027 – 31 Mar 2027". */
export function formatRange(r: DayRange): string {
  const f = (d: string) => dayFmt.format(new Date(`${d}T00:00:00Z`));
  return `${f(r.from)} – ${f(r.to)}`;
}
