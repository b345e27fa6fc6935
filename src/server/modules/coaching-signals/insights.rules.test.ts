import { describe, expect, it } from 'vitest';
import { SIGNAL_COMPETENCIES, SIGNAL_KEYS, type SignalKey } from '../../../shared/coaching.js';
import { DEFAULT_COMPETENCY_NAMES } from './coaching-signals.presenter.js';
import { deriveInsights } from './insights.rules.js';
import type { MeasuredSignal } from './signals.compute.js';
import type { Measurement } from './signals.sources.js';

const TODAY = '2027-03-31';
const AVAILABLE: SignalKey[] = ['interviews', 'feedback-triage', 'experiments', 'requirements'];

/** Measured signals over the 90 days to TODAY: busy and healthy unless overridden. */
function signals(over: Partial<Record<SignalKey, Partial<Measurement>>> = {}): MeasuredSignal[] {
  const base: Partial<Record<SignalKey, Measurement>> = {
    interviews: {
      count: 3,
      quality: 3,
      lastAt: '2027-03-20',
      interviews: ['2027-03-20', '2027-03-01', '2027-02-10'].map((date, i) => ({ id: `i${i}`, title: `Interview ${i}`, date, highlighted: true })),
    },
    'feedback-triage': { count: 20, quality: 5, lastAt: '2027-03-30T10:00:00.000Z' },
    experiments: { count: 1, quality: 1, lastAt: '2027-03-01', experiments: [{ id: 'e1', title: 'Price page', status: 'completed', startsOn: '2027-02-01', endsOn: '2027-03-01', hasResult: true, createdOn: '2027-01-20', concluded: true }] },
    requirements: { count: 1, quality: 1, lastAt: '2027-03-10T00:00:00.000Z', documents: [{ featureId: 'f1', title: 'Checkout', hasEvidence: true, hasMetric: true }] },
  };
  return SIGNAL_KEYS.map((key) => {
    const m = AVAILABLE.includes(key) ? ({ ...base[key]!, ...over[key] } as Measurement) : null;
    return {
      measurement: m,
      value: { key, label: key, available: m !== null, count: m?.count ?? null, quality: m?.quality != null ? { label: 'q', count: m.quality } : null, competencies: [...SIGNAL_COMPETENCIES[key]], lastAt: m?.lastAt ?? null },
    };
  });
}
const run = (s: MeasuredSignal[]) => deriveInsights({ today: TODAY, signals: s, competencyName: (k) => DEFAULT_COMPETENCY_NAMES[k] ?? k });
const keys = (s: MeasuredSignal[]) => run(s).map((i) => i.key);

