import { Tooltip } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef } from 'react';
import { plural } from '../../lib/format';
import { FEATURE_STATUS_LABELS } from '../features/types';
import { formatDay, formatRange } from './format';
import classes from './roadmap.module.css';
import { LABEL_WIDTH, ROW_HEIGHT, barGeometry, buildArrows, buildRows, buildScale, todayDay, type Scale, type TimelineRow } from './timeline-model';
import type { Roadmap, RoadmapCard } from './types';

const HEADER_HEIGHT = 48;

interface RoadmapTimelineProps {
  workspaceId: string;
  roadmap: Roadmap;
  height: string;
}

/**
 * The quarterly timeline: quarters across the top, one row group per component, a bar per feature from
 * its start to its end, release markers, today's line and the dependency arrows (red when in conflict).
 * Only the rows in view are drawn.
 */
export function RoadmapTimeline({ workspaceId, roadmap, height }: RoadmapTimelineProps) {
  const today = todayDay();
  const scale = useMemo(() => buildScale(roadmap.features, roadmap.releases.map((r) => r.date), today), [roadmap.features, roadmap.releases, today]);
  const rows = useMemo(() => buildRows(roadmap), [roadmap]);
  const titles = useMemo(() => new Map(roadmap.features.map((c) => [c.id, c.title])), [roadmap.features]);
  /** Per feature, what it depends on, in words, for its tooltip and label. */
  const needs = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const d of roadmap.dependencies) {
      const words = `Needs “${titles.get(d.dependsOnId) ?? '?'}”${d.conflict ? ` — conflict: ${d.reason ?? ''}` : ''}`;
      m.set(d.featureId, [...(m.get(d.featureId) ?? []), words]);
    }
    return m;
  }, [roadmap.dependencies, titles]);
  const conflicted = useMemo(() => new Set(roadmap.dependencies.filter((d) => d.conflict).map((d) => d.featureId)), [roadmap.dependencies]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10, scrollMargin: HEADER_HEIGHT });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const arrows = useMemo(() => buildArrows(scale, rows, roadmap.dependencies, first, last), [scale, rows, roadmap.dependencies, first, last]);
  const contentWidth = LABEL_WIDTH + scale.width;
  const contentHeight = rows.length * ROW_HEIGHT;

  // Open on the current quarter, not on the first one.
  useEffect(() => {
    const current = scale.quarters.find((q) => q.current);
    if (current && scrollRef.current) scrollRef.current.scrollLeft = Math.max(0, current.x - 40);
  }, [scale]);
  useEffect(() => {
    scrollRef.current?.setAttribute('data-roadmap-ready', 'true');
  }, [roadmap]);

  const todayX = LABEL_WIDTH + scale.x(today);
  return (
    <div ref={scrollRef} className={classes.timeline} style={{ height }} data-testid="roadmap-timeline" tabIndex={0} aria-label="Timeline, scrollable">
      <div className={classes.timelineHeader} style={{ width: contentWidth, height: HEADER_HEIGHT }}>
        <div className={classes.corner} style={{ width: LABEL_WIDTH }}>
          Component · feature
        </div>
        <div style={{ position: 'relative', flex: 1 }}>
          {scale.quarters.map((q) => (
            <div key={q.start} className={classes.quarter} style={{ left: q.x, width: q.width }} data-current={q.current}>
              {q.label}
            </div>
          ))}
          {roadmap.releases.map((r) =>
            r.date ? (
              <div key={r.id} className={classes.releaseLabel} style={{ left: scale.x(r.date) }} title={`Release ${r.name}, ${formatDay(r.date)}`}>
                {r.name}
              </div>
            ) : null,
          )}
        </div>
      </div>
      <div style={{ position: 'relative', width: contentWidth, height: contentHeight }}>
        {scale.quarters.map((q) => (
          <div key={q.start} className={classes.gridLine} style={{ left: LABEL_WIDTH + q.x, height: contentHeight }} />
        ))}
        {roadmap.releases.map((r) => (r.date ? <div key={r.id} className={classes.releaseLine} style={{ left: LABEL_WIDTH + scale.x(r.date), height: contentHeight }} /> : null))}
        <div className={classes.today} style={{ left: todayX, height: contentHeight }} title={`Today, ${formatDay(today)}`} />
        <ul aria-label="Features by component" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((v) => (
            <TimelineRowView
              key={v.key}
              row={rows[v.index]!}
              top={v.start - HEADER_HEIGHT}
              width={contentWidth}
              scale={scale}
              workspaceId={workspaceId}
              needs={rows[v.index]!.kind === 'feature' ? needs.get((rows[v.index] as { card: RoadmapCard }).card.id) : undefined}
              conflict={rows[v.index]!.kind === 'feature' && conflicted.has((rows[v.index] as { card: RoadmapCard }).card.id)}
            />
          ))}
        </ul>
        <svg
          className={classes.overlay}
          style={{ top: first * ROW_HEIGHT, left: 0 }}
          width={contentWidth}
          height={(last - first + 1) * ROW_HEIGHT}
          aria-hidden
          data-testid="dependency-arrows"
        >
          <defs>
            <marker id="roadmap-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 8 4 L 0 8 z" fill="var(--mantine-color-gray-6)" />
            </marker>
            <marker id="roadmap-arrow-conflict" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 8 4 L 0 8 z" fill="var(--mantine-color-red-6)" />
            </marker>
          </defs>
          {arrows.map((a) => (
            <path
              key={a.id}
              d={a.path}
              fill="none"
              stroke={a.conflict ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-gray-6)'}
              strokeWidth={a.conflict ? 2 : 1.5}
              markerEnd={`url(#${a.conflict ? 'roadmap-arrow-conflict' : 'roadmap-arrow'})`}
              data-conflict={a.conflict}
            />
          ))}
        </svg>
      </div>
    </div>
  );
}

