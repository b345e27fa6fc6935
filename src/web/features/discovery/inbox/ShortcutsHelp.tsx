import { ActionIcon, Group, Kbd, Popover, Stack, Text, Tooltip } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { IconKeyboard } from '@tabler/icons-react';

/** What a shortcut needs besides reading the inbox: triage rights, or the right to link evidence. */
type Needs = 'triage' | 'link' | null;

export const SHORTCUTS: [key: string, label: string, needs: Needs][] = [
  ['j', 'Next feedback', null],
  ['k', 'Previous feedback', null],
  ['x', 'Select for bulk actions', 'triage'],
  ['e', 'Archive', 'triage'],
  ['t', 'Tag', 'triage'],
  ['l', 'Link to opportunity', 'link'],
  ['/', 'Search', null],
  ['?', 'Show shortcuts', null],
];

/** The shortcuts this member can use: a contributor is not shown keys that would do nothing. */
export function availableShortcuts(allowed: { triage: boolean; link: boolean }): [string, string][] {
  return SHORTCUTS.filter(([, , needs]) => needs === null || allowed[needs]).map(([key, label]) => [key, label]);
}

/** The keyboard shortcuts of the inbox, in a popover. */
export function ShortcutsHelp({ opened, onChange, shortcuts }: { opened: boolean; onChange: (o: boolean) => void; shortcuts: [string, string][] }) {
  // Opened with `?`, the popover does not hold the focus, so its own Escape handling (on the dropdown) never
  // hears the key: listen on the window instead.
  useWindowEvent('keydown', (e) => {
    if (opened && e.key === 'Escape') onChange(false);
  });
  return (
    <Popover opened={opened} onChange={onChange} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Tooltip label="Keyboard shortcuts (?)">
          <ActionIcon variant="default" size="lg" aria-label="Keyboard shortcuts" onClick={() => onChange(!opened)}>
            <IconKeyboard size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            Keyboard triage
          </Text>
          {shortcuts.map(([key, label]) => (
            <Group key={key} justify="space-between" gap="xl">
              <Text size="sm">{label}</Text>
              <Kbd>{key}</Kbd>
            </Group>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
