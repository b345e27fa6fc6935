import { Badge, Button, Group, Paper, Select, Stack, Switch, Title } from '@mantine/core';
import { IconGitFork, IconPackage } from '@tabler/icons-react';
import { useState } from 'react';
import { ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../components/QueryState';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { useProducts } from '../products/use-products';
import { ConflictsTable } from './ConflictsTable';
import { DependencyGraphView } from './DependencyGraphView';
import { useDependencyConflicts, useDependencyGraph } from './use-dependencies';

/** The product's dependency graph and the list of its conflicts. */
function ProductDependencies({ workspaceId, productId }: { workspaceId: string; productId: string }) {
  const graph = useDependencyGraph(workspaceId, productId);
  const conflicts = useDependencyConflicts(workspaceId, productId);
  const [onlyConflicts, setOnlyConflicts] = useState(false);

  if (graph.isPending) return <LoadingRows rows={6} height={60} />;
  if (graph.isError) return <ErrorState error={graph.error} onRetry={() => void graph.refetch()} title="Could not load the dependency graph" />;
  if (graph.data.edges.length === 0) {
    return (
      <EmptyState
        icon={<IconGitFork size={24} aria-hidden />}
        title="No dependencies in this product yet"
        description="Open a feature and add what it needs under Dependencies. They show here, across components and products, with any conflict in red."
        action={
          <ButtonLink to="/w/$workspaceId/features" params={{ workspaceId }} variant="default">
            Go to features
          </ButtonLink>
        }
      />
    );
  }
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="lg">
            Graph
          </Title>
          <Switch label="Only conflicts" checked={onlyConflicts} onChange={(e) => setOnlyConflicts(e.currentTarget.checked)} disabled={graph.data.conflictCount === 0} />
        </Group>
        <DependencyGraphView workspaceId={workspaceId} graph={graph.data} onlyConflicts={onlyConflicts} />
      </Paper>
      <section aria-labelledby="dep-conflicts-title">
        <Group gap="xs" mb="sm">
          <Title order={2} fz="lg" id="dep-conflicts-title">
            Conflicts
          </Title>
          {conflicts.data ? <Badge color={conflicts.data.total ? 'red' : 'teal'}>{conflicts.data.total}</Badge> : null}
        </Group>
        {conflicts.isPending ? (
          <LoadingRows rows={3} />
        ) : conflicts.isError ? (
          <ErrorState error={conflicts.error} onRetry={() => void conflicts.refetch()} title="Could not load the conflicts" />
        ) : (
          <ConflictsTable workspaceId={workspaceId} items={conflicts.data.items} />
        )}
      </section>
    </Stack>
  );
}

/** Dependencies (/dependencies): pick a product, see its dependency graph and what is in conflict. */
export function DependenciesPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const products = useProducts(workspaceId);
  const [picked, setPicked] = useState<string | null>(null);
  const items = products.data?.items ?? [];
  const productId = picked && items.some((p) => p.id === picked) ? picked : (items[0]?.id ?? null);

  return (
    <>
      <PageHeader
        title="Dependencies"
        description="What each feature needs first, across components, and where the plan does not add up."
        actions={
          items.length > 1 ? (
            <Select
              label="Product"
              data={items.map((p) => ({ value: p.id, label: p.name }))}
              value={productId}
              onChange={setPicked}
              allowDeselect={false}
              w={240}
              comboboxProps={{ withinPortal: true }}
            />
          ) : null
        }
      />
      {products.isPending ? (
        <LoadingRows rows={6} height={60} />
      ) : products.isError ? (
        <ErrorState error={products.error} onRetry={() => void products.refetch()} />
      ) : !productId ? (
        <EmptyState
          icon={<IconPackage size={24} aria-hidden />}
          title="No products yet"
          description="Dependencies join features of a product's components. Create a product and its components first."
          action={
            can('product.create') ? (
              <ButtonLink to="/w/$workspaceId/products" params={{ workspaceId }}>
                Set up products
              </ButtonLink>
            ) : (
              <Button variant="default" disabled>
                Ask a lead to add products
              </Button>
            )
          }
        />
      ) : (
        <ProductDependencies key={productId} workspaceId={workspaceId} productId={productId} />
      )}
    </>
  );
}
