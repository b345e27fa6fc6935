import { ActionIcon, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPackages, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ProductT } from '../../lib/api/types';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../components/QueryState';
import { notifyError, notifySuccess } from '../../lib/errors';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { useMembers } from '../members/use-members';
import { ComponentsTable } from './ComponentsTable';
import { CreateProductButton, ProductFormModal } from './ProductFormModal';
import { useDeleteProduct, useProducts } from './use-products';

/** Manage every product and its components in one place. */
export function ProductsSettingsPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const products = useProducts(workspaceId);
  const members = useMembers(workspaceId);
  const del = useDeleteProduct(workspaceId);
  const [editing, setEditing] = useState<ProductT | undefined>();

  const confirmDelete = (p: ProductT) =>
    modals.openConfirmModal({
      title: `Delete ${p.name}?`,
      children: <Text size="sm">This deletes the product and its {p.components.length} components. This cannot be undone.</Text>,
      labels: { confirm: 'Delete product', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => del.mutate(p.id, { onSuccess: () => notifySuccess(`${p.name} deleted.`), onError: (e) => notifyError(e, 'Could not delete the product') }),
    });

  return (
    <>
      <PageHeader
        title="Products & components"
        description="Create and rename products, split them into components, and assign owner PMs and teams."
        actions={can('product.create') ? <CreateProductButton workspaceId={workspaceId} /> : null}
      />
      {products.isPending ? (
        <LoadingRows rows={3} height={120} />
      ) : products.isError ? (
        <ErrorState error={products.error} onRetry={() => void products.refetch()} />
      ) : products.data.items.length === 0 ? (
        <EmptyState icon={<IconPackages size={24} aria-hidden />} title="No products yet" description="Create the first product, then add its components." />
      ) : (
        <Stack gap="lg">
          {products.data.items.map((p) => (
            <Paper key={p.id} withBorder radius="md" p="lg">
              <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-start">
                <Stack gap={2} miw={0}>
                  <Title order={2} fz="lg">
                    <AnchorLink to="/w/$workspaceId/products/$productId" params={{ workspaceId, productId: p.id }} c="inherit">
                      {p.name}
                    </AnchorLink>
                  </Title>
                  {p.description ? (
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {p.description}
                    </Text>
                  ) : null}
                </Stack>
                <Group gap={4} wrap="nowrap">
                  {can('product.update') ? (
                    <Tooltip label="Edit product">
                      <ActionIcon variant="subtle" color="gray" aria-label={`Edit product ${p.name}`} onClick={() => setEditing(p)}>
                        <IconPencil size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  ) : null}
                  {can('product.delete') ? (
                    <Tooltip label="Delete product">
                      <ActionIcon variant="subtle" color="red" aria-label={`Delete product ${p.name}`} onClick={() => confirmDelete(p)}>
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  ) : null}
                </Group>
              </Group>
              <ComponentsTable product={p} members={members.data?.items ?? []} />
            </Paper>
          ))}
        </Stack>
      )}
      <ProductFormModal workspaceId={workspaceId} product={editing} opened={Boolean(editing)} onClose={() => setEditing(undefined)} />
    </>
  );
}
