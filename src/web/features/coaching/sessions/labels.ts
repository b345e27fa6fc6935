import type { CoachingSessionStatus } from '../../../../shared/contracts.js';

export const SESSION_STATUS_LABELS: Record<CoachingSessionStatus, string> = { scheduled: 'Scheduled', held: 'Held', cancelled: 'Cancelled' };
export const SESSION_STATUS_COLORS: Record<CoachingSessionStatus, string> = { scheduled: 'blue', held: 'teal', cancelled: 'gray' };

const weekdayDateTime = new Intl.DateTimeFormat('en', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' });
const longDate = new Intl.DateTimeFormat('en', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const time = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });
const day = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric' });

/** "Tue, 12 Jan 2027, 10:00 AM": when a 1:1 takes place, in the viewer's time zone. */
export const formatSessionTime = (iso: string) => weekdayDateTime.format(new Date(iso));
/** "Tuesday, 12 January 2027". */
export const formatSessionDay = (iso: string) => longDate.format(new Date(iso));
export const formatClock = (iso: string) => time.format(new Date(iso));
/** "12 Jan 2027" for a timestamp or a YYYY-MM-DD date (read as a calendar day, not shifted by the zone). */
export function formatShortDay(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? day.format(new Date(`${value}T12:00:00`)) : day.format(new Date(value));
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A Date as the value of a datetime-local input, in local time. */
export function toLocalInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The next weekday at 10:00, local time: a sensible default for a new 1:1. */
export function nextSlot(now = new Date()): Date {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  while (d.getDay() === 0 || d.getDay() === 6) d.setDate(d.getDate() + 1);
  d.setHours(10, 0, 0, 0);
  return d;
}

/** Splits a search headline ("… «word» …") into plain and marked parts. */
export function headlineParts(headline: string): { text: string; mark: boolean }[] {
  return headline
    .split(/(«[^»]*»)/)
    .filter(Boolean)
    .map((part) => (part.startsWith('«') && part.endsWith('»') ? { text: part.slice(1, -1), mark: true } : { text: part, mark: false }));
}
