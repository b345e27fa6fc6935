/** Number formats of the drift page. */
const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** 37.5 → "37.5%". */
export const formatShare = (n: number) => `${oneDecimal.format(n)}%`;
/** 12 → "12"; efforts are in the workspace's capacity unit. */
export const formatEffort = (n: number) => oneDecimal.format(n);
/** A gap in points, signed: "+10 pts", "−40 pts", "—" when there is no target. */
export function formatGap(gap: number | null): string {
  if (gap === null) return '—';
  if (gap === 0) return 'on target';
  return `${gap > 0 ? '+' : '−'}${oneDecimal.format(Math.abs(gap))} pts`;
}
/** Far off target (more than 10 points either way) reads orange. */
export const gapColor = (gap: number | null) => (gap !== null && Math.abs(gap) > 10 ? 'orange' : undefined);
/** 0.42 → "42%". */
export const formatProgress = (fraction: number) => `${Math.round(fraction * 100)}%`;
