import { describe, expect, it } from 'vitest';
import { isWeakSignal, selectSuggestedQuestions, type BankQuestionInput, type SelectorInput, type SignalInput } from './suggested-questions.js';

// The default framework, cut to four competencies, with three bank questions each.
const COMPETENCIES = [
  { id: 'c-vision', key: 'vision-strategy', name: 'Vision and strategy' },
  { id: 'c-interviews', key: 'interviewing-users', name: 'Interviewing users' },
  { id: 'c-validation', key: 'customer-validation', name: 'Customer validation' },
  { id: 'c-customers', key: 'understanding-customers', name: 'Understanding customers' },
];
const BANK: BankQuestionInput[] = COMPETENCIES.flatMap((c) =>
  [1, 2, 3].map((n) => ({
    id: `${c.id}-q${n}`,
    competencyId: c.id,
    text: `${c.name} question ${n}?`,
    // The second question of interviewing users probes the interviews signal.
    signals: c.id === 'c-interviews' && n === 2 ? ['interviews'] : c.id === 'c-validation' && n === 3 ? ['experiments'] : [],
  })),
);

const signal = (over: Partial<SignalInput> & Pick<SignalInput, 'key'>): SignalInput => ({
  label: 'Interviews held',
  available: true,
  count: 3,
  quality: null,
  competencies: ['interviewing-users', 'understanding-customers'],
  ...over,
});

const input = (over: Partial<SelectorInput> = {}): SelectorInput => ({
  gaps: [],
  period: null,
  signals: [],
  windowWeeks: 6,
  bank: BANK,
  competencies: COMPETENCIES,
  askedHere: [],
  askedRecently: [],
  ...over,
});

const gap = (competencyId: string, name: string, g: number, weighted = g) => ({ competencyId, name, expected: 4, self: 3, coach: 4 - g, gap: g, weightedGap: weighted });

