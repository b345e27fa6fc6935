import { Button, Group, Modal, MultiSelect, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { REQUESTER_TYPES, REQUEST_URGENCIES, type CreateRequest, type RequestDetail, type RequesterType, type RequestUrgency } from '../../../../shared/contracts.js';
import { LIMITS } from '../../../../shared/limits.js';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { useCustomers } from '../../discovery/customers/use-customers';
import { useFeatureComponents } from '../../features/use-feature-components';
import { useMembers } from '../../members/use-members';
import { REQUESTER_TYPE_LABELS, useCreateRequest } from './use-requests';

/** Submitting a request: what is asked, who asked (a member or an outside contact), customers, urgency and where it lands. */
export function RequestFormModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated?: (r: RequestDetail) => void }) {
  const { workspaceId, memberId } = useCurrentWorkspace();
  const create = useCreateRequest(workspaceId);
  const members = useMembers(workspaceId);
  const components = useFeatureComponents(workspaceId, 'request.read');
  const [customerQuery, setCustomerQuery] = useState('');
  const customers = useCustomers(workspaceId, { q: customerQuery, limit: 50, enabled: opened });
  const [knownCustomers, setKnownCustomers] = useState(new Map<string, string>());

  const form = useForm({
    initialValues: {
      title: '',
      description: '',
      requesterType: 'internal' as RequesterType,
      requesterKind: 'member' as 'member' | 'contact',
      requesterId: '' as string | null,
      contactName: '',
      contactEmail: '',
      customerIds: [] as string[],
      urgency: 'medium' as RequestUrgency,
      desiredDate: '',
      componentId: '' as string | null,
    },
    validate: {
      title: (v) => (v.trim() ? null : 'Say what is asked, in a line.'),
      contactName: (v, values) => (values.requesterKind === 'contact' && !v.trim() && values.customerIds.length === 0 ? 'Name the contact, or pick the customers concerned.' : null),
      contactEmail: (v) => (v.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.trim()) ? 'Enter an email address, or leave it empty.' : null),
    },
  });

  useEffect(() => {
    if (!opened) return;
    form.reset();
    form.setFieldValue('requesterId', memberId || null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const outside = form.values.requesterType === 'customer' || form.values.requesterType === 'partner';
  useEffect(() => {
    form.setFieldValue('requesterKind', outside ? 'contact' : 'member');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [outside]);

  // The current search results, plus the customers already picked (which a new search may not return).
  const results = customers.data?.items ?? [];
  const customerOptions = [
    ...results.map((c) => ({ value: c.id, label: c.name })),
    ...form.values.customerIds.filter((id) => !results.some((c) => c.id === id)).map((id) => ({ value: id, label: knownCustomers.get(id) ?? 'Customer' })),
  ];
  const pickCustomers = (ids: string[]) => {
    setKnownCustomers((prev) => {
      const next = new Map(prev);
      for (const c of results) if (ids.includes(c.id)) next.set(c.id, c.name);
      return next;
    });
    form.setFieldValue('customerIds', ids);
  };

  const submit = form.onSubmit((v) => {
    const body: CreateRequest = {
      title: v.title.trim(),
      description: v.description.trim() || undefined,
      requesterType: v.requesterType,
      urgency: v.urgency,
      customerIds: v.customerIds.length ? v.customerIds : undefined,
      desiredDate: v.desiredDate || undefined,
      componentId: v.componentId || undefined,
    };
    if (v.requesterKind === 'member') body.requesterId = v.requesterId || undefined;
    else if (v.contactName.trim()) body.contact = v.contactEmail.trim() ? { name: v.contactName.trim(), email: v.contactEmail.trim() } : v.contactName.trim();
    create.mutate(body, {
      onSuccess: (r) => {
        notifySuccess('Request submitted. It is now in triage.');
        onCreated?.(r);
        onClose();
      },
      onError: (e) => showFormError(form, e),
    });
  });

  return (
    <Modal opened={opened} onClose={onClose} title="New request" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Title" description="What is asked, in a line." required maxLength={LIMITS.titleMax} data-autofocus {...form.getInputProps('title')} />
          <Textarea label="Description" description="The ask in the requester’s words, and the problem behind it (Markdown)." autosize minRows={3} maxRows={10} maxLength={LIMITS.descriptionMax} {...form.getInputProps('description')} />
          <Select
            label="Requester type"
            data={REQUESTER_TYPES.map((t) => ({ value: t, label: REQUESTER_TYPE_LABELS[t] }))}
            allowDeselect={false}
            required
            {...form.getInputProps('requesterType')}
          />
          <Stack gap={6}>
            <Text size="sm" fw={500} id="requester-kind-label">
              Who asked
            </Text>
            <SegmentedControl
              aria-labelledby="requester-kind-label"
              data={[
                { value: 'member', label: 'A member' },
                { value: 'contact', label: 'An outside contact' },
              ]}
              {...form.getInputProps('requesterKind')}
            />
          </Stack>
          {form.values.requesterKind === 'member' ? (
            <Select
              label="Member"
              description="Defaults to you."
              searchable
              data={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
              nothingFoundMessage="No member by that name"
              {...form.getInputProps('requesterId')}
              error={form.errors.requesterId}
            />
          ) : (
            <Group grow align="flex-start">
              <TextInput label="Contact name" maxLength={LIMITS.nameMax} {...form.getInputProps('contactName')} error={form.errors.contactName ?? form.errors.contact} />
              <TextInput label="Contact email" description="They hear the outcome by email." type="email" maxLength={LIMITS.emailMax} {...form.getInputProps('contactEmail')} />
            </Group>
          )}
          <MultiSelect
            label="Customers concerned"
            placeholder="Search customers"
            searchable
            searchValue={customerQuery}
            onSearchChange={setCustomerQuery}
            data={customerOptions}
            nothingFoundMessage={customers.isFetching ? 'Searching…' : 'No customer by that name'}
            value={form.values.customerIds}
            onChange={pickCustomers}
            error={form.errors.customerIds}
          />
          <Group grow align="flex-start">
            <Select label="Urgency" data={REQUEST_URGENCIES.map((u) => ({ value: u, label: u[0]!.toUpperCase() + u.slice(1) }))} allowDeselect={false} {...form.getInputProps('urgency')} />
            <TextInput label="Desired date" type="date" {...form.getInputProps('desiredDate')} />
          </Group>
          <Select
            label="Product area"
            description="The component it lands in: its PM decides it (else the lead)."
            placeholder="Not known yet"
            clearable
            searchable
            data={(() => {
              const groups: { group: string; items: { value: string; label: string }[] }[] = [];
              for (const c of components.all) {
                const g = groups.find((x) => x.group === c.productName);
                if (g) g.items.push({ value: c.id, label: c.name });
                else groups.push({ group: c.productName, items: [{ value: c.id, label: c.name }] });
              }
              return groups;
            })()}
            {...form.getInputProps('componentId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Submit request
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
