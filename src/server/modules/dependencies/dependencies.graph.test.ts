import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFLICT_REASONS, depthsOf, describePath, edgeConflicts, findCycle, isAcyclic, type Edge, type PlanFacts } from './dependencies.graph.js';

const plan = (over: Partial<PlanFacts> = {}): PlanFacts => ({ status: 'planned', horizon: 'next', startDate: null, endDate: null, ...over });
const reasons = (a: PlanFacts, b: PlanFacts) => edgeConflicts(a, b).map((c) => c.reason);

describe('edgeConflicts: the rules, case by case', () => {
  it('flags a prerequisite that ends after the dependent starts, and not one that ends before', () => {
    const a = plan({ startDate: '2027-03-01', endDate: '2027-04-30' });
    expect(reasons(a, plan({ startDate: '2027-01-04', endDate: '2027-02-26' }))).toEqual([]);
    expect(reasons(a, plan({ startDate: '2027-03-15', endDate: '2027-05-14' }))).toEqual(['ends_after_start']);
    // Ending the day the dependent starts is not "after".
    expect(reasons(a, plan({ endDate: '2027-03-01' }))).toEqual([]);
    const [c] = edgeConflicts(a, plan({ endDate: '2027-05-14' }), 'Offline proof of delivery', 'Window-aware routing');
    expect(c!.message).toBe('“Window-aware routing” ends on 2027-05-14, after “Offline proof of delivery” starts on 2027-03-01');
  });

  it("flags a won't-do prerequisite of anything still open, first", () => {
    expect(reasons(plan({ status: 'idea', horizon: null }), plan({ status: 'wont_do' }))).toEqual(['prerequisite_wont_do']);
    expect(reasons(plan({ startDate: '2027-01-01' }), plan({ status: 'wont_do', endDate: '2028-01-01' }))).toEqual(['prerequisite_wont_do']);
    expect(reasons(plan({ status: 'shipped' }), plan({ status: 'wont_do' }))).toEqual([]);
    expect(reasons(plan({ status: 'wont_do' }), plan({ status: 'wont_do' }))).toEqual([]);
  });

  it('flags an unplanned prerequisite of a committed feature', () => {
    expect(reasons(plan(), plan({ status: 'idea', horizon: null }))).toEqual(['prerequisite_unplanned']);
    expect(reasons(plan({ status: 'in_progress', horizon: null }), plan({ status: 'discovery', horizon: 'later' }))).toEqual(['prerequisite_unplanned']);
    // An idea already pulled into now/next counts as committed.
    expect(reasons(plan(), plan({ status: 'idea', horizon: 'now' }))).toEqual([]);
    // Committed but with no place on the roadmap, while A has one.
    expect(reasons(plan(), plan({ horizon: null }))).toEqual(['prerequisite_unplanned']);
    expect(edgeConflicts(plan(), plan({ horizon: null }), 'A1', 'B1')[0]!.message).toMatch(/“B1” has no horizon or dates/);
    // Neither has a place yet: nothing to compare.
    expect(reasons(plan({ horizon: null }), plan({ horizon: null }))).toEqual([]);
    // An idea needing an idea is not a plan yet.
    expect(reasons(plan({ status: 'idea', horizon: 'later' }), plan({ status: 'idea', horizon: null }))).toEqual([]);
  });

  it('flags horizons out of order only when dates cannot decide', () => {
    expect(reasons(plan({ horizon: 'now' }), plan({ horizon: 'later' }))).toEqual(['horizon_order']);
    expect(reasons(plan({ horizon: 'next' }), plan({ horizon: 'now' }))).toEqual([]);
    expect(reasons(plan({ horizon: 'now', startDate: '2027-06-01' }), plan({ horizon: 'later', endDate: '2027-05-01' }))).toEqual([]);
    expect(reasons(plan({ horizon: 'now', startDate: '2027-06-01' }), plan({ horizon: 'later' }))).toEqual(['horizon_order']);
  });

  it('ignores the plan of a shipped prerequisite and everything of a closed dependent', () => {
    expect(reasons(plan({ startDate: '2027-01-01' }), plan({ status: 'shipped', endDate: '2027-09-01', horizon: 'later' }))).toEqual([]);
    expect(reasons(plan({ status: 'shipped', startDate: '2027-01-01' }), plan({ status: 'idea', horizon: 'later', endDate: '2029-01-01' }))).toEqual([]);
  });

  it('reports several reasons in order of seriousness', () => {
    expect(reasons(plan({ startDate: '2027-01-01' }), plan({ status: 'idea', horizon: null, endDate: '2027-02-01' }))).toEqual(['prerequisite_unplanned', 'ends_after_start']);
  });
});

