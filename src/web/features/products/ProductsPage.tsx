import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBox } from '@tabler/icons-react';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../components/QueryState';
import { plural } from '../../lib/format';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { CreateProductButton } from './ProductFormModal';
import { useProducts } from './use-products';

/** All products of the workspace, each a card linking to its page. */
export function ProductsPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const products = useProducts(workspaceId);
  const action = can('product.create') ? <CreateProductButton workspaceId={workspaceId} /> : null;

  return (
    <>
      <PageHeader title="Products" description="Each product is made of components, each owned by a PM with a team." actions={action} />
      {products.isPending ? (
        <LoadingRows rows={3} height={110} />
      ) : products.isError ? (
        <ErrorState error={products.error} onRetry={() => void products.refetch()} />
      ) : products.data.items.length === 0 ? (
        <EmptyState
          icon={<IconBox size={24} aria-hidden />}
          title="No products yet"
          description={can('product.create') ? 'Create the product you lead; then add its components.' : 'A product lead or admin creates products.'}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
          {products.data.items.map((p) => {
            const unowned = p.components.filter((c) => !c.ownerId).length;
            const people = new Set(p.components.flatMap((c) => c.teamMemberIds)).size;
            return (
              <Card key={p.id} withBorder radius="md" padding="lg">
                <Stack gap="xs">
                  <Title order={2} fz="md">
                    <AnchorLink to="/w/$workspaceId/products/$productId" params={{ workspaceId, productId: p.id }} c="inherit">
                      {p.name}
                    </AnchorLink>
                  </Title>
                  <Text size="sm" c="dimmed" lineClamp={2} mih={40}>
                    {p.description || 'No description yet.'}
                  </Text>
                  <Group gap="xs">
                    <Badge color="gray">{plural(p.components.length, 'component')}</Badge>
                    <Badge color="gray">{plural(people, 'person', 'people')} on teams</Badge>
                    {unowned > 0 ? <Badge color="orange">{unowned} without owner</Badge> : null}
                  </Group>
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
    </>
  );
}
