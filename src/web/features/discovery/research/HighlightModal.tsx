import { Blockquote, Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { notifySuccess, notifyError } from '../../../lib/errors';
import { IMPORTANCE_LABELS } from '../labels';
import { useOpportunities } from '../opportunities/use-opportunities';
import { useCreateHighlight } from './use-research';

/** Saves the selected quote of the notes as interview feedback, optionally linked to an opportunity. */
export function HighlightModal({
  workspaceId,
  interviewId,
  range,
  quote,
  opened,
  onClose,
  canLink,
}: {
  workspaceId: string;
  interviewId: string;
  range: { start: number; end: number } | null;
  quote: string;
  opened: boolean;
  onClose: () => void;
  canLink: boolean;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Create highlight">
      <HighlightForm workspaceId={workspaceId} interviewId={interviewId} range={range} quote={quote} onClose={onClose} canLink={canLink} />
    </Modal>
  );
}

/** The form, mounted afresh each time the modal opens. */
function HighlightForm({
  workspaceId,
  interviewId,
  range,
  quote,
  onClose,
  canLink,
}: {
  workspaceId: string;
  interviewId: string;
  range: { start: number; end: number } | null;
  quote: string;
  onClose: () => void;
  canLink: boolean;
}) {
  const create = useCreateHighlight(workspaceId);
  const opportunities = useOpportunities(workspaceId, canLink);
  const [importance, setImportance] = useState<string | null>('2');
  const [opportunityId, setOpportunityId] = useState<string | null>(null);

  const save = () => {
    if (!range) return;
    create.mutate(
      { interviewId, ...range, ...(importance ? { importance: Number(importance) } : {}), ...(opportunityId ? { opportunityId } : {}) },
      {
        onSuccess: () => {
          notifySuccess(opportunityId ? 'Highlight saved as feedback and linked.' : 'Highlight saved as feedback.');
          onClose();
        },
        onError: (e) => notifyError(e, 'Could not save the highlight'),
      },
    );
  };

  return (
    <Stack>
      <Blockquote p="sm" fz="sm">
        {quote}
      </Blockquote>
      <Select
        label="Importance"
        data={Object.entries(IMPORTANCE_LABELS).map(([value, label]) => ({ value, label: `${value} · ${label}` }))}
        value={importance}
        onChange={setImportance}
        allowDeselect={false}
        data-autofocus
      />
      {canLink ? (
        <Select
          label="Link to opportunity"
          placeholder="Not linked"
          data={(opportunities.data?.items ?? []).map((o) => ({ value: o.id, label: o.title }))}
          value={opportunityId}
          onChange={setOpportunityId}
          searchable
          clearable
        />
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={save} loading={create.isPending}>
          Save highlight
        </Button>
      </Group>
    </Stack>
  );
}
