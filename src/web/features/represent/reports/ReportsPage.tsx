import { ActionIcon, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { REPORT_AUDIENCES, type ReportAudience } from '../../../../shared/contracts.js';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { errorMessage } from '../../../lib/errors';
import { formatDate, formatRelative } from '../../../lib/format';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { useProducts } from '../../products/use-products';
import { AUDIENCE_LABEL, useCreateReport, useDeleteReport, useReports } from './use-reports';

const audienceOptions = REPORT_AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABEL[a]! }));

function NewReportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { workspaceId } = useCurrentWorkspace();
  const products = useProducts(workspaceId);
  const create = useCreateReport(workspaceId);
  const navigate = useNavigate();
  const [productId, setProductId] = useState<string | null>(null);
  const [audience, setAudience] = useState<ReportAudience>('executive');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [title, setTitle] = useState('');
  const submit = () => {
    if (!productId) return;
    create.mutate(
      { productId, audience, from: from || undefined, to: to || undefined, title: title.trim() || undefined },
      { onSuccess: (r) => void navigate({ to: '/w/$workspaceId/reports/$reportId', params: { workspaceId, reportId: r.id } }) },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title="New report">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Select label="Product" required data={(products.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} value={productId} onChange={setProductId} searchable />
          <Select label="Audience" required data={audienceOptions} value={audience} onChange={(v) => v && setAudience(v as ReportAudience)} allowDeselect={false} />
          <Group grow>
            <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} description="Default: the previous report" />
            <TextInput label="To" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} description="Default: today" />
          </Group>
          <TextInput label="Title" placeholder="Default: product and audience" value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={120} />
          {create.error ? (
            <Text c="red" size="sm" role="alert">
              {errorMessage(create.error)}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!productId}>
              Compile report
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Reports of the workspace by product and audience; compile a new one, delete old ones. */
export function ReportsPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const products = useProducts(workspaceId);
  const [productId, setProductId] = useState<string | null>(null);
  const [audience, setAudience] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const reports = useReports(workspaceId, { productId, audience });
  const remove = useDeleteReport(workspaceId);
  const mayCreate = can('report.create');
  const items = reports.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Reports"
        description="Compile the product's story for executives, the team, the company or customers; export it or share a read-only link."
        actions={
          mayCreate ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              New report
            </Button>
          ) : null
        }
      />
      <Group mb="md">
        <Select aria-label="Product" placeholder="All products" clearable data={(products.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} value={productId} onChange={setProductId} />
        <Select aria-label="Audience" placeholder="All audiences" clearable data={audienceOptions} value={audience} onChange={setAudience} />
      </Group>
      {reports.isPending ? (
        <LoadingRows />
      ) : reports.isError ? (
        <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title="No reports yet"
          description="A report is compiled from live status updates, key results, decisions and roadmap changes."
          action={mayCreate ? <Button onClick={() => setCreating(true)}>New report</Button> : undefined}
        />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Title</Table.Th>
                  <Table.Th>Audience</Table.Th>
                  <Table.Th>Range</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Compiled</Table.Th>
                  {mayCreate ? <Table.Th aria-label="Actions" /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Link to="/w/$workspaceId/reports/$reportId" params={{ workspaceId, reportId: r.id }}>
                        {r.title}
                      </Link>
                      <Text size="xs" c="dimmed">
                        {r.productName}
                      </Text>
                    </Table.Td>
                    <Table.Td>{AUDIENCE_LABEL[r.audience]}</Table.Td>
                    <Table.Td>
                      {formatDate(r.from)} – {formatDate(r.to)}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={r.status === 'published' ? 'green' : 'gray'}>
                        {r.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {formatRelative(r.createdAt)}
                      {r.createdBy ? ` by ${r.createdBy.name}` : ''}
                    </Table.Td>
                    {mayCreate ? (
                      <Table.Td>
                        <Tooltip label="Delete report">
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`Delete ${r.title}`}
                            loading={remove.isPending && remove.variables === r.id}
                            onClick={() => {
                              if (window.confirm(`Delete “${r.title}”? Its share links stop working.`)) remove.mutate(r.id);
                            }}
                          >
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {remove.error ? <ErrorState error={remove.error} title="Could not delete the report" /> : null}
      {creating ? <NewReportModal opened onClose={() => setCreating(false)} /> : null}
    </>
  );
}
