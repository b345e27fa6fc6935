import { ActionIcon, Anchor, Badge, Button, Grid, Group, Menu, Paper, Select, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconBooks, IconDots, IconExternalLink, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { LEARNING_TYPES, type LearningType } from '../../../../shared/coaching.js';
import type { LearningEntry } from '../../../../shared/contracts.js';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { LEARNING_TYPE_COLORS, LEARNING_TYPE_LABELS, formatDay } from './labels';
import { LearningEntryModal, type LearningDraft } from './LearningEntryModal';
import { SuggestionsPanel } from './SuggestionsPanel';
import { useCompetencyOptions, usePeopleOptions } from './use-options';
import { useDeleteLearning, useLearning } from './use-learning';
import { useSearch } from '@tanstack/react-router';

const EVERYONE = 'everyone';

function EntryCard({ e, memberId, showPerson, onEdit }: { e: LearningEntry; memberId: string; showPerson: boolean; onEdit: () => void }) {
  const del = useDeleteLearning(useCurrentWorkspace().workspaceId);
  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete “${e.resource}”?`,
      children: <Text size="sm">The entry and its takeaway are removed from the learning log.</Text>,
      labels: { confirm: 'Delete entry', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => del.mutate(e.id, { onSuccess: () => notifySuccess('Entry deleted.'), onError: (err) => notifyError(err, 'Could not delete the entry') }),
    });
  const loggedByOther = e.loggedBy && e.loggedBy.id !== e.personId;
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={e.resource}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6} miw={0}>
          <Group gap="xs">
            <Badge color={LEARNING_TYPE_COLORS[e.type]} component="span">
              {LEARNING_TYPE_LABELS[e.type]}
            </Badge>
            {e.url ? (
              <Anchor href={e.url} target="_blank" rel="noopener noreferrer" fw={600} size="sm">
                {e.resource} <IconExternalLink size={12} aria-label="(opens in a new tab)" />
              </Anchor>
            ) : (
              <Text fw={600} size="sm">
                {e.resource}
              </Text>
            )}
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {e.takeaway}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDay(e.learnedOn)}
            {e.competency ? ` · ${e.competency.name}` : ''}
            {showPerson ? ` · ${e.personId === memberId ? 'you' : e.person.name}` : ''}
            {loggedByOther ? ` · logged by ${e.loggedBy!.id === memberId ? 'you' : e.loggedBy!.name}` : ''}
          </Text>
        </Stack>
        {e.canEdit ? (
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon variant="subtle" aria-label={`Actions for ${e.resource}`}>
                <IconDots size={18} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
                Edit entry
              </Menu.Item>
              <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirmDelete}>
                Delete entry
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </Group>
    </Paper>
  );
}

/** The learning log: what a PM read, took or joined, filtered by competency and type, and what to learn next. */
export function LearningPage() {
  const { workspaceId, memberId, role, can } = useCurrentWorkspace();
  const coaches = role === 'lead' || role === 'admin';
  const search = useSearch({ from: '/authed/w/$workspaceId/coaching/learning' });
  const [who, setWho] = useState<string>(search.personId ?? '');
  const [competencyId, setCompetencyId] = useState<string | null>(null);
  const [type, setType] = useState<LearningType | null>(null);
  const [editing, setEditing] = useState<LearningEntry | null>(null);
  const [draft, setDraft] = useState<LearningDraft | null>(null);
  const people = usePeopleOptions(workspaceId, ['pm', 'lead', 'admin']);
  const competencies = useCompetencyOptions(workspaceId);

  // A PM reads their own log; a coach sees everyone's until they pick a person.
  const selected = coaches ? who || EVERYONE : memberId;
  const personId = selected === EVERYONE ? null : selected;
  const entries = useLearning(workspaceId, { personId: personId || null, competencyId, type });
  const personName = personId && personId !== memberId ? (people.options.find((o) => o.value === personId)?.label ?? 'this person') : 'you';
  const canWrite = can('coaching.write');
  const canLogFor = canWrite && (personId === null || personId === memberId || coaches);
  const openNew = (d: Omit<LearningDraft, 'personId' | 'personName'> = {}) =>
    setDraft({ ...d, ...(personId && personId !== memberId ? { personId, personName } : {}) });

  const header = (
    <PageHeader
      title="Learning log"
      description="What you read, took or joined, and the one thing each taught you. Learn just in time: go deep on a technique when the work calls for it."
      actions={
        canLogFor && memberId ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => openNew()}>
            {personId && personId !== memberId ? `Log for ${personName}` : 'Log learning'}
          </Button>
        ) : null
      }
    />
  );

  const filtered = Boolean(competencyId || type);
  let log;
  if (entries.isPending) log = <LoadingRows rows={4} height={88} />;
  else if (entries.isError) log = <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />;
  else if (!entries.data.items.length) {
    log = filtered ? (
      <EmptyState title="Nothing matches these filters" description="Clear the competency or type filter to see the whole log." />
    ) : (
      <EmptyState
        icon={<IconBooks size={24} aria-hidden />}
        title={personName === 'you' ? 'Your learning log is empty' : `No learning logged for ${personId ? personName : 'anyone'} yet`}
        description="Log an article, book, course, community, conference or mentor conversation with its takeaway. Tie it to a competency to see it beside your gaps."
        action={
          canLogFor ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => openNew()}>
              Log the first entry
            </Button>
          ) : null
        }
      />
    );
  } else {
    log = (
      <Stack gap="sm">
        {entries.data.items.map((e) => (
          <EntryCard key={e.id} e={e} memberId={memberId} showPerson={personId === null} onEdit={() => setEditing(e)} />
        ))}
        {entries.data.total > entries.data.items.length ? (
          <Text size="sm" c="dimmed">
            Showing the latest {entries.data.items.length} of {entries.data.total}. Filter by competency or type to find older entries.
          </Text>
        ) : null}
      </Stack>
    );
  }

  return (
    <>
      {header}
      <Group gap="md" mb="md" align="flex-end" wrap="wrap">
        {coaches ? (
          <Select
            label="Whose log"
            data={[{ value: EVERYONE, label: 'Everyone' }, ...people.options.map((o) => (o.value === memberId ? { ...o, label: `${o.label} (you)` } : o))]}
            value={selected}
            onChange={(v) => setWho(v ?? '')}
            searchable
            allowDeselect={false}
            w={240}
          />
        ) : null}
        <Select
          label="Competency"
          placeholder="Any competency"
          data={competencies.data ?? []}
          value={competencyId}
          onChange={setCompetencyId}
          searchable
          clearable
          w={260}
        />
        <Select
          label="Type"
          placeholder="Any type"
          data={LEARNING_TYPES.map((t) => ({ value: t, label: LEARNING_TYPE_LABELS[t] }))}
          value={type}
          onChange={(v) => setType(v as LearningType | null)}
          clearable
          w={170}
        />
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>{log}</Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <SuggestionsPanel
            workspaceId={workspaceId}
            personId={memberId ? personId : undefined}
            personLabel={personId && personId !== memberId ? personName : 'you'}
            canLog={canLogFor}
            onLog={(s) => openNew({ competencyId: s.competencyId, type: s.type })}
          />
        </Grid.Col>
      </Grid>
      <LearningEntryModal opened={Boolean(draft)} onClose={() => setDraft(null)} draft={draft} />
      <LearningEntryModal opened={Boolean(editing)} onClose={() => setEditing(null)} entry={editing ?? undefined} />
    </>
  );
}
