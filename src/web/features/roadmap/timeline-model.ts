/**
 * The timeline's pure geometry: which quarters it spans, where a day falls on the x axis, the rows (one
 * group per component, one row per feature) and the dependency arrows between bars. No React here.
 */
import type { Roadmap, RoadmapCard } from './types';

export const QUARTER_WIDTH = 260;
export const LABEL_WIDTH = 240;
export const ROW_HEIGHT = 30;
const DAY_MS = 86_400_000;
/** A quarter is 90 to 92 days: one scale for all, so a day is always the same width. */
const PX_PER_DAY = QUARTER_WIDTH / 91.3125;
const MAX_QUARTERS = 40;

export interface Quarter {
  label: string;
  start: string;
  x: number;
  width: number;
  current: boolean;
}

const toUtc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Quarters counted from year 0, so they add and compare as numbers. */
const quarterIndex = (day: string) => Number(day.slice(0, 4)) * 4 + Math.floor((Number(day.slice(5, 7)) - 1) / 3);
const quarterStart = (index: number) => `${String(Math.floor(index / 4)).padStart(4, '0')}-${String((index % 4) * 3 + 1).padStart(2, '0')}-01`;

/** The x axis: the first day shown, a day's x, and the quarters with their positions. */
export interface Scale {
  start: string;
  width: number;
  x: (day: string) => number;
  quarters: Quarter[];
}

/**
 * Quarters from the one before today's to three after it, widened to every feature's dates and every
 * release (up to ten years, around today).
 */
export function buildScale(features: readonly Pick<RoadmapCard, 'startDate' | 'endDate'>[], releaseDays: readonly (string | null)[], today: string): Scale {
  const now = quarterIndex(today);
  let first = now - 1;
  let last = now + 3;
  for (const day of [...features.flatMap((f) => [f.startDate, f.endDate]), ...releaseDays]) {
    if (!day) continue;
    const q = quarterIndex(day);
    first = Math.min(first, q);
    last = Math.max(last, q);
  }
  if (last - first + 1 > MAX_QUARTERS) {
    first = Math.max(first, now - MAX_QUARTERS / 2);
    last = first + MAX_QUARTERS - 1;
  }
  const start = quarterStart(first);
  const origin = toUtc(start);
  const x = (day: string) => ((toUtc(day) - origin) / DAY_MS) * PX_PER_DAY;
  const quarters: Quarter[] = [];
  for (let q = first; q <= last; q++) {
    const qs = quarterStart(q);
    const qx = x(qs);
    quarters.push({ label: `Q${(q % 4) + 1} ${Math.floor(q / 4)}`, start: qs, x: qx, width: x(quarterStart(q + 1)) - qx, current: q === now });
  }
  return { start, width: x(quarterStart(last + 1)), x, quarters };
}

/** A bar's left edge and width; a feature with one date is a short mark on that day. */
export function barGeometry(scale: Scale, card: Pick<RoadmapCard, 'startDate' | 'endDate'>): { left: number; width: number } | null {
  const from = card.startDate ?? card.endDate;
  const to = card.endDate ?? card.startDate;
  if (!from || !to) return null;
  const left = scale.x(from);
  // The end day is included: the bar runs to the end of it.
  const right = scale.x(toDay(toUtc(to) + DAY_MS));
  return { left, width: Math.max(8, right - left) };
}

export type TimelineRow = { kind: 'group'; lane: Roadmap['components'][number]; count: number } | { kind: 'feature'; card: RoadmapCard };

/** One group row per component (in lane order), then a row per dated feature of it. */
export function buildRows(roadmap: Pick<Roadmap, 'components' | 'features'>): TimelineRow[] {
  const byLane = new Map<string, RoadmapCard[]>();
  for (const card of roadmap.features) {
    const list = byLane.get(card.componentId) ?? [];
    list.push(card);
    byLane.set(card.componentId, list);
  }
  const rows: TimelineRow[] = [];
  for (const lane of roadmap.components) {
    const cards = byLane.get(lane.id) ?? [];
    rows.push({ kind: 'group', lane, count: cards.length });
    for (const card of cards) rows.push({ kind: 'feature', card });
  }
  return rows;
}

export interface Arrow {
  id: string;
  path: string;
  conflict: boolean;
  reason: string | null;
}

/**
 * Arrows from each prerequisite's bar end to its dependent's bar start, for the edges with an end
 * between rows `fromRow` and `toRow` (the rows in view); y is relative to row `fromRow`.
 */
export function buildArrows(
  scale: Scale,
  rows: readonly TimelineRow[],
  dependencies: Roadmap['dependencies'],
  fromRow: number,
  toRow: number,
): Arrow[] {
  const rowOf = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.kind === 'feature') rowOf.set(r.card.id, i);
  });
  const out: Arrow[] = [];
  for (const d of dependencies) {
    const a = rowOf.get(d.featureId);
    const b = rowOf.get(d.dependsOnId);
    if (a === undefined || b === undefined) continue;
    if (Math.max(a, b) < fromRow || Math.min(a, b) > toRow) continue;
    const dependent = barGeometry(scale, (rows[a] as { card: RoadmapCard }).card);
    const prerequisite = barGeometry(scale, (rows[b] as { card: RoadmapCard }).card);
    if (!dependent || !prerequisite) continue;
    const x1 = LABEL_WIDTH + prerequisite.left + prerequisite.width;
    const y1 = (b - fromRow) * ROW_HEIGHT + ROW_HEIGHT / 2;
    const x2 = LABEL_WIDTH + dependent.left;
    const y2 = (a - fromRow) * ROW_HEIGHT + ROW_HEIGHT / 2;
    const bend = Math.max(24, Math.abs(x2 - x1) / 3);
    out.push({ id: d.id, path: `M ${x1.toFixed(1)} ${y1} C ${(x1 + bend).toFixed(1)} ${y1}, ${(x2 - bend).toFixed(1)} ${y2}, ${(x2 - 2).toFixed(1)} ${y2}`, conflict: d.conflict, reason: d.reason });
  }
  return out;
}

/** Today as a calendar day, in the browser's own time zone. */
export function todayDay(now = new Date()): string {
  return toDay(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}