const STATUSES = ['idea', 'discovery', 'planned', 'in_progress', 'shipped', 'wont_do'];
const day = fc.integer({ min: 0, max: 730 }).map((n) => new Date(Date.UTC(2027, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const facts: fc.Arbitrary<PlanFacts> = fc.record({
  status: fc.constantFrom(...STATUSES),
  horizon: fc.option(fc.constantFrom('now', 'next', 'later'), { nil: null }),
  startDate: fc.option(day, { nil: null }),
  endDate: fc.option(day, { nil: null }),
});

describe('edgeConflicts: properties', () => {
  it('never flags a closed dependent, and flags a shipped prerequisite never', () => {
    fc.assert(
      fc.property(facts, facts, (a, b) => {
        if (a.status === 'shipped' || a.status === 'wont_do' || b.status === 'shipped') expect(edgeConflicts(a, b)).toEqual([]);
      }),
    );
  });

  it('flags "ends after start" exactly when both are open and B ends after A starts', () => {
    fc.assert(
      fc.property(facts, facts, (a, b) => {
        const open = (f: PlanFacts) => f.status !== 'shipped' && f.status !== 'wont_do';
        const expected = open(a) && open(b) && a.startDate !== null && b.endDate !== null && b.endDate > a.startDate;
        expect(reasons(a, b).includes('ends_after_start')).toBe(expected);
      }),
    );
  });

  it('never gains a date conflict by finishing the prerequisite earlier', () => {
    fc.assert(
      fc.property(facts, facts, day, (a, b, earlier) => {
        if (b.endDate === null || earlier > b.endDate) return;
        const before = reasons(a, b).includes('ends_after_start');
        const after = reasons(a, { ...b, endDate: earlier }).includes('ends_after_start');
        expect(!before && after).toBe(false);
      }),
    );
  });

  it('gives known reasons, in the documented order, each once, horizon and date rules never together, naming both features', () => {
    fc.assert(
      fc.property(facts, facts, (a, b) => {
        const found = edgeConflicts(a, b, 'Alpha', 'Beta');
        const idx = found.map((c) => CONFLICT_REASONS.indexOf(c.reason));
        expect(idx.every((i) => i >= 0)).toBe(true);
        expect([...idx].sort((x, y) => x - y)).toEqual(idx);
        expect(new Set(idx).size).toBe(idx.length);
        expect(found.some((c) => c.reason === 'horizon_order') && found.some((c) => c.reason === 'ends_after_start')).toBe(false);
        for (const c of found) expect(c.message).toMatch(/“Beta”.*“Alpha”|“Alpha”.*“Beta”/);
      }),
    );
  });

  it('finds no conflict between two committed, scheduled features in date order', () => {
    fc.assert(
      fc.property(fc.constantFrom('planned', 'in_progress'), fc.constantFrom('planned', 'in_progress'), day, day, (sa, sb, d1, d2) => {
        const [bEnd, aStart] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(edgeConflicts(plan({ status: sa, startDate: aStart }), plan({ status: sb, horizon: 'now', endDate: bEnd }))).toEqual([]);
      }),
    );
  });
});

/** Independent check: depth-first search with colours finds any cycle. */
function hasCycle(edges: Edge[]): boolean {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.featureId, [...(next.get(e.featureId) ?? []), e.dependsOnId]);
  const colour = new Map<string, 1 | 2>();
  const visit = (n: string): boolean => {
    colour.set(n, 1);
    for (const m of next.get(n) ?? []) {
      if (colour.get(m) === 1) return true;
      if (!colour.has(m) && visit(m)) return true;
    }
    colour.set(n, 2);
    return false;
  };
  return [...next.keys()].some((n) => !colour.has(n) && visit(n));
}

/** Adds the candidate edges one by one as the service does: refused when findCycle finds a path. */
function build(candidates: [number, number][]): { kept: Edge[]; refused: { edge: Edge; path: string[] }[] } {
  const kept: Edge[] = [];
  const refused: { edge: Edge; path: string[] }[] = [];
  const seen = new Set<string>();
  for (const [x, y] of candidates) {
    const edge = { featureId: `f${x}`, dependsOnId: `f${y}` };
    const key = `${x}>${y}`;
    if (seen.has(key)) continue;
    const path = findCycle(kept, edge.featureId, edge.dependsOnId);
    if (path) refused.push({ edge, path });
    else {
      kept.push(edge);
      seen.add(key);
    }
  }
  return { kept, refused };
}

const pairs = (n: number) => fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 120 });

