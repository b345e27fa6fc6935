import { Button, Group, Modal, Select, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { GROWTH_PLAN_STATUSES, type GrowthPlan, type GrowthPlanStatus } from '../../../../shared/contracts.js';
import { LIMITS } from '../../../../shared/limits.js';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { PLAN_STATUS_LABELS } from './labels';
import { usePeopleOptions } from './use-options';
import { useCreatePlan, useUpdatePlan } from './use-growth';

/** Who sees a private plan, in words for the person reading the form. */
export function privacyExplained(personIsMe: boolean, personName: string): string {
  return personIsMe
    ? 'Only you and your coach. Admins and other leads do not see it.'
    : `Only ${personName} and their coach. Admins and other leads do not see it.`;
}

/**
 * Creates a growth plan (then opens it) or edits one. Coaches pick the person; a PM plans for
 * themselves and may name their coach.
 */
export function PlanFormModal({ opened, onClose, plan, defaultPersonId }: { opened: boolean; onClose: () => void; plan?: GrowthPlan; defaultPersonId?: string | null }) {
  const { workspaceId, memberId, role } = useCurrentWorkspace();
  const navigate = useNavigate();
  const create = useCreatePlan(workspaceId);
  const update = useUpdatePlan(workspaceId);
  const coaches = role === 'lead' || role === 'admin';
  const people = usePeopleOptions(workspaceId, ['pm', 'lead', 'admin']);
  const coachOptions = usePeopleOptions(workspaceId, ['lead', 'admin']).options.filter((o) => o.value !== memberId);
  const form = useForm({
    initialValues: { personId: '', coachId: '' as string | null, title: '', summary: '', private: false, status: 'active' as string },
    validate: {
      personId: (v) => (v ? null : 'Choose whose plan this is.'),
      title: (v) => (v.trim() ? null : 'Give the plan a title.'),
    },
  });

  useEffect(() => {
    if (!opened) return;
    form.setValues({
      personId: plan?.personId ?? defaultPersonId ?? memberId,
      coachId: plan?.coachId ?? null,
      title: plan?.title ?? '',
      summary: plan?.summary ?? '',
      private: plan?.private ?? false,
      status: plan?.status ?? 'active',
    });
    form.clearErrors();
    // Reset only when the modal opens or the record changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, plan?.id, plan?.version, memberId]);

  const v = form.getValues();
  const personIsMe = v.personId === memberId;
  const personName = plan?.person.name ?? people.options.find((o) => o.value === v.personId)?.label ?? 'the person';
  // Only the person or their coach may make a plan private: anyone else would lose sight of it.
  const mayLock = !plan || plan.private || plan.personId === memberId || plan.coachId === memberId;

  const submit = form.onSubmit((values) => {
    const body = { title: values.title.trim(), summary: values.summary.trim(), private: values.private };
    if (plan) {
      update.mutate(
        { planId: plan.id, version: plan.version, ...body, status: values.status as GrowthPlanStatus },
        { onSuccess: () => (notifySuccess('Plan saved.'), onClose()), onError: (e) => showFormError(form, e, 'Could not save the plan') },
      );
      return;
    }
    const coachId = values.personId === memberId && values.coachId ? values.coachId : undefined;
    create.mutate(
      { personId: values.personId, ...body, ...(coachId ? { coachId } : {}) },
      {
        onSuccess: (p) => {
          notifySuccess('Plan created. Add its first goal.');
          onClose();
          void navigate({ to: '/w/$workspaceId/coaching/growth/$planId', params: { workspaceId, planId: p.id } });
        },
        onError: (e) => showFormError(form, e, 'Could not create the plan'),
      },
    );
  });

  return (
    <Modal opened={opened} onClose={onClose} title={plan ? 'Edit growth plan' : 'New growth plan'} size="lg">
      <form onSubmit={submit}>
        <Stack>
          {!plan && coaches ? (
            <Select
              label="For"
              description="Yourself, or a PM you coach: you become their coach on this plan."
              data={people.options.map((o) => (o.value === memberId ? { ...o, label: `${o.label} (you)` } : o))}
              searchable
              allowDeselect={false}
              nothingFoundMessage="No one by that name"
              {...form.getInputProps('personId')}
            />
          ) : null}
          <TextInput
            label="Title"
            description="The change you are after, e.g. “From feature owner to problem owner”."
            maxLength={LIMITS.titleMax}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea
            label="Summary"
            description="Why this plan, and what success looks like at the end of it."
            autosize
            minRows={3}
            maxRows={10}
            maxLength={LIMITS.descriptionMax}
            {...form.getInputProps('summary')}
          />
          {!plan && personIsMe ? (
            <Select
              label="Coach"
              description="The lead who coaches you on this plan (optional)."
              placeholder="No coach yet"
              data={coachOptions}
              searchable
              clearable
              {...form.getInputProps('coachId')}
            />
          ) : null}
          {!plan && !personIsMe ? (
            <Text size="sm" c="dimmed">
              You will be the coach on this plan.
            </Text>
          ) : null}
          {plan ? (
            <Select label="Status" data={GROWTH_PLAN_STATUSES.map((s) => ({ value: s, label: PLAN_STATUS_LABELS[s] }))} allowDeselect={false} {...form.getInputProps('status')} />
          ) : null}
          <Switch
            label="Private"
            description={mayLock ? privacyExplained(personIsMe, personName) : 'Only the person or their coach can make this plan private.'}
            disabled={!mayLock}
            {...form.getInputProps('private', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {plan ? 'Save' : 'Create plan'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
