import type { SuggestedQuestion } from '../../../shared/contracts.js';

/**
 * Picks the questions Sextant suggests for a session, from what it knows of the coachee: the biggest
 * gaps of their latest assessment, and the work signals of the last weeks that are zero or weak. Pure:
 * the service gathers the inputs (each source may be missing) and this decides.
 *
 * - Each gap (below expectation, biggest weighted first, at most four) and each weak available signal
 *   is a source; sources take turns, gap, signal, gap, signal…, so one competency does not crowd out the
 *   others. A signal offers the questions tagged with its key among its competencies (else any
 *   question of those competencies). Unavailable signals are never read as zero.
 * - A question asked in this session, or of this coachee in their last sessions, is not suggested.
 * - When the sources give fewer than `min`, the framework's competencies fill in, in order; with no
 *   source at all they fill up to `fallbackTarget`, so a first session still has questions to ask.
 * - Only if the bank is exhausted do recently asked questions come back, never one of this session.
 */
export interface GapInput {
  competencyId: string;
  name: string;
  expected: number | null;
  self: number | null;
  coach: number | null;
  gap: number;
  weightedGap: number;
}

export interface SignalInput {
  key: string;
  label: string;
  available: boolean;
  count: number | null;
  quality: { label: string; count: number } | null;
  /** Default-framework competency keys. */
  competencies: readonly string[];
}

export interface BankQuestionInput {
  id: string;
  competencyId: string;
  text: string;
  signals: readonly string[];
}

export interface SelectorInput {
  gaps: readonly GapInput[];
  /** The assessment period the gaps come from, e.g. "2027-Q1"; null when unknown. */
  period: string | null;
  signals: readonly SignalInput[];
  /** How far back the signals look, in weeks (for the reasons). */
  windowWeeks: number;
  bank: readonly BankQuestionInput[];
  /** The default framework's competencies in order: maps signal keys to ids and orders the fallback. */
  competencies: readonly { id: string; key: string; name: string }[];
  /** Questions (bank ids or texts) asked in this session: never suggested again. */
  askedHere: readonly { questionId: string | null; question: string }[];
  /** Questions asked of this coachee in their recent sessions: suggested only when nothing else is left. */
  askedRecently: readonly { questionId: string | null; question: string }[];
  limit?: number;
  min?: number;
  fallbackTarget?: number;
}

const MAX_GAPS = 4;

/** "Interviews held" → "interviews held", but "OKR check-ins" stays as it is. */
function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** A signal worth a question: none at all in the window, or under half of it meeting the quality bar. */
export function isWeakSignal(s: SignalInput): boolean {
  if (!s.available || s.count === null) return false;
  if (s.count === 0) return true;
  return s.quality !== null && s.quality.count * 2 < s.count;
}

function gapReason(g: GapInput, period: string | null): string {
  const where = period ? `the ${period} assessment` : 'the latest assessment';
  const rated = g.coach ?? g.self;
  const detail = g.expected !== null && rated !== null ? ` (level expects ${g.expected}, ${g.coach !== null ? 'coach' : 'self'} rating ${rated})` : '';
  return `Gap of ${fmt(g.gap)} on ${g.name} in ${where}${detail}`;
}

function signalReason(s: SignalInput, weeks: number): string {
  const window = `in the last ${weeks} weeks`;
  if (s.count === 0) return `No ${lowerFirst(s.label)} ${window}`;
  return `${s.label}: only ${s.quality!.count} of ${s.count} ${lowerFirst(s.quality!.label)} ${window}`;
}

interface Source {
  source: SuggestedQuestion['source'];
  signalKey: string | null;
  reason: string;
  candidates: BankQuestionInput[];
}

