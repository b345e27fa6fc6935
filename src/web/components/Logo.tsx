import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconCompass } from '@tabler/icons-react';

export function Logo({ size = 'md' }: { size?: 'md' | 'lg' }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={size === 'lg' ? 36 : 28} radius="md" variant="filled" aria-hidden>
        <IconCompass size={size === 'lg' ? 22 : 18} />
      </ThemeIcon>
      <Text fw={700} fz={size === 'lg' ? 22 : 17} lts={-0.3}>
        Sextant
      </Text>
    </Group>
  );
}
