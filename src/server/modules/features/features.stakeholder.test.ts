import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEATURE_INTERNAL_FIELDS } from '../../../shared/contracts.js';
import { normaliseInternalFields, redactHistoryEntry, stakeholderView } from './features.stakeholder.js';

const full = () => ({
  id: 'f1',
  title: 'Window-aware routing',
  effort: 5,
  scores: { rice: { reach: 1 } },
  description: 'Why',
  requirements: { revision: 2, updatedAt: '2027-01-01T00:00:00.000Z' },
  evidence: { evidenceCount: 3, customerCount: 2, arr: '100' },
  feedback: [{ id: 'fb' }],
  opportunities: [{ id: 'o' }],
  ownerId: 'm1',
  owner: { id: 'm1', name: 'Pat' },
  startDate: '2027-01-04',
  hiddenFields: [] as (typeof FEATURE_INTERNAL_FIELDS)[number][],
});

/** The keys each internal field must clear, and their cleared values. */
const CLEARED: Record<string, Record<string, unknown>> = {
  effort: { effort: null },
  scores: { scores: null },
  description: { description: null },
  requirements: { requirements: null },
  evidence: { evidence: null, feedback: [], opportunities: [] },
  owner: { ownerId: null, owner: null },
};

describe('stakeholderView', () => {
  it('nullifies the default internal fields and says which', () => {
    const view = stakeholderView(full(), ['effort', 'scores']);
    expect(view).toMatchObject({ effort: null, scores: null, description: 'Why', owner: { name: 'Pat' }, hiddenFields: ['effort', 'scores'] });
  });

  it('touches only the keys an object has (a roadmap card), and ignores unknown field names', () => {
    const card = { id: 'c', title: 'Card', effort: 3, ownerId: 'm1' };
    expect(stakeholderView(card, ['effort', 'owner', 'evidence', 'bogus'])).toEqual({ id: 'c', title: 'Card', effort: null, ownerId: null });
    expect(normaliseInternalFields(['owner', 'bogus', 'effort', 'owner'])).toEqual(['effort', 'owner']);
  });

  it('never leaks a hidden field, never changes a shown one, and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.subarray([...FEATURE_INTERNAL_FIELDS]), (hidden) => {
        const input = full();
        const view = stakeholderView(input, hidden);
        expect(input).toEqual(full());
        const clearedKeys = new Set<string>();
        for (const field of hidden) {
          for (const [key, value] of Object.entries(CLEARED[field]!)) {
            clearedKeys.add(key);
            expect((view as Record<string, unknown>)[key]).toEqual(value);
          }
        }
        for (const [key, value] of Object.entries(input)) {
          if (!clearedKeys.has(key) && key !== 'hiddenFields') expect((view as Record<string, unknown>)[key]).toEqual(value);
        }
        expect(view.hiddenFields).toEqual(FEATURE_INTERNAL_FIELDS.filter((f) => hidden.includes(f)));
      }),
    );
  });
});

describe('redactHistoryEntry', () => {
  const entry = (action: string, changes: Record<string, [unknown, unknown]> | null) => ({
    id: '00000000-0000-4000-8000-000000000001',
    at: '2027-01-01T00:00:00.000Z',
    actorName: 'Ada',
    action,
    summary: 'Updated feature “A”: effort: 2 → 8; status: idea → planned',
    changes,
  });

  it('drops changes of internal fields and rebuilds the summary from the rest', () => {
    const redacted = redactHistoryEntry(entry('feature.update', { effort: [2, 8], status: ['idea', 'planned'] }), ['effort']);
    expect(redacted).toMatchObject({ changes: { status: ['idea', 'planned'] }, summary: 'Updated feature: status: idea → planned' });
  });

  it('drops an entry with nothing left to show, and entries about an internal part', () => {
    expect(redactHistoryEntry(entry('feature.update', { scoreInputs: [{}, { ice: {} }] }), ['scores'])).toBeNull();
    expect(redactHistoryEntry(entry('feature.requirements-update', { revision: [0, 1] }), ['requirements'])).toBeNull();
    expect(redactHistoryEntry(entry('feature.evidence-link', null), ['evidence'])).toBeNull();
    const kept = entry('feature.evidence-link', null);
    expect(redactHistoryEntry(kept, ['effort'])).toBe(kept);
  });
});