/** The suggested questions for a session, best first. */
export function selectSuggestedQuestions(input: SelectorInput): SuggestedQuestion[] {
  const limit = input.limit ?? 8;
  const min = input.min ?? 3;
  const fallbackTarget = Math.max(min, input.fallbackTarget ?? 5);
  const names = new Map<string, string>(input.competencies.map((c) => [c.id, c.name]));
  for (const g of input.gaps) names.set(g.competencyId, g.name);
  const idOfKey = new Map(input.competencies.map((c) => [c.key, c.id]));

  const blocked = (ids: Set<string>, texts: Set<string>) => (q: BankQuestionInput) => ids.has(q.id) || texts.has(norm(q.text));
  const idsOf = (list: SelectorInput['askedHere']) => new Set(list.map((a) => a.questionId).filter((id): id is string => Boolean(id)));
  const textsOf = (list: SelectorInput['askedHere']) => new Set(list.map((a) => norm(a.question)));
  const askedHere = blocked(idsOf(input.askedHere), textsOf(input.askedHere));
  const askedRecently = blocked(idsOf(input.askedRecently), textsOf(input.askedRecently));

  const byCompetency = new Map<string, BankQuestionInput[]>();
  for (const q of input.bank) {
    if (!names.has(q.competencyId)) continue;
    const list = byCompetency.get(q.competencyId) ?? [];
    list.push(q);
    byCompetency.set(q.competencyId, list);
  }
  const questionsOf = (competencyIds: readonly string[]) => competencyIds.flatMap((id) => byCompetency.get(id) ?? []);

  const gapSources: Source[] = input.gaps
    .filter((g) => g.gap > 0)
    .slice()
    .sort((a, b) => b.weightedGap - a.weightedGap)
    .slice(0, MAX_GAPS)
    .map((g) => ({ source: 'gap', signalKey: null, reason: gapReason(g, input.period), candidates: questionsOf([g.competencyId]) }));
  // Nothing at all comes before too little of a good thing.
  const weak = input.signals.filter(isWeakSignal).sort((a, b) => Number(a.count !== 0) - Number(b.count !== 0));
  const signalSources: Source[] = weak.map((s) => {
    const pool = questionsOf(s.competencies.map((k) => idOfKey.get(k)).filter((id): id is string => Boolean(id)));
    const tagged = pool.filter((q) => q.signals.includes(s.key));
    return { source: 'signal', signalKey: s.key, reason: signalReason(s, input.windowWeeks), candidates: tagged.length ? tagged : pool };
  });
  const sources: Source[] = [];
  for (let i = 0; i < Math.max(gapSources.length, signalSources.length); i++) {
    if (gapSources[i]) sources.push(gapSources[i]!);
    if (signalSources[i]) sources.push(signalSources[i]!);
  }

  const picked: SuggestedQuestion[] = [];
  const taken = new Set<string>();
  const take = (q: BankQuestionInput, s: Omit<Source, 'candidates'>) => {
    taken.add(q.id);
    picked.push({ questionId: q.id, competencyId: q.competencyId, competencyName: names.get(q.competencyId) ?? '', text: q.text, reason: s.reason, source: s.source, signalKey: s.signalKey });
  };
  /** Sources take turns, each giving its next question that passes `ok`, until `target` or none has any left. */
  const roundRobin = (list: Source[], target: number, ok: (q: BankQuestionInput) => boolean) => {
    const cursors = list.map(() => 0);
    let progress = true;
    while (picked.length < target && progress) {
      progress = false;
      list.forEach((s, i) => {
        if (picked.length >= target) return;
        while (cursors[i]! < s.candidates.length) {
          const q = s.candidates[cursors[i]!++]!;
          if (!taken.has(q.id) && ok(q)) {
            take(q, s);
            progress = true;
            return;
          }
        }
      });
    }
  };

  const fresh = (q: BankQuestionInput) => !askedHere(q) && !askedRecently(q);
  roundRobin(sources, limit, fresh);

  const fromData = picked.length > 0;
  const target = fromData ? min : fallbackTarget;
  const reason = (name: string) =>
    fromData ? `Rounds out the session with ${name}, a core competency of the role` : `A starting point on ${name}: no submitted assessment or weak work signal points elsewhere yet`;
  const framework: Source[] = input.competencies.map((c) => ({ source: 'framework', signalKey: null, reason: reason(c.name), candidates: byCompetency.get(c.id) ?? [] }));
  roundRobin(framework, target, fresh);
  if (picked.length < target) {
    const again = input.competencies.map((c) => ({
      source: 'framework' as const,
      signalKey: null,
      reason: `Asked in a recent session: worth revisiting how the thinking on ${c.name} has moved`,
      candidates: byCompetency.get(c.id) ?? [],
    }));
    roundRobin(again, target, (q) => !askedHere(q));
  }
  return picked;
}
