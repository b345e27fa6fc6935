import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DependencyGraph, DependencyGraphNode } from '../../../shared/contracts.js';
import { LAYOUT, layoutGraph } from './graph-layout';

const node = (id: string, componentId: string, depth: number, inProduct = true): DependencyGraphNode => ({
  id,
  title: `Feature ${id}`,
  componentId,
  componentName: `Component ${componentId}`,
  productId: inProduct ? 'p1' : 'p2',
  productName: inProduct ? 'Fleet' : 'Platform',
  status: 'planned',
  horizon: 'next',
  startDate: null,
  endDate: null,
  depth,
  inProduct,
});

/** A random DAG: node i may need any node j < i; depth is computed as the server does. */
const graphs = fc.array(fc.tuple(fc.nat(3), fc.array(fc.nat(40), { maxLength: 3 }), fc.boolean()), { minLength: 1, maxLength: 40 }).map((spec): DependencyGraph => {
  const depth: number[] = [];
  const edges: DependencyGraph['edges'] = [];
  spec.forEach(([, needs, conflict], i) => {
    const pres = [...new Set(needs.filter((j) => j < i))];
    depth[i] = pres.length ? Math.max(...pres.map((j) => depth[j]! + 1)) : 0;
    for (const j of pres) edges.push({ id: `e${i}-${j}`, featureId: `n${i}`, dependsOnId: `n${j}`, conflicts: conflict ? [{ reason: 'ends_after_start', message: 'late' }] : [] });
  });
  const nodes = spec.map(([component], i) => node(`n${i}`, `c${component}`, depth[i]!, component !== 3));
  return { productId: 'p1', nodes, edges, conflictCount: edges.filter((e) => e.conflicts.length).length };
});

describe('layoutGraph', () => {
  it('puts prerequisites left of what needs them, each component in its own lane, and no two features on top of each other', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const layout = layoutGraph(graph);
        const at = new Map(layout.nodes.map((n) => [n.id, n]));
        expect(layout.nodes).toHaveLength(graph.nodes.length);
        for (const e of graph.edges) expect(at.get(e.dependsOnId)!.x + LAYOUT.nodeWidth).toBeLessThan(at.get(e.featureId)!.x);
        const spots = new Set(layout.nodes.map((n) => `${n.x},${n.y}`));
        expect(spots.size).toBe(layout.nodes.length);
        for (const n of layout.nodes) {
          const lane = layout.lanes.find((l) => l.key === n.componentId)!;
          expect(n.y).toBeGreaterThanOrEqual(lane.y);
          expect(n.y + LAYOUT.nodeHeight).toBeLessThanOrEqual(lane.y + lane.height);
          expect(n.x + LAYOUT.nodeWidth).toBeLessThanOrEqual(layout.width);
        }
        expect(layout.edges).toHaveLength(graph.edges.length);
      }),
    );
  });

  it('lists the product’s own components first, and keeps only conflicts when asked', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const lanes = layoutGraph(graph).lanes;
        const firstOther = lanes.findIndex((l) => !l.inProduct);
        if (firstOther >= 0) expect(lanes.slice(firstOther).every((l) => !l.inProduct)).toBe(true);
        const only = layoutGraph(graph, true);
        expect(only.edges.every((e) => e.conflicts.length > 0)).toBe(true);
        expect(only.edges).toHaveLength(graph.conflictCount);
        const joined = new Set(only.edges.flatMap((e) => [e.featureId, e.dependsOnId]));
        expect(only.nodes.every((n) => joined.has(n.id))).toBe(true);
      }),
    );
  });

  it('counts conflicts per feature and labels another product’s lane with its product', () => {
    const graph: DependencyGraph = {
      productId: 'p1',
      nodes: [node('a', 'c1', 1), node('b', 'c2', 0, false)],
      edges: [{ id: 'e', featureId: 'a', dependsOnId: 'b', conflicts: [{ reason: 'ends_after_start', message: 'late' }] }],
      conflictCount: 1,
    };
    const layout = layoutGraph(graph);
    expect(layout.lanes.map((l) => l.label)).toEqual(['Component c1', 'Platform · Component c2']);
    expect(layout.nodes.map((n) => [n.id, n.conflictCount])).toEqual([
      ['b', 1],
      ['a', 1],
    ]);
    expect(layout.edges[0]!.path).toMatch(/^M \d+ \d+ C /);
  });
});
