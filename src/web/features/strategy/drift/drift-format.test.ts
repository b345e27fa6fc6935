import { describe, expect, it } from 'vitest';
import { coverageSummary } from './CoverageChart';
import { formatGap, formatShare, gapColor } from './drift-format';

describe('drift formats', () => {
  it('signs gaps in points and flags the far ones', () => {
    expect([formatGap(null), formatGap(0), formatGap(12.5), formatGap(-40)]).toEqual(['—', 'on target', '+12.5 pts', '−40 pts']);
    expect([gapColor(null), gapColor(10), gapColor(-10.5)]).toEqual([undefined, undefined, 'orange']);
    expect(formatShare(33.333)).toBe('33.3%');
  });

  it('tells a screen reader each pillar’s share against its target', () => {
    const row = (name: string, actualShare: number, targetShare: number | null) => ({ pillarId: null, name, status: null, targetShare, plannedEffort: 0, actualShare, gap: null, featureCount: 1, unestimatedCount: 0 });
    const coverage = { rows: [row('Growth', 60, 60), row('No pillar', 40, null)], totalEffort: 20, featureCount: 2, unestimatedCount: 0, targetTotal: 60 };
    expect(coverageSummary(coverage)).toBe('Coverage chart, share of planned effort by pillar. Growth: 60% against a target of 60%; No pillar: 40%.');
    expect(coverageSummary({ ...coverage, featureCount: 0 })).toBe('Coverage chart: no planned features yet.');
  });
});
