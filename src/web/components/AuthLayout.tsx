import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { AccountMenu } from './AccountMenu';
import { Logo } from './Logo';
import { ThemeToggle } from './ThemeToggle';

/** A centred card for sign-in, sign-up, setup, invitations and the first workspace. */
export function AuthLayout({
  title,
  description,
  children,
  footer,
  width = 440,
  signedIn = false,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  width?: number;
  signedIn?: boolean;
}) {
  return (
    <Box className="sextant-main">
      <Box component="header" px="lg" py="md">
        <Group justify="space-between">
          <Logo />
          {signedIn ? <AccountMenu /> : <ThemeToggle />}
        </Group>
      </Box>
      <Center component="main" px="md" pb={64} pt="xl">
        <Stack w="100%" maw={width} gap="md">
          <Stack gap={4}>
            <Title order={1} fz={26}>
              {title}
            </Title>
            {description ? (
              <Text c="dimmed" size="sm">
                {description}
              </Text>
            ) : null}
          </Stack>
          <Paper withBorder shadow="xs" radius="md" p="xl">
            {children}
          </Paper>
          {footer ? (
            <Text size="sm" ta="center">
              {footer}
            </Text>
          ) : null}
        </Stack>
      </Center>
    </Box>
  );
}
