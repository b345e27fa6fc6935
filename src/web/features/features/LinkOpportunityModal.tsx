import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../lib/errors';
import { IMPORTANCE_LABELS, formatMoney } from '../discovery/labels';
import { useOpportunities } from '../discovery/opportunities/use-opportunities';
import { useLinkFeatureEvidence } from './use-features';

const importanceOptions = Object.entries(IMPORTANCE_LABELS).map(([value, label]) => ({ value, label }));

interface Props {
  workspaceId: string;
  featureId: string;
  linkedIds: ReadonlySet<string>;
  opened: boolean;
  onClose: () => void;
}

/** Links an opportunity (a customer problem) as evidence: all its feedback then counts for the feature. */
export function LinkOpportunityModal(props: Props) {
  // The body mounts on each opening, so its choices start afresh.
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Link an opportunity as evidence">
      <LinkOpportunityForm {...props} />
    </Modal>
  );
}

function LinkOpportunityForm({ workspaceId, featureId, linkedIds, onClose }: Props) {
  const opportunities = useOpportunities(workspaceId);
  const link = useLinkFeatureEvidence(workspaceId, featureId);
  const [opportunityId, setOpportunityId] = useState<string | null>(null);
  const [importance, setImportance] = useState<string>('2');
  const [error, setError] = useState<string | null>(null);

  const data = (opportunities.data?.items ?? []).map((o) => ({
    value: o.id,
    label: `${o.title} — ${o.evidence.feedbackCount} feedback, ${formatMoney(o.evidence.arr)}${linkedIds.has(o.id) ? ' (already linked)' : ''}`,
    disabled: linkedIds.has(o.id),
  }));

  const submit = () => {
    if (!opportunityId) return setError('Pick an opportunity.');
    link.mutate(
      { opportunityId, importance: Number(importance) },
      {
        onSuccess: () => {
          notifySuccess('Opportunity linked as evidence.');
          onClose();
        },
        onError: (e) => notifyError(e, 'Could not link the opportunity'),
      },
    );
  };

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Every feedback item linked to the opportunity counts towards this feature’s roll-up, each customer once.
      </Text>
      <Select
        label="Opportunity"
        placeholder={opportunities.isPending ? 'Loading…' : 'Search opportunities'}
        data={data}
        value={opportunityId}
        onChange={(v) => {
          setOpportunityId(v);
          setError(null);
        }}
        searchable
        nothingFoundMessage="No opportunity matches"
        error={error}
        data-autofocus
      />
      <Select label="Importance" data={importanceOptions} value={importance} onChange={(v) => setImportance(v ?? '2')} allowDeselect={false} w={200} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={submit} loading={link.isPending}>
          Link opportunity
        </Button>
      </Group>
    </Stack>
  );
}
