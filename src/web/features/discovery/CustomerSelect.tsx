import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useCustomers } from './customers/use-customers';

/** A searchable customer picker that asks the server as the user types. */
export function CustomerSelect({
  workspaceId,
  value,
  onChange,
  label = 'Customer',
  error,
}: {
  workspaceId: string;
  value: string | null;
  onChange: (id: string | null) => void;
  label?: string;
  error?: string | null;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const customers = useCustomers(workspaceId, { q: debounced, limit: 30 });
  const data = (customers.data?.items ?? []).map((c) => ({ value: c.id, label: c.segment ? `${c.name} (${c.segment})` : c.name }));
  return (
    <Select
      label={label}
      placeholder="Search customers"
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server filters; keep every option it returned.
      filter={({ options }) => options}
      nothingFoundMessage={customers.isFetching ? 'Searching…' : 'No customer matches'}
      clearable
      error={error}
    />
  );
}
