import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { notifyError, notifySuccess, showFormError } from '../../../lib/errors';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { CustomerSelect } from '../CustomerSelect';
import { IMPORTANCE_LABELS, SOURCE_LABELS, optionsOf } from '../labels';
import { useLinkEvidence } from '../opportunities/use-opportunities';
import type { Feedback, FeedbackSource } from '../types';
import { useComponentOptions } from '../use-components';
import { DraftSuggestions, type ChosenOpportunity } from './DraftSuggestions';
import { useCreateFeedback } from './use-feedback';
import { useDraftSuggestions } from './use-suggestions';

/**
 * The web intake form for one feedback item. As the text is typed it shows likely duplicates
 * (to open instead of adding the same thing twice) and suggested opportunities, one of which is
 * linked as evidence right after the item is created.
 */
export function AddFeedbackModal({
  workspaceId,
  opened,
  onClose,
  onCreated,
  onOpenExisting,
}: {
  workspaceId: string;
  opened: boolean;
  onClose: () => void;
  onCreated?: (f: Feedback) => void;
  /** Opens an existing item (a suggested duplicate); the caller closes this modal. Without it, duplicates are listed only. */
  onOpenExisting?: (id: string) => void;
}) {
  const { can } = useCurrentWorkspace();
  const canLink = can('evidence.link');
  const create = useCreateFeedback(workspaceId);
  const link = useLinkEvidence(workspaceId);
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
      // Picked from the suggestions; in the form so that reset on open clears it too.
      opportunity: null as ChosenOpportunity | null,
    },
    validate: {
      text: (v) => (v.trim() ? null : 'Write what the customer said.'),
      source: (v) => (v ? null : 'Pick where this came from.'),
    },
  });

  const chosen = form.values.opportunity;
  const suggestions = useDraftSuggestions(workspaceId, form.values.text, opened);

  useEffect(() => {
    if (opened) {
      form.reset();
      form.setFieldValue('capturedAt', new Date().toISOString().slice(0, 10));
    }
    // Reset only when the modal opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  /** After the item exists: link the chosen opportunity, then hand the item over (its detail shows the link). */
  const finish = async (f: Feedback, opportunity: ChosenOpportunity | null) => {
    if (opportunity) {
      try {
        await link.mutateAsync({ opportunityId: opportunity.id, feedbackId: f.id });
        notifySuccess(`Feedback added and linked to “${opportunity.title}”.`);
      } catch (e) {
        // The item is saved either way; closing keeps the user from adding it a second time.
        notifyError(e, 'Feedback added, but not linked');
      }
    } else {
      notifySuccess('Feedback added to the inbox.');
    }
    onClose();
    onCreated?.(f);
  };

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
              onSuccess: (f) => void finish(f, canLink ? v.opportunity : null),
              onError: (e) => showFormError(form, e),
            },
          );
        })}
      >
        <Stack>
          <Textarea label="Feedback" description="The customer's words, as close to verbatim as you can." autosize minRows={4} maxRows={12} data-autofocus {...form.getInputProps('text')} />
          <DraftSuggestions state={suggestions} chosen={chosen} onChoose={(o) => form.setFieldValue('opportunity', o)} canLink={canLink} onOpen={onOpenExisting} />
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
            {canLink && chosen ? (
              <Text size="xs" c="dimmed" mr="auto" lineClamp={1} maw="55%">
                Links to “{chosen.title}” on save
              </Text>
            ) : null}
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || link.isPending}>
              Add feedback
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
