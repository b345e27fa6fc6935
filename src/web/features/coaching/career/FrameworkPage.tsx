import { Accordion, ActionIcon, Badge, Breadcrumbs, Box, Button, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useNavigate, useParams } from '@tanstack/react-router';
import { IconCopy, IconMessageQuestion, IconPencil, IconPlus, IconStar, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Competency, CompetencyFramework } from '../../../../shared/contracts.js';
import { AnchorLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { plural } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { CompetencyFormModal } from './CompetencyFormModal';
import { FrameworkFormModal } from './FrameworkFormModal';
import { QuestionBank } from './QuestionBank';
import { descriptorRange, scaleLabel, scaleSummary } from './labels';
import { useFrameworkActions } from './use-framework-actions';
import { useCompetencies, useDeleteCompetency, useFramework } from './use-frameworks';

/** The band a descriptor covers, named by its scale label when it is a single point. */
function bandLabel(scale: CompetencyFramework['scale'], index: number, count: number): string {
  const range = descriptorRange(scale, index, count);
  return range.includes('–') ? range : scaleLabel(scale, Number(range));
}

/** One competency: what it is, how it looks along the scale, and its question bank. */
function CompetencyCard({
  workspaceId,
  framework,
  competency: c,
  canManage,
  onEdit,
}: {
  workspaceId: string;
  framework: CompetencyFramework;
  competency: Competency;
  canManage: boolean;
  onEdit: (c: Competency) => void;
}) {
  const del = useDeleteCompetency(workspaceId);
  const [bankOpen, setBankOpen] = useState<string | null>(null);
  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete “${c.name}”?`,
      children: <Text size="sm">Its descriptors, its {plural(c.questionCount, 'question')} and the level expectations on it are deleted. A competency already rated in an assessment cannot be deleted.</Text>,
      labels: { confirm: 'Delete competency', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => del.mutate(c.id, { onSuccess: () => notifySuccess(`${c.name} deleted.`), onError: (e) => notifyError(e, 'Could not delete the competency') }),
    });

  return (
    <Paper component="article" aria-labelledby={`comp-${c.id}`} withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2} miw={0}>
            <Title order={3} fz="md" id={`comp-${c.id}`}>
              {c.name}
            </Title>
            {c.description ? (
              <Text size="sm" c="dimmed">
                {c.description}
              </Text>
            ) : null}
          </Stack>
          {canManage ? (
            <Group gap={4} wrap="nowrap">
              <Tooltip label={`Edit ${c.name}`} withArrow>
                <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${c.name}`} onClick={() => onEdit(c)}>
                  <IconPencil size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={`Delete ${c.name}`} withArrow>
                <ActionIcon variant="subtle" color="gray" aria-label={`Delete ${c.name}`} onClick={confirmDelete} loading={del.isPending}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
          ) : null}
        </Group>
        {c.descriptors.length ? (
          <SimpleGrid cols={{ base: 1, sm: Math.min(c.descriptors.length, 3), lg: Math.min(c.descriptors.length, 5) }} spacing="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label={`${c.name} along the scale`}>
            {c.descriptors.map((d, i) => (
              <Box
                component="li"
                key={i}
                p="xs"
                style={{
                  borderRadius: 'var(--mantine-radius-sm)',
                  background: 'var(--mantine-color-default-hover)',
                  borderTop: `3px solid var(--mantine-primary-color-${Math.min(9, 3 + Math.round((i * 6) / Math.max(1, c.descriptors.length - 1)))})`,
                }}
              >
                <Text size="xs" fw={700} mb={2}>
                  {bandLabel(framework.scale, i, c.descriptors.length)}
                </Text>
                <Text size="xs">{d}</Text>
              </Box>
            ))}
          </SimpleGrid>
        ) : null}
        <Accordion value={bankOpen} onChange={setBankOpen} variant="contained" chevronPosition="left">
          <Accordion.Item value="bank">
            <Accordion.Control icon={<IconMessageQuestion size={16} aria-hidden />}>
              <Text size="sm" fw={500}>
                Question bank · {plural(c.questionCount, 'question')}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>{bankOpen ? <QuestionBank workspaceId={workspaceId} competencyId={c.id} competencyName={c.name} canManage={canManage} /> : null}</Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
    </Paper>
  );
}

