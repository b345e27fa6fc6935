import { Alert, Button, Code, CopyButton, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { LIMITS } from '../../../shared/limits.js';
import type { ApiTokenT, CreatedApiTokenT } from '../../lib/api/types';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../components/QueryState';
import { notifyError, notifySuccess, showFormError } from '../../lib/errors';
import { formatDate, formatRelative } from '../../lib/format';
import { useCreateToken, useRevokeToken, useTokens } from './use-tokens';

/** Personal API tokens: create (the secret shows once), list, revoke. */
export function TokensPage() {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<CreatedApiTokenT | null>(null);
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (v) => (v.trim() ? (v.trim().length > LIMITS.tokenNameMax ? `At most ${LIMITS.tokenNameMax} characters.` : null) : 'Say what the token is for.') },
  });

  const confirmRevoke = (t: ApiTokenT) =>
    modals.openConfirmModal({
      title: `Revoke ${t.name}?`,
      children: <Text size="sm">Scripts using this token stop working immediately.</Text>,
      labels: { confirm: 'Revoke token', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        revoke.mutate(t.id, {
          onSuccess: () => {
            if (created?.id === t.id) setCreated(null);
            notifySuccess(`${t.name} revoked.`);
          },
          onError: (e) => notifyError(e),
        }),
    });

  return (
    <>
      <PageHeader title="API tokens" description="Personal tokens for the REST API and scripts. They act as you, in every workspace you belong to." />
      <Stack gap="lg" maw={880}>
        <Paper withBorder radius="md" p="lg">
          <Title order={2} fz="lg" mb="sm">
            New token
          </Title>
          <form
            onSubmit={form.onSubmit((values) =>
              create.mutate(
                { name: values.name.trim() },
                {
                  onSuccess: (t) => {
                    setCreated(t);
                    form.reset();
                    notifySuccess(`${t.name} created.`);
                  },
                  onError: (e) => showFormError(form, e),
                },
              ),
            )}
          >
            <Group align="flex-start">
              <TextInput label="Name" description="What the token is for, e.g. Weekly report script." maxLength={LIMITS.tokenNameMax} w={360} {...form.getInputProps('name')} />
              <Button type="submit" loading={create.isPending} mt={46}>
                Create token
              </Button>
            </Group>
          </form>
          {created ? (
            <Alert mt="md" color="teal" variant="light" title="Copy your token now" icon={<IconKey size={18} aria-hidden />}>
              <Stack gap="xs">
                <Text size="sm">This is the only time it is shown. Send it as <Code>Authorization: Bearer …</Code>.</Text>
                <Group gap="xs" wrap="nowrap">
                  <Code block style={{ flex: 1, wordBreak: 'break-all' }} aria-label="New token">
                    {created.token}
                  </Code>
                  <CopyButton value={created.token}>
                    {({ copied, copy }) => (
                      <Button onClick={copy} color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}>
                        {copied ? 'Copied' : 'Copy token'}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </Stack>
            </Alert>
          ) : null}
        </Paper>

        <Paper withBorder radius="md" p="lg">
          <Title order={2} fz="lg" mb="sm">
            Your tokens
          </Title>
          {tokens.isPending ? (
            <LoadingRows rows={3} />
          ) : tokens.isError ? (
            <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
          ) : tokens.data.items.length === 0 ? (
            <EmptyState icon={<IconKey size={24} aria-hidden />} title="No tokens yet" description="Create one above to call the API from scripts or other tools." />
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Starts with</Table.Th>
                    <Table.Th>Created</Table.Th>
                    <Table.Th>Last used</Table.Th>
                    <Table.Th w={100}>
                      <span className="sr-only">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tokens.data.items.map((t) => (
                    <Table.Tr key={t.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {t.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Code>{t.prefix}…</Code>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDate(t.createdAt)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t.lastUsedAt ? formatRelative(t.lastUsedAt) : 'Never'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="subtle" color="red" aria-label={`Revoke ${t.name}`} onClick={() => confirmRevoke(t)}>
                          Revoke
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      </Stack>
    </>
  );
}
