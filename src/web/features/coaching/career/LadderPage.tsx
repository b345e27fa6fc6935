import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconHistory, IconLadder, IconLock, IconPlus, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { LadderLevel } from '../../../../shared/contracts.js';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { plural } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { useMembers } from '../../members/use-members';
import { CoachingSettingsPanel } from './CoachingSettingsPanel';
import { LadderDiagram } from './LadderDiagram';
import { LadderVersionsDrawer } from './LadderVersionsDrawer';
import { LevelFormModal } from './LevelFormModal';
import { PlacePersonModal } from './PlacePersonModal';
import { useLadders, useLevels } from './use-career';
import { useCompetencies, useFrameworks } from './use-frameworks';

/** The career ladder: the shared trunk splitting into IC and management tracks, who stands where, bands and expectations. */
export function LadderPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const ladders = useLadders(workspaceId);
  const [pickedLadder, setPickedLadder] = useState<string | null>(null);
  const ladder = ladders.data?.items.find((l) => l.id === pickedLadder) ?? ladders.data?.items[0];
  const levels = useLevels(workspaceId, ladder?.id ?? null);
  const frameworks = useFrameworks(workspaceId);
  const frameworkId = levels.data?.frameworkId ?? null;
  const framework = frameworks.data?.items.find((f) => f.id === frameworkId);
  const competencies = useCompetencies(workspaceId, frameworkId);
  const members = useMembers(workspaceId);
  const [editing, setEditing] = useState<LadderLevel | 'new' | null>(null);
  const [placing, setPlacing] = useState(false);
  const [history, setHistory] = useState(false);
  const canManage = can('ladder.manage');

  const placed = new Set((levels.data?.items ?? []).flatMap((l) => l.people.map((p) => p.id)));
  // Product people are the ones a ladder is for; contributors and viewers are not expected on it.
  const unplaced = (members.data?.items ?? []).filter((m) => (m.role === 'pm' || m.role === 'lead') && !placed.has(m.id));

  const header = (
    <PageHeader
      title="Career ladder"
      description="Where everyone stands on the product management career path: one shared trunk, then an individual-contributor and a management track."
      actions={
        ladder ? (
          <>
            <Button variant="default" leftSection={<IconHistory size={16} aria-hidden />} onClick={() => setHistory(true)}>
              History
            </Button>
            {canManage ? (
              <>
                <Button variant="default" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setPlacing(true)} disabled={!levels.data?.items.length}>
                  Place a person
                </Button>
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                  Add level
                </Button>
              </>
            ) : null}
          </>
        ) : null
      }
    />
  );

  if (ladders.isPending || (ladder && levels.isPending)) {
    return (
      <>
        {header}
        <LoadingRows rows={6} height={96} />
      </>
    );
  }
  if (ladders.isError || levels.isError) {
    const failed = ladders.isError ? ladders : levels;
    return (
      <>
        {header}
        <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />
      </>
    );
  }
  if (!ladder) {
    return (
      <>
        {header}
        <EmptyState icon={<IconLadder size={24} aria-hidden />} title="No career ladder" description="The default ladder is created the first time this page loads; reload to try again." />
      </>
    );
  }

  const items = levels.data?.items ?? [];
  return (
    <>
      {header}
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          {ladders.data.items.length > 1 ? (
            <Select
              label="Ladder"
              w={280}
              data={ladders.data.items.map((l) => ({ value: l.id, label: l.isDefault ? `${l.name} (default)` : l.name }))}
              value={ladder.id}
              onChange={(v) => setPickedLadder(v)}
              allowDeselect={false}
            />
          ) : (
            <span />
          )}
          <Text size="sm" c="dimmed">
            {plural(items.length, 'level')} · {plural(placed.size, 'person', 'people')} placed
            {framework ? ` · expectations on ${framework.name}` : ''}
          </Text>
        </Group>

        {canManage && unplaced.length && items.length ? (
          <Alert variant="light" color="blue" icon={<IconUserPlus size={18} aria-hidden />}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm">
                {plural(unplaced.length, 'product person', 'product people')} not on the ladder yet: {unplaced.slice(0, 4).map((m) => m.name).join(', ')}
                {unplaced.length > 4 ? ` and ${unplaced.length - 4} more` : ''}.
              </Text>
              <Button size="xs" variant="light" onClick={() => setPlacing(true)}>
                Place them
              </Button>
            </Group>
          </Alert>
        ) : null}

        {!levels.data?.salaryVisible ? (
          <Text size="xs" c="dimmed">
            <IconLock size={12} aria-hidden style={{ verticalAlign: 'middle' }} /> Salary bands are visible only to the roles an admin chooses.
          </Text>
        ) : null}

        {items.length ? (
          <LadderDiagram levels={items} onEdit={canManage ? setEditing : undefined} competencies={competencies.data?.items} framework={framework} />
        ) : (
          <EmptyState
            icon={<IconLadder size={24} aria-hidden />}
            title="This ladder has no levels yet"
            description="Add the levels from the first role up, on the shared trunk or on one of the two tracks."
            action={
              canManage ? (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                  Add level
                </Button>
              ) : null
            }
          />
        )}

        {can('coaching-settings.update') ? <CoachingSettingsPanel workspaceId={workspaceId} /> : null}
      </Stack>

      <LevelFormModal
        workspaceId={workspaceId}
        ladderId={ladder.id}
        level={editing && editing !== 'new' ? editing : undefined}
        competencies={competencies.data?.items ?? []}
        framework={framework}
        salaryVisible={Boolean(levels.data?.salaryVisible)}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
      <PlacePersonModal workspaceId={workspaceId} levels={items} members={members.data?.items ?? []} personId={unplaced[0]?.id ?? null} opened={placing} onClose={() => setPlacing(false)} />
      <LadderVersionsDrawer workspaceId={workspaceId} ladderId={ladder.id} opened={history} onClose={() => setHistory(false)} />
    </>
  );
}
