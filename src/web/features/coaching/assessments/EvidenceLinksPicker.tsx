import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { AssessmentLink, AvailableAssessmentLinkType } from '../../../../shared/contracts.js';
import { usePersonArtifacts } from './use-assessments';

export const LINK_TYPE_LABELS: Record<AvailableAssessmentLinkType, string> = {
  interview: 'Interviews',
  experiment: 'Experiments',
  feature: 'Features',
  requirements: 'Requirements documents',
  opportunity: 'Opportunities',
  feedback: 'Feedback',
  proposal: 'Strategy proposals',
  decision: 'Decisions',
  update: 'Status updates',
};

const keyOf = (l: { type: string; id: string }) => `${l.type}:${l.id}`;

/**
 * Picks evidence from the person's real work (interviews, experiments, features, requirements,
 * opportunities, strategy proposals, decisions, status updates), searched on the server by title. Links already chosen stay listed, even when the
 * search no longer finds them.
 */
export function EvidenceLinksPicker({
  workspaceId,
  personId,
  value,
  onChange,
  label,
  whose,
  disabled,
}: {
  workspaceId: string;
  personId: string;
  value: AssessmentLink[];
  onChange: (links: AssessmentLink[]) => void;
  label: string;
  /** Whose work it is, for the placeholder: “your” or “Pia’s”. */
  whose: string;
  disabled?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const [q] = useDebouncedValue(search, 250);
  // Only ask once the list opens: a page of competencies would otherwise fetch once per card.
  const artifacts = usePersonArtifacts(workspaceId, personId, q, opened);

  const { data, known } = useMemo(() => {
    const known = new Map<string, AssessmentLink>();
    for (const l of value) known.set(keyOf(l), l);
    for (const a of artifacts.data?.items ?? []) if (!known.has(keyOf(a))) known.set(keyOf(a), { type: a.type, id: a.id, label: a.label, exists: true });
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const [k, l] of known) {
      const group = LINK_TYPE_LABELS[l.type as AvailableAssessmentLinkType] ?? 'Other';
      groups.set(group, [...(groups.get(group) ?? []), { value: k, label: l.label }]);
    }
    return { data: [...groups].map(([group, items]) => ({ group, items })), known };
  }, [value, artifacts.data]);

  return (
    <MultiSelect
      label={label}
      description="Link the work this rating rests on."
      placeholder={value.length ? undefined : `Search ${whose} interviews, experiments, features…`}
      data={data}
      value={value.map(keyOf)}
      onChange={(keys) => onChange(keys.map((k) => known.get(k)).filter((l): l is AssessmentLink => Boolean(l)))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpened(true)}
      // The server already searched; the options shown are its answer.
      filter={({ options }) => options}
      nothingFoundMessage={artifacts.isFetching ? 'Searching…' : artifacts.isError ? 'Could not load the person’s work' : 'No matching work'}
      maxValues={20}
      clearable
      disabled={disabled}
      hidePickedOptions
    />
  );
}
