import type { DependencyGraph, DependencyGraphEdge, DependencyGraphNode } from '../../../shared/contracts.js';

/** Sizes of the drawing, in SVG user units (pixels at 100 %). */
export const LAYOUT = {
  labelWidth: 170,
  nodeWidth: 224,
  nodeHeight: 54,
  columnGap: 72,
  rowGap: 14,
  lanePadding: 14,
  margin: 16,
} as const;

export interface Lane {
  key: string;
  label: string;
  y: number;
  height: number;
  inProduct: boolean;
}
export interface PlacedNode extends DependencyGraphNode {
  x: number;
  y: number;
  conflictCount: number;
}
export interface PlacedEdge extends DependencyGraphEdge {
  path: string;
}
export interface GraphLayout {
  width: number;
  height: number;
  lanes: Lane[];
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

const columnX = (depth: number) => LAYOUT.margin + LAYOUT.labelWidth + depth * (LAYOUT.nodeWidth + LAYOUT.columnGap);
const rowPitch = LAYOUT.nodeHeight + LAYOUT.rowGap;

/** Lanes in reading order: the product's components by name, then other products' components. */
function laneOrder(nodes: DependencyGraphNode[]): { key: string; label: string; inProduct: boolean }[] {
  const lanes = new Map<string, { key: string; label: string; inProduct: boolean }>();
  for (const n of nodes) {
    if (!lanes.has(n.componentId)) lanes.set(n.componentId, { key: n.componentId, label: n.inProduct ? n.componentName : `${n.productName} · ${n.componentName}`, inProduct: n.inProduct });
  }
  return [...lanes.values()].sort((a, b) => Number(b.inProduct) - Number(a.inProduct) || a.label.localeCompare(b.label));
}

/**
 * Lays the graph out left to right: one column per depth (a prerequisite always left of what needs
 * it) and one horizontal lane per component. Within a lane's column, nodes are ordered by where their
 * prerequisites sit (the barycentre of their rows), which keeps most arrows short and uncrossed.
 * `onlyConflicts` keeps the edges in conflict and the features they join.
 */
export function layoutGraph(graph: DependencyGraph, onlyConflicts = false): GraphLayout {
  const edges = onlyConflicts ? graph.edges.filter((e) => e.conflicts.length > 0) : graph.edges;
  const keep = new Set(edges.flatMap((e) => [e.featureId, e.dependsOnId]));
  const nodes = onlyConflicts ? graph.nodes.filter((n) => keep.has(n.id)) : graph.nodes;
  const prerequisites = new Map<string, string[]>();
  for (const e of edges) {
    const list = prerequisites.get(e.featureId);
    if (list) list.push(e.dependsOnId);
    else prerequisites.set(e.featureId, [e.dependsOnId]);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));

  // Rows within each (lane, depth) cell, filled column by column so prerequisites are placed first.
  const maxDepth = nodes.reduce((m, n) => Math.max(m, n.depth), 0);
  const cells = new Map<string, DependencyGraphNode[]>();
  for (const n of nodes) {
    const key = `${n.componentId}|${n.depth}`;
    const cell = cells.get(key);
    if (cell) cell.push(n);
    else cells.set(key, [n]);
  }
  const rowOf = new Map<string, number>();
  const lanes = laneOrder(nodes);
  const laneIndex = new Map(lanes.map((l, i) => [l.key, i]));
  for (let depth = 0; depth <= maxDepth; depth++) {
    for (const lane of lanes) {
      const cell = cells.get(`${lane.key}|${depth}`) ?? [];
      // A prerequisite in a lane above counts as row -1, one below as a large row: pulls the node toward it.
      const weight = (id: string) => {
        const pre = byId.get(id);
        if (!pre) return 0;
        const dl = laneIndex.get(pre.componentId)! - laneIndex.get(lane.key)!;
        return dl === 0 ? (rowOf.get(id) ?? 0) : dl < 0 ? -1 : 1_000;
      };
      const centre = new Map(
        cell.map((n) => {
          const pres = prerequisites.get(n.id) ?? [];
          return [n.id, pres.length ? pres.reduce((s, id) => s + weight(id), 0) / pres.length : 0];
        }),
      );
      cell.sort((a, b) => centre.get(a.id)! - centre.get(b.id)! || a.title.localeCompare(b.title));
      cell.forEach((n, i) => rowOf.set(n.id, i));
    }
  }

  let y = LAYOUT.margin;
  const placedLanes: Lane[] = [];
  const laneY = new Map<string, number>();
  for (const lane of lanes) {
    let rows = 1;
    for (let depth = 0; depth <= maxDepth; depth++) rows = Math.max(rows, cells.get(`${lane.key}|${depth}`)?.length ?? 0);
    const height = rows * rowPitch - LAYOUT.rowGap + 2 * LAYOUT.lanePadding;
    placedLanes.push({ ...lane, y, height });
    laneY.set(lane.key, y);
    y += height;
  }

  const conflictCount = new Map<string, number>();
  for (const e of edges) {
    if (!e.conflicts.length) continue;
    conflictCount.set(e.featureId, (conflictCount.get(e.featureId) ?? 0) + 1);
    conflictCount.set(e.dependsOnId, (conflictCount.get(e.dependsOnId) ?? 0) + 1);
  }
  const placed: PlacedNode[] = nodes.map((n) => ({
    ...n,
    x: columnX(n.depth),
    y: laneY.get(n.componentId)! + LAYOUT.lanePadding + rowOf.get(n.id)! * rowPitch,
    conflictCount: conflictCount.get(n.id) ?? 0,
  }));
  const at = new Map(placed.map((n) => [n.id, n]));
  const placedEdges: PlacedEdge[] = edges.flatMap((e) => {
    const from = at.get(e.dependsOnId);
    const to = at.get(e.featureId);
    if (!from || !to) return [];
    const x1 = from.x + LAYOUT.nodeWidth;
    const y1 = from.y + LAYOUT.nodeHeight / 2;
    const x2 = to.x - 6;
    const y2 = to.y + LAYOUT.nodeHeight / 2;
    const dx = Math.max(36, (x2 - x1) / 2);
    return [{ ...e, path: `M ${x1} ${y1} C ${x1 + dx} ${y1}, ${x2 - dx} ${y2}, ${x2} ${y2}` }];
  });
  // Reading (and Tab) order: column by column, top to bottom.
  placed.sort((a, b) => a.x - b.x || a.y - b.y);
  return {
    width: columnX(maxDepth) + LAYOUT.nodeWidth + LAYOUT.margin,
    height: y + LAYOUT.margin,
    lanes: placedLanes,
    nodes: placed,
    edges: placedEdges,
  };
}
