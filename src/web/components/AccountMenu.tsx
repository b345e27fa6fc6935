import { Avatar, Menu, Text, UnstyledButton, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { IconKey, IconLogout, IconMoon, IconSun, IconUser } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMe, useSignOut } from '../lib/api/use-session';
import { notifyError } from '../lib/errors';
import { initials } from '../lib/format';

/** The account menu: who is signed in, theme toggle, profile, tokens, sign out. */
export function AccountMenu({ workspaceId }: { workspaceId?: string }) {
  const me = useMe().data;
  const navigate = useNavigate();
  const signOut = useSignOut();
  const qc = useQueryClient();
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const dark = computed === 'dark';
  const name = me?.user.name ?? '';

  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${name || 'you'}`}>
          <Avatar color="indigo" radius="xl" size={34}>
            {initials(name)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me?.user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        {workspaceId ? (
          <>
            <Menu.Item
              leftSection={<IconUser size={16} aria-hidden />}
              onClick={() => void navigate({ to: '/w/$workspaceId/settings/profile', params: { workspaceId } })}
            >
              Your profile
            </Menu.Item>
            <Menu.Item
              leftSection={<IconKey size={16} aria-hidden />}
              onClick={() => void navigate({ to: '/w/$workspaceId/settings/tokens', params: { workspaceId } })}
            >
              API tokens
            </Menu.Item>
          </>
        ) : null}
        <Menu.Item
          leftSection={dark ? <IconSun size={16} aria-hidden /> : <IconMoon size={16} aria-hidden />}
          onClick={() => setColorScheme(dark ? 'light' : 'dark')}
          closeMenuOnClick={false}
        >
          {dark ? 'Light theme' : 'Dark theme'}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() =>
            signOut.mutate(undefined, {
              onSuccess: () => void navigate({ to: '/sign-in', search: {} }).then(() => qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'setup' })),
              onError: (e) => notifyError(e),
            })
          }
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
