import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRanked, placeInLane, type Placement, type RankOptions, type Ranked } from './roadmap.rank.js';

const order = (lane: Ranked[]) => [...lane].sort(compareRanked).map((c) => c.id);

describe('roadmap ranks', () => {
  it('puts a card between its neighbours, first or last', () => {
    const lane = [
      { id: 'a', rank: 1024 },
      { id: 'b', rank: 2048 },
    ];
    expect(placeInLane(lane, 'x', { afterId: 'a' })).toEqual({ rank: 1536, renumbered: [] });
    expect(placeInLane(lane, 'x', { beforeId: 'a' })).toEqual({ rank: 0, renumbered: [] });
    expect(placeInLane(lane, 'x', {})).toEqual({ rank: 3072, renumbered: [] });
    expect(placeInLane([], 'x', {})).toEqual({ rank: 1024, renumbered: [] });
  });

  it('renumbers the lane when its neighbours tie (every feature starts at rank 0)', () => {
    const lane = [
      { id: 'c', rank: 0 },
      { id: 'a', rank: 0 },
      { id: 'b', rank: 0 },
    ];
    const { rank, renumbered } = placeInLane(lane, 'x', { afterId: 'a' });
    const after = new Map([...lane.map((c) => [c.id, c.rank] as const), ...renumbered.map((c) => [c.id, c.rank] as const), ['x', rank]]);
    expect(order([...after].map(([id, r]) => ({ id, rank: r })))).toEqual(['a', 'x', 'b', 'c']);
    expect(renumbered.map((c) => c.id).sort()).toEqual(['a', 'b', 'c']);
  });

  it('renumbers when the gap is too small, and ignores the moving card if it is in the lane', () => {
    const lane = [
      { id: 'a', rank: 1 },
      { id: 'x', rank: 1.5 },
      { id: 'b', rank: 1 + 1e-9 },
    ];
    const { rank, renumbered } = placeInLane(lane, 'x', { beforeId: 'b' });
    expect(rank).toBe(2048);
    expect(renumbered).toEqual([
      { id: 'a', rank: 1024 },
      { id: 'b', rank: 3072 },
    ]);
  });

  it('refuses an anchor that is not in the lane', () => {
    expect(() => placeInLane([{ id: 'a', rank: 0 }], 'x', { afterId: 'zz' })).toThrow(/not in the lane/);
  });

  /**
   * Any sequence of moves, across lanes and positions, with any starting ranks (ties included), leaves
   * every lane in exactly the order the moves intended. Small steps make renumbering frequent.
   */
  it('keeps a consistent total order matching the intended positions after any sequence of moves', () => {
    const LANES = 3;
    const move = fc.record({ card: fc.nat(), lane: fc.nat({ max: LANES - 1 }), position: fc.nat(), anchor: fc.constantFrom('after', 'before', 'end') });
    const options = fc.constantFrom<RankOptions>({ step: 1024, minGap: 1e-6 }, { step: 4, minGap: 0.5 }, { step: 1, minGap: 0.3 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ lane: fc.nat({ max: LANES - 1 }), rank: fc.oneof(fc.constant(0), fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })) }), { minLength: 1, maxLength: 25 }),
        fc.array(move, { maxLength: 60 }),
        options,
        (cards, moves, opts) => {
          // The store: each card's lane and rank; the model: each lane's intended order.
          const store = new Map(cards.map((c, i) => [`c${String(i).padStart(2, '0')}`, { lane: c.lane, rank: c.rank }]));
          const laneOf = (lane: number) => [...store].filter(([, v]) => v.lane === lane).map(([id, v]) => ({ id, rank: v.rank }));
          const model = Array.from({ length: LANES }, (_, lane) => order(laneOf(lane)));
          for (const m of moves) {
            const id = `c${String(m.card % cards.length).padStart(2, '0')}`;
            const from = store.get(id)!.lane;
            model[from] = model[from]!.filter((x) => x !== id);
            const target = model[m.lane]!;
            const at = m.position % (target.length + 1);
            // The client names one neighbour: the card above (after) or below (before), or none to go last.
            let placement: Placement = {};
            if (target.length > 0) {
              if (at === 0) placement = { beforeId: target[0] };
              else if (at === target.length && m.anchor === 'end') placement = {};
              else if (m.anchor === 'before' && at < target.length) placement = { beforeId: target[at] };
              else placement = { afterId: target[at - 1] };
            }
            const { rank, renumbered } = placeInLane(laneOf(m.lane), id, placement, opts);
            for (const r of renumbered) store.get(r.id)!.rank = r.rank;
            store.set(id, { lane: m.lane, rank });
            target.splice(at, 0, id);
            for (let lane = 0; lane < LANES; lane++) expect(order(laneOf(lane))).toEqual(model[lane]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
