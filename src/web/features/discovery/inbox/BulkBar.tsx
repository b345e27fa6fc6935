import { Affix, Button, CloseButton, Group, Paper, Text, Transition } from '@mantine/core';
import { IconArchive, IconCheck, IconTag } from '@tabler/icons-react';

/** The actions on the selected feedback, floating at the bottom while something is selected. */
export function BulkBar({
  count,
  onArchive,
  onTriage,
  onTag,
  onClear,
  pending,
}: {
  count: number;
  onArchive: () => void;
  onTriage: () => void;
  onTag: () => void;
  onClear: () => void;
  pending: boolean;
}) {
  return (
    <Affix position={{ bottom: 24, left: '50%' }} style={{ transform: 'translateX(-50%)' }}>
      <Transition mounted={count > 0} transition="slide-up">
        {(styles) => (
          <Paper style={styles} shadow="lg" withBorder radius="md" px="md" py="xs" role="region" aria-label="Bulk actions">
            <Group gap="sm" wrap="nowrap">
              <Text size="sm" fw={600} aria-live="polite">
                {count} selected
              </Text>
              <Button size="xs" variant="default" leftSection={<IconCheck size={14} aria-hidden />} onClick={onTriage} loading={pending}>
                Mark triaged
              </Button>
              <Button size="xs" variant="default" leftSection={<IconTag size={14} aria-hidden />} onClick={onTag} disabled={pending}>
                Tag…
              </Button>
              <Button size="xs" color="red" variant="light" leftSection={<IconArchive size={14} aria-hidden />} onClick={onArchive} loading={pending}>
                Archive
              </Button>
              <CloseButton onClick={onClear} aria-label="Clear selection" />
            </Group>
          </Paper>
        )}
      </Transition>
    </Affix>
  );
}
