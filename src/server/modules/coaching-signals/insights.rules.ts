/**
 * Coaching insights: the rules that turn a PM's signals into open questions for their coach. Pure:
 * they read measured signals (the last 90 days up to `today`) and say nothing of who may see them.
 * Every prompt is a question that makes the PM reason, never advice (the Socratic approach of the
 * reference text). A signal that is not available produces no insight at all.
 *
 * The rules, also listed in the route's OpenAPI description (INSIGHT_RULES_DOC):
 * - interviews-quiet: no interview in six weeks (a concern when none in the whole 90 days);
 * - interviews-weekly: an interview in each of the last four weeks (positive);
 * - interviews-unused: three or more interviews, fewer than a third left a highlight;
 * - requirements-no-evidence / requirements-no-metric: documents revised in 90 days whose current
 *   text has no linked evidence / no success metric, listed;
 * - requirements-complete: two or more documents revised, all with evidence and a metric (positive);
 * - experiments-unconcluded: experiments ran in 90 days, none concluded with a result;
 * - experiments-none: no experiment ran in 90 days;
 * - experiments-concluded: two or more concluded with a result (positive);
 * - triage-rarely-linked: ten or more items triaged, fewer than one in ten linked as evidence;
 * - triage-quiet: no feedback triaged in four weeks.
 */
import type { CoachingInsight, CoachingInsightLink, CoachingInsightSeverity } from '../../../shared/contracts/coaching-signals.js';
import type { SignalKey } from '../../../shared/coaching.js';
import type { MeasuredSignal } from './signals.compute.js';
import { addDays, weeksWithInterviews } from './signals.rules.js';

/** How many records an insight links at most. */
export const INSIGHT_LINKS_MAX = 10;
/** The window the insights read: the last 90 days up to today. */
export const INSIGHT_WINDOW_DAYS = 90;

export interface InsightContext {
  /** The day insights are drawn up to, YYYY-MM-DD. */
  today: string;
  /** Every signal over the last INSIGHT_WINDOW_DAYS days up to `today`. */
  signals: readonly MeasuredSignal[];
  /** The workspace's name of a default-framework competency. */
  competencyName: (key: string) => string;
}

