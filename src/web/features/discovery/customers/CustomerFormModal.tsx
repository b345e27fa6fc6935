import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { LIMITS } from '../../../../shared/limits.js';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { useMembers } from '../../members/use-members';
import { CUSTOMER_STATUS_LABELS, optionsOf } from '../labels';
import type { Customer, CustomerStatus } from '../types';
import { useCreateCustomer, useUpdateCustomer } from './use-customers';

/** Creates a customer (then opens it), or edits one when `customer` is given. */
export function CustomerFormModal({ workspaceId, customer, opened, onClose }: { workspaceId: string; customer?: Customer; opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const create = useCreateCustomer(workspaceId);
  const update = useUpdateCustomer(workspaceId);
  const members = useMembers(workspaceId);
  const form = useForm({
    initialValues: { name: '', domain: '', segment: '', plan: '', arr: '', currency: 'USD', status: 'active' as string, externalId: '', ownerId: null as string | null },
    validate: {
      name: (v) => (v.trim() ? null : 'Give the customer a name.'),
      arr: (v) => (!v.trim() || /^\d[\d,_ ]*$/.test(v.trim()) ? null : 'A whole number, e.g. 120000.'),
      currency: (v) => (/^[A-Za-z]{3}$/.test(v.trim()) ? null : 'A 3-letter code such as USD or EUR.'),
    },
  });

  useEffect(() => {
    if (opened) {
      form.setValues({
        name: customer?.name ?? '',
        domain: customer?.domain ?? '',
        segment: customer?.segment ?? '',
        plan: customer?.plan ?? '',
        arr: customer?.arr && customer.arr !== '0' ? customer.arr : '',
        currency: customer?.currency ?? 'USD',
        status: customer?.status ?? 'active',
        externalId: customer?.externalId ?? '',
        ownerId: customer?.ownerId ?? null,
      });
      form.clearErrors();
    }
    // Reset only when the modal opens or the record changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, customer?.id, customer?.version]);

  return (
    <Modal opened={opened} onClose={onClose} title={customer ? `Edit ${customer.name}` : 'New customer'} size="lg">
      <form
        onSubmit={form.onSubmit((v) => {
          const body = {
            name: v.name.trim(),
            domain: v.domain.trim() || null,
            segment: v.segment.trim(),
            plan: v.plan.trim(),
            arr: v.arr.trim().replace(/[,_ ]/g, '') || '0',
            currency: v.currency.trim().toUpperCase(),
            status: v.status as CustomerStatus,
            externalId: v.externalId.trim() || null,
            ownerId: v.ownerId,
          };
          if (customer) {
            update.mutate(
              { customerId: customer.id, version: customer.version, ...body },
              { onSuccess: () => (notifySuccess('Customer saved.'), onClose()), onError: (e) => showFormError(form, e) },
            );
          } else {
            create.mutate(body, {
              onSuccess: (c) => {
                notifySuccess(`${c.name} added.`);
                onClose();
                void navigate({ to: '/w/$workspaceId/customers/$customerId', params: { workspaceId, customerId: c.id } });
              },
              onError: (e) => showFormError(form, e),
            });
          }
        })}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Name" maxLength={LIMITS.nameMax} data-autofocus {...form.getInputProps('name')} />
            <TextInput label="Domain" placeholder="acme.com" {...form.getInputProps('domain')} />
            <TextInput label="Segment" placeholder="Enterprise, Mid-market, SMB…" {...form.getInputProps('segment')} />
            <TextInput label="Plan" {...form.getInputProps('plan')} />
            <TextInput label="ARR" description="Whole currency units per year" inputMode="numeric" {...form.getInputProps('arr')} />
            <TextInput label="Currency" description="ISO 4217 code" maxLength={3} {...form.getInputProps('currency')} />
            <Select label="Status" data={optionsOf(CUSTOMER_STATUS_LABELS)} allowDeselect={false} {...form.getInputProps('status')} />
            <Select
              label="Account owner"
              placeholder="No owner"
              data={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
              searchable
              clearable
              {...form.getInputProps('ownerId')}
            />
            <TextInput label="External id" description="Id in your CRM; CSV import matches on it" {...form.getInputProps('externalId')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {customer ? 'Save' : 'Add customer'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
