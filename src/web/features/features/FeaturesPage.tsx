import { Button, Group, Text } from '@mantine/core';
import { IconBulb, IconPlus } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../components/QueryState';
import { plural } from '../../lib/format';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { FeatureFilterBar } from './FeatureFilterBar';
import { FeatureFormModal } from './FeatureFormModal';
import { FeatureTable } from './FeatureTable';
import { useFeaturePages, type FeatureFilters } from './use-features';

/** The features of every component: filter, search and open them; create one. */
export function FeaturesPage() {
  const { workspaceId, can, role } = useCurrentWorkspace();
  const [filters, setFilters] = useState<FeatureFilters>({});
  const [creating, setCreating] = useState(false);
  const pages = useFeaturePages(workspaceId, filters);
  const items = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const filtered = Object.values(filters).some((v) => typeof v === 'string' && v !== '');
  const canCreate = can('feature.create');
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  const newButton = canCreate ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      New feature
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title="Features"
        description={
          role === 'viewer' ? 'What the product teams are building, as shared with stakeholders.' : 'Solutions per component, with their status, plans, requirements and the evidence behind them.'
        }
        actions={newButton}
      />
      {pages.isPending ? (
        <LoadingRows rows={8} />
      ) : pages.isError && !pages.data ? (
        <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />
      ) : items.length === 0 && !filtered ? (
        <EmptyState
          icon={<IconBulb size={24} aria-hidden />}
          title="No features yet"
          description={canCreate ? 'A feature is a solution a team may build, in one component. Create one, then write its requirements and link the evidence for it.' : 'PMs and leads add features to their components.'}
          action={newButton}
        />
      ) : (
        <>
          <FeatureFilterBar workspaceId={workspaceId} filters={filters} onChange={setFilters} />
          <Group justify="space-between" mb={6}>
            <Text size="sm" c="dimmed" aria-live="polite">
              {pages.isFetching && !isFetchingNextPage ? 'Loading…' : `${plural(items.length, 'feature')}${hasNextPage ? ' so far' : ''}, most recently changed first`}
            </Text>
          </Group>
          {items.length === 0 ? (
            <EmptyState title="No feature matches these filters" description="Clear a filter or search for other words." />
          ) : (
            <FeatureTable workspaceId={workspaceId} items={items} hasMore={Boolean(hasNextPage)} loadingMore={isFetchingNextPage} onLoadMore={loadMore} />
          )}
        </>
      )}
      <FeatureFormModal workspaceId={workspaceId} defaultComponentId={filters.componentId} opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
