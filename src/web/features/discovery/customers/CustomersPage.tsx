import { Badge, Button, Group, Pagination, Paper, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuildingStore, IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { AnchorLink } from '../../../components/links';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { wsPath } from '../../../lib/api/client';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { CsvImportModal } from '../CsvImportModal';
import { CUSTOMER_STATUS_COLORS, CUSTOMER_STATUS_LABELS, formatMoney } from '../labels';
import { CustomerFormModal } from './CustomerFormModal';
import { customersKey, useCustomers } from './use-customers';

const PAGE = 50;

/** Customer accounts with their segment, ARR and how much feedback they gave. */
export function CustomersPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const [search, setSearch] = useState('');
  const [segment, setSegment] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [seg] = useDebouncedValue(segment, 250);
  const [page, setPage] = useState(1);
  const list = useCustomers(workspaceId, { q, segment: seg, limit: PAGE, offset: (page - 1) * PAGE });
  const [dialog, setDialog] = useState<null | 'new' | 'import'>(null);
  const filtered = Boolean(q.trim() || seg.trim());

  const actions = (
    <>
      {can('customer.import') ? (
        <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={() => setDialog('import')}>
          Import CSV
        </Button>
      ) : null}
      {can('customer.create') ? (
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog('new')}>
          New customer
        </Button>
      ) : null}
    </>
  );

  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE));

  return (
    <>
      <PageHeader title="Customers" description="The accounts behind the feedback: segment, plan and ARR weigh the evidence." actions={actions} />
      <Group gap="xs" mb="sm" align="flex-end">
        <TextInput
          label="Search"
          placeholder="Name or domain"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={260}
        />
        <TextInput
          label="Segment"
          placeholder="Any segment"
          value={segment}
          onChange={(e) => {
            setSegment(e.currentTarget.value);
            setPage(1);
          }}
          w={180}
        />
      </Group>
      {list.isPending ? (
        <LoadingRows rows={8} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState
          icon={<IconBuildingStore size={24} aria-hidden />}
          title={filtered ? 'No customer matches' : 'No customers yet'}
          description={filtered ? 'Try another name, domain or segment.' : 'Add customers by hand or import them from a CSV export of your CRM.'}
        />
      ) : (
        <>
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={760}>
              <Table aria-label="Customers">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Domain</Table.Th>
                    <Table.Th>Segment</Table.Th>
                    <Table.Th>Plan</Table.Th>
                    <Table.Th ta="right">ARR</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th ta="right">Feedback</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <AnchorLink to="/w/$workspaceId/customers/$customerId" params={{ workspaceId, customerId: c.id }} fw={550}>
                          {c.name}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>{c.domain ?? '—'}</Table.Td>
                      <Table.Td>{c.segment || '—'}</Table.Td>
                      <Table.Td>{c.plan || '—'}</Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {formatMoney(c.arr, c.currency)}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={CUSTOMER_STATUS_COLORS[c.status]}>{CUSTOMER_STATUS_LABELS[c.status]}</Badge>
                      </Table.Td>
                      <Table.Td ta="right">{c.feedbackCount}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Group justify="space-between" mt="sm">
            <Text size="sm" c="dimmed">
              {list.data.total.toLocaleString('en')} customers
            </Text>
            {pages > 1 ? <Pagination total={pages} value={page} onChange={setPage} size="sm" getControlProps={(c) => ({ 'aria-label': c === 'previous' ? 'Previous page' : c === 'next' ? 'Next page' : c })} /> : null}
          </Group>
        </>
      )}
      <CustomerFormModal workspaceId={workspaceId} opened={dialog === 'new'} onClose={() => setDialog(null)} />
      <CsvImportModal
        opened={dialog === 'import'}
        onClose={() => setDialog(null)}
        title="Import customers from CSV"
        path={wsPath(workspaceId, '/customers/import')}
        invalidate={[customersKey(workspaceId)]}
        help={
          <>
            Columns: <b>name</b>, <b>domain</b>, <b>segment</b>, <b>arr</b>, and optionally <b>currency</b>, <b>plan</b> and <b>external_id</b>. Rows match existing
            customers on the external id, else the domain, so importing the same file twice creates nothing new.
          </>
        }
      />
    </>
  );
}
