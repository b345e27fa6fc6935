import { ActionIcon, Badge, Button, Group, Menu, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCopy, IconDots, IconListDetails, IconPlus, IconStar, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { CompetencyFramework } from '../../../../shared/contracts.js';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { FrameworkFormModal } from './FrameworkFormModal';
import { scaleSummary } from './labels';
import { useFrameworkActions } from './use-framework-actions';
import { useFrameworks } from './use-frameworks';

function FrameworkCard({
  workspaceId,
  f,
  canManage,
  canSetDefault,
  actions,
}: {
  workspaceId: string;
  f: CompetencyFramework;
  canManage: boolean;
  canSetDefault: boolean;
  actions: ReturnType<typeof useFrameworkActions>;
}) {
  const menu = canManage || (canSetDefault && !f.isDefault);
  return (
    <Paper component="article" aria-labelledby={`fw-${f.id}`} withBorder radius="md" p="lg" h="100%">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={6} miw={0}>
            <Title order={2} fz="lg" id={`fw-${f.id}`}>
              <AnchorLink to="/w/$workspaceId/coaching/frameworks/$frameworkId" params={{ workspaceId, frameworkId: f.id }} inherit>
                {f.name}
              </AnchorLink>
            </Title>
            <Group gap={6}>
              {f.isDefault ? <Badge leftSection={<IconStar size={12} aria-hidden />}>Default</Badge> : null}
              <Badge variant="light" color={f.builtIn ? 'gray' : 'grape'}>
                {f.builtIn ? 'Built in' : 'Custom'}
              </Badge>
              {f.ratesImportance ? (
                <Badge variant="outline" color="gray">
                  Rates importance
                </Badge>
              ) : null}
            </Group>
          </Stack>
          {menu ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={`More actions for ${f.name}`}>
                  <IconDots size={18} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {canSetDefault && !f.isDefault ? (
                  <Menu.Item leftSection={<IconStar size={16} aria-hidden />} onClick={() => actions.makeDefault(f)}>
                    Make default
                  </Menu.Item>
                ) : null}
                {canManage ? (
                  <Menu.Item leftSection={<IconCopy size={16} aria-hidden />} onClick={() => actions.copyToEdit(f)}>
                    Copy to edit
                  </Menu.Item>
                ) : null}
                {canManage && !f.isDefault ? (
                  <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => actions.remove(f)}>
                    Delete
                  </Menu.Item>
                ) : null}
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>
        <Text size="sm" lineClamp={3}>
          {f.description || 'No description yet.'}
        </Text>
        {f.source ? (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {f.source}
          </Text>
        ) : null}
        <Group gap="lg" mt="auto" pt="xs">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              Competencies
            </Text>
            <Text fw={600}>{f.competencyCount}</Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              Scale
            </Text>
            <Text fw={600}>{scaleSummary(f)}</Text>
          </Stack>
          <ButtonLink
            ml="auto"
            variant="light"
            size="xs"
            leftSection={<IconListDetails size={14} aria-hidden />}
            to="/w/$workspaceId/coaching/frameworks/$frameworkId"
            params={{ workspaceId, frameworkId: f.id }}
            aria-label={`Open ${f.name}`}
          >
            Open
          </ButtonLink>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The library of competency frameworks the workspace picks from and adapts. */
export function FrameworksPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const frameworks = useFrameworks(workspaceId);
  const actions = useFrameworkActions(workspaceId);
  const [creating, setCreating] = useState(false);
  const canManage = can('framework.manage');
  const canSetDefault = can('coaching-settings.update');

  const header = (
    <PageHeader
      title="Competency frameworks"
      description="The skills your PMs grow in, each framework with its own rating scale. Pick the default, copy one to adapt it, or build your own."
      actions={
        canManage ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            New framework
          </Button>
        ) : null
      }
    />
  );

  let body;
  if (frameworks.isPending) body = <LoadingRows rows={4} height={160} />;
  else if (frameworks.isError) body = <ErrorState error={frameworks.error} onRetry={() => void frameworks.refetch()} />;
  else if (!frameworks.data.items.length) {
    body = (
      <EmptyState
        title="No frameworks"
        description="Every workspace starts with four built-in frameworks; if they were deleted, create one of your own."
        action={canManage ? <Button onClick={() => setCreating(true)}>New framework</Button> : null}
      />
    );
  } else {
    body = (
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {frameworks.data.items.map((f) => (
          <FrameworkCard key={f.id} workspaceId={workspaceId} f={f} canManage={canManage} canSetDefault={canSetDefault} actions={actions} />
        ))}
      </SimpleGrid>
    );
  }

  return (
    <>
      {header}
      {body}
      <FrameworkFormModal workspaceId={workspaceId} opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
