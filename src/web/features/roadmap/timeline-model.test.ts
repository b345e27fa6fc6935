import { describe, expect, it } from 'vitest';
import { LABEL_WIDTH, QUARTER_WIDTH, ROW_HEIGHT, barGeometry, buildArrows, buildRows, buildScale, todayDay } from './timeline-model';
import type { Roadmap, RoadmapCard } from './types';

const card = (id: string, componentId: string, startDate: string | null, endDate: string | null): RoadmapCard => ({
  id,
  componentId,
  title: id,
  status: 'planned',
  horizon: null,
  boardRank: 0,
  startDate,
  endDate,
  effort: null,
  ownerId: null,
  releaseId: null,
  pillarId: null,
  evidenceCount: 0,
  internal: false,
  version: 1,
});

describe('timeline model', () => {
  it('spans the quarter before today to three after, widened to the features and releases', () => {
    const s = buildScale([], [], '2027-05-10');
    expect(s.quarters.map((q) => q.label)).toEqual(['Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027', 'Q1 2028']);
    expect(s.quarters.find((q) => q.current)?.label).toBe('Q2 2027');
    expect(s.x('2027-01-01')).toBe(0);
    const wide = buildScale([card('a', 'c', '2026-08-01', '2026-09-01')], ['2028-12-31'], '2027-05-10');
    expect(wide.quarters[0]!.label).toBe('Q3 2026');
    expect(wide.quarters.at(-1)!.label).toBe('Q4 2028');
    // A quarter is about QUARTER_WIDTH wide, whatever its days.
    for (const q of wide.quarters) expect(Math.abs(q.width - QUARTER_WIDTH)).toBeLessThan(5);
  });

  it('draws a bar from the start day to the end of the end day, and a mark for a single date', () => {
    const s = buildScale([], [], '2027-01-15');
    const bar = barGeometry(s, { startDate: '2027-01-01', endDate: '2027-01-31' })!;
    expect(bar.left).toBeCloseTo(s.x('2027-01-01'));
    expect(bar.width).toBeCloseTo(s.x('2027-02-01') - s.x('2027-01-01'));
    expect(barGeometry(s, { startDate: null, endDate: '2027-02-01' })!.width).toBeGreaterThanOrEqual(8);
    expect(barGeometry(s, { startDate: null, endDate: null })).toBeNull();
  });

  it('groups rows by component and draws arrows from the prerequisite’s end to the dependent’s start', () => {
    const a = card('a', 'L1', '2027-01-01', '2027-02-01');
    const b = card('b', 'L2', '2027-03-01', '2027-04-01');
    const roadmap = {
      components: [
        { id: 'L1', name: 'One', ownerId: null, ownerName: null, featureCount: 1 },
        { id: 'L2', name: 'Two', ownerId: null, ownerName: null, featureCount: 1 },
        { id: 'L3', name: 'Empty', ownerId: null, ownerName: null, featureCount: 0 },
      ],
      features: [a, b],
    } satisfies Pick<Roadmap, 'components' | 'features'>;
    const rows = buildRows(roadmap);
    expect(rows.map((r) => (r.kind === 'group' ? `[${r.lane.name}]` : r.card.id))).toEqual(['[One]', 'a', '[Two]', 'b', '[Empty]']);
    const s = buildScale(roadmap.features, [], '2027-01-15');
    const deps = [{ id: 'd', featureId: 'b', dependsOnId: 'a', conflict: false, reason: null }];
    const [arrow] = buildArrows(s, rows, deps, 0, rows.length - 1);
    const aBar = barGeometry(s, a)!;
    expect(arrow!.path.startsWith(`M ${(LABEL_WIDTH + aBar.left + aBar.width).toFixed(1)} ${ROW_HEIGHT * 1.5}`)).toBe(true);
    expect(arrow!.path.endsWith(`${ROW_HEIGHT * 3.5}`)).toBe(true);
    // Out of view (rows after both ends): not drawn.
    expect(buildArrows(s, rows, deps, 4, 4)).toEqual([]);
  });

  it('reads today as a calendar day', () => {
    expect(todayDay(new Date(2027, 0, 5, 23, 30))).toBe('2027-01-05');
  });
});