describe('cycle detection: properties', () => {
  it('random graphs built through it never hold a cycle', () => {
    fc.assert(
      fc.property(pairs(25), (candidates) => {
        const { kept } = build(candidates);
        expect(hasCycle(kept)).toBe(false);
        expect(isAcyclic(kept)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never refuses a legal edge: every edge consistent with one topological order is accepted, in any order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }).chain((n) => fc.tuple(fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }), pairs(n))),
        ([order, candidates]) => {
          const rank = new Map(order.map((node, i) => [node, i]));
          // Only "needs someone earlier in the order": such a set can never close a cycle.
          const legal = candidates.filter(([x, y]) => rank.get(x)! > rank.get(y)!);
          const { refused } = build(legal);
          expect(refused).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses exactly the edges that would close a cycle, and the path it names is that cycle', () => {
    fc.assert(
      fc.property(pairs(15), fc.nat(14), fc.nat(14), (candidates, x, y) => {
        const { kept } = build(candidates);
        const edge = { featureId: `f${x}`, dependsOnId: `f${y}` };
        const path = findCycle(kept, edge.featureId, edge.dependsOnId);
        expect(path !== null).toBe(hasCycle([...kept, edge]));
        if (!path) return;
        expect(path[0]).toBe(edge.featureId);
        expect(path[1]).toBe(edge.dependsOnId);
        expect(path.at(-1)).toBe(edge.featureId);
        const all = new Set([...kept, edge].map((e) => `${e.featureId}>${e.dependsOnId}`));
        for (let i = 0; i + 1 < path.length; i++) expect(all.has(`${path[i]}>${path[i + 1]}`)).toBe(true);
        // A simple cycle: no feature twice, but the closing one.
        expect(new Set(path.slice(0, -1)).size).toBe(path.length - 1);
      }),
      { numRuns: 300 },
    );
  });

  it('puts every prerequisite left of what needs it', () => {
    fc.assert(
      fc.property(pairs(20), (candidates) => {
        const { kept } = build(candidates);
        const depth = depthsOf(kept, ['lonely']);
        expect(depth.get('lonely')).toBe(0);
        for (const e of kept) expect(depth.get(e.featureId)!).toBeGreaterThan(depth.get(e.dependsOnId)!);
      }),
    );
  });
});

describe('cycle detection: cases', () => {
  const edges: Edge[] = [
    { featureId: 'offline', dependsOnId: 'routing' },
    { featureId: 'eta', dependsOnId: 'offline' },
  ];
  const titles: Record<string, string> = { routing: 'Window-aware routing', offline: 'Offline proof of delivery', eta: 'Driver ETA sharing' };

  it('names the cycle by titles, starting at the refused edge', () => {
    const path = findCycle(edges, 'routing', 'eta');
    expect(path).toEqual(['routing', 'eta', 'offline', 'routing']);
    expect(describePath(path!, (id) => titles[id]!)).toBe('Window-aware routing → Driver ETA sharing → Offline proof of delivery → Window-aware routing');
  });

  it('shortens a very long cycle in the message, saying how much it left out', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `f${i}`);
    const chain: Edge[] = ids.slice(1).map((id, i) => ({ featureId: id, dependsOnId: ids[i]! }));
    const path = findCycle(chain, 'f0', 'f29')!;
    expect(path).toHaveLength(31);
    const text = describePath(path, (id) => id.toUpperCase());
    expect(text).toBe('F0 → F29 → F28 → F27 → F26 → F25 → … 19 more … → F5 → F4 → F3 → F2 → F1 → F0');
    expect(describePath(['a', 'b', 'a'], (id) => id)).toBe('a → b → a');
  });

  it('refuses the reverse of an edge and a self edge, accepts a shortcut', () => {
    expect(findCycle(edges, 'routing', 'offline')).toEqual(['routing', 'offline', 'routing']);
    expect(findCycle(edges, 'eta', 'eta')).toEqual(['eta', 'eta']);
    expect(findCycle(edges, 'eta', 'routing')).toBeNull();
  });

  it('leaves nodes on a cycle out of the depths instead of looping', () => {
    const depth = depthsOf([...edges, { featureId: 'routing', dependsOnId: 'eta' }, { featureId: 'x', dependsOnId: 'y' }], []);
    expect([...depth.entries()].sort()).toEqual([
      ['x', 1],
      ['y', 0],
    ]);
  });
});
