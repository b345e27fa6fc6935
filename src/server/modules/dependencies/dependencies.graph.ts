import { DEPENDENCY_CONFLICT_REASONS, type DependencyConflictReason } from '../../../shared/contracts/roadmap-dependencies.js';

/**
 * The pure logic of dependencies: when an edge "A needs B" is in conflict, whether a new edge would
 * close a cycle (and along which path), and how deep each feature sits in the graph. No database here,
 * so the rules are unit- and property-tested on their own, and every endpoint applies the same ones.
 *
 * Words used below, for a feature X:
 * - open(X): X is neither `shipped` nor `wont_do` — work on it is still ahead.
 * - committed(X): X is `planned` or `in_progress`, or X is open and sits in the `now` or `next` horizon.
 * - scheduled(X): X has a horizon or a start or end date — it has a place on the roadmap.
 */

/** The fields of a feature the conflict rules read. */
export interface PlanFacts {
  status: string;
  horizon: string | null;
  startDate: string | null;
  endDate: string | null;
}

/**
 * Why an edge "A needs B" is in conflict, most serious first (an edge reports its reasons in this order):
 * - `prerequisite_wont_do`: B is `wont_do` while A is open.
 * - `prerequisite_unplanned`: A is committed, B is open, and B is either not committed (an `idea` or in
 *   `discovery` outside now/next) or has no place on the roadmap (no horizon, no dates) while A has one.
 * - `ends_after_start`: both are open and B's end date is after A's start date.
 * - `horizon_order`: both are open, B's horizon comes after A's (now < next < later), and the dates
 *   cannot decide (A has no start date or B has no end date): dates are finer than horizons, so when
 *   both are there the date rule alone speaks.
 */
export const CONFLICT_REASONS = DEPENDENCY_CONFLICT_REASONS;
export type ConflictReason = DependencyConflictReason;

export interface Conflict {
  reason: ConflictReason;
  /** A sentence for people, naming both features. */
  message: string;
}

const CLOSED = new Set(['shipped', 'wont_do']);
const COMMITTED_STATUSES = new Set(['planned', 'in_progress']);
const NEAR_HORIZONS = new Set(['now', 'next']);
const HORIZON_RANK: Record<string, number> = { now: 0, next: 1, later: 2 };
const STATUS_WORDS: Record<string, string> = { idea: 'still an idea', discovery: 'still in discovery', planned: 'planned', in_progress: 'in progress' };

export const isOpen = (f: PlanFacts): boolean => !CLOSED.has(f.status);
export const isCommitted = (f: PlanFacts): boolean => COMMITTED_STATUSES.has(f.status) || (isOpen(f) && f.horizon !== null && NEAR_HORIZONS.has(f.horizon));
export const isScheduled = (f: PlanFacts): boolean => f.horizon !== null || f.startDate !== null || f.endDate !== null;

const quote = (title: string) => `“${title}”`;

function unplannedMessage(a: PlanFacts, b: PlanFacts, aTitle: string, bTitle: string): string | null {
  if (!isCommitted(b)) return `${quote(bTitle)} is ${STATUS_WORDS[b.status] ?? b.status} and not planned, but ${quote(aTitle)} is planned and needs it`;
  if (isScheduled(a) && !isScheduled(b)) return `${quote(bTitle)} has no horizon or dates, but ${quote(aTitle)} is on the roadmap and needs it`;
  return null;
}

/**
 * The conflicts of the edge "A needs B", most serious first; empty when there is none. Titles only
 * go into the messages. Dates are 'YYYY-MM-DD', so comparing the strings compares the days.
 */
export function edgeConflicts(a: PlanFacts, b: PlanFacts, aTitle = 'A', bTitle = 'B'): Conflict[] {
  // Once A is shipped or dropped, nothing it needs can hold it up any more.
  if (!isOpen(a)) return [];
  if (b.status === 'wont_do') return [{ reason: 'prerequisite_wont_do', message: `${quote(bTitle)} is won't do, but ${quote(aTitle)} needs it` }];
  // A shipped prerequisite is done: its plan no longer matters.
  if (!isOpen(b)) return [];
  const out: Conflict[] = [];
  if (isCommitted(a)) {
    const message = unplannedMessage(a, b, aTitle, bTitle);
    if (message) out.push({ reason: 'prerequisite_unplanned', message });
  }
  const datesKnown = a.startDate !== null && b.endDate !== null;
  if (datesKnown && b.endDate! > a.startDate!) {
    out.push({ reason: 'ends_after_start', message: `${quote(bTitle)} ends on ${b.endDate}, after ${quote(aTitle)} starts on ${a.startDate}` });
  }
  if (!datesKnown && a.horizon !== null && b.horizon !== null && HORIZON_RANK[b.horizon]! > HORIZON_RANK[a.horizon]!) {
    out.push({ reason: 'horizon_order', message: `${quote(bTitle)} is in ${b.horizon}, after ${quote(aTitle)} in ${a.horizon}` });
  }
  return out;
}

