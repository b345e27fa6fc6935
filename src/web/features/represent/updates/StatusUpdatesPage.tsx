import { ActionIcon, Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconAlarm, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import type { StatusUpdate } from '../../../../shared/contracts.js';
import { roleAllows } from '../../../../shared/policy.js';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { formatDate, formatRelative } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { useComponentOptions } from '../../discovery/use-components';
import { MarkdownView } from '../../features/MarkdownView';
import { HealthBadge } from './status-bits';
import { UpdateEditorModal } from './UpdateEditorModal';
import { useDeleteStatusUpdate, useDueUpdates, useStatusUpdates } from './use-status-updates';

type Editor = { editing: StatusUpdate | null; componentId: string | null; period: string } | null;

/** Status updates: a feed by component and period with health badges, the components due this week, and the editor prefilled from live data. */
export function StatusUpdatesPage() {
  const { workspaceId, role, can } = useCurrentWorkspace();
  const search = useSearch({ strict: false }) as { componentId?: string; period?: string };
  const navigate = useNavigate();
  const components = useComponentOptions(workspaceId);
  const updates = useStatusUpdates(workspaceId, { componentId: search.componentId, period: search.period });
  const due = useDueUpdates(workspaceId);
  const remove = useDeleteStatusUpdate(workspaceId);
  const [editor, setEditor] = useState<Editor>(null);
  const [periodInput, setPeriodInput] = useState(search.period ?? '');

  const week = due.data?.period ?? '';
  const mayWrite = (componentId: string) => can('update.write', { ownerIds: components.ownerIdsOf([componentId]) });
  const writable = useMemo(
    () => components.grouped.map((g) => ({ group: g.group, items: g.items.filter((i) => can('update.write', { ownerIds: components.ownerIdsOf([i.value]) })) })).filter((g) => g.items.length),
    [components, can],
  );
  const setFilter = (patch: { componentId?: string; period?: string }) =>
    void navigate({ to: '.', search: (prev: Record<string, unknown>) => ({ ...prev, ...patch }) as never, replace: true });

  // Grouped by period, latest first (the API answers newest first).
  const byPeriod = useMemo(() => {
    const groups = new Map<string, StatusUpdate[]>();
    for (const u of updates.data?.items ?? []) groups.set(u.period, [...(groups.get(u.period) ?? []), u]);
    return [...groups.entries()];
  }, [updates.data]);

  const confirmDelete = (u: StatusUpdate) =>
    modals.openConfirmModal({
      title: 'Delete this status update?',
      children: <Text size="sm">The {u.period} update of {u.component.name} is removed for everyone.</Text>,
      labels: { confirm: 'Delete', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(u.id, { onSuccess: () => notifySuccess('Status update deleted'), onError: (e) => notifyError(e) }),
    });

  const canWriteAny = roleAllows(role, 'update.write') && writable.length > 0;
  const firstDueMine = due.data?.items.find((i) => mayWrite(i.component.id));

  return (
    <>
      <PageHeader
        title="Status updates"
        description="One update per component and period: health, summary, highlights, risks and asks, drafted from what actually happened."
        actions={
          canWriteAny ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditor({ editing: null, componentId: search.componentId && mayWrite(search.componentId) ? search.componentId : (firstDueMine?.component.id ?? null), period: week })}>
              Write this week&apos;s update
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="due-title">
          <Stack gap="sm">
            <Group gap="xs">
              <IconAlarm size={18} aria-hidden />
              <Title order={2} fz="md" id="due-title">
                Due this week{week ? ` (${week})` : ''}
              </Title>
            </Group>
            {due.isLoading ? (
              <LoadingRows rows={2} height={36} />
            ) : due.error ? (
              <ErrorState error={due.error} onRetry={() => void due.refetch()} />
            ) : !due.data?.items.length ? (
              <Text size="sm" c="dimmed">
                Every component has its update for {week}.
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
                {due.data.items.map((d) => (
                  <Paper key={d.component.id} withBorder radius="sm" p="xs" bg={d.overdue ? 'var(--mantine-color-orange-light)' : undefined}>
                    <Group justify="space-between" wrap="nowrap">
                      <Stack gap={0} miw={0}>
                        <Text size="sm" fw={600} truncate>
                          {d.product.name} · {d.component.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {d.owner ? d.owner.name : 'No owner'}
                          {d.overdue ? ' · overdue' : ''}
                        </Text>
                      </Stack>
                      {mayWrite(d.component.id) ? (
                        <Button size="compact-sm" variant="light" onClick={() => setEditor({ editing: null, componentId: d.component.id, period: d.period })} aria-label={`Write the ${d.period} update of ${d.component.name}`}>
                          Write
                        </Button>
                      ) : null}
                    </Group>
                  </Paper>
                ))}
              </SimpleGrid>
            )}
          </Stack>
        </Paper>

        <Group align="flex-end" gap="sm">
          <Select
            label="Component"
            placeholder="All components"
            data={components.grouped}
            value={search.componentId ?? null}
            onChange={(v) => setFilter({ componentId: v ?? undefined })}
            clearable
            searchable
            w={280}
          />
          <TextInput
            label="Period"
            placeholder="e.g. 2026-W07"
            value={periodInput}
            onChange={(e) => setPeriodInput(e.currentTarget.value)}
            onBlur={() => setFilter({ period: periodInput.trim() || undefined })}
            onKeyDown={(e) => e.key === 'Enter' && setFilter({ period: periodInput.trim() || undefined })}
            w={180}
          />
        </Group>

        {updates.isLoading ? (
          <LoadingRows rows={4} height={120} />
        ) : updates.error ? (
          <ErrorState error={updates.error} onRetry={() => void updates.refetch()} />
        ) : !byPeriod.length ? (
          <EmptyState
            title={search.componentId || search.period ? 'No update matches' : 'No status updates yet'}
            description="Each update starts from a draft of the period's facts: features shipped, moved or slipped, key results, conflicts and declines."
          />
        ) : (
          byPeriod.map(([period, items]) => (
            <Stack key={period} gap="sm" component="section" aria-labelledby={`period-${period}`}>
              <Group gap="xs">
                <Title order={2} fz="lg" id={`period-${period}`}>
                  {period}
                </Title>
                <Badge variant="outline" size="sm">
                  {items[0]!.periodKind}
                </Badge>
                {items[0]!.range ? (
                  <Text size="xs" c="dimmed">
                    {formatDate(items[0]!.range.from)} – {formatDate(items[0]!.range.to)}
                  </Text>
                ) : null}
              </Group>
              {items.map((u) => (
                <Paper key={u.id} withBorder radius="md" p="md" component="article" aria-label={`${u.component.name}, ${u.period}`}>
                  <Stack gap="xs">
                    <Group justify="space-between" wrap="nowrap">
                      <Group gap="sm">
                        <Title order={3} fz="md">
                          {u.component.name}
                        </Title>
                        <HealthBadge health={u.health} />
                      </Group>
                      <Group gap={4}>
                        <Text size="xs" c="dimmed">
                          {u.author ? `${u.author.name}, ` : ''}
                          {formatRelative(u.updatedAt)}
                        </Text>
                        {mayWrite(u.componentId) ? (
                          <>
                            <Tooltip label="Edit">
                              <ActionIcon variant="subtle" aria-label={`Edit the ${u.period} update of ${u.component.name}`} onClick={() => setEditor({ editing: u, componentId: u.componentId, period: u.period })}>
                                <IconPencil size={16} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label="Delete">
                              <ActionIcon variant="subtle" color="red" aria-label={`Delete the ${u.period} update of ${u.component.name}`} onClick={() => confirmDelete(u)}>
                                <IconTrash size={16} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                          </>
                        ) : null}
                      </Group>
                    </Group>
                    <MarkdownView label="Summary">{u.summary}</MarkdownView>
                    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
                      {(
                        [
                          ['Highlights', u.highlights],
                          ['Risks', u.risks],
                          ['Asks for help', u.asks],
                        ] as const
                      ).map(([label, text]) => (
                        <Stack key={label} gap={2}>
                          <Text size="sm" fw={600}>
                            {label}
                          </Text>
                          {text.trim() ? (
                            <MarkdownView label={label}>{text}</MarkdownView>
                          ) : (
                            <Text size="sm" c="dimmed">
                              None
                            </Text>
                          )}
                        </Stack>
                      ))}
                    </SimpleGrid>
                  </Stack>
                </Paper>
              ))}
            </Stack>
          ))
        )}
        {updates.data && updates.data.total > updates.data.items.length ? (
          <Alert variant="light">Showing the latest {updates.data.items.length} of {updates.data.total}; filter by component or period to see older ones.</Alert>
        ) : null}
      </Stack>
      <UpdateEditorModal
        workspaceId={workspaceId}
        opened={editor !== null}
        onClose={() => setEditor(null)}
        editing={editor?.editing ?? null}
        initialComponentId={editor?.componentId ?? null}
        initialPeriod={editor?.period ?? week}
        componentOptions={writable}
      />
    </>
  );
}
