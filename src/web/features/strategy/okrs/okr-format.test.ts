import { describe, expect, it } from 'vitest';
import type { OkrPeriod } from '../../../../shared/contracts.js';
import { defaultPeriod, formatValue, statusOfConfidence, suggestQuarter } from './okr-format';

const period = (name: string, start: string, end: string): OkrPeriod => ({ id: name, name, kind: 'quarter', start, end, objectiveCount: 0, version: 1, createdAt: '', updatedAt: '' });

describe('okr format', () => {
  it('suggests the current quarter when none covers it, else the one after the last period', () => {
    expect(suggestQuarter([], '2026-11-28')).toEqual({ name: 'Q4 2026', start: '2026-10-01', end: '2026-12-31' });
    expect(suggestQuarter([period('Q4 2026', '2026-10-01', '2026-12-31')], '2026-11-28')).toEqual({ name: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
    expect(suggestQuarter([period('Q4 2026', '2026-10-01', '2026-12-31'), period('Q1 2027', '2027-01-01', '2027-03-31')], '2026-11-28').name).toBe('Q2 2027');
  });

  it('picks the period containing today, else the latest', () => {
    const ps = [period('A', '2026-01-01', '2026-03-31'), period('B', '2026-04-01', '2026-06-30')];
    expect(defaultPeriod(ps, '2026-02-10')?.name).toBe('A');
    expect(defaultPeriod(ps, '2026-09-10')?.name).toBe('B');
    expect(defaultPeriod([], '2026-09-10')).toBeNull();
  });

  it('formats values by type and maps confidence to a status', () => {
    expect(formatValue({ type: 'milestone', unit: '' }, 1)).toBe('Done');
    expect(formatValue({ type: 'milestone', unit: '' }, 0)).toBe('Not done');
    expect(formatValue({ type: 'percentage', unit: '%' }, 42.5)).toBe('42.5 %');
    expect(formatValue({ type: 'currency', unit: 'eur' }, 1200)).toBe('€1,200');
    expect(formatValue({ type: 'currency', unit: 'eur' }, 1200.5)).toBe('€1,200.50');
    expect(formatValue({ type: 'number', unit: 'teams' }, 1234)).toBe('1,234 teams');
    expect(formatValue({ type: 'number', unit: '' }, null)).toBe('—');
    expect([3, 4, 6, 7].map(statusOfConfidence)).toEqual(['off_track', 'at_risk', 'at_risk', 'on_track']);
  });
});
