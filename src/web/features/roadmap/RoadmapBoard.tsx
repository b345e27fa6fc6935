import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type Over,
} from '@dnd-kit/core';
import { arrayMove, sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import type { QueryKey } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { HORIZON_LABELS } from '../features/types';
import { BoardLane, laneHeight, type FocusRequest } from './BoardLane';
import { CardFace } from './BoardCard';
import { groupBoard, menuMoves as movesFor, moveToIndex, indexForDrop, positionAfter, type BoardMove } from './board-model';
import classes from './roadmap.module.css';
import type { FeatureHorizon, Roadmap, RoadmapCard } from './types';
import { useMoveCard } from './use-roadmap';

const COLUMNS_HEADER = 37;

interface DropData {
  type: 'card' | 'column';
  laneId: string;
  horizon: FeatureHorizon;
}

const dataOf = (x: { data: { current?: unknown } } | null | undefined) => (x?.data.current ?? null) as DropData | null;

/**
 * Only the dragged card's own lane takes it (a feature never leaves its component). Filtering here, and
 * not by disabling the other lanes' drop targets, spares re-rendering every card when a drag starts.
 */
const sameLane = <T extends { data: { current?: unknown } }>(containers: T[], laneId: string | undefined) => containers.filter((c) => dataOf(c)?.laneId === laneId);

/** A card under the pointer wins over its column; without a pointer (the keyboard) the overlapping ones count. */
const collision: CollisionDetection = (args) => {
  const scoped = { ...args, droppableContainers: sameLane(args.droppableContainers, dataOf(args.active)?.laneId) };
  const hits = args.pointerCoordinates ? pointerWithin(scoped) : rectIntersection(scoped);
  const card = hits.find((h) => !String(h.id).startsWith('col:'));
  return card ? [card] : hits;
};

/** The arrow keys move a card among the drop targets of its own lane only. */
const laneKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const all = args.context.droppableContainers;
  const laneId = dataOf(args.context.active)?.laneId;
  // The same map class (sortableKeyboardCoordinates calls its getEnabled), holding this lane's targets.
  const scoped = new (all.constructor as new () => typeof all)();
  for (const [id, container] of all) if (dataOf(container)?.laneId === laneId) scoped.set(id, container);
  return sortableKeyboardCoordinates(event, { ...args, context: { ...args.context, droppableContainers: scoped } });
};

interface RoadmapBoardProps {
  workspaceId: string;
  roadmap: Roadmap;
  queryKey: QueryKey;
  /** Whether the caller may move the cards of a lane (a PM: their own components). */
  canMoveIn: (ownerId: string | null) => boolean;
  height: string;
}

/**
 * The Now / Next / Later board: one swimlane per component, cards dragged between the columns of their
 * own lane (pointer or keyboard) or moved from their menu. Lanes and columns render only what is in
 * view, so a product with thousands of features opens quickly.
 */
