import { Badge, Tooltip } from '@mantine/core';
import type { AssessmentGapTrend, AssessmentSide, AssessmentSideStatus } from '../../../../shared/contracts.js';
import { formatDate } from '../../../lib/format';

export const SIDE_LABELS: Record<AssessmentSide, string> = { self: 'Self', coach: 'Coach' };

/** "Self: submitted" / "Coach: draft", with the date it was shared in a tooltip. */
export function SideBadge({ side, status, at }: { side: AssessmentSide; status: AssessmentSideStatus; at?: string | null }) {
  const badge = (
    <Badge component="span" variant={status === 'submitted' ? 'light' : 'outline'} color={status === 'submitted' ? 'teal' : 'gray'} tabIndex={at ? 0 : undefined}>
      {SIDE_LABELS[side]}: {status === 'submitted' ? 'submitted' : 'draft'}
    </Badge>
  );
  return at ? (
    <Tooltip label={`Submitted ${formatDate(at)}`} withArrow>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}

/** The quarter a date falls in, as "2027-Q1". */
export function quarterOf(d: Date, offset = 0): string {
  const index = d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3) + offset;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** Period suggestions: the current quarter, the one before and the one after. */
export function periodSuggestions(now = new Date()): string[] {
  return [quarterOf(now), quarterOf(now, -1), quarterOf(now, 1)];
}

/**
 * The colour of a rating against its expectation (rating − expected): at or above in greens, below in
 * oranges and reds. Colour is never the only carrier: the number is always printed beside it.
 */
export function deltaColor(delta: number | null): string {
  if (delta === null) return 'var(--mantine-color-default-hover)';
  // Scheme-aware translucent fills: readable with the default text colour in light and dark mode.
  if (delta >= 2) return 'color-mix(in srgb, var(--mantine-color-blue-filled) 50%, transparent)';
  if (delta >= 1) return 'color-mix(in srgb, var(--mantine-color-blue-filled) 26%, transparent)';
  if (delta === 0) return 'color-mix(in srgb, var(--mantine-color-green-filled) 28%, transparent)';
  if (delta === -1) return 'color-mix(in srgb, var(--mantine-color-orange-filled) 36%, transparent)';
  return 'color-mix(in srgb, var(--mantine-color-red-filled) 50%, transparent)';
}

/** Words for a gap, for screen readers and tooltips. */
export function gapWords(gap: number | null): string {
  if (gap === null) return 'not measured';
  if (gap === 0) return 'at expectation';
  return gap > 0 ? `${gap} below expectation` : `${-gap} above expectation`;
}

/** A number to at most two decimals, with a true minus sign; "—" for none. */
export function formatScore(n: number | null | undefined, signed = false): string {
  if (n === null || n === undefined) return '—';
  const s = Number.isInteger(n) ? String(Math.abs(n)) : Math.abs(n).toFixed(2).replace(/0$/, '');
  if (n < 0) return `−${s}`;
  return signed && n > 0 ? `+${s}` : s;
}

/** How a gap moved from one assessment to the next. */
export const TREND_LABELS: Record<AssessmentGapTrend, { label: string; color: string }> = {
  closed: { label: 'Gap closed', color: 'teal' },
  widened: { label: 'Gap widened', color: 'orange' },
  unchanged: { label: 'Unchanged', color: 'gray' },
  'n/a': { label: 'Not enough data', color: 'gray' },
};