interface RowProps {
  row: TimelineRow;
  top: number;
  width: number;
  scale: Scale;
  workspaceId: string;
  needs: string[] | undefined;
  conflict: boolean;
}

const TimelineRowView = memo(function TimelineRowView({ row, top, width, scale, workspaceId, needs, conflict }: RowProps) {
  if (row.kind === 'group') {
    return (
      <li className={`${classes.row} ${classes.groupRow}`} style={{ top, width, height: ROW_HEIGHT }}>
        <div className={classes.rowLabel} style={{ width: LABEL_WIDTH }}>
          <span>{row.lane.name}</span>
          <span className={classes.dimmed}>{plural(row.count, 'feature')}</span>
        </div>
      </li>
    );
  }
  return (
    <li className={classes.row} style={{ top, width, height: ROW_HEIGHT }}>
      <div className={classes.rowLabel} style={{ width: LABEL_WIDTH, paddingLeft: 22 }}>
        <span>{row.card.title}</span>
      </div>
      <Bar card={row.card} scale={scale} workspaceId={workspaceId} needs={needs} conflict={conflict} />
    </li>
  );
});

function Bar({ card, scale, workspaceId, needs, conflict }: { card: RoadmapCard; scale: Scale; workspaceId: string; needs: string[] | undefined; conflict: boolean }) {
  const navigate = useNavigate();
  const geometry = barGeometry(scale, card);
  if (!geometry) return null;
  const dates = formatRange(card.startDate, card.endDate);
  const status = FEATURE_STATUS_LABELS[card.status] ?? card.status;
  const label = [`${card.title}: ${dates}, ${status}`, ...(needs ?? [])].join('. ');
  return (
    <Tooltip
      multiline
      w={300}
      events={{ hover: true, focus: true, touch: false }}
      label={
        <>
          <strong>{card.title}</strong>
          <div>
            {dates} · {status}
          </div>
          {needs?.map((n) => <div key={n}>{n}</div>)}
        </>
      }
    >
      <button
        type="button"
        className={classes.bar}
        style={{ left: LABEL_WIDTH + geometry.left, width: geometry.width }}
        data-status={card.status}
        data-conflict={conflict}
        data-feature-id={card.id}
        aria-label={label}
        onClick={() => void navigate({ to: '/w/$workspaceId/features/$featureId', params: { workspaceId, featureId: card.id } })}
      >
        {geometry.width > 60 ? card.title : ''}
      </button>
    </Tooltip>
  );
}
