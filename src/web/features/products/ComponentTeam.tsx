import { Avatar, Group, Text, Tooltip } from '@mantine/core';
import type { MemberT } from '../../lib/api/types';
import { initials } from '../../lib/format';

/** A component's team as overlapping avatars with the count spelled out. */
export function ComponentTeam({ memberIds, members }: { memberIds: string[]; members: Map<string, MemberT> }) {
  if (memberIds.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No team yet
      </Text>
    );
  }
  const shown = memberIds.slice(0, 4);
  const names = memberIds.map((id) => members.get(id)?.name ?? 'Former member');
  return (
    <Group gap="xs" wrap="nowrap">
      <Tooltip label={names.join(', ')} multiline maw={280}>
        <Avatar.Group spacing="sm" aria-hidden>
          {shown.map((id) => (
            <Avatar key={id} size={26} radius="xl" color="indigo">
              {initials(members.get(id)?.name ?? '?')}
            </Avatar>
          ))}
          {memberIds.length > shown.length ? (
            <Avatar size={26} radius="xl">
              +{memberIds.length - shown.length}
            </Avatar>
          ) : null}
        </Avatar.Group>
      </Tooltip>
      <Text size="sm" aria-label={`Team: ${names.join(', ')}`}>
        {memberIds.length} {memberIds.length === 1 ? 'person' : 'people'}
      </Text>
    </Group>
  );
}