/** A framework: its scale, its competencies grouped by area with descriptors, and each competency's Socratic question bank. */
export function FrameworkPage() {
  const { frameworkId } = useParams({ from: '/authed/w/$workspaceId/coaching/frameworks/$frameworkId' });
  const { workspaceId, can } = useCurrentWorkspace();
  const navigate = useNavigate();
  const framework = useFramework(workspaceId, frameworkId);
  const competencies = useCompetencies(workspaceId, frameworkId);
  const actions = useFrameworkActions(workspaceId);
  const [editingFramework, setEditingFramework] = useState(false);
  const [editing, setEditing] = useState<Competency | 'new' | null>(null);
  const canManage = can('framework.manage');
  const canSetDefault = can('coaching-settings.update');

  const crumbs = (
    <Breadcrumbs>
      <AnchorLink to="/w/$workspaceId/coaching/frameworks" params={{ workspaceId }} size="sm">
        Competency frameworks
      </AnchorLink>
      <Text size="sm" c="dimmed">
        {framework.data?.name ?? 'Framework'}
      </Text>
    </Breadcrumbs>
  );

  if (framework.isPending) {
    return (
      <>
        <PageHeader above={crumbs} title="Framework" />
        <LoadingRows rows={6} height={120} />
      </>
    );
  }
  if (framework.isError) {
    return (
      <>
        <PageHeader above={crumbs} title="Framework" />
        <ErrorState error={framework.error} onRetry={() => void framework.refetch()} title="Could not load this framework" />
      </>
    );
  }
  const f = framework.data;
  const items = competencies.data?.items ?? [];
  const areas = [...new Set(items.map((c) => c.area || 'Other'))];
  const totalQuestions = items.reduce((n, c) => n + c.questionCount, 0);

  return (
    <>
      <PageHeader
        above={crumbs}
        title={f.name}
        description={
          <Stack gap={6} component="span">
            <span>{f.description}</span>
            {f.source ? (
              <Text size="xs" c="dimmed" component="span">
                {f.source}
              </Text>
            ) : null}
          </Stack>
        }
        actions={
          <>
            {canSetDefault && !f.isDefault ? (
              <Button variant="default" leftSection={<IconStar size={16} aria-hidden />} onClick={() => actions.makeDefault(f)}>
                Make default
              </Button>
            ) : null}
            {canManage ? (
              <>
                <Button variant="default" leftSection={<IconCopy size={16} aria-hidden />} onClick={() => actions.copyToEdit(f)} loading={actions.copying}>
                  Copy to edit
                </Button>
                <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditingFramework(true)}>
                  Edit
                </Button>
                {!f.isDefault ? (
                  <Tooltip label="Delete framework" withArrow>
                    <ActionIcon
                      variant="default"
                      size="lg"
                      aria-label={`Delete ${f.name}`}
                      onClick={() => actions.remove(f, () => void navigate({ to: '/w/$workspaceId/coaching/frameworks', params: { workspaceId } }))}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                ) : null}
              </>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <Group gap="xs" wrap="wrap">
          {f.isDefault ? <Badge leftSection={<IconStar size={12} aria-hidden />}>Default framework</Badge> : null}
          <Badge variant="light" color="gray">
            Scale {scaleSummary(f)}
          </Badge>
          {f.ratesImportance ? (
            <Badge variant="outline" color="gray">
              Also rated for importance
            </Badge>
          ) : null}
          <Badge variant="light" color="gray">
            {plural(items.length, 'competency', 'competencies')} · {plural(totalQuestions, 'question')}
          </Badge>
        </Group>
        {f.scale.labels.length ? (
          <Group gap={6} aria-label="Rating scale" wrap="wrap">
            {f.scale.labels.map((label, i) => (
              <Text key={label + i} size="xs" c="dimmed">
                <Text span fw={700} size="xs" c="var(--mantine-color-text)">
                  {f.scale.min + i}
                </Text>{' '}
                {label}
                {i < f.scale.labels.length - 1 ? ' ·' : ''}
              </Text>
            ))}
          </Group>
        ) : null}

        {competencies.isPending ? (
          <LoadingRows rows={4} height={140} />
        ) : competencies.isError ? (
          <ErrorState error={competencies.error} onRetry={() => void competencies.refetch()} />
        ) : !items.length ? (
          <EmptyState
            icon={<IconMessageQuestion size={24} aria-hidden />}
            title="No competencies yet"
            description="Add the skills this framework rates, each with descriptors along the scale and open questions for coaching sessions."
            action={
              canManage ? (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                  Add competency
                </Button>
              ) : null
            }
          />
        ) : (
          <>
            {areas.map((area) => (
              <Stack key={area} gap="sm" component="section" aria-labelledby={`area-${area}`}>
                <Title order={2} fz="lg" id={`area-${area}`}>
                  {area}
                </Title>
                {items
                  .filter((c) => (c.area || 'Other') === area)
                  .map((c) => (
                    <CompetencyCard key={c.id} workspaceId={workspaceId} framework={f} competency={c} canManage={canManage} onEdit={setEditing} />
                  ))}
              </Stack>
            ))}
            {canManage ? (
              <Group>
                <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                  Add competency
                </Button>
              </Group>
            ) : null}
          </>
        )}
      </Stack>

      <FrameworkFormModal workspaceId={workspaceId} framework={f} opened={editingFramework} onClose={() => setEditingFramework(false)} />
      <CompetencyFormModal
        workspaceId={workspaceId}
        framework={f}
        competency={editing && editing !== 'new' ? editing : undefined}
        areas={areas.filter((a) => a !== 'Other')}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
