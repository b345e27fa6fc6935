import { Badge, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { GrowthPlanSummary } from '../../../../shared/contracts.js';
import { formatDay } from './labels';

/** "3 of 5 goals done" with a bar, and the overdue goals; the words carry the numbers, the bar decorates. */
export function PlanProgress({ plan }: { plan: Pick<GrowthPlanSummary, 'goalCount' | 'doneCount' | 'overdueCount' | 'nextDueOn'> }) {
  const pct = plan.goalCount ? Math.round((plan.doneCount / plan.goalCount) * 100) : 0;
  return (
    <Stack gap={4} miw={160}>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm">{plan.goalCount ? `${plan.doneCount} of ${plan.goalCount} goals done` : 'No goals yet'}</Text>
        {plan.overdueCount ? (
          <Badge size="sm" color="red" variant="light" component="span">
            {plan.overdueCount} overdue
          </Badge>
        ) : null}
      </Group>
      {plan.goalCount ? <Progress value={pct} size="sm" color="teal" aria-hidden /> : null}
      {plan.nextDueOn ? (
        <Text size="xs" c="dimmed">
          Next due {formatDay(plan.nextDueOn)}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The lock that marks a private plan, saying who sees it. */
export function PrivateBadge({ personName, isMe }: { personName: string; isMe: boolean }) {
  return (
    <Tooltip label={isMe ? 'Private: only you and your coach' : `Private: only ${personName} and their coach`}>
      <Badge size="sm" color="gray" variant="outline" leftSection={<IconLock size={12} aria-hidden />} component="span" tabIndex={0}>
        Private
      </Badge>
    </Tooltip>
  );
}
