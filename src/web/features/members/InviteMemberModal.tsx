import { Alert, Button, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { LIMITS } from '../../../shared/limits.js';
import { ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from '../../../shared/roles.js';
import type { CreatedInvitationT } from '../../lib/api/types';
import { notifySuccess, showFormError } from '../../lib/errors';
import { useCreateInvitation } from './use-members';

/** Absolute link for an invitation; the API may answer with a path or a full URL. */
export function invitationLink(url: string, token: string): string {
  if (/^https?:\/\//.test(url)) return url;
  return new URL(url || `/invite/${token}`, window.location.origin).toString();
}

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** Invite by email with a role; then show the link to send, with a copy button. */
export function InviteMemberModal({ workspaceId, opened, onClose }: { workspaceId: string; opened: boolean; onClose: () => void }) {
  const create = useCreateInvitation(workspaceId);
  const [created, setCreated] = useState<CreatedInvitationT | null>(null);
  const form = useForm({
    initialValues: { email: '', role: 'pm' as Role },
    validate: {
      email: (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : 'Enter an email address.'),
    },
  });

  const close = () => {
    onClose();
    setCreated(null);
    form.reset();
  };

  return (
    <Modal opened={opened} onClose={close} title={created ? 'Invitation created' : 'Invite member'} size="lg">
      {created ? (
        <Stack>
          <Text size="sm">
            Send this link to <strong>{created.email}</strong>. It works once and expires in {LIMITS.invitationDays} days. It is shown only now.
          </Text>
          <Group gap="xs" wrap="nowrap" align="flex-end">
            <TextInput label="Invitation link" value={invitationLink(created.url, created.token)} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
            <CopyButton value={invitationLink(created.url, created.token)}>
              {({ copied, copy }) => (
                <Button onClick={copy} color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}>
                  {copied ? 'Copied' : 'Copy link'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCreated(null)}>
              Invite another
            </Button>
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={form.onSubmit((values) =>
            create.mutate(
              { email: values.email.trim().toLowerCase(), role: values.role },
              {
                onSuccess: (inv) => {
                  setCreated(inv);
                  notifySuccess(`Invitation for ${inv.email} created.`);
                },
                onError: (e) => showFormError(form, e),
              },
            ),
          )}
        >
          <Stack>
            <TextInput label="Email" type="email" data-autofocus maxLength={LIMITS.emailMax} {...form.getInputProps('email')} />
            <Select label="Role" data={ROLE_OPTIONS} allowDeselect={false} {...form.getInputProps('role')} />
            <Alert color="gray" variant="light" p="sm">
              <Text size="sm">{ROLE_DESCRIPTIONS[form.getValues().role]}</Text>
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Invite member
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
