import { Avatar, Badge, Group, Progress, Text, Tooltip } from '@mantine/core';
import type { ConfidenceStatus } from '../../../../shared/contracts.js';
import { initials } from '../../../lib/format';
import { STATUS_LABELS, percent } from './okr-format';

/** A progress bar with its percentage, labelled for screen readers. */
export function ProgressBar({ value, label, w = 140 }: { value: number; label: string; w?: number }) {
  const color = value >= 0.7 ? 'teal' : 'blue';
  return (
    <Group gap={8} wrap="nowrap">
      <Progress.Root w={w} size="md" radius="xl">
        <Progress.Section value={value * 100} color={color} aria-label={`${label}: ${percent(value)}`} />
      </Progress.Root>
      <Text size="sm" fw={600} w={48} ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {percent(value)}
      </Text>
    </Group>
  );
}

/** The confidence (0-10) and its status, as a badge; "No check-in" when there is none. */
export function ConfidenceBadge({ confidence, status, prefix = '' }: { confidence: number | null; status: ConfidenceStatus | null; prefix?: string }) {
  if (status === null) {
    return (
      <Badge variant="outline" color="gray" size="sm">
        No check-in
      </Badge>
    );
  }
  const s = STATUS_LABELS[status];
  return (
    <Badge variant="light" color={s.color} size="sm">
      {prefix}
      {s.label}
      {confidence !== null ? ` · ${confidence}/10` : ''}
    </Badge>
  );
}

export function OwnerChip({ owner }: { owner: { id: string; name: string } | null }) {
  if (!owner) {
    return (
      <Text size="sm" c="dimmed">
        No owner
      </Text>
    );
  }
  return (
    <Tooltip label={`Owner: ${owner.name}`}>
      <Group gap={6} wrap="nowrap">
        <Avatar size={22} radius="xl" color="indigo" alt="">
          {initials(owner.name)}
        </Avatar>
        <Text size="sm" truncate maw={140}>
          {owner.name}
        </Text>
      </Group>
    </Tooltip>
  );
}
