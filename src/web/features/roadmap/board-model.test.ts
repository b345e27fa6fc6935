import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMove, groupBoard, indexForDrop, menuMoves, moveToIndex, positionAfter } from './board-model';
import type { FeatureHorizon, RoadmapCard } from './types';

const card = (id: string, componentId: string, horizon: FeatureHorizon | null): RoadmapCard => ({
  id,
  componentId,
  title: id.toUpperCase(),
  status: 'planned',
  horizon,
  boardRank: 0,
  startDate: null,
  endDate: null,
  effort: null,
  ownerId: null,
  releaseId: null,
  pillarId: null,
  evidenceCount: 0,
  internal: false,
  version: 1,
});
const ids = (cards: RoadmapCard[]) => cards.map((c) => c.id);

describe('board model', () => {
  const cards = [card('a', 'L1', 'now'), card('b', 'L1', 'now'), card('c', 'L1', 'next'), card('d', 'L2', 'now'), card('e', 'L1', null)];

  it('groups cards by lane and column in the order given, leaving out cards without a horizon', () => {
    const lanes = groupBoard(cards);
    expect(ids(lanes.get('L1')!.now)).toEqual(['a', 'b']);
    expect(ids(lanes.get('L1')!.next)).toEqual(['c']);
    expect(ids(lanes.get('L2')!.now)).toEqual(['d']);
    expect(lanes.get('L1')!.later).toEqual([]);
  });

  it('names one neighbour for a target index, as the API wants it', () => {
    expect(moveToIndex('x', 'now', ['a', 'b'], 0)).toEqual({ featureId: 'x', horizon: 'now', beforeId: 'a' });
    expect(moveToIndex('x', 'now', ['a', 'b'], 2)).toEqual({ featureId: 'x', horizon: 'now', afterId: 'b' });
    expect(moveToIndex('a', 'now', ['a', 'b'], 1)).toEqual({ featureId: 'a', horizon: 'now', afterId: 'b' });
    expect(moveToIndex('x', 'later', [], 0)).toEqual({ featureId: 'x', horizon: 'later' });
    expect(indexForDrop('x', ['a', 'b'], 'b', false)).toBe(1);
    expect(indexForDrop('x', ['a', 'b'], 'b', true)).toBe(2);
  });

  it('moves a card optimistically to its new column and place, and says where it went', () => {
    const move = moveToIndex('c', 'now', ['a', 'b'], 1);
    const lanes = groupBoard(applyMove(cards, move));
    expect(ids(lanes.get('L1')!.now)).toEqual(['a', 'c', 'b']);
    expect(lanes.get('L1')!.next).toEqual([]);
    expect(positionAfter(move, ['a', 'b'])).toEqual({ position: 2, size: 3 });
    expect(ids(groupBoard(applyMove(cards, { featureId: 'a', horizon: 'later' })).get('L1')!.later)).toEqual(['a']);
  });

  it('offers the menu moves a card can make', () => {
    const lane = groupBoard(cards).get('L1')!;
    expect(menuMoves(cards[0]!, lane).map((m) => m.label)).toEqual(['Move down', 'Move to Next', 'Move to Later']);
    expect(menuMoves(cards[1]!, lane).map((m) => m.label)).toEqual(['Move up', 'Move to Next', 'Move to Later']);
  });

  it('puts the card exactly at the index asked, in any column', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), fc.nat(), fc.constantFrom<FeatureHorizon>('now', 'next', 'later'), (nNow, nNext, pick, target) => {
        const list = [...Array.from({ length: nNow }, (_, i) => card(`n${i}`, 'L', 'now')), ...Array.from({ length: nNext }, (_, i) => card(`x${i}`, 'L', 'next')), card('m', 'L', 'later')];
        const moving = list[pick % list.length]!;
        const column = ids(groupBoard(list).get('L')![target]);
        const others = column.filter((id) => id !== moving.id);
        const index = pick % (others.length + 1);
        const after = groupBoard(applyMove(list, moveToIndex(moving.id, target, column, index))).get('L')!;
        expect(ids(after[target]).indexOf(moving.id)).toBe(index);
        expect(ids(after[target]).filter((id) => id !== moving.id)).toEqual(others);
        expect(after.now.length + after.next.length + after.later.length).toBe(list.length);
      }),
    );
  });
});