export function RoadmapBoard({ workspaceId, roadmap, queryKey, canMoveIn, height }: RoadmapBoardProps) {
  const lanes = useMemo(() => groupBoard(roadmap.features), [roadmap.features]);
  const cards = useMemo(() => new Map(roadmap.features.map((c) => [c.id, c])), [roadmap.features]);
  const laneNames = useMemo(() => new Map(roadmap.components.map((l) => [l.id, l.name])), [roadmap.components]);
  // Callbacks read the latest lanes through a ref, so they stay stable and the memoised cards do not re-render.
  const state = useRef({ lanes, cards, laneNames });
  state.current = { lanes, cards, laneNames };

  const move = useMoveCard(workspaceId, queryKey);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [over, setOver] = useState<{ laneId: string; horizon: FeatureHorizon } | null>(null);
  const [focusRequest, setFocusRequest] = useState<(FocusRequest & { laneId: string }) | null>(null);
  const [message, setMessage] = useState('');
  const activeCard = activeId ? (cards.get(activeId) ?? null) : null;

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor, { coordinateGetter: laneKeyboardCoordinates }));

  const commit = useCallback(
    (next: BoardMove, announce: boolean) => {
      const { lanes: byLane, cards: byId, laneNames: names } = state.current;
      const card = byId.get(next.featureId);
      if (!card) return;
      const column = byLane.get(card.componentId)?.[next.horizon].map((c) => c.id) ?? [];
      const { position, size } = positionAfter(next, column);
      move.mutate(next);
      if (announce) {
        setMessage(`Moved “${card.title}” to ${HORIZON_LABELS[next.horizon]} in ${names.get(card.componentId) ?? 'its lane'}, position ${position} of ${size}.`);
        setFocusRequest({ cardId: card.id, laneId: card.componentId, seq: Date.now() });
      }
    },
    [move],
  );

  const menuMoves = useCallback((cardId: string) => {
    const card = state.current.cards.get(cardId);
    const lane = card ? state.current.lanes.get(card.componentId) : undefined;
    return card && lane ? movesFor(card, lane) : [];
  }, []);
  const onMenuMove = useCallback((m: BoardMove) => commit(m, true), [commit]);

  /** The move a drop makes, or null when the card lands where it was. */
  const dropMove = useCallback((activeIdValue: string, target: Over, translatedTop: number | null, activeHeight: number): BoardMove | null => {
    const card = state.current.cards.get(activeIdValue);
    const data = dataOf(target);
    if (!card?.horizon || !data || data.laneId !== card.componentId) return null;
    const column = state.current.lanes.get(card.componentId)?.[data.horizon].map((c) => c.id) ?? [];
    let index: number;
    if (data.type === 'column') index = column.filter((id) => id !== card.id).length;
    else if (data.horizon === card.horizon) {
      // Within its own column a card takes the place of the one it is dropped on, as the list shows while dragging.
      index = arrayMove(column, column.indexOf(card.id), column.indexOf(String(target.id))).indexOf(card.id);
    } else {
      const below = translatedTop !== null && translatedTop + activeHeight / 2 > target.rect.top + target.rect.height / 2;
      index = indexForDrop(card.id, column, String(target.id), below);
    }
    const next = moveToIndex(card.id, data.horizon, column, index);
    const current = state.current.lanes.get(card.componentId)?.[card.horizon].map((c) => c.id) ?? [];
    if (data.horizon === card.horizon && current.indexOf(card.id) === index) return null;
    return next;
  }, []);

  const onDragStart = useCallback((e: DragStartEvent) => {
    setActiveId(String(e.active.id));
    setMessage('');
  }, []);
  const onDragOver = useCallback((e: DragOverEvent) => {
    const d = dataOf(e.over);
    setOver(d ? { laneId: d.laneId, horizon: d.horizon } : null);
  }, []);
  const onDragEnd = useCallback(
    (e: DragEndEvent) => {
      setActiveId(null);
      setOver(null);
      if (!e.over) return;
      const translated = e.active.rect.current.translated;
      const next = dropMove(String(e.active.id), e.over, translated?.top ?? null, translated?.height ?? 0);
      if (next) commit(next, false);
    },
    [commit, dropMove],
  );
  const onDragCancel = useCallback(() => {
    setActiveId(null);
    setOver(null);
  }, []);

  const announcements = useMemo<Announcements>(() => {
    const title = (id: unknown) => `“${state.current.cards.get(String(id))?.title ?? 'card'}”`;
    const place = (o: Over | null) => {
      const d = dataOf(o);
      if (!o || !d) return 'no column';
      return d.type === 'column' ? `the ${HORIZON_LABELS[d.horizon]} column` : `${title(o.id)} in ${HORIZON_LABELS[d.horizon]}`;
    };
    return {
      onDragStart: ({ active }) => {
        const card = state.current.cards.get(String(active.id));
        const lane = card ? state.current.laneNames.get(card.componentId) : '';
        return `Picked up ${title(active.id)} in ${card?.horizon ? HORIZON_LABELS[card.horizon] : ''} of ${lane}. Arrow keys move it within its lane; Space drops it, Escape cancels.`;
      },
      onDragOver: ({ active, over: o }) => `${title(active.id)} is over ${place(o)}.`,
      onDragEnd: ({ active, over: o }) => (o ? `Dropped ${title(active.id)} on ${place(o)}.` : `Dropped ${title(active.id)} where it was.`),
      onDragCancel: ({ active }) => `Moving ${title(active.id)} was cancelled; it stays where it was.`,
    };
  }, []);

  const scrollRef = useRef<HTMLDivElement>(null);
  const heights = useMemo(() => roadmap.components.map((l) => laneHeight(lanes.get(l.id))), [roadmap.components, lanes]);
  const virtualizer = useVirtualizer({
    count: roadmap.components.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => heights[i] ?? 120,
    overscan: 1,
    scrollMargin: COLUMNS_HEADER,
  });
  // Lanes grow and shrink as cards move: recompute their offsets (they are not measured from the DOM).
  useEffect(() => virtualizer.measure(), [heights, virtualizer]);

  // Tells tests and the render bench that the board has drawn its data and can be used.
  useEffect(() => {
    scrollRef.current?.setAttribute('data-roadmap-ready', 'true');
  }, [roadmap]);

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: 'To move this card, press Space or Enter, then the arrow keys, then Space to drop it, or Escape to cancel. The card menu moves it too.' },
      }}
    >
      <div ref={scrollRef} className={classes.board} style={{ height }} data-testid="roadmap-board">
        <div className={classes.columnsHeader} aria-hidden>
          <span>Now</span>
          <span>Next</span>
          <span>Later</span>
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const lane = roadmap.components[v.index]!;
            const movable = canMoveIn(lane.ownerId);
            return (
              <div key={lane.id} className={classes.lane} style={{ top: v.start - COLUMNS_HEADER, height: heights[v.index] }}>
                <BoardLane
                  workspaceId={workspaceId}
                  lane={lane}
                  columns={lanes.get(lane.id)}
                  unit={roadmap.capacityUnit}
                  movable={movable}
                  overHorizon={over?.laneId === lane.id ? over.horizon : null}
                  focusRequest={focusRequest?.laneId === lane.id ? focusRequest : null}
                  menuMoves={menuMoves}
                  onMove={onMenuMove}
                />
              </div>
            );
          })}
        </div>
      </div>
      <DragOverlay>{activeCard ? <OverlayCard card={activeCard} unit={roadmap.capacityUnit} /> : null}</DragOverlay>
      <div className="sr-only" aria-live="polite" role="status">
        {message}
      </div>
    </DndContext>
  );
}

function OverlayCard({ card, unit }: { card: RoadmapCard; unit: string }) {
  return (
    <div className={classes.card} data-overlay="true" style={{ height: 84 }}>
      <CardFace card={card} unit={unit} />
    </div>
  );
}
