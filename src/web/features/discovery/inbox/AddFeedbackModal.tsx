import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { CustomerSelect } from '../CustomerSelect';
import { IMPORTANCE_LABELS, SOURCE_LABELS, optionsOf } from '../labels';
import type { Feedback, FeedbackSource } from '../types';
import { useComponentOptions } from '../use-components';
import { useCreateFeedback } from './use-feedback';

/** The web intake form for one feedback item. */
export function AddFeedbackModal({
  workspaceId,
  opened,
  onClose,
  onCreated,
}: {
  workspaceId: string;
  opened: boolean;
  onClose: () => void;
  onCreated?: (f: Feedback) => void;
}) {
  const create = useCreateFeedback(workspaceId);
  const components = useComponentOptions(workspaceId);
  const form = useForm({
    initialValues: {
      text: '',
      source: 'customer_success' as string,
      customerId: null as string | null,
      capturedAt: '',
      tags: [] as string[],
      componentIds: [] as string[],
      importance: null as string | null,
    },
    validate: {
      text: (v) => (v.trim() ? null : 'Write what the customer said.'),
      source: (v) => (v ? null : 'Pick where this came from.'),
    },
  });

  useEffect(() => {
    if (opened) {
      form.reset();
      form.setFieldValue('capturedAt', new Date().toISOString().slice(0, 10));
    }
    // Reset only when the modal opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  return (
    <Modal opened={opened} onClose={onClose} title="Add feedback" size="lg">
      <form
        onSubmit={form.onSubmit((v) => {
          create.mutate(
            {
              text: v.text.trim(),
              source: v.source as FeedbackSource,
              ...(v.customerId ? { customerId: v.customerId } : {}),
              ...(v.capturedAt ? { capturedAt: new Date(`${v.capturedAt}T12:00:00`).toISOString() } : {}),
              ...(v.tags.length ? { tags: v.tags } : {}),
              ...(v.componentIds.length ? { componentIds: v.componentIds } : {}),
              ...(v.importance ? { importance: Number(v.importance) } : {}),
            },
            {
              onSuccess: (f) => {
                notifySuccess('Feedback added to the inbox.');
                onClose();
                onCreated?.(f);
              },
              onError: (e) => showFormError(form, e),
            },
          );
        })}
      >
        <Stack>
          <Textarea label="Feedback" description="The customer's words, as close to verbatim as you can." autosize minRows={4} maxRows={12} data-autofocus {...form.getInputProps('text')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="Source" data={optionsOf(SOURCE_LABELS)} allowDeselect={false} {...form.getInputProps('source')} />
            <CustomerSelect
              workspaceId={workspaceId}
              value={form.values.customerId}
              onChange={(id) => form.setFieldValue('customerId', id)}
              error={form.errors.customerId as string | undefined}
            />
            <TextInput label="Captured on" type="date" {...form.getInputProps('capturedAt')} />
            <Select
              label="Importance"
              placeholder="Not set"
              data={Object.entries(IMPORTANCE_LABELS).map(([value, label]) => ({ value, label: `${value} · ${label}` }))}
              clearable
              {...form.getInputProps('importance')}
            />
          </SimpleGrid>
          <TagsInput label="Tags" placeholder="Type a tag and press Enter" {...form.getInputProps('tags')} />
          {components.grouped.length ? <MultiSelect label="Components" data={components.grouped} searchable {...form.getInputProps('componentIds')} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add feedback
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
