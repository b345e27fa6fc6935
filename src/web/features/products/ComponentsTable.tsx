import { ActionIcon, Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { ComponentT, MemberT, ProductT } from '../../lib/api/types';
import { EmptyState } from '../../components/QueryState';
import { notifyError, notifySuccess } from '../../lib/errors';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { ComponentFormModal } from './ComponentFormModal';
import { ComponentTeam } from './ComponentTeam';
import { useDeleteComponent } from './use-products';

/** A product's components with owner and team; edit and delete where the policy allows. */
export function ComponentsTable({ product, members }: { product: ProductT; members: MemberT[] }) {
  const { workspaceId, can, memberId } = useCurrentWorkspace();
  const memberMap = useMemo(() => new Map(members.map((m) => [m.id, m])), [members]);
  const del = useDeleteComponent(workspaceId);
  const [editing, setEditing] = useState<ComponentT | undefined>();
  const [open, setOpen] = useState(false);
  const canCreate = can('component.create');
  const unowned = product.components.filter((c) => !c.ownerId).length;

  const openCreate = () => {
    setEditing(undefined);
    setOpen(true);
  };

  const confirmDelete = (c: ComponentT) =>
    modals.openConfirmModal({
      title: `Delete ${c.name}?`,
      children: <Text size="sm">The component and its team assignment are removed from {product.name}. This cannot be undone.</Text>,
      labels: { confirm: 'Delete component', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        del.mutate(
          { productId: product.id, componentId: c.id },
          { onSuccess: () => notifySuccess(`${c.name} deleted.`), onError: (e) => notifyError(e, 'Could not delete the component') },
        ),
    });

  const modal = (
    <ComponentFormModal workspaceId={workspaceId} productId={product.id} component={editing} members={members} opened={open} onClose={() => setOpen(false)} />
  );

  if (product.components.length === 0) {
    return (
      <>
        <EmptyState
          title="No components yet"
          description={
            canCreate
              ? 'Split the product into the apps or areas a team owns. Each component gets an owner PM and a team.'
              : 'A product lead or admin adds components: the apps or areas each team owns.'
          }
          action={
            canCreate ? (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
                Add component
              </Button>
            ) : null
          }
        />
        {modal}
      </>
    );
  }

  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed">
          {product.components.length} {product.components.length === 1 ? 'component' : 'components'}
          {unowned > 0 ? ` · ${unowned} without an owner` : ''}
        </Text>
        {canCreate ? (
          <Button size="sm" variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
            Add component
          </Button>
        ) : null}
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Component</Table.Th>
              <Table.Th>Owner PM</Table.Th>
              <Table.Th>Team</Table.Th>
              <Table.Th w={100}>
                <span className="sr-only">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {product.components.map((c) => {
              const canEdit = can('component.update', { ownerIds: [c.ownerId] });
              const canDelete = can('component.delete');
              return (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text size="sm" fw={600}>
                        {c.name}
                      </Text>
                      {c.description ? (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {c.description}
                        </Text>
                      ) : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {c.owner ? (
                      <Group gap={6}>
                        <Text size="sm">{c.owner.name}</Text>
                        {c.ownerId === memberId ? <Badge size="xs">You</Badge> : null}
                      </Group>
                    ) : (
                      <Badge color="orange">No owner</Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <ComponentTeam memberIds={c.teamMemberIds} members={memberMap} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {canEdit ? (
                        <Tooltip label="Edit">
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={`Edit ${c.name}`}
                            onClick={() => {
                              setEditing(c);
                              setOpen(true);
                            }}
                          >
                            <IconPencil size={18} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      ) : null}
                      {canDelete ? (
                        <Tooltip label="Delete">
                          <ActionIcon variant="subtle" color="red" aria-label={`Delete ${c.name}`} onClick={() => confirmDelete(c)}>
                            <IconTrash size={18} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {modal}
    </>
  );
}
