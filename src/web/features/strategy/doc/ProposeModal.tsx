import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { PROPOSAL_RATIONALE_MAX, STRATEGY_TEXT_MAX, type StrategySectionKey } from '../../../../shared/contracts.js';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { SECTION_TITLES } from './labels';
import { useCreateProposal } from './use-strategy';

/** Suggests a new text for one section, prefilled with the current text, with the reason why. */
export function ProposeModal({
  workspaceId,
  productId,
  section,
  current,
  onClose,
}: {
  workspaceId: string;
  productId: string;
  section: StrategySectionKey | null;
  current: string;
  onClose: () => void;
}) {
  const create = useCreateProposal(workspaceId, productId);
  const form = useForm({
    mode: 'controlled',
    initialValues: { text: current, rationale: '' },
    validate: {
      text: (v) => (v === current ? 'Change the text first' : null),
      rationale: (v) => (v.trim() ? null : 'Say why: the lead decides on the reason as much as on the text'),
    },
  });
  return (
    <Modal opened={section !== null} onClose={onClose} title={section ? `Propose a change to “${SECTION_TITLES[section]}”` : ''} size="lg">
      {section ? (
        <form
          onSubmit={form.onSubmit((values) =>
            create.mutate(
              { section, text: values.text, rationale: values.rationale.trim() },
              {
                onSuccess: () => {
                  notifySuccess('The lead will see it with your rationale.', 'Proposal sent');
                  onClose();
                },
                onError: (e) => showFormError(form, e),
              },
            ),
          )}
        >
          <Stack>
            <Text size="sm" c="dimmed">
              Edit the section as you would like it to read. The lead sees your change as a diff against the current text.
            </Text>
            <Textarea label="Suggested text" autosize minRows={6} maxRows={16} maxLength={STRATEGY_TEXT_MAX} {...form.getInputProps('text')} />
            <Textarea
              label="Rationale"
              description="What you learned that makes this change right."
              autosize
              minRows={3}
              maxLength={PROPOSAL_RATIONALE_MAX}
              required
              {...form.getInputProps('rationale')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Send proposal
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
