import { Badge, Box, Checkbox, Group, Loader, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { formatDate } from '../../../lib/format';
import { FEEDBACK_STATUS_COLORS, FEEDBACK_STATUS_LABELS, SOURCE_LABELS } from '../labels';
import { Snippet } from '../Snippet';
import type { FeedbackItem } from '../types';

interface FeedbackListProps {
  items: FeedbackItem[];
  activeId: string | null;
  selected: ReadonlySet<string>;
  onOpen: (id: string) => void;
  /** Selects or unselects a row; `range` (shift-click) extends the selection from the last row toggled. */
  onToggle: (id: string, range: boolean) => void;
  /** False for members who cannot triage: no checkboxes, as there is nothing to do with a selection. */
  selectable: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** Index to bring into view (keyboard navigation). */
  scrollToIndex: number;
  height: string;
}

/** The inbox rows, virtualised so only the visible ones are in the DOM; loads the next page near the end. */
export function FeedbackList({ items, activeId, selected, onOpen, onToggle, selectable, hasMore, loadingMore, onLoadMore, scrollToIndex, height }: FeedbackListProps) {
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length + (hasMore ? 1 : 0),
    getScrollElement: () => parentRef.current,
    estimateSize: () => 88,
    overscan: 8,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - 10) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, items.length, onLoadMore]);

  useEffect(() => {
    if (scrollToIndex >= 0) virtualizer.scrollToIndex(scrollToIndex, { align: 'auto' });
  }, [scrollToIndex, virtualizer]);

  return (
    <Box
      ref={parentRef}
      style={{ height, overflowY: 'auto', contain: 'strict', border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}
      tabIndex={-1}
    >
      <div role="list" aria-label="Feedback" style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {virtualItems.map((row) => {
          const item = items[row.index];
          return (
            <div
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              role="listitem"
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
            >
              {item ? (
                <FeedbackRow item={item} active={item.id === activeId} checked={selected.has(item.id)} selectable={selectable} onOpen={onOpen} onToggle={onToggle} />
              ) : (
                <Group justify="center" p="md">
                  {loadingMore ? <Loader size="sm" aria-label="Loading more feedback" /> : null}
                </Group>
              )}
            </div>
          );
        })}
      </div>
    </Box>
  );
}

interface FeedbackRowProps {
  item: FeedbackItem;
  active: boolean;
  checked: boolean;
  selectable: boolean;
  onOpen: (id: string) => void;
  onToggle: (id: string, range: boolean) => void;
}

function FeedbackRow({ item, active, checked, selectable, onOpen, onToggle }: FeedbackRowProps) {
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      px="sm"
      py={10}
      style={{
        borderBottom: '1px solid var(--mantine-color-default-border)',
        background: active ? 'var(--mantine-primary-color-light)' : undefined,
        borderLeft: active ? '3px solid var(--mantine-primary-color-filled)' : '3px solid transparent',
      }}
    >
      {selectable ? (
        <Checkbox
          mt={4}
          checked={checked}
          // A click carries the shift key (a keyboard toggle arrives as a click too, without it).
          onChange={(e) => onToggle(item.id, (e.nativeEvent as MouseEvent).shiftKey === true)}
          aria-label={`Select: ${item.text.slice(0, 60)}`}
        />
      ) : null}
      <UnstyledButton onClick={() => onOpen(item.id)} style={{ flex: 1, minWidth: 0 }} aria-current={active ? 'true' : undefined} data-feedback-id={item.id}>
        <Text size="sm" lineClamp={2}>
          {item.snippet ? <Snippet html={item.snippet} /> : item.text}
        </Text>
        <Group gap={6} mt={4} wrap="nowrap">
          <Text size="xs" fw={600} truncate maw={180}>
            {item.customer?.name ?? 'No customer'}
          </Text>
          <Text size="xs" c="dimmed">
            · {SOURCE_LABELS[item.source] ?? item.source} · {formatDate(item.capturedAt)}
          </Text>
          <Badge size="xs" color={FEEDBACK_STATUS_COLORS[item.status] ?? 'gray'} ml="auto">
            {FEEDBACK_STATUS_LABELS[item.status] ?? item.status}
          </Badge>
        </Group>
      </UnstyledButton>
    </Group>
  );
}
