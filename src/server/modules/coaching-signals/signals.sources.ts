import type { SignalKey } from '../../../shared/coaching.js';
import type { Db } from '../../db/client.js';
import { readCheckIns, readDecisions, readExperiments, readInterviews, readProposals, readRequirements, readStatusUpdates, readTriage, type SignalQuery } from './signals.repository.js';
import {
  experimentConcluded,
  experimentCounts,
  experimentLastAt,
  experimentRan,
  interviewCounts,
  judgeDocuments,
  requirementsCounts,
  type DocumentQuality,
  type ExperimentFact,
  type InterviewFact,
} from './signals.rules.js';

/** What a source measured over a period, with the records behind it (insights link to them). */
export interface Measurement {
  count: number;
  quality: number | null;
  lastAt: string | null;
  /** Interviews held in the period. */
  interviews?: InterviewFact[];
  /** Experiments run in the period, each marked when it concluded in it. */
  experiments?: (ExperimentFact & { concluded: boolean })[];
  /** Requirements documents revised in the period, judged. */
  documents?: DocumentQuality[];
}

/** Where one signal comes from. */
export interface SignalSource {
  label: string;
  /** What the quality count counts; null when the signal has none. */
  qualityLabel: string | null;
  /** The module whose records this signal reads (shown while it is not available). */
  module: string;
  /**
   * Measures the signal from the person's work; null while its module does not exist, so the signal
   * reads "not available" rather than zero. Plugging a module in is writing this one function.
   */
  measure: ((db: Db, q: SignalQuery) => Promise<Measurement>) | null;
}

/** The registry of signal sources, one per key of SIGNAL_KEYS. */
export const SIGNAL_SOURCES: Record<SignalKey, SignalSource> = {
  interviews: {
    label: 'Interviews held',
    qualityLabel: 'with highlights',
    module: 'interviews',
    measure: async (db, q) => {
      const { items, lastAt } = await readInterviews(db, q);
      return { ...interviewCounts(items, q.period), lastAt, interviews: items };
    },
  },
  'feedback-triage': {
    label: 'Feedback triaged',
    qualityLabel: 'linked as evidence',
    module: 'feedback',
    measure: (db, q) => readTriage(db, q),
  },
  experiments: {
    label: 'Experiments run',
    qualityLabel: 'concluded with a result',
    module: 'experiments',
    measure: async (db, q) => {
      const all = await readExperiments(db, q);
      const ran = all.filter((e) => experimentRan(e, q.period)).map((e) => ({ ...e, concluded: experimentConcluded(e, q.period) }));
      return { ...experimentCounts(all, q.period), lastAt: experimentLastAt(all, q.period.to), experiments: ran };
    },
  },
  decisions: {
    label: 'Decisions and declines explained',
    qualityLabel: 'with a rationale',
    module: 'requests',
    measure: (db, q) => readDecisions(db, q),
  },
  requirements: {
    label: 'Requirements documents revised',
    qualityLabel: 'with evidence and a success metric',
    module: 'features',
    measure: async (db, q) => {
      const { items, lastAt } = await readRequirements(db, q);
      const documents = judgeDocuments(items);
      return { ...requirementsCounts(documents), lastAt, documents };
    },
  },
  'status-updates': {
    label: 'Status updates delivered',
    qualityLabel: 'on time',
    module: 'status updates',
    measure: (db, q) => readStatusUpdates(db, q),
  },
  'okr-check-ins': {
    label: 'OKR check-ins kept',
    qualityLabel: 'with a note',
    module: 'goals',
    measure: (db, q) => readCheckIns(db, q),
  },
  'strategy-proposals': {
    label: 'Strategy proposals made',
    qualityLabel: 'accepted',
    module: 'strategy',
    measure: (db, q) => readProposals(db, q),
  },
};
