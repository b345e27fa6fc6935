import { Alert, Button, Group, Modal, NumberInput, SimpleGrid, Stack, Switch, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { CAREER_LIMITS, type CompetencyFramework } from '../../../../shared/contracts.js';
import { LIMITS } from '../../../../shared/limits.js';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { useCreateFramework, useUpdateFramework } from './use-frameworks';

/** Creates a custom framework (then opens it), or edits one when `framework` is given. */
export function FrameworkFormModal({ workspaceId, framework, opened, onClose }: { workspaceId: string; framework?: CompetencyFramework; opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const create = useCreateFramework(workspaceId);
  const update = useUpdateFramework(workspaceId);
  const form = useForm({
    initialValues: { name: '', description: '', source: '', min: 1 as number | string, max: 5 as number | string, labels: [] as string[], ratesImportance: false },
    validate: {
      name: (v) => (v.trim() ? null : 'Name the framework.'),
      max: (v, all) => (Number(v) > Number(all.min) ? null : 'The top of the scale must be above the bottom.'),
      labels: (v, all) => {
        const points = Number(all.max) - Number(all.min) + 1;
        return v.length === 0 || v.length === points ? null : `One label per point (${points}), or none.`;
      },
    },
  });

  useEffect(() => {
    if (opened) {
      form.setValues({
        name: framework?.name ?? '',
        description: framework?.description ?? '',
        source: framework?.source ?? '',
        min: framework?.scale.min ?? 1,
        max: framework?.scale.max ?? 5,
        labels: framework?.scale.labels ?? [],
        ratesImportance: framework?.ratesImportance ?? false,
      });
      form.clearErrors();
    }
    // Reset only when the modal opens or the record changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, framework?.id, framework?.version]);

  const submit = form.onSubmit((v) => {
    const body = {
      name: v.name.trim(),
      description: v.description.trim(),
      source: v.source.trim(),
      scale: { min: Number(v.min), max: Number(v.max), labels: v.labels },
      ratesImportance: v.ratesImportance,
    };
    if (framework) {
      update.mutate(
        { frameworkId: framework.id, version: framework.version, ...body },
        { onSuccess: () => (notifySuccess('Framework saved.'), onClose()), onError: (e) => showFormError(form, e, 'Could not save the framework') },
      );
      return;
    }
    create.mutate(body, {
      onSuccess: (f) => {
        notifySuccess(`${f.name} created. Add its competencies next.`);
        onClose();
        void navigate({ to: '/w/$workspaceId/coaching/frameworks/$frameworkId', params: { workspaceId, frameworkId: f.id } });
      },
      onError: (e) => showFormError(form, e, 'Could not create the framework'),
    });
  });

  return (
    <Modal opened={opened} onClose={onClose} title={framework ? `Edit ${framework.name}` : 'New competency framework'} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <TextInput label="Name" required maxLength={LIMITS.nameMax} data-autofocus {...form.getInputProps('name')} />
          <Textarea label="Description" description="What the framework covers and when to use it." autosize minRows={2} maxRows={6} maxLength={LIMITS.descriptionMax} {...form.getInputProps('description')} />
          <TextInput label="Source" description="The framework this one follows, if any." maxLength={CAREER_LIMITS.sourceMax} {...form.getInputProps('source')} />
          {framework?.builtIn ? (
            <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} aria-hidden />}>
              A built-in framework. Its scale can change only while no assessment uses it; copy it to adapt it freely.
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label="Scale from" min={CAREER_LIMITS.scaleMinLowest} max={CAREER_LIMITS.scaleMaxHighest - 1} allowDecimal={false} {...form.getInputProps('min')} />
            <NumberInput label="Scale to" min={1} max={CAREER_LIMITS.scaleMaxHighest} allowDecimal={false} {...form.getInputProps('max')} />
          </SimpleGrid>
          <TagsInput
            label="Scale labels"
            description="Optional: one word per point, lowest first (e.g. Learning, Developing, Proficient, Strong, Expert)."
            maxTags={11}
            {...form.getInputProps('labels')}
          />
          <Switch
            label="Rate importance too"
            description="Each competency also gets an importance rating for the PM’s context, so gaps that matter come first."
            {...form.getInputProps('ratesImportance', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {framework ? 'Save' : 'Create framework'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
