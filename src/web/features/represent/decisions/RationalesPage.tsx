import { ActionIcon, Badge, Button, Card, Group, Menu, Stack, Switch, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconArrowDown, IconArrowUp, IconDots, IconMessageCircleOff, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Rationale } from '../../../../shared/contracts.js';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { plural } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { MarkdownView } from '../../features/MarkdownView';
import { useProducts } from '../../products/use-products';
import { usePillarOptions } from '../../strategy/pillars/use-pillars';
import { RationaleFormModal } from './RationaleFormModal';
import { useDeleteRationale, useRationales, useUpdateRationale } from './use-decisions';

/**
 * Settings: the reusable reasons to say no that triage offers when declining. Leads and admins add,
 * edit, reorder, deactivate and delete them; everyone who triages reads them.
 */
export function RationalesPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const manage = can('rationale.manage');
  const [showInactive, setShowInactive] = useState(false);
  const list = useRationales(workspaceId, showInactive);
  const products = useProducts(workspaceId);
  const pillars = usePillarOptions(workspaceId, products.data?.items ?? []);
  const update = useUpdateRationale(workspaceId);
  const remove = useDeleteRationale(workspaceId);
  const [editing, setEditing] = useState<Rationale | 'new' | null>(null);
  const items = list.data?.items ?? [];
  const active = items.filter((r) => r.active);

  // Reordering swaps positions with the neighbour among the active templates.
  const move = async (r: Rationale, dir: -1 | 1) => {
    const i = active.findIndex((x) => x.id === r.id);
    const other = active[i + dir];
    if (!other) return;
    const [a, b] = r.position === other.position ? [other.position + (dir === 1 ? 1 : 0), r.position + (dir === 1 ? 0 : 1)] : [other.position, r.position];
    try {
      await update.mutateAsync({ rationaleId: r.id, version: r.version, position: a });
      await update.mutateAsync({ rationaleId: other.id, version: other.version, position: b });
    } catch (e) {
      notifyError(e, 'Could not reorder');
    }
  };
  const toggle = (r: Rationale) =>
    update.mutate(
      { rationaleId: r.id, version: r.version, active: !r.active },
      { onSuccess: () => notifySuccess(r.active ? 'Rationale deactivated: no longer offered.' : 'Rationale offered again.'), onError: (e) => notifyError(e) },
    );
  const confirmDelete = (r: Rationale) =>
    modals.openConfirmModal({
      title: `Delete “${r.title}”?`,
      children: (
        <Text size="sm">
          {r.usageCount
            ? `${plural(r.usageCount, 'decision')} used it; they keep their rationale text but lose the link. Deactivating keeps the link.`
            : 'No decision used it yet.'}
        </Text>
      ),
      labels: { confirm: 'Delete', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(r.id, { onSuccess: () => notifySuccess('Rationale deleted.'), onError: (e) => notifyError(e) }),
    });

  return (
    <>
      <PageHeader
        title="Rationale templates"
        description="Reusable reasons to say no. Triage offers the active ones, in this order, when declining a request."
        actions={
          <Group gap="sm">
            <Switch label="Show inactive" checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} />
            {manage ? (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                New rationale
              </Button>
            ) : null}
          </Group>
        }
      />
      {list.isPending ? (
        <LoadingRows rows={3} height={96} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconMessageCircleOff size={24} aria-hidden />}
          title={showInactive ? 'No rationale yet' : 'No active rationale'}
          description={showInactive ? 'Add one to offer it when declining.' : 'Every template is inactive. Show inactive ones to reactivate them, or add a new one.'}
          action={manage ? <Button onClick={() => setEditing('new')}>New rationale</Button> : undefined}
        />
      ) : (
        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((r) => {
            const i = active.findIndex((x) => x.id === r.id);
            return (
              <Card key={r.id} withBorder radius="md" padding="md" component="li" opacity={r.active ? 1 : 0.7}>
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Stack gap={6} miw={0}>
                    <Group gap="xs">
                      <Text fw={600}>{r.title}</Text>
                      {!r.active ? <Badge color="gray">Inactive</Badge> : null}
                      {r.pillar ? <Badge variant="light">Pillar: {r.pillar.name}</Badge> : null}
                    </Group>
                    {r.body ? <MarkdownView>{r.body}</MarkdownView> : <Text size="sm" c="dimmed">No explanation</Text>}
                    <Text size="xs" c="dimmed">
                      Used by {plural(r.usageCount, 'decision')}
                    </Text>
                  </Stack>
                  {manage ? (
                    <Group gap={4} wrap="nowrap">
                      {r.active ? (
                        <>
                          <ActionIcon variant="subtle" aria-label={`Move “${r.title}” up`} disabled={i <= 0 || update.isPending} onClick={() => void move(r, -1)}>
                            <IconArrowUp size={16} aria-hidden />
                          </ActionIcon>
                          <ActionIcon variant="subtle" aria-label={`Move “${r.title}” down`} disabled={i === active.length - 1 || update.isPending} onClick={() => void move(r, 1)}>
                            <IconArrowDown size={16} aria-hidden />
                          </ActionIcon>
                        </>
                      ) : null}
                      <Menu position="bottom-end">
                        <Menu.Target>
                          <ActionIcon variant="subtle" aria-label={`Actions for “${r.title}”`}>
                            <IconDots size={16} aria-hidden />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(r)}>
                            Edit
                          </Menu.Item>
                          <Menu.Item onClick={() => toggle(r)}>{r.active ? 'Deactivate' : 'Reactivate'}</Menu.Item>
                          <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => confirmDelete(r)}>
                            Delete
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Group>
                  ) : null}
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
      <RationaleFormModal
        workspaceId={workspaceId}
        rationale={editing && editing !== 'new' ? editing : undefined}
        pillarGroups={pillars.groups}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
