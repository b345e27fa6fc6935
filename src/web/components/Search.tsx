import { Button, Kbd, Text, Tooltip } from '@mantine/core';
import { Spotlight, spotlight, type SpotlightActionGroupData } from '@mantine/spotlight';
import { IconBox, IconComponents, IconSearch, IconSettings, IconUser } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { roleAllows } from '../../shared/policy.js';
import { useMembers } from '../features/members/use-members';
import { useProducts } from '../features/products/use-products';
import { useCurrentWorkspace } from '../lib/use-current-workspace';

/** Spotlight's dialog has no title; give it an accessible name once it is in the DOM. */
function labelDialog() {
  requestAnimationFrame(() => document.querySelector('.sextant-spotlight')?.setAttribute('aria-label', 'Search Sextant'));
}

/** The command palette (Ctrl/⌘ K): jump to pages, products, components and people. */
export function SearchButton() {
  const { workspaceId, role } = useCurrentWorkspace();
  const navigate = useNavigate();
  const productsData = useProducts(workspaceId).data;
  const membersData = useMembers(workspaceId).data;

  const actions = useMemo<SpotlightActionGroupData[]>(() => {
    const products = productsData?.items ?? [];
    const members = membersData?.items ?? [];
    const icon = <IconSettings size={18} aria-hidden />;
    const pages = [
      { id: 'p-home', label: 'Home', onClick: () => void navigate({ to: '/w/$workspaceId', params: { workspaceId } }) },
      { id: 'p-products', label: 'Products', onClick: () => void navigate({ to: '/w/$workspaceId/products', params: { workspaceId } }) },
      { id: 'p-people', label: 'People', onClick: () => void navigate({ to: '/w/$workspaceId/people', params: { workspaceId } }) },
      { id: 'p-profile', label: 'Your profile', onClick: () => void navigate({ to: '/w/$workspaceId/settings/profile', params: { workspaceId } }) },
      { id: 'p-tokens', label: 'API tokens', onClick: () => void navigate({ to: '/w/$workspaceId/settings/tokens', params: { workspaceId } }) },
      { id: 'p-workspace', label: 'Workspace settings', onClick: () => void navigate({ to: '/w/$workspaceId/settings/workspace', params: { workspaceId } }) },
      ...(roleAllows(role, 'invitation.read')
        ? [{ id: 'p-members', label: 'Members and invitations', onClick: () => void navigate({ to: '/w/$workspaceId/settings/members', params: { workspaceId } }) }]
        : []),
      ...(roleAllows(role, 'audit.read')
        ? [{ id: 'p-audit', label: 'Audit log', onClick: () => void navigate({ to: '/w/$workspaceId/settings/audit', params: { workspaceId } }) }]
        : []),
      ...(roleAllows(role, 'strategy.read')
        ? [
            { id: 'p-strategy', label: 'Strategy', onClick: () => void navigate({ to: '/w/$workspaceId/strategy', params: { workspaceId } }) },
            { id: 'p-pillars', label: 'Strategic pillars', onClick: () => void navigate({ to: '/w/$workspaceId/strategy/pillars', params: { workspaceId } }) },
          ]
        : []),
      ...(roleAllows(role, 'okr.read') ? [{ id: 'p-okrs', label: 'OKRs', onClick: () => void navigate({ to: '/w/$workspaceId/okrs', params: { workspaceId } }) }] : []),
      ...(roleAllows(role, 'metric.read') ? [{ id: 'p-metrics', label: 'Metrics', onClick: () => void navigate({ to: '/w/$workspaceId/metrics', params: { workspaceId } }) }] : []),
      ...(roleAllows(role, 'drift.read')
        ? [{ id: 'p-drift', label: 'Coverage and drift', onClick: () => void navigate({ to: '/w/$workspaceId/strategy/drift', params: { workspaceId } }) }]
        : []),
      ...(roleAllows(role, 'coaching.read')
        ? [
            { id: 'p-my-coaching', label: 'My coaching', onClick: () => void navigate({ to: '/w/$workspaceId/coaching/me', params: { workspaceId } }) },
            { id: 'p-assessments', label: 'Assessments', onClick: () => void navigate({ to: '/w/$workspaceId/coaching/assessments', params: { workspaceId } }) },
            { id: 'p-sessions', label: 'Coaching sessions', onClick: () => void navigate({ to: '/w/$workspaceId/coaching/sessions', params: { workspaceId } }) },
            { id: 'p-journal', label: 'Reasoning journal', onClick: () => void navigate({ to: '/w/$workspaceId/coaching/journal', params: { workspaceId } }) },
            { id: 'p-growth', label: 'Growth plans', onClick: () => void navigate({ to: '/w/$workspaceId/coaching/growth', params: { workspaceId } }) },
            { id: 'p-learning', label: 'Learning log', onClick: () => void navigate({ to: '/w/$workspaceId/coaching/learning', params: { workspaceId } }) },
          ]
        : []),
      ...(roleAllows(role, 'coaching.team')
        ? [{ id: 'p-coaching-team', label: 'Coaching team view', onClick: () => void navigate({ to: '/w/$workspaceId/coaching/team', params: { workspaceId } }) }]
        : []),
      ...(roleAllows(role, 'ladder.read')
        ? [{ id: 'p-ladder', label: 'Career ladder', onClick: () => void navigate({ to: '/w/$workspaceId/coaching/ladder', params: { workspaceId } }) }]
        : []),
      ...(roleAllows(role, 'framework.read')
        ? [{ id: 'p-frameworks', label: 'Competency frameworks', onClick: () => void navigate({ to: '/w/$workspaceId/coaching/frameworks', params: { workspaceId } }) }]
        : []),
    ].map((a) => ({ ...a, leftSection: icon }));
    const goProduct = (productId: string) => () => void navigate({ to: '/w/$workspaceId/products/$productId', params: { workspaceId, productId } });
    return [
      { group: 'Pages', actions: pages },
      {
        group: 'Products',
        actions: products.map((p) => ({ id: `pr-${p.id}`, label: p.name, description: p.description || undefined, onClick: goProduct(p.id), leftSection: <IconBox size={18} aria-hidden /> })),
      },
      {
        group: 'Components',
        actions: products.flatMap((p) =>
          p.components.map((c) => ({
            id: `c-${c.id}`,
            label: c.name,
            description: `${p.name}${c.owner ? ` · ${c.owner.name}` : ''}`,
            onClick: goProduct(p.id),
            leftSection: <IconComponents size={18} aria-hidden />,
          })),
        ),
      },
      {
        group: 'People',
        actions: members.map((m) => ({
          id: `m-${m.id}`,
          label: m.name,
          description: m.title || m.email,
          onClick: () => void navigate({ to: '/w/$workspaceId/people', params: { workspaceId }, hash: `member-${m.id}` }),
          leftSection: <IconUser size={18} aria-hidden />,
        })),
      },
    ].filter((g) => g.actions.length > 0);
  }, [productsData, membersData, navigate, workspaceId, role]);

  return (
    <>
      <Tooltip label="Search (Ctrl K)">
        <Button
          variant="default"
          size="sm"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={<Kbd size="xs" visibleFrom="md">Ctrl K</Kbd>}
          onClick={spotlight.open}
          aria-label="Search"
          aria-keyshortcuts="Control+K Meta+K"
          fw={400}
        >
          <Text size="sm" c="dimmed" visibleFrom="sm">
            Search
          </Text>
        </Button>
      </Tooltip>
      <Spotlight
        actions={actions}
        shortcut={['mod + K']}
        nothingFound="Nothing matches."
        highlightQuery
        limit={7}
        classNames={{ content: 'sextant-spotlight' }}
        onSpotlightOpen={labelDialog}
        searchProps={{ leftSection: <IconSearch size={18} aria-hidden />, placeholder: 'Search pages, products, components, people…', 'aria-label': 'Search' }}
      />
    </>
  );
}
