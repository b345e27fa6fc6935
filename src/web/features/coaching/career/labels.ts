import type { SignalKey } from '../../../../shared/coaching.js';
import type { CompetencyFramework, LadderTrack } from '../../../../shared/contracts.js';


export const TRACK_COLORS: Record<LadderTrack, string> = { shared: 'gray', ic: 'indigo', management: 'teal' };
/** What each coaching signal counts, in a few words, for the badges on bank questions. */
export const SIGNAL_LABELS: Record<SignalKey, string> = {
  interviews: 'Interviews',
  'feedback-triage': 'Feedback triage',
  experiments: 'Experiments',
  decisions: 'Decisions',
  requirements: 'Requirements',
  'status-updates': 'Status updates',
  'okr-check-ins': 'OKR check-ins',
  'strategy-proposals': 'Strategy proposals',
};

/** The label of a scale point ("3 · Proficient"), or the number alone when the scale has no labels. */
export function scaleLabel(scale: CompetencyFramework['scale'], value: number): string {
  const label = scale.labels[value - scale.min];
  return label ? `${value} · ${label}` : String(value);
}

/** The scale points a descriptor covers: descriptors split the scale into equal bands, bottom up. */
export function descriptorRange(scale: CompetencyFramework['scale'], index: number, count: number): string {
  const points = scale.max - scale.min + 1;
  const from = scale.min + Math.floor((index * points) / count);
  const to = scale.min + Math.floor(((index + 1) * points) / count) - 1;
  return from >= to ? String(from) : `${from}–${to}`;
}

const money = new Map<string, Intl.NumberFormat>();
/** 119803 USD → "$119,803". */
export function formatMoney(value: number | null, currency: string): string {
  if (value === null) return '—';
  let fmt = money.get(currency);
  if (!fmt) {
    try {
      fmt = new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 });
    } catch {
      fmt = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
    }
    money.set(currency, fmt);
  }
  return fmt.format(value);
}

/** "1–5: Learning → Expert", or "1–10" for a scale without labels. */
export function scaleSummary(f: Pick<CompetencyFramework, 'scale'>): string {
  const range = `${f.scale.min}–${f.scale.max}`;
  const labels = f.scale.labels;
  return labels.length ? `${range}: ${labels[0]} → ${labels[labels.length - 1]}` : range;
}
