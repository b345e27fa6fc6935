import type { ConfidenceStatus, KeyResultSummary, OkrPeriod } from '../../../../shared/contracts.js';

export const STATUS_LABELS: Record<ConfidenceStatus, { label: string; color: string }> = {
  on_track: { label: 'On track', color: 'teal' },
  at_risk: { label: 'At risk', color: 'yellow' },
  off_track: { label: 'Off track', color: 'red' },
};

export const TYPE_LABELS = { number: 'Number', percentage: 'Percentage', currency: 'Currency', milestone: 'Milestone (done or not)' } as const;

export const OBJECTIVE_STATUS_LABELS = { active: 'Active', achieved: 'Achieved', missed: 'Missed', dropped: 'Dropped' } as const;

/** The status a confidence implies (as the server decides it): 7-10 on track, 4-6 at risk, 0-3 off track. */
export function statusOfConfidence(confidence: number): ConfidenceStatus {
  return confidence >= 7 ? 'on_track' : confidence >= 4 ? 'at_risk' : 'off_track';
}

const numberFmt = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** A value of a key result with its unit: "42 %", "€1,200" (currency codes), "Done" / "Not done" for milestones. */
export function formatValue(kr: Pick<KeyResultSummary, 'type' | 'unit'>, value: number | null): string {
  if (value === null) return '—';
  if (kr.type === 'milestone') return value >= 1 ? 'Done' : 'Not done';
  if (kr.type === 'percentage') return `${numberFmt.format(value)} %`;
  if (kr.type === 'currency') {
    const code = kr.unit.trim().toUpperCase();
    if (/^[A-Z]{3}$/.test(code)) {
      try {
        return new Intl.NumberFormat('en', { style: 'currency', currency: code, minimumFractionDigits: Number.isInteger(value) ? 0 : 2, maximumFractionDigits: 2 }).format(value);
      } catch {
        // An unknown code: fall through to the plain form.
      }
    }
  }
  return kr.unit ? `${numberFmt.format(value)} ${kr.unit}` : numberFmt.format(value);
}

export const percent = (fraction: number) => `${Math.round(fraction * 100)} %`;

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A calendar quarter relative to the one containing `day`: name, first and last day. */
export function quarterOf(day: string, offset = 0): { name: string; start: string; end: string } {
  const d = new Date(`${day}T00:00:00Z`);
  const q = Math.floor(d.getUTCMonth() / 3) + offset;
  const year = d.getUTCFullYear() + Math.floor(q / 4);
  const qi = ((q % 4) + 4) % 4;
  return { name: `Q${qi + 1} ${year}`, start: iso(new Date(Date.UTC(year, qi * 3, 1))), end: iso(new Date(Date.UTC(year, qi * 3 + 3, 0))) };
}

export const todayIso = () => iso(new Date());

/** The quarter to suggest: the current one when no period covers it, else the first quarter after the last period. */
export function suggestQuarter(periods: readonly OkrPeriod[], today = todayIso()): { name: string; start: string; end: string } {
  const current = quarterOf(today);
  if (!periods.some((p) => p.start <= current.end && p.end >= current.start)) return current;
  const lastEnd = periods.reduce((m, p) => (p.end > m ? p.end : m), current.end);
  return quarterOf(lastEnd, 1);
}

/** The default period: the one containing today, else the latest. */
export function defaultPeriod(periods: readonly OkrPeriod[], today = todayIso()): OkrPeriod | null {
  return periods.find((p) => p.start <= today && p.end >= today) ?? periods[periods.length - 1] ?? null;
}
