import { ActionIcon, Group, Kbd, Popover, Stack, Text, Tooltip } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';

export const SHORTCUTS: [string, string][] = [
  ['j', 'Next feedback'],
  ['k', 'Previous feedback'],
  ['x', 'Select for bulk actions'],
  ['e', 'Archive'],
  ['t', 'Tag'],
  ['l', 'Link to opportunity'],
  ['/', 'Search'],
  ['?', 'Show shortcuts'],
];

/** The keyboard shortcuts of the inbox, in a popover. */
export function ShortcutsHelp({ opened, onChange }: { opened: boolean; onChange: (o: boolean) => void }) {
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
          {SHORTCUTS.map(([key, label]) => (
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
