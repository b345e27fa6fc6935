import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { plural } from '../../lib/format';
import { HORIZON_LABELS } from '../features/types';
import { BoardCard, type BoardCardProps } from './BoardCard';
import { HORIZONS, type LaneColumns } from './board-model';
import classes from './roadmap.module.css';
import type { FeatureHorizon, Roadmap, RoadmapCard } from './types';

/** Height of one card's slot in a column, and of a lane's header: fixed, so lanes and columns virtualise without measuring. */
export const CARD_ROW = 92;
const LANE_HEADER = 36;
const LANE_PADDING = 11;
/** A column shows this many cards before it scrolls on its own. */
const VISIBLE_CARDS = 4.5;

const EMPTY: LaneColumns = { now: [], next: [], later: [] };

/** A lane's column height: tall enough for its fullest column, up to VISIBLE_CARDS. */
export const columnHeight = (lane: LaneColumns | undefined) => {
  const most = Math.max(...HORIZONS.map((h) => (lane ?? EMPTY)[h].length));
  return Math.max(1, Math.min(most, VISIBLE_CARDS)) * CARD_ROW + 8;
};
export const laneHeight = (lane: LaneColumns | undefined) => LANE_HEADER + columnHeight(lane) + LANE_PADDING;

/** A card the board asked to focus (after a menu move): its column scrolls to it, then focuses it. */
export interface FocusRequest {
  cardId: string;
  seq: number;
}

type CardCallbacks = Pick<BoardCardProps, 'menuMoves' | 'onMove'>;

interface BoardLaneProps extends CardCallbacks {
  workspaceId: string;
  lane: Roadmap['components'][number];
  columns: LaneColumns | undefined;
  unit: string;
  movable: boolean;
  /** The column a dragged card is over, in this lane. */
  overHorizon: FeatureHorizon | null;
  focusRequest: FocusRequest | null;
}

/** One component's swimlane: its header (name, owner, card count) and the Now / Next / Later columns. */
export const BoardLane = memo(function BoardLane({ workspaceId, lane, columns, unit, movable, overHorizon, focusRequest, menuMoves, onMove }: BoardLaneProps) {
  const cols = columns ?? EMPTY;
  const count = cols.now.length + cols.next.length + cols.later.length;
  const height = columnHeight(columns);
  return (
    <section aria-label={`${lane.name} lane`}>
      <div className={classes.laneHeader}>
        <h2 className={classes.laneName}>{lane.name}</h2>
        <span className={classes.dimmed}>{lane.ownerName ? `Owner: ${lane.ownerName}` : 'No owner'}</span>
        <span className={classes.dimmed}>· {plural(count, 'card')}</span>
      </div>
      <div className={classes.laneBody}>
        {HORIZONS.map((h) => (
          <BoardColumn
            key={h}
            workspaceId={workspaceId}
            laneId={lane.id}
            laneName={lane.name}
            horizon={h}
            cards={cols[h]}
            height={height}
            unit={unit}
            movable={movable}
            highlighted={overHorizon === h}
            focusRequest={focusRequest}
            menuMoves={menuMoves}
            onMove={onMove}
          />
        ))}
      </div>
    </section>
  );
});

interface BoardColumnProps extends CardCallbacks {
  workspaceId: string;
  laneId: string;
  laneName: string;
  horizon: FeatureHorizon;
  cards: RoadmapCard[];
  height: number;
  unit: string;
  movable: boolean;
  highlighted: boolean;
  focusRequest: FocusRequest | null;
}

/** A column of a lane: a drop target, and a list that renders only the cards in view. */
function BoardColumn({ workspaceId, laneId, laneName, horizon, cards, height, unit, movable, highlighted, focusRequest, menuMoves, onMove }: BoardColumnProps) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const { setNodeRef } = useDroppable({ id: `col:${laneId}:${horizon}`, data: { type: 'column', laneId, horizon } });
  const ref = useCallback(
    (node: HTMLDivElement | null) => {
      scrollRef.current = node;
      setNodeRef(node);
    },
    [setNodeRef],
  );
  const virtualizer = useVirtualizer({ count: cards.length, getScrollElement: () => scrollRef.current, estimateSize: () => CARD_ROW, overscan: 2 });
  const ids = useMemo(() => cards.map((c) => c.id), [cards]);

  // A card moved here from the menu: bring it into view and give it the focus.
  useEffect(() => {
    if (!focusRequest) return;
    const index = ids.indexOf(focusRequest.cardId);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const frame = requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-card-id="${focusRequest.cardId}"]`)?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusRequest, ids, virtualizer]);

  const label = `${HORIZON_LABELS[horizon]} in ${laneName}`;
  return (
    <SortableContext id={`col:${laneId}:${horizon}`} items={ids} strategy={verticalListSortingStrategy}>
      <div ref={ref} className={classes.column} style={{ height }} data-over={highlighted} data-column={`${laneName}:${horizon}`}>
        <div role="list" aria-label={label} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const card = cards[v.index]!;
            return (
              <div key={card.id} role="listitem" className={classes.cardSlot} style={{ top: v.start, height: CARD_ROW }}>
                <BoardCard
                  workspaceId={workspaceId}
                  card={card}
                  laneId={laneId}
                  laneName={laneName}
                  unit={unit}
                  movable={movable}
                  menuMoves={menuMoves}
                  onMove={onMove}
                />
              </div>
            );
          })}
        </div>
        {cards.length === 0 ? <div className={classes.columnEmpty}>{movable ? 'Drop a card here' : 'Nothing here'}</div> : null}
      </div>
    </SortableContext>
  );
}