describe('coaching insights', () => {
  it('raises nothing for healthy, recent work', () => {
    expect(keys(signals())).toEqual([]);
  });

  it('asks about interviews after six quiet weeks, and is a concern after 90 days', () => {
    const quiet = run(signals({ interviews: { lastAt: '2027-02-10', interviews: [{ id: 'i', title: 'Old', date: '2027-02-10', highlighted: true }], count: 1, quality: 1 } }));
    expect(quiet[0]).toMatchObject({
      key: 'interviews-quiet',
      severity: 'attention',
      detail: 'The last interview was on 2027-02-10, 49 days ago.',
      competency: { key: 'interviewing-users', name: 'Interviewing users' },
      prompt: 'What do you know about why these customers asked for this, and how did you learn it?',
    });
    expect(keys(signals({ interviews: { lastAt: '2027-02-17' } }))).toEqual([]);
    const silent = run(signals({ interviews: { count: 0, quality: 0, lastAt: '2026-11-01', interviews: [] } }));
    expect(silent[0]).toMatchObject({ key: 'interviews-quiet', severity: 'concern' });
    expect(run(signals({ interviews: { count: 0, quality: 0, lastAt: null, interviews: [] } }))[0]).toMatchObject({ title: 'No customer interviews recorded', severity: 'concern' });
  });

  it('praises an interview every week with an open question, and flags interviews without highlights', () => {
    const weekly = ['2027-03-29', '2027-03-24', '2027-03-16', '2027-03-09', '2027-02-01'].map((date, i) => ({ id: `w${i}`, title: `W${i}`, date, highlighted: i !== 4 }));
    const found = run(signals({ interviews: { count: 5, quality: 4, lastAt: '2027-03-29', interviews: weekly } }));
    expect(found.map((i) => i.key)).toEqual(['interviews-weekly']);
    expect(found[0]).toMatchObject({ severity: 'info', prompt: 'What pattern across these interviews surprised you most?' });
    expect(found[0]!.links.map((l) => l.id)).toEqual(['w0', 'w1', 'w2', 'w3']);
    const bare = weekly.map((i, n) => ({ ...i, highlighted: n === 0 }));
    const unused = run(signals({ interviews: { count: 5, quality: 1, lastAt: '2027-03-29', interviews: bare } })).find((i) => i.key === 'interviews-unused')!;
    expect(unused.links).toHaveLength(4);
    expect(unused.detail).toBe('4 of 5 interviews in 90 days have no highlight turned into feedback.');
  });

  it('lists requirements documents lacking evidence or a metric, and praises complete ones', () => {
    const documents = [
      { featureId: 'a', title: 'A', hasEvidence: false, hasMetric: true },
      { featureId: 'b', title: 'B', hasEvidence: true, hasMetric: false },
      { featureId: 'c', title: 'C', hasEvidence: false, hasMetric: false },
    ];
    const found = run(signals({ requirements: { count: 3, quality: 0, documents } }));
    expect(found.find((i) => i.key === 'requirements-no-evidence')!.links.map((l) => l.id)).toEqual(['a', 'c']);
    expect(found.find((i) => i.key === 'requirements-no-metric')).toMatchObject({
      title: '2 requirements documents without a success metric',
      detail: '2 of the 3 documents they revised in 90 days name no metric under goals and success metrics.',
      competency: { key: 'okrs-metrics' },
    });
    const one = run(signals({ requirements: { count: 1, quality: 0, documents: documents.slice(0, 1) } })).find((i) => i.key === 'requirements-no-evidence')!;
    expect([one.title, one.detail]).toEqual(['1 requirements document without evidence', 'The document they revised in 90 days links no feedback or opportunity as evidence.']);
    const complete = documents.map((d) => ({ ...d, hasEvidence: true, hasMetric: true }));
    expect(keys(signals({ requirements: { count: 3, quality: 3, documents: complete } }))).toEqual(['requirements-complete']);
  });

  it('asks about experiments that never conclude, and about none at all', () => {
    const open = [{ id: 'e', title: 'Fake door', status: 'running', startsOn: '2027-01-05', endsOn: null, hasResult: false, createdOn: '2027-01-01', concluded: false }];
    const found = run(signals({ experiments: { count: 1, quality: 0, experiments: open } }));
    expect(found.map((i) => i.key)).toEqual(['experiments-unconcluded']);
    expect(found[0]!.links).toEqual([{ type: 'experiment', id: 'e', label: 'Fake door', detail: 'running since 2027-01-05' }]);
    expect(keys(signals({ experiments: { count: 0, quality: 0, experiments: [] } }))).toEqual(['experiments-none']);
  });

  it('asks about triage that never becomes evidence, and about four quiet weeks', () => {
    expect(keys(signals({ 'feedback-triage': { count: 30, quality: 2 } }))).toEqual(['triage-rarely-linked']);
    expect(keys(signals({ 'feedback-triage': { count: 30, quality: 3 } }))).toEqual([]);
    expect(keys(signals({ 'feedback-triage': { count: 9, quality: 0 } }))).toEqual([]);
    expect(run(signals({ 'feedback-triage': { lastAt: '2027-02-28T00:00:00.000Z' } }))[0]).toMatchObject({ key: 'triage-quiet', detail: 'They last triaged feedback on 2027-02-28, 31 days ago.' });
  });

  it('says nothing about signals that are not available, and puts concerns first', () => {
    const none = signals().map((s) => (s.value.key === 'interviews' ? { ...s, measurement: null } : s));
    expect(keys(none)).toEqual([]);
    const mixed = run(signals({ interviews: { count: 0, quality: 0, lastAt: null, interviews: [] }, experiments: { count: 0, quality: 0, experiments: [] } }));
    expect(mixed.map((i) => i.severity)).toEqual(['concern', 'attention']);
    for (const i of mixed) expect(i.prompt).toMatch(/\?$/);
  });
});
