import { Anchor, Badge, Breadcrumbs, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useNavigate, useParams } from '@tanstack/react-router';
import { IconPencil, IconPlus, IconTargetArrow, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { AnchorLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { isApiError } from '../../../lib/api/client';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { formatDate, plural } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { useProducts } from '../../products/use-products';
import { KeyResultCard } from './KeyResultCard';
import { KeyResultFormModal } from './KeyResultFormModal';
import { ObjectiveFormModal } from './ObjectiveFormModal';
import { ConfidenceBadge, OwnerChip, ProgressBar } from './okr-bits';
import { OBJECTIVE_STATUS_LABELS } from './okr-format';
import { useDeleteObjective, useObjective, useOkrTree } from './use-okrs';

/** One objective: its header (editable), key results with check-ins, charts and driving features, and the objectives aligned to it. */
export function ObjectivePage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const { objectiveId } = useParams({ strict: false }) as { objectiveId: string };
  const navigate = useNavigate();
  const objective = useObjective(workspaceId, objectiveId);
  const products = useProducts(workspaceId);
  const o = objective.data;
  // The period's tree gives the parent choices (its own subtree left out).
  const tree = useOkrTree(workspaceId, o?.productId ?? null, o?.periodId ?? null);
  const remove = useDeleteObjective(workspaceId);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [aligning, setAligning] = useState(false);

  const componentOwnerId = useMemo(() => {
    if (!o?.componentId) return null;
    return products.data?.items.find((p) => p.id === o.productId)?.components.find((c) => c.id === o.componentId)?.ownerId ?? null;
  }, [o, products.data]);
  const parents = useMemo(() => {
    const nodes = tree.data?.nodes ?? [];
    if (!o) return [];
    const below = new Set<string>([o.id]);
    for (const n of nodes) if (n.parentId && below.has(n.parentId)) below.add(n.id);
    return nodes.filter((n) => !below.has(n.id)).map((n) => ({ id: n.id, title: n.title, depth: n.depth }));
  }, [tree.data, o]);
  const allNodes = (tree.data?.nodes ?? []).map((n) => ({ id: n.id, title: n.title, depth: n.depth }));

  if (objective.isPending) return <LoadingRows rows={6} height={72} />;
  if (objective.isError || !o) {
    const missing = isApiError(objective.error) && objective.error.status === 404;
    return missing ? (
      <EmptyState title="Objective not found" description="It may have been deleted." action={<AnchorLink to="/w/$workspaceId/okrs" params={{ workspaceId }}>Back to OKRs</AnchorLink>} />
    ) : (
      <ErrorState error={objective.error} onRetry={() => void objective.refetch()} />
    );
  }

  const canWrite = can('objective.write', { ownerIds: [o.ownerId, componentOwnerId] });
  const okrsSearch = { productId: o.productId, periodId: o.periodId };
  const askDelete = () =>
    modals.openConfirmModal({
      title: `Delete “${o.title}”?`,
      children: (
        <Text size="sm">
          Its {plural(o.keyResults.length, 'key result')} and their check-ins go with it; {o.children.length ? `its ${plural(o.children.length, 'aligned objective')} stay, without a parent` : 'nothing is aligned to it'}.
        </Text>
      ),
      labels: { confirm: 'Delete', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(o.id, {
          onSuccess: () => {
            notifySuccess('Objective deleted');
            void navigate({ to: '/w/$workspaceId/okrs', params: { workspaceId }, search: okrsSearch });
          },
          onError: (e) => notifyError(e, 'Could not delete the objective'),
        }),
    });

  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs separator="›">
            <AnchorLink size="sm" to="/w/$workspaceId/okrs" params={{ workspaceId }} search={okrsSearch}>
              OKRs: {o.product.name}, {o.period.name}
            </AnchorLink>
            {o.parent ? (
              <AnchorLink size="sm" to="/w/$workspaceId/okrs/$objectiveId" params={{ workspaceId, objectiveId: o.parent.id }}>
                {o.parent.title}
              </AnchorLink>
            ) : null}
            <Anchor size="sm" component="span" c="dimmed" aria-current="page">
              {o.title}
            </Anchor>
          </Breadcrumbs>
        }
        title={o.title}
        description={o.description || undefined}
        actions={
          canWrite ? (
            <Group gap="xs">
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                Edit
              </Button>
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={askDelete}>
                Delete
              </Button>
            </Group>
          ) : undefined
        }
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <Group gap="lg" wrap="wrap">
            <ProgressBar value={o.progress} label={`Progress of ${o.title}`} w={240} />
            <ConfidenceBadge confidence={o.worstConfidence} status={o.worstStatus} prefix={o.keyResultCount > 1 ? 'Worst: ' : ''} />
            <OwnerChip owner={o.owner} />
            <Badge variant="light" color={o.componentId ? 'grape' : 'indigo'}>
              {o.component ? `Component: ${o.component.name}` : `Product: ${o.product.name}`}
            </Badge>
            {o.pillar ? (
              <Badge variant="outline" color="cyan">
                Pillar: {o.pillar.name}
              </Badge>
            ) : null}
            <Badge variant="light" color={o.status === 'active' ? 'blue' : o.status === 'achieved' ? 'teal' : 'gray'}>
              {OBJECTIVE_STATUS_LABELS[o.status]}
            </Badge>
            <Text size="sm" c="dimmed">
              {o.period.name}: {formatDate(o.period.start)} – {formatDate(o.period.end)}
            </Text>
          </Group>
        </Paper>

        <Stack gap="sm" component="section" aria-labelledby="key-results-heading">
          <Group justify="space-between">
            <Title order={2} fz="lg" id="key-results-heading">
              Key results
            </Title>
            {canWrite && o.keyResults.length ? (
              <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
                Add key result
              </Button>
            ) : null}
          </Group>
          {o.keyResults.length ? (
            o.keyResults.map((kr) => <KeyResultCard key={kr.id} workspaceId={workspaceId} kr={kr} objective={o} componentOwnerId={componentOwnerId} />)
          ) : (
            <EmptyState
              icon={<IconTargetArrow size={24} aria-hidden />}
              title="No key results yet"
              description={o.children.length ? 'Progress rolls up from the aligned objectives until key results are added.' : 'Key results say how you will know the objective is met.'}
              action={canWrite ? <Button onClick={() => setAdding(true)}>Add key result</Button> : undefined}
            />
          )}
        </Stack>

        <Stack gap="sm" component="section" aria-labelledby="children-heading">
          <Group justify="space-between">
            <Title order={2} fz="lg" id="children-heading">
              Aligned objectives
            </Title>
            {can('objective.write', { ownerIds: [o.ownerId, componentOwnerId] }) ? (
              <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAligning(true)}>
                Align a new objective
              </Button>
            ) : null}
          </Group>
          {o.children.length ? (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {o.children.map((c) => (
                <Paper key={c.id} withBorder radius="md" p="sm" component="li">
                  <Group justify="space-between" wrap="wrap">
                    <Stack gap={2}>
                      <AnchorLink fw={600} to="/w/$workspaceId/okrs/$objectiveId" params={{ workspaceId, objectiveId: c.id }}>
                        {c.title}
                      </AnchorLink>
                      <Text size="xs" c="dimmed">
                        {c.component?.name ?? 'Product'} · {plural(c.keyResultCount, 'key result')}
                      </Text>
                    </Stack>
                    <Group gap="md">
                      <OwnerChip owner={c.owner} />
                      <ProgressBar value={c.progress} label={`Progress of ${c.title}`} />
                      <ConfidenceBadge confidence={c.worstConfidence} status={c.worstStatus} />
                    </Group>
                  </Group>
                </Paper>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              No objectives are aligned to this one yet.
            </Text>
          )}
        </Stack>
      </Stack>
      {canWrite ? (
        <>
          <ObjectiveFormModal workspaceId={workspaceId} productId={o.productId} periodId={o.periodId} opened={editing} onClose={() => setEditing(false)} parents={parents} objective={o} />
          {adding ? <KeyResultFormModal workspaceId={workspaceId} objective={o} opened onClose={() => setAdding(false)} /> : null}
          <ObjectiveFormModal
            workspaceId={workspaceId}
            productId={o.productId}
            periodId={o.periodId}
            opened={aligning}
            onClose={() => setAligning(false)}
            parents={allNodes}
            defaultParentId={o.id}
          />
        </>
      ) : null}
    </>
  );
}
