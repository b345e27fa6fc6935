/**
 * The pure parts of coaching signals: periods, and the quality rules that decide which pieces of work
 * count as "good" (a highlighted interview, a concluded experiment, a requirements document with
 * evidence and a success metric). No database here, so the rules are tested from plain fixtures.
 */
import { REQUIREMENTS_TEMPLATE } from '../features/features.template.js';

const DAY = 86_400_000;

/** A closed range of calendar days, as ISO dates (YYYY-MM-DD), both ends included. */
export interface Period {
  from: string;
  to: string;
}

/** The ISO date (UTC) of a time. */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** `day` moved by `n` calendar days (UTC). */
export function addDays(day: string, n: number): string {
  return isoDay(new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY));
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00.000Z`) - Date.parse(`${a}T00:00:00.000Z`)) / DAY);
}

/** The last `days` days up to and including `today`. */
export function lastDays(today: string, days: number): Period {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** The period of the same length that ends the day before `p` starts: what a trend compares with. */
export function previousPeriod(p: Period): Period {
  const length = daysBetween(p.from, p.to) + 1;
  return { from: addDays(p.from, -length), to: addDays(p.from, -1) };
}

/** The instants that bound a period for timestamp columns: [start, end) in UTC. */
export function periodInstants(p: Period): { start: string; end: string } {
  return { start: `${p.from}T00:00:00.000Z`, end: `${addDays(p.to, 1)}T00:00:00.000Z` };
}

/** Whether an ISO date lies in the period. */
export const inPeriod = (day: string, p: Period): boolean => day >= p.from && day <= p.to;

// ---------------------------------------------------------------------------------------------
// Interviews
// ---------------------------------------------------------------------------------------------

export interface InterviewFact {
  id: string;
  title: string;
  date: string;
  /** At least one highlight (feedback made from the notes, or linked to the interview). */
  highlighted: boolean;
}

/** Interviews held in the period, and those that produced at least one highlight. */
export function interviewCounts(items: readonly InterviewFact[], p: Period): { count: number; quality: number } {
  const held = items.filter((i) => inPeriod(i.date, p));
  return { count: held.length, quality: held.filter((i) => i.highlighted).length };
}

/** The Monday (UTC) of the week holding `day`. */
export function weekOf(day: string): string {
  const dow = new Date(`${day}T00:00:00.000Z`).getUTCDay();
  return addDays(day, -((dow + 6) % 7));
}

/** How many of the `weeks` whole-or-current weeks ending with `today`'s week hold at least one interview. */
export function weeksWithInterviews(items: readonly { date: string }[], today: string, weeks: number): number {
  const current = weekOf(today);
  const wanted = new Set(Array.from({ length: weeks }, (_, i) => addDays(current, -7 * i)));
  return new Set(items.map((i) => weekOf(i.date)).filter((w) => wanted.has(w))).size;
}

// ---------------------------------------------------------------------------------------------
// Experiments
// ---------------------------------------------------------------------------------------------

export interface ExperimentFact {
  id: string;
  title: string;
  status: string;
  startsOn: string | null;
  endsOn: string | null;
  hasResult: boolean;
  /** When the experiment was recorded (ISO date): stands in for a missing start date. */
  createdOn: string;
}

/** The day an experiment started: its start date, else its end date, else the day it was recorded. */
export const experimentStart = (e: ExperimentFact): string => e.startsOn ?? e.endsOn ?? e.createdOn;

/** Ran in the period: not merely planned, started by its end and not ended before its start. */
export function experimentRan(e: ExperimentFact, p: Period): boolean {
  return e.status !== 'planned' && experimentStart(e) <= p.to && (e.endsOn === null || e.endsOn >= p.from);
}

/** Concluded in the period: completed with a recorded result, ending within the period. */
export function experimentConcluded(e: ExperimentFact, p: Period): boolean {
  return e.status === 'completed' && e.hasResult && e.endsOn !== null && inPeriod(e.endsOn, p);
}

/** Experiments run in the period and, of those, concluded in it. */
export function experimentCounts(items: readonly ExperimentFact[], p: Period): { count: number; quality: number } {
  const ran = items.filter((e) => experimentRan(e, p));
  return { count: ran.length, quality: ran.filter((e) => experimentConcluded(e, p)).length };
}

/** The latest start or conclusion on or before `to`: when the person last did experiment work. */
export function experimentLastAt(items: readonly ExperimentFact[], to: string): string | null {
  let last: string | null = null;
  for (const e of items) {
    if (e.status === 'planned') continue;
    for (const day of [experimentStart(e), e.status === 'completed' ? e.endsOn : null]) {
      if (day && day <= to && (last === null || day > last)) last = day;
    }
  }
  return last;
}

// ---------------------------------------------------------------------------------------------
// Requirements documents
// ---------------------------------------------------------------------------------------------

const METRIC_HEADING = /^#{1,4}\s+.*\b(success metrics?|metrics?|kpis?|success criteria|measures? of success)\b/i;
const HEADING = /^#{1,4}\s+/;
const normalise = (line: string) => line.replace(/^>\s?/, '').replace(/\s+/g, ' ').trim().toLowerCase();

/** The template's own prompt lines of the metrics section: text that is not an answer. */
const TEMPLATE_PROMPT = new Set(
  sectionLines(REQUIREMENTS_TEMPLATE)
    .filter((l) => l.trim().startsWith('>'))
    .map(normalise)
    .filter(Boolean),
);

/** The lines of the first section whose heading names metrics, without the heading; [] when none. */
function sectionLines(markdown: string): string[] {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => METRIC_HEADING.test(l.trim()));
  if (start < 0) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => HEADING.test(l.trim()));
  return end < 0 ? rest : rest.slice(0, end);
}

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
const isSeparator = (row: string) => cells(row).every((c) => /^:?-{3,}:?$/.test(c));

/**
 * Whether a requirements document names a success metric: its goals-and-metrics section (any heading
 * that names metrics, KPIs or success criteria) holds a table row with a filled cell, or any text
 * other than the template's prompt. A document without such a section has no metric. Does not judge
 * whether the metric is a good one: that is what the coach and the PM talk about.
 */
export function hasSuccessMetric(markdown: string): boolean {
  const lines = sectionLines(markdown);
  let tableRow = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) {
      tableRow = 0;
      continue;
    }
    if (line.startsWith('|')) {
      tableRow += 1;
      // The first row of a table is its header, the second its separator.
      if (tableRow === 1 || isSeparator(line)) continue;
      if (cells(line).some((c) => c.length > 0)) return true;
      continue;
    }
    tableRow = 0;
    if (line.startsWith('>') && TEMPLATE_PROMPT.has(normalise(line))) continue;
    // A bare list marker or checkbox left from a template is not an answer either.
    if (/^([-*+]|\d+\.)\s*(\[[ xX]?\])?\s*$/.test(line)) continue;
    return true;
  }
  return false;
}

export interface RequirementsFact {
  featureId: string;
  title: string;
  /** The feature's current requirements document; null if none (a revision of a removed document). */
  body: string | null;
  hasEvidence: boolean;
  lastRevisedAt: string;
}

export interface DocumentQuality {
  featureId: string;
  title: string;
  hasEvidence: boolean;
  hasMetric: boolean;
}

/** Judges each document: linked evidence, and a success metric in its current text. */
export function judgeDocuments(items: readonly RequirementsFact[]): DocumentQuality[] {
  return items.map((d) => ({ featureId: d.featureId, title: d.title, hasEvidence: d.hasEvidence, hasMetric: d.body !== null && hasSuccessMetric(d.body) }));
}

/** Documents revised in the period and, of those, the ones with both evidence and a metric. */
export function requirementsCounts(docs: readonly DocumentQuality[]): { count: number; quality: number } {
  return { count: docs.length, quality: docs.filter((d) => d.hasEvidence && d.hasMetric).length };
}
