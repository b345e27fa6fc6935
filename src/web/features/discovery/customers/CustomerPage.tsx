import { ActionIcon, Anchor, Badge, Breadcrumbs, Button, Grid, Group, Menu, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { RecordState } from '../RecordState';
import { ErrorState, LoadingRows } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { useMembers } from '../../members/use-members';
import { CUSTOMER_STATUS_COLORS, CUSTOMER_STATUS_LABELS, formatMoney } from '../labels';
import { AddContactModal } from './AddContactModal';
import { CustomerFeedback } from './CustomerFeedback';
import { CustomerFormModal } from './CustomerFormModal';
import { useContacts, useCustomer, useDeleteCustomer } from './use-customers';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ta="right" component="div">
        {children}
      </Text>
    </Group>
  );
}

/** One customer: account details, contacts, and everything they told us. */
export function CustomerPage() {
  const { customerId } = useParams({ from: '/authed/w/$workspaceId/customers/$customerId' });
  const { workspaceId, can } = useCurrentWorkspace();
  const customer = useCustomer(workspaceId, customerId);
  const contacts = useContacts(workspaceId, customerId);
  const members = useMembers(workspaceId);
  const del = useDeleteCustomer(workspaceId);
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<null | 'edit' | 'contact'>(null);

  const crumbs = (
    <Breadcrumbs>
      <AnchorLink to="/w/$workspaceId/customers" params={{ workspaceId }} size="sm">
        Customers
      </AnchorLink>
      <Text size="sm" c="dimmed">
        {customer.data?.name ?? '…'}
      </Text>
    </Breadcrumbs>
  );

  if (!customer.data) {
    return (
      <RecordState
        query={customer}
        noun="Customer"
        crumbs={crumbs}
        rows={5}
        back={
          <ButtonLink to="/w/$workspaceId/customers" params={{ workspaceId }}>
            See all customers
          </ButtonLink>
        }
      />
    );
  }

  const c = customer.data;
  const owner = members.data?.items.find((m) => m.id === c.ownerId);
  const canEdit = can('customer.update');
  const canDelete = can('customer.delete');

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete ${c.name}?`,
      children: <Text size="sm">The customer and its contacts are deleted; its feedback stays, without a customer. This cannot be undone.</Text>,
      labels: { confirm: 'Delete customer', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        del.mutate(c.id, {
          onSuccess: () => {
            notifySuccess(`${c.name} deleted.`);
            void navigate({ to: '/w/$workspaceId/customers', params: { workspaceId } });
          },
          onError: (e) => notifyError(e, 'Could not delete the customer'),
        }),
    });

  return (
    <>
      <PageHeader
        above={crumbs}
        title={c.name}
        description={c.domain ?? undefined}
        actions={
          canEdit || canDelete ? (
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label="Customer actions">
                  <IconDots size={18} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {canEdit ? (
                  <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog('edit')}>
                    Edit customer
                  </Menu.Item>
                ) : null}
                {canDelete ? (
                  <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirmDelete}>
                    Delete customer
                  </Menu.Item>
                ) : null}
              </Menu.Dropdown>
            </Menu>
          ) : null
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <Paper withBorder radius="md" p="md">
              <Title order={2} fz="md" mb="sm">
                Account
              </Title>
              <Stack gap={8}>
                <Field label="Status">
                  <Badge color={CUSTOMER_STATUS_COLORS[c.status]}>{CUSTOMER_STATUS_LABELS[c.status]}</Badge>
                </Field>
                <Field label="ARR">{formatMoney(c.arr, c.currency)}</Field>
                <Field label="Segment">{c.segment || '—'}</Field>
                <Field label="Plan">{c.plan || '—'}</Field>
                <Field label="Owner">{owner?.name ?? '—'}</Field>
                <Field label="External id">{c.externalId ?? '—'}</Field>
                <Field label="Feedback">{c.feedbackCount}</Field>
              </Stack>
            </Paper>
            <Paper withBorder radius="md" p="md">
              <Group justify="space-between" mb="sm">
                <Title order={2} fz="md">
                  Contacts
                </Title>
                {canEdit ? (
                  <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setDialog('contact')}>
                    Add contact
                  </Button>
                ) : null}
              </Group>
              {contacts.isPending ? (
                <LoadingRows rows={2} height={28} />
              ) : contacts.isError ? (
                <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} />
              ) : contacts.data.items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No contacts yet.
                </Text>
              ) : (
                <Table aria-label="Contacts">
                  <Table.Tbody>
                    {contacts.data.items.map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td>
                          <Text size="sm" fw={550}>
                            {p.name}
                          </Text>
                          {p.title ? (
                            <Text size="xs" c="dimmed">
                              {p.title}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td ta="right">{p.email ? <Anchor href={`mailto:${p.email}`} size="sm">{p.email}</Anchor> : null}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <CustomerFeedback workspaceId={workspaceId} customerId={c.id} />
        </Grid.Col>
      </Grid>
      <CustomerFormModal workspaceId={workspaceId} customer={c} opened={dialog === 'edit'} onClose={() => setDialog(null)} />
      <AddContactModal workspaceId={workspaceId} customerId={c.id} opened={dialog === 'contact'} onClose={() => setDialog(null)} />
    </>
  );
}