type Draft = Omit<CoachingInsight, 'competency' | 'signal' | 'key'> & { competency: string };
interface Rule {
  key: string;
  signal: SignalKey;
  evaluate: (m: NonNullable<MeasuredSignal['measurement']>, today: string) => Draft | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const day = (iso: string) => iso.slice(0, 10);
const ago = (iso: string | null, today: string) => (iso === null ? null : Math.round((Date.parse(today) - Date.parse(day(iso))) / 86_400_000));
const limit = (links: CoachingInsightLink[]) => links.slice(0, INSIGHT_LINKS_MAX);
/** "2 of the 3 documents", "All 3 documents", "The document": `n` of the `total` documents revised. */
const ofDocuments = (n: number, total: number) => (n < total ? `${n} of the ${plural(total, 'document')}` : total === 1 ? 'The document' : `All ${total} documents`);

const RULES: Rule[] = [
  {
    key: 'interviews-quiet',
    signal: 'interviews',
    evaluate: (m, today) => {
      const since = ago(m.lastAt, today);
      if (since !== null && since <= 42) return null;
      const none90 = m.count === 0;
      return {
        severity: none90 ? 'concern' : 'attention',
        title: since === null ? 'No customer interviews recorded' : 'No interviews in six weeks',
        detail:
          since === null ? 'No interview in Sextant names them as the interviewer.' : `The last interview was on ${day(m.lastAt!)}, ${since} days ago${none90 ? '; none in the last 90 days' : ''}.`,
        competency: 'interviewing-users',
        prompt: 'What do you know about why these customers asked for this, and how did you learn it?',
        links: [],
      };
    },
  },
  {
    key: 'interviews-weekly',
    signal: 'interviews',
    evaluate: (m, today) => {
      const items = m.interviews ?? [];
      if (weeksWithInterviews(items, today, 4) < 4) return null;
      const recent = items.filter((i) => i.date >= addDays(today, -27));
      return {
        severity: 'info',
        title: 'Interviews every week',
        detail: `${plural(recent.length, 'interview')} in the last four weeks, at least one each week.`,
        competency: 'interviewing-users',
        prompt: 'What pattern across these interviews surprised you most?',
        links: limit([...recent].sort((a, b) => b.date.localeCompare(a.date)).map((i) => ({ type: 'interview', id: i.id, label: i.title, detail: i.date }))),
      };
    },
  },
  {
    key: 'interviews-unused',
    signal: 'interviews',
    evaluate: (m) => {
      const items = m.interviews ?? [];
      const bare = items.filter((i) => !i.highlighted);
      if (items.length < 3 || bare.length * 3 <= items.length * 2) return null;
      return {
        severity: 'attention',
        title: 'Interviews rarely leave highlights',
        detail: `${bare.length} of ${plural(items.length, 'interview')} in 90 days have no highlight turned into feedback.`,
        competency: 'understanding-customers',
        prompt: 'When you reread your last interviews, what did you hear that changed what you believe, and where is that written down?',
        links: limit(bare.map((i) => ({ type: 'interview', id: i.id, label: i.title, detail: `${i.date}, no highlight` }))),
      };
    },
  },
  {
    key: 'requirements-no-evidence',
    signal: 'requirements',
    evaluate: (m) => {
      const docs = (m.documents ?? []).filter((d) => !d.hasEvidence);
      if (!docs.length) return null;
      return {
        severity: 'attention',
        title: `${plural(docs.length, 'requirements document')} without evidence`,
        detail: `${ofDocuments(docs.length, m.count)} they revised in 90 days ${docs.length === 1 ? 'links' : 'link'} no feedback or opportunity as evidence.`,
        competency: 'product-development',
        prompt: 'What would a sceptical engineer on the team need to see before they believed this problem is real?',
        links: limit(docs.map((d) => ({ type: 'feature', id: d.featureId, label: d.title, detail: 'No linked evidence' }))),
      };
    },
  },
  {
    key: 'requirements-no-metric',
    signal: 'requirements',
    evaluate: (m) => {
      const docs = (m.documents ?? []).filter((d) => !d.hasMetric);
      if (!docs.length) return null;
      return {
        severity: 'attention',
        title: `${plural(docs.length, 'requirements document')} without a success metric`,
        detail: `${ofDocuments(docs.length, m.count)} they revised in 90 days ${docs.length === 1 ? 'names' : 'name'} no metric under goals and success metrics.`,
        competency: 'okrs-metrics',
        prompt: 'Three months after this ships, how will you know whether it worked, and what will you do if it did not?',
        links: limit(docs.map((d) => ({ type: 'feature', id: d.featureId, label: d.title, detail: 'No success metric' }))),
      };
    },
  },
  {
    key: 'requirements-complete',
    signal: 'requirements',
    evaluate: (m) => {
      const docs = m.documents ?? [];
      if (docs.length < 2 || docs.some((d) => !d.hasEvidence || !d.hasMetric)) return null;
      return {
        severity: 'info',
        title: 'Requirements backed by evidence and metrics',
        detail: `All ${docs.length} documents they revised in 90 days link evidence and name a success metric.`,
        competency: 'product-development',
        prompt: 'Which of these metrics are you least sure you can move, and what would that tell you about the feature?',
        links: limit(docs.map((d) => ({ type: 'feature', id: d.featureId, label: d.title, detail: null }))),
      };
    },
  },
  {
    key: 'experiments-unconcluded',
    signal: 'experiments',
    evaluate: (m) => {
      if (m.count === 0 || (m.quality ?? 0) > 0) return null;
      const open = (m.experiments ?? []).filter((e) => !e.concluded);
      return {
        severity: 'attention',
        title: 'Experiments started, none concluded',
        detail: `${plural(m.count, 'experiment')} ran in the last 90 days; none was completed with a result.`,
        competency: 'customer-validation',
        prompt: 'What result would make you stop this experiment today, and which decision is waiting on it?',
        links: limit(open.map((e) => ({ type: 'experiment', id: e.id, label: e.title, detail: e.startsOn ? `${e.status} since ${e.startsOn}` : e.status }))),
      };
    },
  },
  {
    key: 'experiments-none',
    signal: 'experiments',
    evaluate: (m) =>
      m.count > 0
        ? null
        : {
            severity: 'attention',
            title: 'No experiments in 90 days',
            detail: m.lastAt ? `The last experiment work was on ${day(m.lastAt)}.` : 'No experiment in Sextant names them as its owner.',
            competency: 'customer-validation',
            prompt: 'What is the riskiest assumption in what your team is building now, and what is the cheapest way you could find out if it is wrong?',
            links: [],
          },
  },
  {
    key: 'experiments-concluded',
    signal: 'experiments',
    evaluate: (m) => {
      const done = (m.experiments ?? []).filter((e) => e.concluded);
      if (done.length < 2) return null;
      return {
        severity: 'info',
        title: 'Experiments carried through to a result',
        detail: `${done.length} experiments were completed with a result in the last 90 days.`,
        competency: 'customer-validation',
        prompt: 'Which result surprised you, and what did you decide differently because of it?',
        links: limit(done.map((e) => ({ type: 'experiment', id: e.id, label: e.title, detail: e.endsOn ? `concluded ${e.endsOn}` : null }))),
      };
    },
  },
  {
    key: 'triage-rarely-linked',
    signal: 'feedback-triage',
    evaluate: (m) => {
      const linked = m.quality ?? 0;
      if (m.count < 10 || linked * 10 >= m.count) return null;
      return {
        severity: 'attention',
        title: 'Feedback triaged but rarely linked',
        detail: `${linked} of ${plural(m.count, 'item')} they triaged in 90 days became evidence for an opportunity or a feature.`,
        competency: 'understanding-customers',
        prompt: 'Of the feedback you sorted, which pieces changed what you believe about a customer problem, and where did that belief get written down?',
        links: [],
      };
    },
  },
  {
    key: 'triage-quiet',
    signal: 'feedback-triage',
    evaluate: (m, today) => {
      const since = ago(m.lastAt, today);
      if (since !== null && since <= 28) return null;
      return {
        severity: 'attention',
        title: since === null ? 'No feedback triaged yet' : 'No feedback triaged in four weeks',
        detail: since === null ? 'No feedback item was first triaged by them.' : `They last triaged feedback on ${day(m.lastAt!)}, ${since} days ago.`,
        competency: 'understanding-customers',
        prompt: 'When did you last read what customers sent in yourself, and what did it tell you that you did not expect?',
        links: [],
      };
    },
  },
];

const ORDER: Record<CoachingInsightSeverity, number> = { concern: 0, attention: 1, info: 2 };

/** One line per rule, for the OpenAPI description of the insights route. */
export const INSIGHT_RULES_DOC = [
  '- `interviews-quiet`: no interview in six weeks (concern when none in 90 days).',
  '- `interviews-weekly`: an interview in each of the last four weeks (info).',
  '- `interviews-unused`: 3 or more interviews in 90 days, fewer than a third with a highlight.',
  '- `requirements-no-evidence` / `requirements-no-metric`: documents revised in 90 days whose current text lacks linked evidence / a success metric; each is linked.',
  '- `requirements-complete`: 2 or more documents revised, all with evidence and a metric (info).',
  '- `experiments-unconcluded`: experiments ran in 90 days, none completed with a result.',
  '- `experiments-none`: no experiment ran in 90 days.',
  '- `experiments-concluded`: 2 or more experiments completed with a result in 90 days (info).',
  '- `triage-rarely-linked`: 10 or more items triaged in 90 days, fewer than one in ten linked as evidence.',
  '- `triage-quiet`: no feedback triaged in four weeks.',
].join('\n');

/** The insights the signals support, concerns first. Signals that are not available produce none. */
export function deriveInsights(ctx: InsightContext): CoachingInsight[] {
  const out: CoachingInsight[] = [];
  for (const rule of RULES) {
    const measured = ctx.signals.find((s) => s.value.key === rule.signal)?.measurement;
    if (!measured) continue;
    const draft = rule.evaluate(measured, ctx.today);
    if (!draft) continue;
    out.push({ ...draft, key: rule.key, signal: rule.signal, competency: { key: draft.competency, name: ctx.competencyName(draft.competency) } });
  }
  return out.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}
