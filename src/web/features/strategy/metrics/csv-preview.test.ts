import { describe, expect, it } from 'vitest';
import { parseMetricTime, parseMetricValue } from '../../../../shared/contracts.js';
import { parseCsvText, previewCsv } from './csv-preview';

describe('metric CSV reading', () => {
  it('reads times as the import does', () => {
    expect(parseMetricTime('2026-11-28')?.toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(parseMetricTime('2026-11-28 09:30')?.toISOString()).toBe('2026-11-28T09:30:00.000Z');
    expect(parseMetricTime('2026-11-28T09:30:00+0200')?.toISOString()).toBe('2026-11-28T07:30:00.000Z');
    expect(parseMetricTime('2026-11-28T09:30:00.250Z')?.toISOString()).toBe('2026-11-28T09:30:00.250Z');
    expect(parseMetricTime('1789171200')?.toISOString()).toBe('2026-09-12T00:00:00.000Z');
    expect(parseMetricTime('1789171200000')?.toISOString()).toBe('2026-09-12T00:00:00.000Z');
    for (const bad of ['', 'yesterday', '2026-02-30', '2026-13-01', '28/11/2026', '12345']) expect(parseMetricTime(bad), bad).toBeNull();
  });

  it('reads values with a dot for decimals only', () => {
    expect([' 42 ', '-3.5', '+1e3', '.5', '7.'].map(parseMetricValue)).toEqual([42, -3.5, 1000, 0.5, 7]);
    for (const bad of ['', '1,5', '4O', '12%', 'NaN', 'Infinity', '1e999']) expect(parseMetricValue(bad), bad).toBeNull();
  });

  it('splits quoted cells and flags the rows the server would refuse', () => {
    expect(parseCsvText('a,b\r\n"x, ""y""",2\n\n"multi\nline",3')).toEqual([
      ['a', 'b'],
      ['x, "y"', '2'],
      ['multi\nline', '3'],
    ]);
    const p = previewCsv('\uFEFFDate,Value\n2026-10-01,40\n2026-10-02,4O\nnope,41\n');
    expect(p.timeColumn).toBe('date');
    expect(p.hasValue).toBe(true);
    expect(p.rows).toHaveLength(3);
    expect(p.bad.map((r) => r.line)).toEqual([3, 4]);
    expect(previewCsv('when,value\n2026-10-01,1\n').timeColumn).toBeNull();
  });
});
