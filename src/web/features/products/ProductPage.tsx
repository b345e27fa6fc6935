import { ActionIcon, Breadcrumbs, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { isApiError } from '../../lib/api/client';
import { AnchorLink, ButtonLink } from '../../components/links';
import { RecordNotFound } from '../../components/ErrorPages';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingRows } from '../../components/QueryState';
import { notifyError, notifySuccess } from '../../lib/errors';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { useMembers } from '../members/use-members';
import { ComponentsTable } from './ComponentsTable';
import { ProductFormModal } from './ProductFormModal';
import { useDeleteProduct, useProduct } from './use-products';

/** One product: its components with owner PM and team. */
export function ProductPage() {
  const { productId } = useParams({ from: '/authed/w/$workspaceId/products/$productId' });
  const { workspaceId, can } = useCurrentWorkspace();
  const product = useProduct(workspaceId, productId);
  const members = useMembers(workspaceId);
  const del = useDeleteProduct(workspaceId);
  const navigate = useNavigate();
  const [editOpen, edit] = useDisclosure(false);

  const crumbs = (
    <Breadcrumbs>
      <AnchorLink to="/w/$workspaceId/products" params={{ workspaceId }} size="sm">
        Products
      </AnchorLink>
      <Text size="sm" c="dimmed">
        {product.data?.name ?? '…'}
      </Text>
    </Breadcrumbs>
  );

  if (product.isPending) {
    return (
      <>
        <PageHeader title="Loading product…" above={crumbs} />
        <LoadingRows rows={4} />
      </>
    );
  }
  if (product.isError) {
    if (isApiError(product.error) && product.error.status === 404) {
      return (
        <RecordNotFound title="Product not found">
          <ButtonLink to="/w/$workspaceId/products" params={{ workspaceId }}>
            See all products
          </ButtonLink>
        </RecordNotFound>
      );
    }
    return (
      <>
        <PageHeader title="Product" above={crumbs} />
        <ErrorState error={product.error} onRetry={() => void product.refetch()} />
      </>
    );
  }

  const p = product.data;
  const canEdit = can('product.update');
  const canDelete = can('product.delete');

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete ${p.name}?`,
      children: (
        <Text size="sm">
          This deletes the product and its {p.components.length} components. This cannot be undone.
        </Text>
      ),
      labels: { confirm: 'Delete product', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        del.mutate(p.id, {
          onSuccess: () => {
            notifySuccess(`${p.name} deleted.`);
            void navigate({ to: '/w/$workspaceId/products', params: { workspaceId } });
          },
          onError: (e) => notifyError(e, 'Could not delete the product'),
        }),
    });

  return (
    <>
      <PageHeader
        above={crumbs}
        title={p.name}
        description={p.description || undefined}
        actions={
          canEdit || canDelete ? (
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label="Product actions">
                  <IconDots size={18} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {canEdit ? (
                  <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={edit.open}>
                    Edit product
                  </Menu.Item>
                ) : null}
                {canDelete ? (
                  <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirmDelete}>
                    Delete product
                  </Menu.Item>
                ) : null}
              </Menu.Dropdown>
            </Menu>
          ) : null
        }
      />
      <Paper withBorder radius="md" p="lg">
        <Stack gap="xs">
          <Title order={2} fz="lg">
            Components
          </Title>
          {members.isError ? <ErrorState error={members.error} title="Could not load the people" onRetry={() => void members.refetch()} /> : null}
          <ComponentsTable product={p} members={members.data?.items ?? []} />
        </Stack>
      </Paper>
      <ProductFormModal workspaceId={workspaceId} product={p} opened={editOpen} onClose={edit.close} />
    </>
  );
}

