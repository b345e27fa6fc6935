import { Badge, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBox, IconFlask, IconRoute } from '@tabler/icons-react';
import type { ChallengeType, GrowthChallenge } from '../../../../shared/contracts.js';
import { AnchorLink } from '../../../components/links';
import { EXPERIMENT_RESULT_LABELS, EXPERIMENT_STATUS_LABELS } from '../../discovery/labels';
import type { ExperimentResult, ExperimentStatus } from '../../discovery/types';
import { FEATURE_STATUS_COLORS, FEATURE_STATUS_LABELS, type FeatureStatus } from '../../features/types';
import { CHALLENGE_TYPE_LABELS } from './labels';

const ICONS: Record<ChallengeType, typeof IconRoute> = { feature: IconRoute, experiment: IconFlask, component: IconBox };
const EXPERIMENT_STATUS_COLORS: Record<ExperimentStatus, string> = { planned: 'gray', running: 'blue', completed: 'teal', cancelled: 'dark' };

function StatusBadge({ c }: { c: GrowthChallenge }) {
  if (!c.status) return null;
  if (c.type === 'feature') {
    const s = c.status as FeatureStatus;
    return (
      <Badge size="sm" color={FEATURE_STATUS_COLORS[s] ?? 'gray'} component="span">
        {FEATURE_STATUS_LABELS[s] ?? c.status}
      </Badge>
    );
  }
  const s = c.status as ExperimentStatus;
  return (
    <Badge size="sm" color={EXPERIMENT_STATUS_COLORS[s] ?? 'gray'} component="span">
      {EXPERIMENT_STATUS_LABELS[s] ?? c.status}
    </Badge>
  );
}

function Title({ workspaceId, c }: { workspaceId: string; c: GrowthChallenge }) {
  if (!c.link) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {c.title}
      </Text>
    );
  }
  const common = { size: 'sm', fw: 550 } as const;
  if (c.link.to === 'feature') {
    return (
      <AnchorLink to="/w/$workspaceId/features/$featureId" params={{ workspaceId, featureId: c.link.id }} {...common}>
        {c.title}
      </AnchorLink>
    );
  }
  if (c.link.to === 'experiment') {
    return (
      <AnchorLink to="/w/$workspaceId/research/experiments/$experimentId" params={{ workspaceId, experimentId: c.link.id }} {...common}>
        {c.title}
      </AnchorLink>
    );
  }
  return (
    <AnchorLink to="/w/$workspaceId/products/$productId" params={{ workspaceId, productId: c.link.id }} {...common}>
      {c.title}
    </AnchorLink>
  );
}

/** The next bigger challenge of a goal: what it is, a link to it, and its live status. */
export function ChallengeLink({ workspaceId, challenge }: { workspaceId: string; challenge: GrowthChallenge }) {
  const Icon = ICONS[challenge.type];
  const detail =
    challenge.type === 'experiment' ? (challenge.detail ? `Result: ${EXPERIMENT_RESULT_LABELS[challenge.detail as ExperimentResult] ?? challenge.detail}` : '') : challenge.detail;
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon variant="light" size="md" radius="md" color={challenge.available ? 'indigo' : 'gray'} aria-hidden>
        <Icon size={16} />
      </ThemeIcon>
      <Stack gap={2} miw={0}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          Next bigger challenge · {CHALLENGE_TYPE_LABELS[challenge.type]}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Title workspaceId={workspaceId} c={challenge} />
          <StatusBadge c={challenge} />
        </Group>
        {detail ? (
          <Text size="xs" c="dimmed">
            {detail}
          </Text>
        ) : null}
        {!challenge.available ? (
          <Text size="xs" c="dimmed">
            The record was deleted; edit the goal to name another challenge.
          </Text>
        ) : null}
      </Stack>
    </Group>
  );
}
