import { Menu } from '@mantine/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { IconArrowsMove, IconDots, IconExternalLink, IconLock } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { memo, useState, type CSSProperties, type ReactNode } from 'react';
import { plural } from '../../lib/format';
import { FEATURE_STATUS_COLORS, FEATURE_STATUS_LABELS, HORIZON_LABELS } from '../features/types';
import type { BoardMove } from './board-model';
import { formatRange, formatEffort } from './format';
import classes from './roadmap.module.css';
import type { RoadmapCard } from './types';

/** What a card of the board shows: title, status, dates, effort. Shared by the card and the drag overlay. */
export function CardFace({ card, unit, titleLink }: { card: RoadmapCard; unit: string; titleLink?: ReactNode }) {
  const color = FEATURE_STATUS_COLORS[card.status] ?? 'gray';
  const statusStyle = { '--status-color': `var(--mantine-color-${color}-light-color)`, '--status-bg': `var(--mantine-color-${color}-light)` } as CSSProperties;
  const dates = formatRange(card.startDate, card.endDate);
  const effort = formatEffort(card.effort, unit);
  return (
    <>
      <p className={classes.cardTitle}>{titleLink ?? card.title}</p>
      <div className={classes.cardMeta}>
        <span className={classes.status} style={statusStyle}>
          {FEATURE_STATUS_LABELS[card.status] ?? card.status}
        </span>
        {card.internal ? (
          <span title="Internal: hidden from stakeholders">
            <IconLock size={12} aria-hidden /> <span className="sr-only">Internal</span>
          </span>
        ) : null}
        {dates ? <span>{dates}</span> : null}
        {effort ? <span>· {effort}</span> : null}
        {card.evidenceCount ? <span>· {plural(card.evidenceCount, 'evidence', 'evidence')}</span> : null}
      </div>
    </>
  );
}

export interface BoardCardProps {
  workspaceId: string;
  card: RoadmapCard;
  laneId: string;
  laneName: string;
  unit: string;
  /** The caller may move this card (drag, keyboard, menu). */
  movable: boolean;
  /** The moves the card menu offers, asked for when the menu opens. */
  menuMoves: (cardId: string) => { label: string; move: BoardMove }[];
  onMove: (move: BoardMove) => void;
}

/**
 * A card of the board. Focus it and press Space or Enter to pick it up (arrow keys move it within its
 * lane, Space drops it); the menu beside it moves it too. Memoised: a move re-renders the cards it
 * touches, not the board.
 */
export const BoardCard = memo(function BoardCard({ workspaceId, card, laneId, laneName, unit, movable, menuMoves, onMove }: BoardCardProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging, isOver } = useSortable({
    id: card.id,
    data: { type: 'card', laneId, horizon: card.horizon },
    disabled: { draggable: !movable, droppable: false },
    attributes: { roleDescription: 'movable card' },
  });
  const style: CSSProperties = { transform: CSS.Translate.toString(transform), transition };
  const where = `${card.horizon ? HORIZON_LABELS[card.horizon] : ''} of ${laneName}`;
  return (
    <div ref={setNodeRef} style={style} className={classes.cardWrap}>
      {movable ? (
        <div
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          className={classes.card}
          data-card-id={card.id}
          data-draggable="true"
          data-dragging={isDragging}
          data-over={isOver && !isDragging}
          aria-label={`${card.title}, ${FEATURE_STATUS_LABELS[card.status] ?? card.status}, in ${where}`}
        >
          <CardFace card={card} unit={unit} />
        </div>
      ) : (
        <div className={classes.card} data-card-id={card.id} data-over={isOver}>
          <CardFace card={card} unit={unit} titleLink={<FeatureLink workspaceId={workspaceId} card={card} />} />
        </div>
      )}
      {movable ? <CardMenu workspaceId={workspaceId} card={card} menuMoves={menuMoves} onMove={onMove} /> : null}
    </div>
  );
});

/** The title as a link to the feature page; a plain anchor that navigates in the app (lighter than a router Link per card). */
function FeatureLink({ workspaceId, card }: { workspaceId: string; card: RoadmapCard }) {
  const navigate = useNavigate();
  return (
    <a
      href={`/w/${workspaceId}/features/${card.id}`}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        void navigate({ to: '/w/$workspaceId/features/$featureId', params: { workspaceId, featureId: card.id } });
      }}
    >
      {card.title}
    </a>
  );
}

/**
 * The card's menu: open the feature, move it to another column, or up and down in its own. A plain
 * button until first used: a Mantine Menu per card costs more to mount than a board of cards can afford.
 */
function CardMenu({ workspaceId, card, menuMoves, onMove }: { workspaceId: string; card: RoadmapCard; menuMoves: BoardCardProps['menuMoves']; onMove: BoardCardProps['onMove'] }) {
  const [moves, setMoves] = useState<{ label: string; move: BoardMove }[] | null>(null);
  const navigate = useNavigate();
  // A plain button, not a Mantine ActionIcon: it is rendered once per card in view.
  const button = (onClick?: () => void) => (
    <button type="button" className={classes.cardMenu} aria-label={`Actions for ${card.title}`} aria-haspopup="menu" onClick={onClick}>
      <IconDots size={16} aria-hidden />
    </button>
  );
  if (!moves) return button(() => setMoves(menuMoves(card.id)));
  const close = (moved: boolean) => {
    setMoves(null);
    // Escape or a click outside: back to the card, so the keyboard carries on from where it was.
    if (!moved) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-card-id="${card.id}"]`)?.focus());
  };
  return (
    <Menu opened onChange={(opened) => !opened && close(false)} position="bottom-end" withinPortal returnFocus={false}>
      <Menu.Target>{button()}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconExternalLink size={14} aria-hidden />} onClick={() => void navigate({ to: '/w/$workspaceId/features/$featureId', params: { workspaceId, featureId: card.id } })}>
          Open feature
        </Menu.Item>
        <Menu.Divider />
        {moves.map((m) => (
          <Menu.Item
            key={m.label}
            leftSection={<IconArrowsMove size={14} aria-hidden />}
            onClick={() => {
              close(true);
              onMove(m.move);
            }}
          >
            {m.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
