import { ActionIcon, Box, Group, Text, Tooltip } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconArrowAutofitWidth, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { DependencyGraph } from '../../../shared/contracts.js';
import { LAYOUT, layoutGraph, type PlacedNode } from './graph-layout';
import { STATUS_COLORS, STATUS_LABELS, planLabel } from './labels';

const ZOOMS = [0.4, 0.5, 0.67, 0.8, 1, 1.25, 1.5];
const MIN_FIT = 0.7;
const MAX_TITLE = 30;
const MAX_LINE = 36;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function nodeLabel(n: PlacedNode): string {
  const parts = [n.title, n.inProduct ? n.componentName : `${n.productName} · ${n.componentName}`, STATUS_LABELS[n.status], planLabel(n)];
  if (n.conflictCount) parts.push(`${n.conflictCount} conflicting ${n.conflictCount === 1 ? 'dependency' : 'dependencies'}`);
  return `${parts.join(', ')}. Press Enter to open.`;
}

/** The colour legend under the graph. */
function Legend() {
  return (
    <Group gap="md" mt="xs" wrap="wrap" aria-label="Legend" role="list">
      {(Object.keys(STATUS_LABELS) as (keyof typeof STATUS_LABELS)[]).map((s) => (
        <Group key={s} gap={6} role="listitem">
          <Box w={14} h={14} style={{ borderRadius: 3, background: `var(--mantine-color-${STATUS_COLORS[s]}-light)`, border: `1.5px solid var(--mantine-color-${STATUS_COLORS[s]}-6)` }} />
          <Text size="xs">{STATUS_LABELS[s]}</Text>
        </Group>
      ))}
      <Group gap={6} role="listitem">
        <Box w={22} h={0} style={{ borderTop: '3px solid var(--mantine-color-red-filled)' }} />
        <Text size="xs">Conflict</Text>
      </Group>
      <Group gap={6} role="listitem">
        <Box w={14} h={14} style={{ borderRadius: 3, border: '1.5px dashed var(--mantine-color-gray-6)' }} />
        <Text size="xs">Other product</Text>
      </Group>
    </Group>
  );
}

/**
 * The dependency graph of a product, drawn left to right: prerequisites on the left, what needs them
 * to the right, one lane per component. Edges in conflict are red (hover one for its reason). Every
 * feature is a link reachable with Tab; Enter opens it. Scroll to pan; the buttons zoom.
 */
