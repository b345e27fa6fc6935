import { ActionIcon, Badge, Button, Divider, Group, Indicator, Popover, ScrollArea, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { errorMessage } from '../../lib/errors';
import { formatRelative } from '../../lib/format';
import { useMarkAllRead, useMarkRead, useNotifications } from './use-notifications';

/** The bell in the top bar: unread count, the latest notifications, mark read. */
export function NotificationsBell({ workspaceId }: { workspaceId: string }) {
  const [opened, setOpened] = useState(false);
  const list = useNotifications(workspaceId);
  const markRead = useMarkRead(workspaceId);
  const markAll = useMarkAllRead(workspaceId);
  const navigate = useNavigate();
  const unread = list.data?.unread ?? 0;
  const label = unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withArrow>
      <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} offset={6} color="red">
        <Popover.Target>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label} title="Notifications" onClick={() => setOpened((o) => !o)}>
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="md" py="sm">
          <Text fw={600} size="sm">
            Notifications
          </Text>
          <Button size="compact-xs" variant="subtle" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
            Mark all as read
          </Button>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={400}>
          {list.isPending ? (
            <Stack p="md" gap="xs">
              <Skeleton height={36} />
              <Skeleton height={36} />
            </Stack>
          ) : list.isError ? (
            <Stack p="md" gap="xs">
              <Text size="sm" c="red">
                {errorMessage(list.error)}
              </Text>
              <Button size="xs" variant="default" onClick={() => void list.refetch()}>
                Try again
              </Button>
            </Stack>
          ) : list.data.items.length === 0 ? (
            <Text p="md" size="sm" c="dimmed">
              Nothing new. You will hear here about your requests’ outcomes, features you asked for that ship, updates that are due, strategy changes, and changes to your role or components.
            </Text>
          ) : (
            <Stack gap={0}>
              {list.data.items.map((n) => (
                <UnstyledButton
                  key={n.id}
                  px="md"
                  py="sm"
                  aria-label={`${n.readAt ? '' : 'Unread: '}${n.title}`}
                  onClick={() => {
                    if (!n.readAt) markRead.mutate(n.id);
                    if (n.link && n.link.startsWith('/')) {
                      setOpened(false);
                      void navigate({ to: n.link });
                    }
                  }}
                >
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    {!n.readAt ? <Badge size="xs" circle color="indigo" aria-hidden> </Badge> : null}
                    <Stack gap={2} miw={0}>
                      <Text size="sm" fw={n.readAt ? 400 : 600}>
                        {n.title}
                      </Text>
                      {n.body ? (
                        // Four lines: a decline's reason follows its template's text, and should be read here.
                        <Text size="xs" c="dimmed" lineClamp={4}>
                          {n.body}
                        </Text>
                      ) : null}
                      <Text size="xs" c="dimmed">
                        {formatRelative(n.createdAt)}
                      </Text>
                    </Stack>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