/** An edge of the graph: `featureId` needs `dependsOnId`. */
export interface Edge {
  featureId: string;
  dependsOnId: string;
}

/** Each feature's prerequisites (the features it needs). */
export function adjacency(edges: readonly Edge[]): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.featureId);
    if (list) list.push(e.dependsOnId);
    else next.set(e.featureId, [e.dependsOnId]);
  }
  return next;
}

/**
 * Would adding "featureId needs dependsOnId" close a cycle? A cycle exists when featureId is already
 * reachable from dependsOnId along "needs" edges. Returns the cycle as ids, starting and ending at
 * featureId (A → B → … → A), or null when the edge is legal. Breadth-first, so the path is a shortest
 * one; O(V + E) with a visited set, whatever the shape of the graph.
 */
export function findCycle(edges: readonly Edge[], featureId: string, dependsOnId: string): string[] | null {
  if (featureId === dependsOnId) return [featureId, featureId];
  const needs = adjacency(edges);
  const cameFrom = new Map<string, string>([[dependsOnId, featureId]]);
  const queue = [dependsOnId];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    for (const next of needs.get(at) ?? []) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, at);
      if (next === featureId) return pathBack(cameFrom, featureId);
      queue.push(next);
    }
  }
  return null;
}

/** Walks the BFS tree back from the reached featureId to featureId at the root. */
function pathBack(cameFrom: Map<string, string>, featureId: string): string[] {
  const path = [featureId];
  let at = cameFrom.get(featureId)!;
  while (at !== featureId) {
    path.push(at);
    at = cameFrom.get(at)!;
  }
  path.push(featureId);
  return path.reverse();
}

/** True when the edges have no cycle (Kahn's algorithm): the invariant every write keeps. */
export function isAcyclic(edges: readonly Edge[]): boolean {
  const nodes = new Set(edges.flatMap((e) => [e.featureId, e.dependsOnId]));
  return depthsOf(edges, nodes).size === nodes.size;
}

/**
 * Depth of each node: 0 for a feature that needs nothing (in this edge set), else one more than its
 * deepest prerequisite, so prerequisites sit left of what needs them in a layered drawing. Nodes on a
 * cycle (which writes never allow) are left out rather than looping.
 */
export function depthsOf(edges: readonly Edge[], nodes: Iterable<string>): Map<string, number> {
  const needs = adjacency(edges);
  const neededBy = new Map<string, string[]>();
  const waiting = new Map<string, number>();
  const all = new Set(nodes);
  for (const e of edges) {
    all.add(e.featureId);
    all.add(e.dependsOnId);
  }
  for (const id of all) waiting.set(id, new Set(needs.get(id) ?? []).size);
  for (const [a, bs] of needs) {
    for (const b of new Set(bs)) {
      const list = neededBy.get(b);
      if (list) list.push(a);
      else neededBy.set(b, [a]);
    }
  }
  const depth = new Map<string, number>();
  const ready = [...all].filter((id) => waiting.get(id) === 0);
  for (const id of ready) depth.set(id, 0);
  for (let i = 0; i < ready.length; i++) {
    const b = ready[i]!;
    for (const a of neededBy.get(b) ?? []) {
      depth.set(a, Math.max(depth.get(a) ?? 0, depth.get(b)! + 1));
      const left = waiting.get(a)! - 1;
      waiting.set(a, left);
      if (left === 0) ready.push(a);
    }
  }
  for (const id of all) if (waiting.get(id)! > 0) depth.delete(id);
  return depth;
}

/**
 * The cycle path for a message: titles joined by arrows, "A → B → C → A". A very long cycle keeps its
 * first and last `keep` steps and says how many it left out, so the message stays readable.
 */
export function describePath(path: readonly string[], titleOf: (id: string) => string, keep = 6): string {
  const titles = path.map(titleOf);
  if (titles.length <= 2 * keep + 1) return titles.join(' → ');
  const left = titles.length - 2 * keep;
  return [...titles.slice(0, keep), `… ${left} more …`, ...titles.slice(-keep)].join(' → ');
}
