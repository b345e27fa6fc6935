import { describe, expect, it } from 'vitest';
import { roadmapChanges, type AuditFeatureChange } from './reports.changes.js';
import type { FeatureFacts } from './reports.repository.js';

const feature = (id: string, over: Partial<FeatureFacts> = {}): FeatureFacts => ({
  id,
  componentId: 'c1',
  title: `Feature ${id}`,
  description: '',
  status: 'planned',
  horizon: 'now',
  startDate: null,
  endDate: null,
  internal: false,
  public: false,
  updatedAt: new Date(),
  ...over,
});
const entry = (action: string, entityId: string, changes: Record<string, unknown> | null = null, summary = ''): AuditFeatureChange => ({ action, entityId, changes, summary, at: new Date() });

describe('roadmapChanges', () => {
  it('folds audit entries into added, moved and dropped, one line per feature', () => {
    const current = new Map([
      ['a', feature('a', { horizon: 'next' })],
      ['m', feature('m', { horizon: 'later', endDate: '2026-12-01' })],
      ['w', feature('w', { status: 'wont_do' })],
      ['n', feature('n')],
    ]);
    const changes = roadmapChanges(
      [
        entry('feature.create', 'a'),
        entry('feature.move', 'm', { horizon: ['now', 'next'] }),
        entry('feature.update', 'm', { horizon: ['next', 'later'], endDate: ['2026-10-01', '2026-12-01'] }),
        entry('feature.update', 'w', { status: ['planned', 'wont_do'] }),
        entry('feature.update', 'n', { title: ['Old', 'New'] }),
        entry('feature.delete', 'gone', null, 'Deleted feature “Legacy export” from Billing'),
        entry('feature.delete', 'elsewhere', null, 'Deleted feature “Other product thing” from Payments'),
        entry('feature.update', 'unknown', { horizon: ['now', 'later'] }),
      ],
      current,
      ['Billing', 'Search'],
    );
    expect(changes.map((c) => [c.title, c.kind, c.detail])).toEqual([
      ['Feature a', 'added', 'added to Next'],
      ['Feature m', 'moved', 'moved: Now → Later, end 2026-10-01 → 2026-12-01'],
      ['Feature w', 'dropped', "marked won't do"],
      ['Legacy export', 'dropped', 'removed from the roadmap'],
    ]);
    expect(changes.find((c) => c.title === 'Legacy export')).toMatchObject({ deleted: true, internal: true });
  });

  it('ignores a move that ends where it started', () => {
    const current = new Map([['x', feature('x')]]);
    expect(roadmapChanges([entry('feature.move', 'x', { horizon: ['now', 'next'] }), entry('feature.move', 'x', { horizon: ['next', 'now'] })], current, ['Billing'])).toEqual([]);
  });
});
