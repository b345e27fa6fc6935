import { Button, Menu, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconChevronDown, IconPlus, IconSparkles } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { ROLE_LABELS } from '../../../shared/roles.js';
import { toRole, useMe } from '../../lib/api/use-session';
import { notifyError, notifySuccess } from '../../lib/errors';
import { CreateWorkspaceForm } from './CreateWorkspaceForm';
import { useCreateDemo } from './use-workspaces';

/** The top bar's menu of the caller's workspaces, with "Create workspace". */
export function WorkspaceSwitcher({ workspaceId }: { workspaceId: string }) {
  const me = useMe().data;
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  const demo = useCreateDemo();
  const current = me?.workspaces.find((w) => w.id === workspaceId);

  return (
    <>
      <Menu position="bottom-start" width={280} shadow="md">
        <Menu.Target>
          <Button
            variant="subtle"
            color="gray"
            rightSection={<IconChevronDown size={16} aria-hidden />}
            aria-label={`Workspace: ${current?.name ?? 'none'}. Switch workspace`}
            maw={260}
          >
            <Text fw={600} size="sm" truncate>
              {current?.name ?? 'Choose a workspace'}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Workspaces</Menu.Label>
          {me?.workspaces.map((w) => (
            <Menu.Item
              key={w.id}
              onClick={() => void navigate({ to: '/w/$workspaceId', params: { workspaceId: w.id } })}
              rightSection={w.id === workspaceId ? <IconCheck size={16} aria-label="Current" /> : null}
            >
              <Text size="sm" truncate>
                {w.name}
              </Text>
              <Text size="xs" c="dimmed">
                {ROLE_LABELS[toRole(w.role)]}
              </Text>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
            Create workspace
          </Menu.Item>
          <Menu.Item
            leftSection={<IconSparkles size={16} aria-hidden />}
            disabled={demo.isPending}
            onClick={() =>
              demo.mutate(
                {},
                {
                  onSuccess: (r) => {
                    notifySuccess('Explore it freely: you are its admin.', 'Demo workspace created');
                    void navigate({ to: '/w/$workspaceId', params: { workspaceId: r.workspaceId } });
                  },
                  onError: (e) => notifyError(e),
                },
              )
            }
          >
            Open a demo workspace
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={opened} onClose={close} title="Create workspace">
        <CreateWorkspaceForm onDone={close} autoFocus />
      </Modal>
    </>
  );
}

