import { ActionIcon, Badge, Breadcrumbs, Group, Menu, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconCheck, IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { ReleaseDetail } from '../../../shared/contracts.js';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { notifyError, notifySuccess } from '../../lib/errors';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { RecordState } from '../discovery/RecordState';
import { useProducts } from '../products/use-products';
import { FEATURE_STATUS_COLORS, FEATURE_STATUS_LABELS, RELEASE_STATUS_COLORS, RELEASE_STATUS_LABELS, formatDay, formatNumber } from './labels';
import { ReleaseFormModal } from './ReleaseFormModal';
import { ReleaseNotesEditor } from './ReleaseNotesEditor';
import { useDeleteRelease, useRelease, useUpdateRelease } from './use-releases';

/** The features of a release, by component then title, each linking to its page. */
function ReleaseFeatures({ workspaceId, release }: { workspaceId: string; release: ReleaseDetail }) {
  const estimated = release.features.filter((f) => f.effort !== null);
  const total = estimated.reduce((s, f) => s + (f.effort ?? 0), 0);
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="md">
          Features
        </Title>
        <Text size="sm" c="dimmed">
          {release.shippedCount} of {release.featureCount} shipped{estimated.length ? ` · total effort ${formatNumber(total)}` : ''}
        </Text>
      </Group>
      {release.features.length === 0 ? (
        <Text size="sm" c="dimmed">
          No features in this release yet. Assign a feature to it from the feature’s page.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Features in this release">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Feature</Table.Th>
                <Table.Th>Component</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Effort</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {release.features.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <AnchorLink to="/w/$workspaceId/features/$featureId" params={{ workspaceId, featureId: f.id }} fw={550}>
                      {f.title}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{f.component.name}</Table.Td>
                  <Table.Td>
                    <Badge color={FEATURE_STATUS_COLORS[f.status] ?? 'gray'}>{FEATURE_STATUS_LABELS[f.status] ?? f.status}</Badge>
                  </Table.Td>
                  <Table.Td ta="right">{f.effort === null ? '—' : formatNumber(f.effort)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** One release: its details, the features in it, and the release notes editor. */
export function ReleasePage() {
  const { releaseId } = useParams({ from: '/authed/w/$workspaceId/releases/$releaseId' });
  const { workspaceId, can } = useCurrentWorkspace();
  const release = useRelease(workspaceId, releaseId);
  const products = useProducts(workspaceId);
  const update = useUpdateRelease(workspaceId);
  const del = useDeleteRelease(workspaceId);
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);

  const crumbs = (
    <Breadcrumbs>
      <AnchorLink to="/w/$workspaceId/releases" params={{ workspaceId }} size="sm">
        Releases
      </AnchorLink>
      <Text size="sm" c="dimmed" truncate maw={360}>
        {release.data?.name ?? '…'}
      </Text>
    </Breadcrumbs>
  );

  if (!release.data) {
    return (
      <RecordState
        query={release}
        noun="Release"
        crumbs={crumbs}
        back={
          <ButtonLink to="/w/$workspaceId/releases" params={{ workspaceId }}>
            See all releases
          </ButtonLink>
        }
      />
    );
  }

  const r = release.data;
  const product = products.data?.items.find((p) => p.id === r.productId);
  const canEdit = can('release.update');
  const canDelete = can('release.delete');

  const markReleased = () =>
    update.mutate(
      { releaseId: r.id, version: r.version, status: 'released' },
      { onSuccess: () => notifySuccess(`${r.name} is marked released.`), onError: (e) => notifyError(e, 'Could not mark the release released') },
    );

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete “${r.name}”?`,
      children: <Text size="sm">The release and its notes are removed. Its {r.featureCount} features stay, without a release. This cannot be undone.</Text>,
      labels: { confirm: 'Delete release', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        del.mutate(r.id, {
          onSuccess: () => {
            notifySuccess('Release deleted.');
            void navigate({ to: '/w/$workspaceId/releases', params: { workspaceId } });
          },
          onError: (e) => notifyError(e, 'Could not delete the release'),
        }),
    });

  return (
    <>
      <PageHeader
        above={crumbs}
        title={r.name}
        description={
          <Group gap="xs" component="span">
            <Badge component="span" color={RELEASE_STATUS_COLORS[r.status]}>
              {RELEASE_STATUS_LABELS[r.status]}
            </Badge>
            <span>
              {formatDay(r.date)}
              {product ? ` · ${product.name}` : ''}
            </span>
          </Group>
        }
        actions={
          canEdit || canDelete ? (
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label="Release actions">
                  <IconDots size={18} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {canEdit ? (
                  <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                    Edit release
                  </Menu.Item>
                ) : null}
                {canEdit && r.status !== 'released' ? (
                  <Menu.Item leftSection={<IconCheck size={16} aria-hidden />} onClick={markReleased}>
                    Mark released
                  </Menu.Item>
                ) : null}
                {canDelete ? (
                  <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirmDelete}>
                    Delete release
                  </Menu.Item>
                ) : null}
              </Menu.Dropdown>
            </Menu>
          ) : null
        }
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <Title order={2} fz="md" mb={4}>
            About this release
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={r.description ? undefined : 'dimmed'}>
            {r.description || 'No description yet.'}
          </Text>
          <Group gap={6} mt="sm">
            <Text size="sm" c="dimmed">
              Components:
            </Text>
            {r.components.length ? (
              r.components.map((c) => (
                <Badge key={c.id} color="gray" variant="outline" component="span">
                  {c.name}
                </Badge>
              ))
            ) : (
              <Text size="sm" c="dimmed">
                none
              </Text>
            )}
          </Group>
        </Paper>
        <ReleaseFeatures workspaceId={workspaceId} release={r} />
        <ReleaseNotesEditor workspaceId={workspaceId} release={r} canEdit={canEdit} />
      </Stack>
      {product ? <ReleaseFormModal workspaceId={workspaceId} product={product} release={r} opened={editing} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
