import { ActionIcon, Badge, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconPlus, IconTarget } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { OkrTree, OkrTreeNode } from '../../../../shared/contracts.js';
import { AnchorLink } from '../../../components/links';
import { plural } from '../../../lib/format';
import { ConfidenceBadge, OwnerChip, ProgressBar } from './okr-bits';
import { formatValue } from './okr-format';

interface Props {
  workspaceId: string;
  tree: OkrTree;
  /** Whether the caller may add key results to (or align objectives under) this node. */
  canWrite: (node: OkrTreeNode) => boolean;
  onAddKeyResult: (node: OkrTreeNode) => void;
  onAddChild: (node: OkrTreeNode) => void;
}

/**
 * The alignment tree as nested lists: each objective a list item with a disclosure button (Enter or
 * Space expands and collapses; the button says so with aria-expanded), its key results and its children.
 * Component objectives without a parent here sit under a heading of their component.
 */
export function OkrTreeView({ workspaceId, tree, canWrite, onAddKeyResult, onAddChild }: Props) {
  const byId = useMemo(() => new Map(tree.nodes.map((n) => [n.id, n])), [tree]);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setCollapsed((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const roots = tree.rootIds.map((id) => byId.get(id)!).filter(Boolean);
  const productRoots = roots.filter((n) => !n.componentId);
  const byComponent = new Map<string, { name: string; nodes: OkrTreeNode[] }>();
  for (const n of roots.filter((r) => r.componentId)) {
    const g = byComponent.get(n.componentId!) ?? { name: n.component?.name ?? 'Component', nodes: [] };
    g.nodes.push(n);
    byComponent.set(n.componentId!, g);
  }

  const ctx: Ctx = { workspaceId, byId, collapsed, toggle, canWrite, onAddKeyResult, onAddChild };
  const renderList = (nodes: OkrTreeNode[], label: string) => <TreeList ctx={ctx} nodes={nodes} label={label} />;

  return (
    <Stack gap="lg">
      {productRoots.length ? (
        <section aria-labelledby="okr-product-level">
          <Text id="okr-product-level" component="h2" fw={700} fz="md" m={0}>
            {tree.product.name}: product objectives
          </Text>
          {renderList(productRoots, `Product objectives of ${tree.product.name}`)}
        </section>
      ) : null}
      {[...byComponent.entries()].map(([id, g]) => (
        <section key={id} aria-labelledby={`okr-component-${id}`}>
          <Text id={`okr-component-${id}`} component="h2" fw={700} fz="md" m={0}>
            {g.name}: objectives not aligned to a product objective
          </Text>
          {renderList(g.nodes, `Objectives of ${g.name}`)}
        </section>
      ))}
    </Stack>
  );
}

interface Ctx {
  workspaceId: string;
  byId: Map<string, OkrTreeNode>;
  collapsed: Set<string>;
  toggle: (id: string) => void;
  canWrite: (node: OkrTreeNode) => boolean;
  onAddKeyResult: (node: OkrTreeNode) => void;
  onAddChild: (node: OkrTreeNode) => void;
}

function TreeList({ ctx, nodes, label }: { ctx: Ctx; nodes: OkrTreeNode[]; label: string }) {
  return (
    <Box component="ul" aria-label={label} m={0} p={0} style={{ listStyle: 'none' }}>
      {nodes.map((n) => (
        <Item key={n.id} node={n} ctx={ctx} />
      ))}
    </Box>
  );
}

function Item({ node, ctx }: { node: OkrTreeNode; ctx: Ctx }) {
const { workspaceId, byId, collapsed, toggle, canWrite, onAddKeyResult, onAddChild } = ctx;
  const open = !collapsed.has(node.id);
  const hasBody = node.childIds.length > 0 || node.keyResults.length > 0;
  const children = node.childIds.map((id) => byId.get(id)!).filter(Boolean);
  return (
    <Box component="li" mt="xs" data-objective={node.title}>
      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="xs" wrap="nowrap" miw={0} style={{ flex: 1 }}>
            {hasBody ? (
              <ActionIcon variant="subtle" color="gray" aria-expanded={open} aria-label={`${open ? 'Collapse' : 'Expand'} ${node.title}`} onClick={() => toggle(node.id)}>
                {open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
              </ActionIcon>
            ) : (
              <Box w={28} />
            )}
            <Stack gap={2} miw={0}>
              <AnchorLink fw={600} to="/w/$workspaceId/okrs/$objectiveId" params={{ workspaceId, objectiveId: node.id }}>
                {node.title}
              </AnchorLink>
              <Group gap={6}>
                <Badge size="xs" variant="light" color={node.componentId ? 'grape' : 'indigo'}>
                  {node.component?.name ?? 'Product'}
                </Badge>
                {node.pillar ? (
                  <Badge size="xs" variant="default">
                    Pillar: {node.pillar.name}
                  </Badge>
                ) : null}
                {node.status !== 'active' ? (
                  <Badge size="xs" variant="light" color="gray">
                    {node.status}
                  </Badge>
                ) : null}
                <Text size="xs" c="dimmed">
                  {plural(node.keyResultCount, 'key result')}
                  {node.childCount ? ` · ${plural(node.childCount, 'aligned objective')}` : ''}
                </Text>
              </Group>
            </Stack>
          </Group>
          <Group gap="md" wrap="wrap">
            <OwnerChip owner={node.owner} />
            <ProgressBar value={node.progress} label={`Progress of ${node.title}`} />
            <ConfidenceBadge confidence={node.worstConfidence} status={node.worstStatus} prefix={node.keyResultCount > 1 ? 'Worst: ' : ''} />
            {canWrite(node) ? (
              <Group gap={4}>
                <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} aria-hidden />} onClick={() => onAddKeyResult(node)} aria-label={`Add a key result to ${node.title}`}>
                  Key result
                </Button>
                <Button size="compact-xs" variant="subtle" leftSection={<IconTarget size={12} aria-hidden />} onClick={() => onAddChild(node)} aria-label={`Align a new objective under ${node.title}`}>
                  Align
                </Button>
              </Group>
            ) : null}
          </Group>
        </Group>
        {open && node.keyResults.length ? (
          <Box component="ul" aria-label={`Key results of ${node.title}`} mt="xs" ml={36} p={0} style={{ listStyle: 'none' }}>
            {node.keyResults.map((k) => (
              <Box component="li" key={k.id} py={4}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text size="sm" miw={0} style={{ flex: 1 }}>
                    {k.title}{' '}
                    <Text span size="xs" c="dimmed">
                      {k.type === 'milestone'
                        ? k.current === null
                          ? 'not started'
                          : formatValue(k, k.current).toLowerCase()
                        : k.current === null
                          ? `target ${formatValue(k, k.target)}`
                          : `now ${formatValue(k, k.current)}, target ${formatValue(k, k.target)}`}
                    </Text>
                  </Text>
                  <Group gap="sm" wrap="nowrap">
                    <ProgressBar value={k.progress} label={`Progress of ${k.title}`} w={100} />
                    <ConfidenceBadge confidence={k.confidence} status={k.status} />
                  </Group>
                </Group>
              </Box>
            ))}
          </Box>
        ) : null}
      </Paper>
      {open && children.length ? (
        <Box ml={{ base: 'md', sm: 'xl' }} pl="sm" style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}>
          <TreeList ctx={ctx} nodes={children} label={`Objectives aligned to ${node.title}`} />
        </Box>
      ) : null}
    </Box>
  );
}

