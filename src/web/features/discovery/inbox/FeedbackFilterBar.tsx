import { ActionIcon, Button, Group, Select, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconInfoCircle, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { FEEDBACK_STATUS_LABELS, SOURCE_LABELS, optionsOf } from '../labels';
import type { FeedbackSource, FeedbackStatus } from '../types';
import type { FeedbackFilters } from './use-feedback';

const SEARCH_HINT = 'Web-search syntax: "exact phrase", word or word, -exclude';

/** The inbox's search box and filters; text inputs apply after a short pause in typing. */
export function FeedbackFilterBar({
  filters,
  onChange,
  components,
}: {
  filters: FeedbackFilters;
  onChange: (next: FeedbackFilters) => void;
  components: { value: string; label: string }[];
}) {
  const [q, setQ] = useState(filters.q ?? '');
  const [segment, setSegment] = useState(filters.segment ?? '');
  const [tag, setTag] = useState(filters.tag ?? '');
  // One debounce for the three text fields, applying all three as they are when it fires: a debounced
  // patch per field would lose the search typed just before the tag (the later call replaces the earlier).
  const apply = useDebouncedCallback(() => onChange({ ...filters, q, segment, tag }), 300);
  const active = Object.values(filters).some((v) => typeof v === 'string' && v !== '');

  const clear = () => {
    // A pending debounce would otherwise bring back what was typed just before clearing.
    apply.cancel();
    setQ('');
    setSegment('');
    setTag('');
    onChange({});
  };

  return (
    <Group gap="xs" align="flex-end" wrap="wrap" mb="sm" role="search" aria-label="Filter feedback">
      <TextInput
        label="Search feedback"
        placeholder='e.g. "bulk export" or csv -pdf'
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={
          <Tooltip label={SEARCH_HINT} multiline w={260}>
            <IconInfoCircle size={16} aria-label={SEARCH_HINT} role="img" />
          </Tooltip>
        }
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          apply();
        }}
        w={{ base: '100%', sm: 280 }}
        data-inbox-search
      />
      <Select
        label="Source"
        placeholder="Any source"
        data={optionsOf(SOURCE_LABELS)}
        value={filters.source ?? null}
        onChange={(v) => onChange({ ...filters, source: (v as FeedbackSource | null) ?? null })}
        clearable
        w={170}
      />
      <Select
        label="Status"
        placeholder="Any status"
        data={optionsOf(FEEDBACK_STATUS_LABELS)}
        value={filters.status ?? null}
        onChange={(v) => onChange({ ...filters, status: (v as FeedbackStatus | null) ?? null })}
        clearable
        w={140}
      />
      <TextInput
        label="Segment"
        placeholder="Any segment"
        value={segment}
        onChange={(e) => {
          setSegment(e.currentTarget.value);
          apply();
        }}
        w={140}
      />
      <TextInput
        label="Tag"
        placeholder="Any tag"
        value={tag}
        onChange={(e) => {
          setTag(e.currentTarget.value);
          apply();
        }}
        w={130}
      />
      {components.length > 0 ? (
        <Select
          label="Component"
          placeholder="Any component"
          data={components}
          value={filters.componentId ?? null}
          onChange={(v) => onChange({ ...filters, componentId: v })}
          clearable
          searchable
          w={180}
        />
      ) : null}
      <TextInput label="From" type="date" value={filters.from ?? ''} onChange={(e) => onChange({ ...filters, from: e.currentTarget.value || null })} w={150} />
      <TextInput label="To" type="date" value={filters.to ?? ''} onChange={(e) => onChange({ ...filters, to: e.currentTarget.value || null })} w={150} />
      {active ? (
        <>
          <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={clear} visibleFrom="sm">
            Clear filters
          </Button>
          <ActionIcon variant="subtle" size="lg" onClick={clear} aria-label="Clear filters" hiddenFrom="sm">
            <IconFilterOff size={16} aria-hidden />
          </ActionIcon>
        </>
      ) : null}
    </Group>
  );
}
