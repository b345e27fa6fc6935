/**
 * The board's pure logic: cards grouped into lanes and columns in the order the server sent them, where
 * a drop or a menu move puts a card (the neighbour the API needs), and the optimistic list after a move.
 * No React here, so it is unit-tested on its own.
 */
import type { FeatureHorizon, RoadmapCard } from './types';

export const HORIZONS: readonly FeatureHorizon[] = ['now', 'next', 'later'];

/** The cards of one lane, per column, in board order. */
export type LaneColumns = Record<FeatureHorizon, RoadmapCard[]>;

/** Groups the cards (already in lane, horizon and rank order) by lane and column, keeping their order. */
export function groupBoard(cards: readonly RoadmapCard[]): Map<string, LaneColumns> {
  const lanes = new Map<string, LaneColumns>();
  for (const card of cards) {
    if (!card.horizon) continue;
    let lane = lanes.get(card.componentId);
    if (!lane) {
      lane = { now: [], next: [], later: [] };
      lanes.set(card.componentId, lane);
    }
    lane[card.horizon].push(card);
  }
  return lanes;
}

/** A move as the API takes it: the target column and one neighbour in it (none: last). */
export interface BoardMove {
  featureId: string;
  horizon: FeatureHorizon;
  afterId?: string;
  beforeId?: string;
}

/**
 * The move that puts `activeId` at `index` of the target column, where `column` lists the target
 * column's ids as they are now (the active card included when it is already there).
 */
export function moveToIndex(activeId: string, horizon: FeatureHorizon, column: readonly string[], index: number): BoardMove {
  const others = column.filter((id) => id !== activeId);
  const at = Math.max(0, Math.min(index, others.length));
  if (others.length === 0) return { featureId: activeId, horizon };
  if (at === 0) return { featureId: activeId, horizon, beforeId: others[0] };
  return { featureId: activeId, horizon, afterId: others[at - 1] };
}

/** Where a card lands when dropped over another card of a column: before it, or after it when it came from above in the same column. */
export function indexForDrop(activeId: string, column: readonly string[], overId: string, below: boolean): number {
  const others = column.filter((id) => id !== activeId);
  const over = others.indexOf(overId);
  if (over < 0) return others.length;
  return below ? over + 1 : over;
}

/** The position a move gives the card in its new column, 1-based, and the column's size, for announcements. */
export function positionAfter(move: BoardMove, column: readonly string[]): { position: number; size: number } {
  const others = column.filter((id) => id !== move.featureId);
  const index = move.afterId ? others.indexOf(move.afterId) + 1 : move.beforeId ? others.indexOf(move.beforeId) : others.length;
  return { position: index + 1, size: others.length + 1 };
}

/**
 * The card list after a move, optimistically: the card takes its new horizon and sits right after
 * (or before) its neighbour; with no neighbour it goes to the end, which is last in its column since
 * the board groups cards by lane and column keeping the list's order.
 */
export function applyMove(cards: readonly RoadmapCard[], move: BoardMove): RoadmapCard[] {
  const card = cards.find((c) => c.id === move.featureId);
  if (!card) return [...cards];
  const moved: RoadmapCard = { ...card, horizon: move.horizon };
  const rest = cards.filter((c) => c.id !== move.featureId);
  const anchor = move.afterId ?? move.beforeId;
  const i = anchor ? rest.findIndex((c) => c.id === anchor) : -1;
  if (i < 0) return [...rest, moved];
  const at = move.afterId ? i + 1 : i;
  return [...rest.slice(0, at), moved, ...rest.slice(at)];
}

/** The moves the card menu offers: to another column (last there), or one place up or down in its own. */
export function menuMoves(card: RoadmapCard, lane: LaneColumns): { label: string; move: BoardMove }[] {
  const out: { label: string; move: BoardMove }[] = [];
  if (!card.horizon) return out;
  const column = lane[card.horizon].map((c) => c.id);
  const i = column.indexOf(card.id);
  if (i > 0) out.push({ label: 'Move up', move: moveToIndex(card.id, card.horizon, column, i - 1) });
  if (i >= 0 && i < column.length - 1) out.push({ label: 'Move down', move: moveToIndex(card.id, card.horizon, column, i + 1) });
  for (const h of HORIZONS) {
    if (h !== card.horizon) out.push({ label: `Move to ${h === 'now' ? 'Now' : h === 'next' ? 'Next' : 'Later'}`, move: { featureId: card.id, horizon: h } });
  }
  return out;
}
