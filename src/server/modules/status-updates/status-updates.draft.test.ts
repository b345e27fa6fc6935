import { describe, expect, it } from 'vitest';
import type { StatusFacts } from '../../../shared/contracts.js';
import { draftText, suggestHealth } from './status-updates.draft.js';

const none: StatusFacts = { shipped: [], moved: [], slipped: [], keyResults: [], conflicts: [], declines: [] };
const kr = (status: 'on_track' | 'at_risk' | 'off_track' | null, progressDelta = 0.1) => ({
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Activation',
  objectiveTitle: 'Grow',
  checkIns: 1,
  from: 10,
  to: 20,
  progressDelta,
  progress: 0.2,
  confidence: 5,
  status,
});
const conflict = { dependencyId: '00000000-0000-4000-8000-000000000002', featureTitle: 'Export', dependsOnTitle: 'API v2', message: '“Export” starts before “API v2” ends' };
const slip = { id: '00000000-0000-4000-8000-000000000003', title: 'Sync', endDate: '2026-01-10', status: 'in_progress' };

describe('status update drafts', () => {
  it('suggests off track on a conflict or a key result off track, at risk on a slip or a key result at risk', () => {
    expect(suggestHealth(none)).toBe('on_track');
    expect(suggestHealth({ ...none, keyResults: [kr('on_track')] })).toBe('on_track');
    expect(suggestHealth({ ...none, keyResults: [kr('at_risk')] })).toBe('at_risk');
    expect(suggestHealth({ ...none, slipped: [slip] })).toBe('at_risk');
    expect(suggestHealth({ ...none, slipped: [slip], keyResults: [kr('off_track')] })).toBe('off_track');
    expect(suggestHealth({ ...none, conflicts: [conflict] })).toBe('off_track');
  });

  it('builds Markdown sections from the facts', () => {
    const text = draftText('Search', '2026-W07', { ...none, slipped: [slip], conflicts: [conflict], keyResults: [kr('at_risk', -0.05)] });
    expect(text.summary).toBe('Search, 2026-W07: 1 slipped, 1 key result checked in, 1 dependency conflict.');
    expect(text.risks.split('\n')).toEqual([
      '- **Sync** slipped: due 2026-01-10, still in progress',
      '- Dependency conflict: “Export” starts before “API v2” ends',
      '- KR **Activation**: 10 → 20 (−5 pts, now 20%), confidence 5/10 at risk',
    ]);
    expect(text.highlights).toBe('');
    expect(text.asks).toBe('- Help to unblock **Export**, which depends on **API v2**');
    expect(draftText('Search', '2026-W07', none).summary).toBe('Search, 2026-W07: no recorded change.');
  });
});
