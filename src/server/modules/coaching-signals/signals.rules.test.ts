import { describe, expect, it } from 'vitest';
import { REQUIREMENTS_TEMPLATE } from '../features/features.template.js';
import { DOC_WITH_METRIC } from './signals.fixtures.js';
import {
  addDays,
  experimentCounts,
  experimentLastAt,
  hasSuccessMetric,
  interviewCounts,
  judgeDocuments,
  lastDays,
  previousPeriod,
  requirementsCounts,
  weekOf,
  weeksWithInterviews,
  type ExperimentFact,
} from './signals.rules.js';

const Q1 = { from: '2027-01-01', to: '2027-03-31' };

describe('periods', () => {
  it('moves days across months and years, and finds the previous period of the same length', () => {
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(lastDays('2027-03-31', 90)).toEqual({ from: '2027-01-01', to: '2027-03-31' });
    expect(previousPeriod(Q1)).toEqual({ from: '2026-10-03', to: '2026-12-31' });
    expect(previousPeriod({ from: '2027-01-10', to: '2027-01-10' })).toEqual({ from: '2027-01-09', to: '2027-01-09' });
  });

  it('counts the weeks (Monday to Sunday) that hold an interview', () => {
    expect(weekOf('2027-01-17')).toBe('2027-01-11'); // a Sunday
    expect(weekOf('2027-01-11')).toBe('2027-01-11');
    const dates = ['2027-01-25', '2027-01-19', '2027-01-12', '2027-01-13', '2027-01-06'].map((date) => ({ date }));
    expect(weeksWithInterviews(dates, '2027-01-27', 4)).toBe(4);
    expect(weeksWithInterviews(dates.slice(1), '2027-01-27', 4)).toBe(3);
  });
});

describe('success metric detection', () => {
  it('does not take the bare template for a metric', () => {
    expect(hasSuccessMetric(REQUIREMENTS_TEMPLATE)).toBe(false);
  });

  it('finds a filled table row', () => {
    expect(hasSuccessMetric(DOC_WITH_METRIC)).toBe(true);
    expect(hasSuccessMetric(REQUIREMENTS_TEMPLATE.replace('|  |  |  |  |', '| Refund time |  |  |  |'))).toBe(true);
  });

  it('finds prose in place of the table, and ignores the prompt, blank rows and bare list markers', () => {
    const prose = REQUIREMENTS_TEMPLATE.replace('|  |  |  |  |', '|  |  |  |  |\n\nWe expect churn among stores under 10 staff to halve by June.');
    expect(hasSuccessMetric(prose)).toBe(true);
    expect(hasSuccessMetric('## Goals and success metrics\n\n- \n- [ ] \n\n## Users\n\nEveryone.')).toBe(false);
    expect(hasSuccessMetric('## Success metrics\n\n| Metric | Target |\n| --- | --- |\n|  |  |\n')).toBe(false);
  });

  it('accepts the author’s own heading and only reads that section', () => {
    expect(hasSuccessMetric('# Spec\n\n### KPIs\nActivation within 7 days: 40% → 55%\n')).toBe(true);
    expect(hasSuccessMetric('## Problem\n\nSlow.\n\n## Metrics\n\n## Users\n\nAdmins and their 40% conversion.')).toBe(false);
    expect(hasSuccessMetric('No headings at all, but 40% conversion.')).toBe(false);
  });

  it('judges a document complete only with evidence and a metric', () => {
    const docs = judgeDocuments([
      { featureId: 'a', title: 'A', body: DOC_WITH_METRIC, hasEvidence: true, lastRevisedAt: '' },
      { featureId: 'b', title: 'B', body: DOC_WITH_METRIC, hasEvidence: false, lastRevisedAt: '' },
      { featureId: 'c', title: 'C', body: REQUIREMENTS_TEMPLATE, hasEvidence: true, lastRevisedAt: '' },
      { featureId: 'd', title: 'D', body: null, hasEvidence: true, lastRevisedAt: '' },
    ]);
    expect(docs.map((d) => [d.featureId, d.hasEvidence, d.hasMetric])).toEqual([
      ['a', true, true],
      ['b', false, true],
      ['c', true, false],
      ['d', true, false],
    ]);
    expect(requirementsCounts(docs)).toEqual({ count: 4, quality: 1 });
  });
});

describe('interview and experiment rules', () => {
  it('counts interviews in the period and those with a highlight', () => {
    const items = [
      { id: '1', title: 'a', date: '2027-01-01', highlighted: true },
      { id: '2', title: 'b', date: '2027-03-31', highlighted: false },
      { id: '3', title: 'c', date: '2026-12-31', highlighted: true },
    ];
    expect(interviewCounts(items, Q1)).toEqual({ count: 2, quality: 1 });
  });

  const ex = (over: Partial<ExperimentFact>): ExperimentFact => ({ id: 'x', title: 'x', status: 'running', startsOn: null, endsOn: null, hasResult: false, createdOn: '2027-01-05', ...over });

  it('counts experiments that ran in the period and those concluded in it', () => {
    const items = [
      ex({ status: 'running', startsOn: '2026-11-01' }), // ran (still open)
      ex({ status: 'completed', startsOn: '2027-01-02', endsOn: '2027-02-01', hasResult: true }), // ran, concluded
      ex({ status: 'completed', startsOn: '2027-01-02', endsOn: '2027-02-01', hasResult: false }), // ran, no result: not concluded
      ex({ status: 'cancelled', startsOn: '2027-02-01', endsOn: '2027-02-03' }), // ran, not concluded
      ex({ status: 'running', startsOn: null }), // no start date: recorded on 2027-01-05, ran
      ex({ status: 'planned', startsOn: '2027-01-10' }), // planned only
      ex({ status: 'completed', startsOn: '2026-10-01', endsOn: '2026-12-31', hasResult: true }), // ended before
      ex({ status: 'running', startsOn: '2027-04-01' }), // starts after
    ];
    expect(experimentCounts(items, Q1)).toEqual({ count: 5, quality: 1 });
    expect(experimentLastAt(items, '2027-03-31')).toBe('2027-02-01');
    expect(experimentLastAt(items, '2026-12-01')).toBe('2026-11-01');
    expect(experimentLastAt([], '2027-03-31')).toBeNull();
  });
});
