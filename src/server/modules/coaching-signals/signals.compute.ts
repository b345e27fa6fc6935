import type { Db } from '../../db/client.js';
import { SIGNAL_COMPETENCIES, SIGNAL_KEYS, type SignalKey } from '../../../shared/coaching.js';
import { SIGNAL_SOURCES, type Measurement } from './signals.sources.js';
import type { Period } from './signals.rules.js';

/** One signal over a period: a count and its quality, or "not available" when its module is missing. */
export interface SignalValue {
  key: SignalKey;
  label: string;
  /** False when the module that produces it does not exist yet: never reported as zero. */
  available: boolean;
  /** The count in the period; null when not available. */
  count: number | null;
  /** A second count where quality matters (e.g. concluded experiments, documents with evidence and a metric). */
  quality: { label: string; count: number } | null;
  /** Default-framework competency keys this signal speaks to. */
  competencies: string[];
  /** The most recent occurrence, ISO, for "no interviews in six weeks" style insights. */
  lastAt: string | null;
}

/** A signal with what its source measured (null when not available): the records behind the counts. */
export interface MeasuredSignal {
  value: SignalValue;
  measurement: Measurement | null;
}

/**
 * Measures every signal, in SIGNAL_KEYS order, with the records behind each: what insights and the
 * person page link to. Sources run one after the other: the embedded database serves one query at a time.
 */
export async function measureSignals(db: Db, workspaceId: string, personId: string, period: Period): Promise<MeasuredSignal[]> {
  const out: MeasuredSignal[] = [];
  for (const key of SIGNAL_KEYS) {
    const source = SIGNAL_SOURCES[key];
    const measurement = source.measure ? await source.measure(db, { workspaceId, personId, period }) : null;
    out.push({
      measurement,
      value: {
        key,
        label: source.label,
        available: measurement !== null,
        count: measurement?.count ?? null,
        quality: measurement && source.qualityLabel && measurement.quality !== null ? { label: source.qualityLabel, count: measurement.quality } : null,
        competencies: [...SIGNAL_COMPETENCIES[key]],
        lastAt: measurement?.lastAt ?? null,
      },
    });
  }
  return out;
}

/**
 * Computes a PM's coaching signals over [from, to] (ISO dates, inclusive) from their work in Sextant.
 * Owned by the coaching-signals module. Does not check who may see them: callers do (canSeePerson).
 */
export async function computeSignals(db: Db, workspaceId: string, personId: string, from: string, to: string): Promise<SignalValue[]> {
  return (await measureSignals(db, workspaceId, personId, { from, to })).map((m) => m.value);
}
