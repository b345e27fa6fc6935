import { Alert, Badge, Button, Code, FileInput, Group, Modal, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { METRIC_CSV_TIME_COLUMNS, type MetricImportResult } from '../../../../shared/contracts.js';
import { previewCsv, type Preview } from './csv-preview';
import { errorMessage } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { formatMetricValue, useImportPoints } from './use-metrics';

const PREVIEW_ROWS = 8;

/** Imports points from a CSV file: a preview of what will be read, then the server's result. */
export function MetricImportModal({ workspaceId, metricId, unit, opened, onClose }: { workspaceId: string; metricId: string; unit: string; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Import points from CSV" size="xl">
      {opened ? <ImportBody workspaceId={workspaceId} metricId={metricId} unit={unit} onClose={onClose} /> : null}
    </Modal>
  );
}

function ImportBody({ workspaceId, metricId, unit, onClose }: { workspaceId: string; metricId: string; unit: string; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [result, setResult] = useState<MetricImportResult | null>(null);
  const run = useImportPoints(workspaceId, metricId);

  const pick = (f: File | null) => {
    setFile(f);
    setPreview(null);
    setResult(null);
    setReadError(null);
    run.reset();
    if (f) f.text().then((t) => setPreview(previewCsv(t)), (e: unknown) => setReadError(errorMessage(e)));
  };
  const headerProblem = preview && (!preview.timeColumn || !preview.hasValue) ? `The first line must name a time column (${METRIC_CSV_TIME_COLUMNS.join(', ')}) and a value column.` : null;
  const canImport = Boolean(file && preview && !headerProblem && preview.rows.length > 0 && preview.bad.length === 0 && !result);

  return (
    <Stack>
      <Text size="sm">
        A header line, then one row per point: a time column (<Code>date</Code>, <Code>at</Code>, <Code>timestamp</Code> or <Code>time</Code>: 2026-11-28, 2026-11-28T09:00:00Z or a Unix timestamp) and a <Code>value</Code> column with a dot for decimals. A row at a time the metric already has replaces that value. A file with a bad row is refused whole.
      </Text>
      <FileInput label="CSV file" placeholder="Pick a .csv file" accept=".csv,text/csv" leftSection={<IconFileUpload size={16} aria-hidden />} value={file} onChange={pick} clearable clearButtonProps={{ 'aria-label': 'Clear the file' }} />
      {readError ? (
        <Alert color="red" variant="light" role="alert">
          {readError}
        </Alert>
      ) : null}
      {headerProblem ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
          {headerProblem}
        </Alert>
      ) : null}
      {preview && !headerProblem ? (
        <>
          <Group gap="xs">
            <Badge variant="light">{preview.rows.length.toLocaleString('en')} rows</Badge>
            {preview.bad.length ? (
              <Badge color="red" variant="light">
                {preview.bad.length.toLocaleString('en')} to fix
              </Badge>
            ) : (
              <Badge color="teal" variant="light">
                All rows readable
              </Badge>
            )}
          </Group>
          <Table aria-label={preview.bad.length ? 'Rows to fix' : 'First rows of the file'} withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>Line</Table.Th>
                <Table.Th>{preview.timeColumn}</Table.Th>
                <Table.Th>Read as</Table.Th>
                <Table.Th>value</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(preview.bad.length ? preview.bad : preview.rows).slice(0, PREVIEW_ROWS).map((r) => (
                <Table.Tr key={r.line}>
                  <Table.Td>{r.line}</Table.Td>
                  <Table.Td>
                    <Code>{r.raw.time || '(empty)'}</Code>
                  </Table.Td>
                  <Table.Td c={r.at ? undefined : 'red'}>{r.at ? formatDateTime(r.at.toISOString()) : 'Not a date or time'}</Table.Td>
                  <Table.Td c={r.value === null ? 'red' : undefined}>{r.value === null ? `“${r.raw.value}” is not a number` : formatMetricValue(r.value, unit)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
      {run.isError ? (
        <Alert color="red" variant="light" title="The file was not imported" role="alert">
          {errorMessage(run.error)}
        </Alert>
      ) : null}
      {result ? (
        <Alert color="teal" variant="light" title="Imported" role="status">
          <SimpleGrid cols={3}>
            <Text size="sm">
              <b>{result.imported.toLocaleString('en')}</b> rows written
            </Text>
            <Text size="sm">
              <b>{result.replaced.toLocaleString('en')}</b> replaced a value
            </Text>
            <Text size="sm">
              <b>{result.keyResultsUpdated}</b> key results updated
            </Text>
          </SimpleGrid>
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {result ? 'Done' : 'Cancel'}
        </Button>
        {result ? null : (
          <Button onClick={() => file && run.mutate(file, { onSuccess: setResult })} loading={run.isPending} disabled={!canImport}>
            Import {preview?.rows.length ? preview.rows.length.toLocaleString('en') : ''} rows
          </Button>
        )}
      </Group>
    </Stack>
  );
}
