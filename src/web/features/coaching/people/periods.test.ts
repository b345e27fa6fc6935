import { describe, expect, it } from 'vitest';
import { formatRange, quarterLabel, quarterRange, rangeOf } from './periods';

describe('signal periods', () => {
  it('finds this and last quarter, across a year boundary', () => {
    expect(quarterRange('2027-02-14')).toEqual({ from: '2027-01-01', to: '2027-03-31' });
    expect(quarterRange('2027-02-14', -1)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterLabel('2026-11-28')).toBe('2026-Q4');
  });

  it('turns a choice into days as of today', () => {
    const custom = { from: '2026-01-01', to: '2026-01-31' };
    expect(rangeOf('this-quarter', '2026-11-28', custom)).toEqual({ from: '2026-10-01', to: '2026-11-28' });
    expect(rangeOf('last-quarter', '2026-11-28', custom)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(rangeOf('last-90', '2026-11-28', custom)).toEqual({ from: '2026-08-31', to: '2026-11-28' });
    expect(rangeOf('custom', '2026-11-28', custom)).toBe(custom);
    expect(formatRange({ from: '2027-01-01', to: '2027-03-31' })).toBe('Jan 1, 2027 – Mar 31, 2027');
  });
});
