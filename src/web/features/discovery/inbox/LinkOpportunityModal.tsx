import { Blockquote, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { IMPORTANCE_LABELS } from '../labels';
import { useLinkEvidence, useOpportunities } from '../opportunities/use-opportunities';
import type { Feedback } from '../types';

/** Links a feedback item to an opportunity, with the quote selected in its text and an importance. */
export function LinkOpportunityModal({
  workspaceId,
  feedback,
  quote,
  opened,
  onClose,
  suggested = [],
}: {
  workspaceId: string;
  feedback: Feedback | null;
  quote: { start: number; end: number } | null;
  opened: boolean;
  onClose: () => void;
  suggested?: { id: string; title: string }[];
}) {
  const opportunities = useOpportunities(workspaceId, opened);
  const link = useLinkEvidence(workspaceId);
  // The server refuses (409) a second link to the same opportunity: never offer one, let alone preselect it.
  // The suggestions rank the item's own opportunities first, as its text is part of their evidence.
  const linkedIds = new Set((feedback?.evidence ?? []).map((e) => e.opportunityId));
  const unlinkedSuggestions = suggested.filter((s) => !linkedIds.has(s.id));
  const form = useForm({
    initialValues: { opportunityId: '', importance: '' },
    validate: { opportunityId: (v) => (v ? null : 'Pick an opportunity.') },
  });

  useEffect(() => {
    if (opened) {
      form.setValues({ opportunityId: unlinkedSuggestions[0]?.id ?? '', importance: feedback?.importance ? String(feedback.importance) : '' });
      form.clearErrors();
    }
    // Reset only when the modal opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  // Suggestions may arrive after the dialog opened: take the best one, unless the user already chose.
  const firstSuggestion = unlinkedSuggestions[0]?.id ?? '';
  useEffect(() => {
    if (opened && firstSuggestion && !form.values.opportunityId) form.setFieldValue('opportunityId', firstSuggestion);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, firstSuggestion]);

  const suggestedIds = new Set(unlinkedSuggestions.map((s) => s.id));
  const data = [
    ...(unlinkedSuggestions.length ? [{ group: 'Suggested', items: unlinkedSuggestions.map((s) => ({ value: s.id, label: s.title })) }] : []),
    {
      group: 'All opportunities',
      items: (opportunities.data?.items ?? [])
        .filter((o) => !suggestedIds.has(o.id))
        .map((o) => (linkedIds.has(o.id) ? { value: o.id, label: `${o.title} (already linked)`, disabled: true } : { value: o.id, label: o.title })),
    },
  ];

  return (
    <Modal opened={opened} onClose={onClose} title="Link to opportunity">
      <form
        onSubmit={form.onSubmit((values) => {
          if (!feedback) return;
          link.mutate(
            {
              opportunityId: values.opportunityId,
              feedbackId: feedback.id,
              ...(quote ? { quote } : {}),
              ...(values.importance ? { importance: Number(values.importance) } : {}),
            },
            {
              onSuccess: () => {
                notifySuccess('Feedback linked as evidence.');
                onClose();
              },
              onError: (e) => showFormError(form, e),
            },
          );
        })}
      >
        <Stack>
          <Select
            label="Opportunity"
            placeholder={opportunities.isPending ? 'Loading…' : 'Search opportunities'}
            data={data}
            searchable
            nothingFoundMessage="No opportunity matches"
            data-autofocus
            {...form.getInputProps('opportunityId')}
          />
          {feedback && quote ? (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Quote
              </Text>
              <Blockquote p="sm" fz="sm">
                {feedback.text.slice(quote.start, quote.end)}
              </Blockquote>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              Tip: select part of the feedback text before linking to keep it as the quote.
            </Text>
          )}
          <Select
            label="Importance"
            placeholder="Not set"
            data={Object.entries(IMPORTANCE_LABELS).map(([value, label]) => ({ value, label: `${value} · ${label}` }))}
            clearable
            {...form.getInputProps('importance')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={link.isPending}>
              Link
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
