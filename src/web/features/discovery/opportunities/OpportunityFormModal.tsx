import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { LIMITS } from '../../../../shared/limits.js';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { useMembers } from '../../members/use-members';
import { useProducts } from '../../products/use-products';
import { usePillarOptions } from '../../strategy/pillars/use-pillars';
import { OPPORTUNITY_STATUS_LABELS, optionsOf } from '../labels';
import type { Opportunity, OpportunityStatus } from '../types';
import { useComponentOptions } from '../use-components';
import { useCreateOpportunity, useUpdateOpportunity } from './use-opportunities';

/** Creates an opportunity (then opens it), or edits one when `opportunity` is given. */
export function OpportunityFormModal({
  workspaceId,
  opportunity,
  opened,
  onClose,
}: {
  workspaceId: string;
  opportunity?: Pick<Opportunity, 'id' | 'version' | 'title' | 'problem' | 'status' | 'componentIds' | 'ownerId' | 'pillarId'>;
  opened: boolean;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const create = useCreateOpportunity(workspaceId);
  const update = useUpdateOpportunity(workspaceId);
  const components = useComponentOptions(workspaceId);
  const members = useMembers(workspaceId);
  const products = useProducts(workspaceId);
  const pillars = usePillarOptions(workspaceId, products.data?.items ?? []);
  const form = useForm({
    initialValues: { title: '', problem: '', status: 'open' as string, componentIds: [] as string[], ownerId: null as string | null, pillarId: null as string | null },
    validate: { title: (v) => (v.trim() ? null : 'Name the customer problem.') },
  });

  useEffect(() => {
    if (opened) {
      form.setValues({
        title: opportunity?.title ?? '',
        problem: opportunity?.problem ?? '',
        status: opportunity?.status ?? 'open',
        componentIds: opportunity?.componentIds ?? [],
        ownerId: opportunity?.ownerId ?? null,
        pillarId: opportunity?.pillarId ?? null,
      });
      form.clearErrors();
    }
    // Reset only when the modal opens or the record changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, opportunity?.id, opportunity?.version]);

  return (
    <Modal opened={opened} onClose={onClose} title={opportunity ? 'Edit opportunity' : 'New opportunity'} size="lg">
      <form
        onSubmit={form.onSubmit((v) => {
          const body = { title: v.title.trim(), problem: v.problem.trim(), status: v.status as OpportunityStatus, componentIds: v.componentIds, ownerId: v.ownerId, pillarId: v.pillarId };
          if (opportunity) {
            update.mutate(
              { opportunityId: opportunity.id, version: opportunity.version, ...body },
              { onSuccess: () => (notifySuccess('Opportunity saved.'), onClose()), onError: (e) => showFormError(form, e) },
            );
          } else {
            create.mutate(body, {
              onSuccess: (o) => {
                notifySuccess('Opportunity created. Link feedback to it as evidence.');
                onClose();
                void navigate({ to: '/w/$workspaceId/opportunities/$opportunityId', params: { workspaceId, opportunityId: o.id } });
              },
              onError: (e) => showFormError(form, e),
            });
          }
        })}
      >
        <Stack>
          <TextInput label="Title" description="The customer problem, in a few words." maxLength={LIMITS.titleMax} data-autofocus {...form.getInputProps('title')} />
          <Textarea label="Problem statement" description="Who struggles, with what, and why it matters." autosize minRows={3} maxRows={10} {...form.getInputProps('problem')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="Status" data={optionsOf(OPPORTUNITY_STATUS_LABELS)} allowDeselect={false} {...form.getInputProps('status')} />
            <Select
              label="Owner"
              placeholder="No owner"
              data={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
              searchable
              clearable
              {...form.getInputProps('ownerId')}
            />
          </SimpleGrid>
          {components.grouped.length ? <MultiSelect label="Components" data={components.grouped} searchable {...form.getInputProps('componentIds')} /> : null}
          <Select
            label="Strategic pillar"
            description="The pillar of a product’s strategy this problem serves."
            placeholder={pillars.groups.length ? 'No pillar' : pillars.loading ? 'Loading…' : 'No pillars yet'}
            data={pillars.groups}
            searchable
            clearable
            disabled={!pillars.groups.length && !form.values.pillarId}
            {...form.getInputProps('pillarId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {opportunity ? 'Save' : 'Create opportunity'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
