import { ActionIcon, Badge, Breadcrumbs, Button, Group, Menu, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconArchive, IconCheck, IconDots, IconLock, IconPencil, IconPlayerPlay, IconPlus, IconTarget, IconTrash } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { GrowthPlan, GrowthPlanStatus } from '../../../../shared/contracts.js';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { RecordState } from '../../discovery/RecordState';
import { GoalCard } from './GoalCard';
import { GoalFormModal } from './GoalFormModal';
import { PLAN_STATUS_COLORS, PLAN_STATUS_LABELS } from './labels';
import { PlanFormModal, privacyExplained } from './PlanFormModal';
import { PlanProgress, PrivateBadge } from './PlanProgress';
import { useDeletePlan, useGrowthPlan, useUpdatePlan } from './use-growth';

function PlanFacts({ plan, memberId }: { plan: GrowthPlan; memberId: string }) {
  const personIsMe = plan.personId === memberId;
  return (
    <Paper withBorder radius="md" p="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Person and coach
          </Text>
          <Text size="sm">
            {personIsMe ? 'You' : plan.person.name}
            {' · '}
            {plan.coach ? (plan.coachId === memberId ? 'coached by you' : `coached by ${plan.coach.name}`) : 'no coach yet'}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Progress
          </Text>
          <PlanProgress plan={plan} />
        </Stack>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Who sees it
          </Text>
          <Group gap={6} wrap="nowrap" align="flex-start">
            {plan.private ? <IconLock size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} /> : null}
            <Text size="sm">{plan.private ? privacyExplained(personIsMe, plan.person.name) : `${personIsMe ? 'You' : plan.person.name}, their coach, and the workspace’s leads and admins.`}</Text>
          </Group>
        </Stack>
      </SimpleGrid>
      {plan.summary ? (
        <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
          {plan.summary}
        </Text>
      ) : null}
    </Paper>
  );
}

/** One growth plan: its goals as cards with the next bigger challenge live, check-ins and edits. */
export function GrowthPlanPage() {
  const { planId } = useParams({ from: '/authed/w/$workspaceId/coaching/growth/$planId' });
  const { workspaceId, memberId, can } = useCurrentWorkspace();
  const plan = useGrowthPlan(workspaceId, planId);
  const update = useUpdatePlan(workspaceId);
  const del = useDeletePlan(workspaceId);
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [addingGoal, setAddingGoal] = useState(false);

  const crumbs = (
    <Breadcrumbs>
      <AnchorLink to="/w/$workspaceId/coaching/growth" params={{ workspaceId }} size="sm">
        Growth plans
      </AnchorLink>
      <Text size="sm" c="dimmed" truncate maw={360}>
        {plan.data?.title ?? '…'}
      </Text>
    </Breadcrumbs>
  );

  if (!plan.data) {
    return (
      <RecordState
        query={plan}
        noun="Growth plan"
        crumbs={crumbs}
        back={
          <ButtonLink to="/w/$workspaceId/coaching/growth" params={{ workspaceId }}>
            See all growth plans
          </ButtonLink>
        }
      />
    );
  }

  const p = plan.data;
  // Whoever may see a plan works on it (the server decides; coaching.write lets the caller try).
  const canEdit = can('coaching.write');
  const setStatus = (status: GrowthPlanStatus, message: string) =>
    update.mutate({ planId: p.id, version: p.version, status }, { onSuccess: () => notifySuccess(message), onError: (e) => notifyError(e, 'Could not change the plan') });
  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete “${p.title}”?`,
      children: <Text size="sm">The plan, its {p.goals.length === 1 ? 'goal' : `${p.goals.length} goals`} and all their check-ins are removed. To keep the history, archive it instead.</Text>,
      labels: { confirm: 'Delete plan', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        del.mutate(p.id, {
          onSuccess: () => {
            notifySuccess('Plan deleted.');
            void navigate({ to: '/w/$workspaceId/coaching/growth', params: { workspaceId } });
          },
          onError: (e) => notifyError(e, 'Could not delete the plan'),
        }),
    });

  return (
    <>
      <PageHeader
        above={crumbs}
        title={p.title}
        description={
          <Group gap="xs" component="span">
            <Badge component="span" color={PLAN_STATUS_COLORS[p.status]}>
              {PLAN_STATUS_LABELS[p.status]}
            </Badge>
            {p.private ? <PrivateBadge personName={p.person.name} isMe={p.personId === memberId} /> : null}
            <span>{p.personId === memberId ? 'Your growth plan' : `Growth plan of ${p.person.name}`}</span>
          </Group>
        }
        actions={
          canEdit ? (
            <>
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAddingGoal(true)}>
                Add goal
              </Button>
              <Menu position="bottom-end">
                <Menu.Target>
                  <ActionIcon variant="default" size="lg" aria-label="Plan actions">
                    <IconDots size={18} aria-hidden />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                    Edit plan
                  </Menu.Item>
                  {p.status !== 'completed' ? (
                    <Menu.Item leftSection={<IconCheck size={16} aria-hidden />} onClick={() => setStatus('completed', 'Plan completed.')}>
                      Mark completed
                    </Menu.Item>
                  ) : null}
                  {p.status !== 'active' ? (
                    <Menu.Item leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => setStatus('active', 'Plan reopened.')}>
                      Reopen
                    </Menu.Item>
                  ) : null}
                  {p.status !== 'archived' ? (
                    <Menu.Item leftSection={<IconArchive size={16} aria-hidden />} onClick={() => setStatus('archived', 'Plan archived.')}>
                      Archive
                    </Menu.Item>
                  ) : null}
                  <Menu.Divider />
                  <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirmDelete}>
                    Delete plan
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </>
          ) : null
        }
      />
      <Stack gap="lg">
        <PlanFacts plan={p} memberId={memberId} />
        <Stack gap="sm">
          <Title order={2} fz="lg">
            Goals
          </Title>
          {p.goals.length === 0 ? (
            <EmptyState
              icon={<IconTarget size={24} aria-hidden />}
              title="No goals yet"
              description="Three or four goals are plenty. Tie each to a competency, give it a due date, and name the bigger challenge that will stretch the PM."
              action={
                canEdit ? (
                  <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAddingGoal(true)}>
                    Add the first goal
                  </Button>
                ) : null
              }
            />
          ) : (
            p.goals.map((g) => <GoalCard key={g.id} workspaceId={workspaceId} planId={p.id} goal={g} memberId={memberId} canEdit={canEdit} />)
          )}
        </Stack>
      </Stack>
      <PlanFormModal opened={editing} onClose={() => setEditing(false)} plan={p} />
      <GoalFormModal opened={addingGoal} onClose={() => setAddingGoal(false)} planId={p.id} />
    </>
  );
}