describe('selectSuggestedQuestions', () => {
  it('falls back to the framework in order when nothing is known, with at least three questions', () => {
    const out = selectSuggestedQuestions(input());
    expect(out.length).toBeGreaterThanOrEqual(3);
    expect(out.slice(0, 4).map((q) => q.competencyId)).toEqual(['c-vision', 'c-interviews', 'c-validation', 'c-customers']);
    expect(out.every((q) => q.source === 'framework' && q.reason.length > 10)).toBe(true);
    expect(out[0]).toMatchObject({ questionId: 'c-vision-q1', competencyName: 'Vision and strategy', text: 'Vision and strategy question 1?' });
  });

  it('puts the biggest weighted gaps first, with the period and the ratings in the reason', () => {
    const out = selectSuggestedQuestions(
      input({ period: '2027-Q1', gaps: [gap('c-vision', 'Vision and strategy', 1, 1), gap('c-interviews', 'Interviewing users', 2, 2), gap('c-customers', 'Understanding customers', -1, -1)] }),
    );
    expect(out[0]).toMatchObject({
      competencyId: 'c-interviews',
      source: 'gap',
      reason: 'Gap of 2 on Interviewing users in the 2027-Q1 assessment (level expects 4, coach rating 2)',
    });
    expect(out[1]).toMatchObject({ competencyId: 'c-vision', source: 'gap' });
    // A competency above expectation is no gap.
    expect(out.filter((q) => q.source === 'gap' && q.competencyId === 'c-customers')).toEqual([]);
    expect(out.length).toBeGreaterThanOrEqual(3);
    expect(out.length).toBeLessThanOrEqual(8);
  });

  it('asks about zero or weak available signals with the questions tagged for them, never about unavailable ones', () => {
    const out = selectSuggestedQuestions(
      input({
        signals: [
          signal({ key: 'interviews', count: 0 }),
          signal({ key: 'experiments', label: 'Experiments run', count: 4, quality: { label: 'concluded with a result', count: 1 }, competencies: ['customer-validation'] }),
          signal({ key: 'decisions', label: 'Decisions and declines explained', available: false, count: null, competencies: ['vision-strategy'] }),
        ],
      }),
    );
    const bySignal = out.filter((q) => q.source === 'signal');
    expect(bySignal.map((q) => [q.signalKey, q.questionId])).toEqual([
      ['interviews', 'c-interviews-q2'],
      ['experiments', 'c-validation-q3'],
    ]);
    expect(bySignal[0]!.reason).toBe('No interviews held in the last 6 weeks');
    expect(bySignal[1]!.reason).toBe('Experiments run: only 1 of 4 concluded with a result in the last 6 weeks');
    expect(out.some((q) => q.signalKey === 'decisions')).toBe(false);
    // Topped up to three from the framework.
    expect(out).toHaveLength(3);
    expect(out[2]!.source).toBe('framework');
  });

  it('tells weak signals from healthy and unavailable ones', () => {
    expect(isWeakSignal(signal({ key: 'interviews', count: 0 }))).toBe(true);
    expect(isWeakSignal(signal({ key: 'interviews', count: 5, quality: { label: 'with highlights', count: 1 } }))).toBe(true);
    expect(isWeakSignal(signal({ key: 'interviews', count: 5, quality: { label: 'with highlights', count: 3 } }))).toBe(false);
    expect(isWeakSignal(signal({ key: 'interviews', available: false, count: null }))).toBe(false);
  });

  it('takes turns between sources so one competency does not crowd out the rest', () => {
    const out = selectSuggestedQuestions(
      input({
        gaps: [gap('c-interviews', 'Interviewing users', 3), gap('c-vision', 'Vision and strategy', 2)],
        signals: [signal({ key: 'experiments', label: 'Experiments run', count: 0, competencies: ['customer-validation'] })],
      }),
    );
    expect(out.slice(0, 3).map((q) => q.competencyId)).toEqual(['c-interviews', 'c-validation', 'c-vision']);
    expect(new Set(out.map((q) => q.questionId)).size).toBe(out.length);
    expect(out.length).toBeLessThanOrEqual(8);
  });

  it('caps the list at the limit', () => {
    const gaps = COMPETENCIES.map((c, i) => gap(c.id, c.name, 4 - i));
    expect(selectSuggestedQuestions(input({ gaps }))).toHaveLength(8);
    expect(selectSuggestedQuestions(input({ gaps, limit: 5 }))).toHaveLength(5);
  });

  it('skips questions asked here or recently, by id or by the same words', () => {
    const out = selectSuggestedQuestions(
      input({
        gaps: [gap('c-interviews', 'Interviewing users', 2)],
        askedHere: [{ questionId: 'c-interviews-q1', question: 'Interviewing users question 1?' }],
        askedRecently: [{ questionId: null, question: '  interviewing users   QUESTION 2? ' }],
      }),
    );
    const ids = out.map((q) => q.questionId);
    expect(ids).not.toContain('c-interviews-q1');
    expect(ids).not.toContain('c-interviews-q2');
    expect(ids[0]).toBe('c-interviews-q3');
  });

  it('brings recently asked questions back only when the bank has nothing else, and never this session’s', () => {
    const bank = BANK.filter((q) => q.competencyId === 'c-vision');
    const out = selectSuggestedQuestions(
      input({
        bank,
        askedHere: [{ questionId: 'c-vision-q1', question: 'x' }],
        askedRecently: [
          { questionId: 'c-vision-q2', question: 'y' },
          { questionId: 'c-vision-q3', question: 'z' },
        ],
      }),
    );
    expect(out.map((q) => q.questionId)).toEqual(['c-vision-q2', 'c-vision-q3']);
    expect(out[0]!.reason).toMatch(/recent session/);
  });

  it('keeps questions of gaps on another framework, named from the gap', () => {
    const other = { id: 'svpg-q1', competencyId: 'svpg-data', text: 'What does the data tell you?', signals: [] };
    const out = selectSuggestedQuestions(input({ bank: [...BANK, other], gaps: [{ ...gap('svpg-data', 'Data', 3), expected: null }] }));
    expect(out[0]).toMatchObject({ questionId: 'svpg-q1', competencyName: 'Data', reason: 'Gap of 3 on Data in the latest assessment' });
  });

  it('returns nothing rather than inventing questions when the bank is empty', () => {
    expect(selectSuggestedQuestions(input({ bank: [], gaps: [gap('c-vision', 'Vision and strategy', 2)] }))).toEqual([]);
  });
});
