import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Shown above the title, e.g. breadcrumbs. */
  above?: ReactNode;
}

/** The one h1 of a page, its short description and its primary actions. */
export function PageHeader({ title, description, actions, above }: PageHeaderProps) {
  return (
    <Stack gap={4} mb="lg">
      {above}
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={2} miw={0} flex={1}>
          <Title order={1} fz={26} lh={1.25}>
            {title}
          </Title>
          {description ? (
            <Text c="dimmed" size="sm">
              {description}
            </Text>
          ) : null}
        </Stack>
        {actions ? <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>{actions}</Group> : null}
      </Group>
    </Stack>
  );
}
