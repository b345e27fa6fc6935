import { Badge, Box, Group, Loader, Text, Tooltip } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type CSSProperties } from 'react';
import { AnchorLink } from '../../components/links';
import { formatDate, plural } from '../../lib/format';
import { formatMoney } from '../discovery/labels';
import { FEATURE_STATUS_COLORS, FEATURE_STATUS_LABELS, HORIZON_LABELS, type FeatureSummary } from './types';

const ROW_HEIGHT = 52;
const HEADER_HEIGHT = 36;
const MAX_HEIGHT = 640;
// Title, status, horizon, dates, effort, owner, release, evidence.
const COLUMNS = 'minmax(240px, 3fr) 120px 80px 190px 70px minmax(110px, 1fr) minmax(90px, 1fr) 150px';
const rowStyle: CSSProperties = { display: 'grid', gridTemplateColumns: COLUMNS, alignItems: 'center', gap: 12, padding: '0 12px' };

function Dates({ start, end }: { start: string | null; end: string | null }) {
  if (!start && !end) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Text size="sm">
      {start ? formatDate(start) : '…'} – {end ? formatDate(end) : '…'}
    </Text>
  );
}

function Evidence({ f }: { f: FeatureSummary }) {
  if (!f.evidence) return <Text size="sm" c="dimmed">Hidden</Text>;
  const { evidenceCount, customerCount, arr } = f.evidence;
  if (!evidenceCount) return <Text size="sm" c="dimmed">None</Text>;
  const label = `${plural(evidenceCount, 'feedback item')} from ${plural(customerCount, 'customer')}, ${formatMoney(arr)} ARR`;
  return (
    <Tooltip label={label}>
      <Text size="sm" tabIndex={0} aria-label={label}>
        {evidenceCount} · {customerCount} · {formatMoney(arr)}
      </Text>
    </Tooltip>
  );
}

function FeatureRow({ workspaceId, f }: { workspaceId: string; f: FeatureSummary }) {
  return (
    <>
      <div role="cell" style={{ minWidth: 0 }}>
        <AnchorLink to="/w/$workspaceId/features/$featureId" params={{ workspaceId, featureId: f.id }} fw={550} size="sm" truncate display="block">
          {f.title}
        </AnchorLink>
        <Group gap={6} wrap="nowrap">
          <Text size="xs" c="dimmed" truncate>
            {f.componentName}
          </Text>
          {f.internal ? (
            <Badge size="xs" color="gray" variant="outline">
              Internal
            </Badge>
          ) : null}
        </Group>
      </div>
      <div role="cell">
        <Badge color={FEATURE_STATUS_COLORS[f.status]} variant="light">
          {FEATURE_STATUS_LABELS[f.status]}
        </Badge>
      </div>
      <div role="cell">
        <Text size="sm" c={f.horizon ? undefined : 'dimmed'}>
          {f.horizon ? HORIZON_LABELS[f.horizon] : '—'}
        </Text>
      </div>
      <div role="cell">
        <Dates start={f.startDate} end={f.endDate} />
      </div>
      <div role="cell" style={{ textAlign: 'right' }}>
        <Text size="sm" c={f.effort === null ? 'dimmed' : undefined}>
          {f.effort === null ? '—' : f.effort}
        </Text>
      </div>
      <div role="cell" style={{ minWidth: 0 }}>
        <Text size="sm" truncate c={f.owner ? undefined : 'dimmed'}>
          {f.owner?.name ?? '—'}
        </Text>
      </div>
      <div role="cell" style={{ minWidth: 0 }}>
        <Text size="sm" truncate c={f.release ? undefined : 'dimmed'}>
          {f.release?.name ?? '—'}
        </Text>
      </div>
      <div role="cell">
        <Evidence f={f} />
      </div>
    </>
  );
}

/**
 * The features as a dense table. Only the rows in view are in the DOM (a workspace may hold thousands);
 * the next page loads as the end comes near. ARIA table roles keep it a table for screen readers.
 */
export function FeatureTable({
  workspaceId,
  items,
  hasMore,
  loadingMore,
  onLoadMore,
}: {
  workspaceId: string;
  items: FeatureSummary[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  const parentRef = useRef<HTMLDivElement>(null);
  const count = items.length + (hasMore ? 1 : 0);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows[rows.length - 1]?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - 20) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, items.length, onLoadMore]);

  const height = Math.min(MAX_HEIGHT, HEADER_HEIGHT + count * ROW_HEIGHT + 2);
  return (
    <Box style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)', overflowX: 'auto' }}>
      {/* -1: the total is unknown while more pages remain. */}
      <div role="table" aria-label="Features" aria-rowcount={hasMore ? -1 : items.length + 1} style={{ minWidth: 1100 }}>
        <div role="rowgroup">
          <div
            role="row"
            aria-rowindex={1}
            style={{ ...rowStyle, height: HEADER_HEIGHT, borderBottom: '1px solid var(--mantine-color-default-border)', background: 'var(--mantine-color-default-hover)' }}
          >
            {['Feature', 'Status', 'Horizon', 'Dates', 'Effort', 'Owner', 'Release', 'Evidence'].map((h) => (
              <Text key={h} role="columnheader" size="xs" fw={650} tt="uppercase" c="dimmed" ta={h === 'Effort' ? 'right' : undefined}>
                {h}
              </Text>
            ))}
          </div>
        </div>
        <div ref={parentRef} role="rowgroup" style={{ height: height - HEADER_HEIGHT - 2, overflowY: 'auto', position: 'relative' }} tabIndex={-1}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {rows.map((row) => {
              const f = items[row.index];
              return f ? (
                <div
                  key={row.key}
                  role="row"
                  aria-rowindex={row.index + 2}
                  style={{
                    ...rowStyle,
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${row.start}px)`,
                    borderBottom: '1px solid var(--mantine-color-default-border)',
                  }}
                >
                  <FeatureRow workspaceId={workspaceId} f={f} />
                </div>
              ) : (
                <div key={row.key} role="row" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}>
                  <Group role="cell" justify="center" h="100%">
                    {loadingMore ? <Loader size="sm" aria-label="Loading more features" /> : null}
                  </Group>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </Box>
  );
}
