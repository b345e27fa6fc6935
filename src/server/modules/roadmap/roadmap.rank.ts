/**
 * Board order as fractional ranks. A lane (one component's column) lists its cards by rank, then id:
 * features start with rank 0, so ties are common and the id keeps them in a stable order. A moved card
 * takes a rank strictly between its new neighbours; when the gap between them is too small (or the
 * neighbours tie), the whole lane is renumbered in steps, with the moved card at its place.
 */

/** A card of a lane and its rank. */
export interface Ranked {
  id: string;
  rank: number;
}

/** Where a card goes in its target lane: just after one card, just before one, or (neither) last. */
export interface Placement {
  afterId?: string;
  beforeId?: string;
}

export interface RankOptions {
  /** Distance between ranks when appending, prepending or renumbering. */
  step: number;
  /** The smallest gap a new rank may leave to a neighbour before the lane is renumbered. */
  minGap: number;
}

export const DEFAULT_RANK_OPTIONS: RankOptions = { step: 1024, minGap: 1e-6 };

/** Ranks beyond this lose the precision halving needs; renumbering brings them back near zero. */
const MAX_MAGNITUDE = 1e12;

export interface RankResult {
  /** The moved card's new rank. */
  rank: number;
  /** Other cards of the lane whose rank changed (empty unless the lane was renumbered). */
  renumbered: Ranked[];
}

/** The lane order: rank ascending, then id. */
export function compareRanked(a: Ranked, b: Ranked): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The index the moved card takes in the sorted lane (which does not hold it). */
function targetIndex(sorted: Ranked[], placement: Placement): number {
  const anchor = placement.afterId ?? placement.beforeId;
  if (anchor === undefined) return sorted.length;
  const i = sorted.findIndex((c) => c.id === anchor);
  if (i < 0) throw new Error(`anchor ${anchor} is not in the lane`);
  return placement.afterId !== undefined ? i + 1 : i;
}

/** A rank strictly between the neighbours with room to spare, or null when there is none. */
function rankBetween(prev: Ranked | undefined, next: Ranked | undefined, { step, minGap }: RankOptions): number | null {
  const rank = prev && next ? (prev.rank + next.rank) / 2 : prev ? prev.rank + step : next ? next.rank - step : step;
  if (!Number.isFinite(rank) || Math.abs(rank) > MAX_MAGNITUDE) return null;
  if (prev && rank - prev.rank < minGap) return null;
  if (next && next.rank - rank < minGap) return null;
  return rank;
}

/**
 * The rank of `movingId` placed in `lane` (the target lane's cards, in any order; the moving card itself
 * is ignored if present), and any renumbering of the others that the placement needs.
 */
export function placeInLane(lane: readonly Ranked[], movingId: string, placement: Placement, options: RankOptions = DEFAULT_RANK_OPTIONS): RankResult {
  const sorted = lane.filter((c) => c.id !== movingId).sort(compareRanked);
  const i = targetIndex(sorted, placement);
  const rank = rankBetween(sorted[i - 1], sorted[i], options);
  if (rank !== null) return { rank, renumbered: [] };
  // No room: renumber the lane in steps, the moved card at its place.
  const ordered = [...sorted.slice(0, i).map((c) => c.id), movingId, ...sorted.slice(i).map((c) => c.id)];
  const before = new Map(sorted.map((c) => [c.id, c.rank]));
  const renumbered: Ranked[] = [];
  let moved = 0;
  ordered.forEach((id, k) => {
    const next = (k + 1) * options.step;
    if (id === movingId) moved = next;
    else if (before.get(id) !== next) renumbered.push({ id, rank: next });
  });
  return { rank: moved, renumbered };
}
