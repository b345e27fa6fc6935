import type { SuggestedQuestion } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import { latestGaps } from '../assessments/assessments.gaps.js';
import { computeSignals } from '../coaching-signals/signals.compute.js';
import { bankQuestions, defaultFrameworkId, frameworkCompetencies } from '../frameworks/frameworks.lookup.js';
import { askedInSessions } from './coaching-journal.repository.js';
import { latestSubmittedPeriod, recentCoacheeSessionIds } from './coaching-sessions.repository.js';
import { selectSuggestedQuestions } from './suggested-questions.js';

/** Where a failing source is reported; a route passes its request logger. */
export interface WarnLog {
  warn: (obj: object, msg: string) => void;
}

/** The other modules' functions suggestions read; a test may swap one for a failing one. */
export const SUGGESTION_SOURCES = { defaultFrameworkId, frameworkCompetencies, bankQuestions, latestGaps, computeSignals };
export type SuggestionSources = typeof SUGGESTION_SOURCES;

/** How far back work signals are read, and how many earlier sessions' questions are not repeated. */
export const SIGNAL_WINDOW_WEEKS = 6;
export const RECENT_SESSIONS = 3;
const DAY_MS = 86_400_000;

/**
 * The questions suggested for a session: gathers the coachee's latest gaps, their work signals over the
 * weeks before the session (or before now, for a session still ahead), the question bank and what was
 * already asked, then lets `selectSuggestedQuestions` decide. Each other module is asked on its own: a
 * source that fails is logged and left out, so a session always opens.
 */
export async function suggestQuestions(
  db: Db,
  workspaceId: string,
  session: { id: string; coacheeId: string; scheduledAt: Date },
  log: WarnLog,
  { now = new Date(), sources: src = SUGGESTION_SOURCES }: { now?: Date; sources?: SuggestionSources } = {},
): Promise<SuggestedQuestion[]> {
  const safe = async <T>(source: string, run: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      log.warn({ err, source, sessionId: session.id }, 'a source of suggested questions failed; suggesting from the others');
      return fallback;
    }
  };
  const to = new Date(Math.min(now.getTime(), session.scheduledAt.getTime()));
  const from = new Date(to.getTime() - SIGNAL_WINDOW_WEEKS * 7 * DAY_MS);
  const day = (d: Date) => d.toISOString().slice(0, 10);

  const [competencies, gaps, period, signals, recentIds] = await Promise.all([
    safe('frameworks', async () => src.frameworkCompetencies(db, workspaceId, await src.defaultFrameworkId(db, workspaceId)), []),
    safe('assessments', () => src.latestGaps(db, workspaceId, session.coacheeId), []),
    safe('assessment period', () => latestSubmittedPeriod(db, workspaceId, session.coacheeId), null),
    safe('signals', () => src.computeSignals(db, workspaceId, session.coacheeId, day(from), day(to)), []),
    recentCoacheeSessionIds(db, workspaceId, session.coacheeId, session.scheduledAt, RECENT_SESSIONS + 1),
  ]);
  const earlier = recentIds.filter((id) => id !== session.id).slice(0, RECENT_SESSIONS);
  const competencyIds = [...new Set([...gaps.map((g) => g.competencyId), ...competencies.map((c) => c.id)])];
  const [bank, askedHere, askedRecently] = await Promise.all([
    competencyIds.length ? safe('question bank', () => src.bankQuestions(db, workspaceId, competencyIds), []) : [],
    askedInSessions(db, workspaceId, [session.id]),
    askedInSessions(db, workspaceId, earlier),
  ]);
  return selectSuggestedQuestions({
    gaps,
    period,
    signals,
    windowWeeks: SIGNAL_WINDOW_WEEKS,
    bank,
    competencies,
    askedHere,
    askedRecently,
  });
}