export function DependencyGraphView({ workspaceId, graph, onlyConflicts }: { workspaceId: string; graph: DependencyGraph; onlyConflicts: boolean }) {
  const navigate = useNavigate();
  const layout = useMemo(() => layoutGraph(graph, onlyConflicts), [graph, onlyConflicts]);
  // Until someone zooms, the graph is fitted to the width it has (but never below 70 %, where text stays readable).
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const { ref: frame, width: frameWidth } = useElementSize();
  const [active, setActive] = useState<string | null>(null);
  const fit = frameWidth > 0 ? Math.max(MIN_FIT, Math.min(1, (frameWidth - 2) / layout.width)) : 1;
  const scale = zoom === 'fit' ? fit : zoom;
  const zoomOut = () => setZoom([...ZOOMS].reverse().find((z) => z < scale - 0.001) ?? ZOOMS[0]!);
  const zoomIn = () => setZoom(ZOOMS.find((z) => z > scale + 0.001) ?? ZOOMS.at(-1)!);
  const open = (featureId: string) => void navigate({ to: '/w/$workspaceId/features/$featureId', params: { workspaceId, featureId } });
  const onKey = (e: KeyboardEvent, featureId: string) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      open(featureId);
    }
  };
  const touches = (edge: { featureId: string; dependsOnId: string }) => active !== null && (edge.featureId === active || edge.dependsOnId === active);

  return (
    <Box>
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed">
          {plural(layout.nodes.length, 'feature')}, {plural(layout.edges.length, 'dependency', 'dependencies')}. Prerequisites are on the left.
        </Text>
        <Group gap={4}>
          <Tooltip label="Zoom out">
            <ActionIcon variant="default" aria-label="Zoom out" disabled={scale <= ZOOMS[0]!} onClick={zoomOut}>
              <IconZoomOut size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Fit to width">
            <ActionIcon variant="default" aria-label={`Fit to width (now ${Math.round(scale * 100)} %)`} onClick={() => setZoom('fit')}>
              <IconArrowAutofitWidth size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Zoom in">
            <ActionIcon variant="default" aria-label="Zoom in" disabled={scale >= ZOOMS.at(-1)!} onClick={zoomIn}>
              <IconZoomIn size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Box
        ref={frame}
        style={{ overflow: 'auto', maxHeight: '70vh', border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)', background: 'var(--mantine-color-body)' }}
        data-testid="dependency-graph"
      >
        <svg width={layout.width * scale} height={layout.height * scale} viewBox={`0 0 ${layout.width} ${layout.height}`} role="group" aria-label="Dependency graph" style={{ display: 'block' }}>
          <defs>
            <marker id="dep-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--mantine-color-gray-6)" />
            </marker>
            <marker id="dep-arrow-conflict" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--mantine-color-red-filled)" />
            </marker>
          </defs>
          <g aria-hidden="true">
            {layout.lanes.map((lane, i) => (
              <g key={lane.key}>
                <rect x={0} y={lane.y} width={layout.width} height={lane.height} fill={i % 2 === 0 ? 'var(--mantine-color-default-hover)' : 'transparent'} />
                <text x={LAYOUT.margin} y={lane.y + 24} fontSize={13} fontWeight={600} fill="var(--mantine-color-text)">
                  {clip(lane.label, 22)}
                  <title>{lane.label}</title>
                </text>
              </g>
            ))}
          </g>
          {/* Edges repeat what the conflicts list says in words, so screen readers skip them. */}
          <g aria-hidden="true">
            {layout.edges.map((e) => {
              const conflict = e.conflicts.length > 0;
              const dim = active !== null && !touches(e);
              return (
                <path
                  key={e.id}
                  d={e.path}
                  fill="none"
                  stroke={conflict ? 'var(--mantine-color-red-filled)' : 'var(--mantine-color-gray-6)'}
                  strokeWidth={conflict ? 2.5 : 1.5}
                  strokeOpacity={dim ? 0.15 : 1}
                  markerEnd={conflict ? 'url(#dep-arrow-conflict)' : 'url(#dep-arrow)'}
                  data-conflict={conflict || undefined}
                >
                  {conflict ? <title>{e.conflicts.map((c) => c.message).join('\n')}</title> : null}
                </path>
              );
            })}
          </g>
          {/* Wide invisible strokes make the thin conflict edges easy to hover for their tooltip. */}
          <g aria-hidden="true">
            {layout.edges
              .filter((e) => e.conflicts.length > 0)
              .map((e) => (
                <path key={e.id} d={e.path} fill="none" stroke="transparent" strokeWidth={12}>
                  <title>{e.conflicts.map((c) => c.message).join('\n')}</title>
                </path>
              ))}
          </g>
          <g>
            {layout.nodes.map((n) => {
              const color = STATUS_COLORS[n.status];
              return (
                <g
                  key={n.id}
                  role="link"
                  tabIndex={0}
                  aria-label={nodeLabel(n)}
                  transform={`translate(${n.x} ${n.y})`}
                  style={{ cursor: 'pointer' }}
                  onClick={() => open(n.id)}
                  onKeyDown={(e) => onKey(e, n.id)}
                  onMouseEnter={() => setActive(n.id)}
                  onMouseLeave={() => setActive(null)}
                  onFocus={() => setActive(n.id)}
                  onBlur={() => setActive(null)}
                >
                  <rect width={LAYOUT.nodeWidth} height={LAYOUT.nodeHeight} rx={8} fill="var(--mantine-color-body)" />
                  <rect
                    width={LAYOUT.nodeWidth}
                    height={LAYOUT.nodeHeight}
                    rx={8}
                    fill={`var(--mantine-color-${color}-light)`}
                    stroke={n.conflictCount ? 'var(--mantine-color-red-filled)' : `var(--mantine-color-${color}-6)`}
                    strokeWidth={active === n.id ? 3 : n.conflictCount ? 2 : 1.5}
                    strokeDasharray={n.inProduct ? undefined : '5 3'}
                  />
                  <text x={10} y={21} fontSize={13} fontWeight={600} fill="var(--mantine-color-text)">
                    {clip(n.title, MAX_TITLE)}
                  </text>
                  <text x={10} y={40} fontSize={11.5} fill="var(--mantine-color-text)">
                    {clip(`${STATUS_LABELS[n.status]} · ${planLabel(n)}`, MAX_LINE)}
                  </text>
                  <title>{n.title}</title>
                </g>
              );
            })}
          </g>
        </svg>
      </Box>
      <Legend />
    </Box>
  );
}
