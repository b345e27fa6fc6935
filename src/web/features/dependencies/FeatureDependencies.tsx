import { ActionIcon, Alert, Badge, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { DependencyFeatureRef, DependencyLink } from '../../../shared/contracts.js';
import { AnchorLink } from '../../components/links';
import { ErrorState, LoadingRows } from '../../components/QueryState';
import { errorMessage, notifyError, notifySuccess } from '../../lib/errors';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { useComponentOptions } from '../discovery/use-components';
import { DependencyWhatIf } from './DependencyWhatIf';
import { REASON_LABELS, STATUS_COLORS, STATUS_LABELS, planLabel } from './labels';
import { useAddDependency, useFeatureDependencies, useFeatureSearch, useRemoveDependency } from './use-dependencies';

type Direction = 'needs' | 'neededBy';

/** One dependency in a list: the feature at the other end, its plan, and any conflict in words. */
function LinkRow({ workspaceId, link, canRemove, onRemove, removing }: { workspaceId: string; link: DependencyLink; canRemove: boolean; onRemove: () => void; removing: boolean }) {
  const f = link.feature;
  return (
    <Paper withBorder radius="md" p="sm" style={link.conflicts.length ? { borderColor: 'var(--mantine-color-red-filled)' } : undefined}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={2} miw={0}>
          <AnchorLink to="/w/$workspaceId/features/$featureId" params={{ workspaceId, featureId: f.id }} fw={550}>
            {f.title}
          </AnchorLink>
          <Group gap={6}>
            <Badge color={STATUS_COLORS[f.status]}>{STATUS_LABELS[f.status]}</Badge>
            <Text size="xs" c="dimmed">
              {f.componentName} · {planLabel(f)}
            </Text>
          </Group>
          {link.note ? (
            <Text size="xs" c="dimmed">
              Why: {link.note}
            </Text>
          ) : null}
          {link.conflicts.map((c) => (
            <Stack key={c.reason} gap={2} mt={4} align="flex-start">
              <Badge color="red" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
                {REASON_LABELS[c.reason]}
              </Badge>
              <Text size="xs">{c.message}</Text>
            </Stack>
          ))}
        </Stack>
        {canRemove ? (
          <Tooltip label="Remove dependency">
            <ActionIcon variant="subtle" color="red" aria-label={`Remove dependency on “${f.title}”`} onClick={onRemove} loading={removing}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        ) : null}
      </Group>
    </Paper>
  );
}

function LinkList({ title, hint, empty, children }: { title: string; hint: string; empty: boolean; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <div>
        <Title order={3} fz="md">
          {title}
        </Title>
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      </div>
      {empty ? (
        <Text size="sm" c="dimmed">
          None.
        </Text>
      ) : (
        children
      )}
    </Stack>
  );
}

/** Adds "this needs X" or "X needs this", picking X from a search of the workspace's features. */
function AddDependency({ workspaceId, feature, linked }: { workspaceId: string; feature: DependencyFeatureRef; linked: Record<Direction, Set<string>> }) {
  const [direction, setDirection] = useState<Direction>('needs');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [picked, setPicked] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const results = useFeatureSearch(workspaceId, q, true);
  const add = useAddDependency(workspaceId);
  // Features already linked this way are left out; the reverse stays, and the server explains the cycle.
  const options = (results.data?.items ?? []).filter((f) => f.id !== feature.id && !linked[direction].has(f.id)).map((f) => ({ value: f.id, label: `${f.title} · ${f.componentName}` }));

  const submit = () => {
    if (!picked) return;
    const body = direction === 'needs' ? { featureId: feature.id, dependsOnId: picked } : { featureId: picked, dependsOnId: feature.id };
    add.mutate(
      { ...body, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: (dep) => {
          setPicked(null);
          setSearch('');
          setNote('');
          notifySuccess(dep.conflicts.length ? `Added, with a conflict: ${dep.conflicts[0]!.message}` : 'Dependency added');
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="xs">
        <Title order={3} fz="md">
          Add a dependency
        </Title>
        <SegmentedControl
          value={direction}
          onChange={(v) => setDirection(v as Direction)}
          data={[
            { value: 'needs', label: 'This feature needs…' },
            { value: 'neededBy', label: '…is needed by' },
          ]}
          aria-label="Direction of the dependency"
        />
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Select
            label={direction === 'needs' ? 'Prerequisite' : 'Dependent feature'}
            placeholder="Search features by title"
            searchable
            clearable
            data={options}
            value={picked}
            onChange={setPicked}
            searchValue={search}
            onSearchChange={setSearch}
            // The server already filtered by title; keep its answer as it is.
            filter={({ options: all }) => all}
            nothingFoundMessage={results.isFetching ? 'Searching…' : 'No feature matches'}
            miw={280}
            style={{ flex: 1 }}
          />
          <TextInput label="Why (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} w={220} />
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={submit} disabled={!picked} loading={add.isPending}>
            Add
          </Button>
        </Group>
        {add.isError ? (
          <Alert color="red" variant="light" role="alert" title="Could not add this dependency" icon={<IconAlertTriangle size={18} aria-hidden />} withCloseButton onClose={() => add.reset()} closeButtonLabel="Dismiss">
            {errorMessage(add.error)}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** A feature's dependencies (needs / needed by), with add and remove, and their conflicts: for the feature page. */
export function FeatureDependencies({ workspaceId, featureId }: { workspaceId: string; featureId: string }) {
  const deps = useFeatureDependencies(workspaceId, featureId);
  const remove = useRemoveDependency(workspaceId);
  const { can, memberId } = useCurrentWorkspace();
  const components = useComponentOptions(workspaceId);
  // The owner of the dependent feature's component decides (A in "A needs B").
  const mayChange = (dependentComponentId: string) => can('dependency.delete', { ownerIds: components.ownerIdsOf([dependentComponentId]) });
  const mayAdd = can('dependency.create', { ownerIds: [memberId] });

  const heading = (
    <Title order={2} fz="lg" id="feature-dependencies-title">
      Dependencies
    </Title>
  );
  if (deps.isPending) {
    return (
      <section aria-labelledby="feature-dependencies-title">
        {heading}
        <LoadingRows rows={2} />
      </section>
    );
  }
  if (deps.isError) {
    return (
      <section aria-labelledby="feature-dependencies-title">
        {heading}
        <ErrorState error={deps.error} onRetry={() => void deps.refetch()} title="Could not load the dependencies" />
      </section>
    );
  }

  const { feature, needs, neededBy } = deps.data;
  const conflictCount = [...needs, ...neededBy].filter((l) => l.conflicts.length).length;
  const linked = { needs: new Set(needs.map((l) => l.feature.id)), neededBy: new Set(neededBy.map((l) => l.feature.id)) };
  const removeLink = (link: DependencyLink) =>
    remove.mutate(link.id, { onSuccess: () => notifySuccess(`Removed the dependency on “${link.feature.title}”`), onError: (e) => notifyError(e, 'Could not remove the dependency') });
  const row = (link: DependencyLink, dependentComponentId: string) => (
    <LinkRow
      key={link.id}
      workspaceId={workspaceId}
      link={link}
      canRemove={mayChange(dependentComponentId)}
      onRemove={() => removeLink(link)}
      removing={remove.isPending && remove.variables === link.id}
    />
  );

  return (
    <section aria-labelledby="feature-dependencies-title">
      <Stack gap="md">
        <Group gap="xs">
          {heading}
          {conflictCount ? (
            <Badge color="red" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
              {conflictCount} in conflict
            </Badge>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <LinkList title="Needs" hint="Prerequisites: features that must be done first." empty={needs.length === 0}>
            {needs.map((l) => row(l, feature.componentId))}
          </LinkList>
          <LinkList title="Needed by" hint="Dependents: features waiting on this one." empty={neededBy.length === 0}>
            {neededBy.map((l) => row(l, l.feature.componentId))}
          </LinkList>
        </SimpleGrid>
        {mayAdd ? <AddDependency workspaceId={workspaceId} feature={feature} linked={linked} /> : null}
        <DependencyWhatIf
          key={`${feature.status}|${feature.horizon}|${feature.startDate}|${feature.endDate}`}
          workspaceId={workspaceId} feature={feature} hasDependencies={needs.length + neededBy.length > 0} />
      </Stack>
    </section>
  );
}
