import { Alert, Badge, Button, Code, FileInput, Group, Modal, Progress, ScrollArea, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconFileUpload, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../../lib/errors';
import type { ImportResult } from './types';
import { estimateCsvRows, uploadFile, type ServerProgress } from './upload';

interface CsvImportModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** The API path that takes the CSV body. */
  path: string;
  /** What the file should look like. */
  help: ReactNode;
  /** Query keys to refresh after an import. */
  invalidate: readonly (readonly unknown[])[];
}

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Stack gap={0} align="center">
      <Text fz={24} fw={650} c={color}>
        {value.toLocaleString('en')}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

/** Uploads a CSV file showing upload then processing progress, then shows what was imported and which rows were rejected. */
export function CsvImportModal({ opened, onClose, title, ...rest }: CsvImportModalProps) {
  // The body's state starts fresh each time: the modal unmounts its content when closed.
  const abort = useRef<AbortController | null>(null);
  const close = () => {
    abort.current?.abort();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title} size="lg">
      <CsvImportBody {...rest} onStart={(c) => (abort.current = c)} onClose={close} />
    </Modal>
  );
}

function CsvImportBody({
  path,
  help,
  invalidate,
  onStart,
  onClose,
}: Pick<CsvImportModalProps, 'path' | 'help' | 'invalidate'> & { onStart: (controller: AbortController) => void; onClose: () => void }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [server, setServer] = useState<ServerProgress | null>(null);
  const [totalRows, setTotalRows] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const uploading = progress !== null && result === null && error === null;

  const start = () => {
    if (!file) return;
    setError(null);
    setResult(null);
    setProgress(0);
    setServer(null);
    setTotalRows(null);
    const controller = new AbortController();
    onStart(controller);
    // Counting the file's lines takes a moment on a large file: the upload does not wait for it.
    estimateCsvRows(file)
      .then((rows) => !controller.signal.aborted && setTotalRows(rows))
      .catch(() => setTotalRows(null));
    uploadFile<ImportResult>(path, file, { onProgress: setProgress, onServerProgress: setServer, signal: controller.signal })
      .then((r) => {
        setResult(r);
        for (const key of invalidate) void qc.invalidateQueries({ queryKey: key });
      })
      .catch((e: unknown) => {
        if (e instanceof DOMException && e.name === 'AbortError') setProgress(null);
        else setError(errorMessage(e));
      });
  };

  // Back to choosing a file: clearing the result alone would leave the last upload's progress showing as running.
  const reset = () => {
    setResult(null);
    setProgress(null);
    setServer(null);
    setTotalRows(null);
    setFile(null);
  };

  const close = onClose;

  return (
    <Stack>
      {result ? null : (
        <>
          <Text size="sm" component="div">
            {help}
          </Text>
          <FileInput
            label="CSV file"
            placeholder="Choose a .csv file"
            accept=".csv,text/csv"
            leftSection={<IconFileUpload size={16} aria-hidden />}
            value={file}
            onChange={setFile}
            clearable={!uploading}
            clearButtonProps={{ 'aria-label': 'Remove the chosen file' }}
            disabled={uploading}
            data-autofocus
          />
        </>
      )}
      {uploading && file ? <ImportProgress file={file} uploaded={progress ?? 0} server={server} totalRows={totalRows} /> : null}
      {error ? (
        <Alert color="red" variant="light" title="The import failed" role="alert">
          {error}
        </Alert>
      ) : null}
      {result ? <ImportSummary result={result} /> : null}
      <Group justify="flex-end">
        {result ? (
          <>
            <Button variant="default" onClick={reset}>
              Import another file
            </Button>
            <Button onClick={close}>Done</Button>
          </>
        ) : (
          <>
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={start} disabled={!file} loading={uploading}>
              Import
            </Button>
          </>
        )}
      </Group>
    </Stack>
  );
}

/** A progress bar named by a label: the name goes on the section, which Mantine gives the progressbar role. */
function Bar({ value, color, labelledBy }: { value: number; color?: string; labelledBy: string }) {
  return (
    <Progress.Root>
      <Progress.Section value={value} color={color} aria-labelledby={labelledBy} />
    </Progress.Root>
  );
}

const count = (n: number) => n.toLocaleString('en');
const megabytes = (bytes: number) => `${(bytes / 1_048_576).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/**
 * The two phases of an import: the file going up (bytes sent), then the rows the server has processed,
 * which it streams as it goes. The server reads rows while the file arrives, so the second bar may
 * start before the first is full. Screen readers hear a coarse summary, not every tick.
 */
function ImportProgress({ file, uploaded, server, totalRows }: { file: File; uploaded: number; server: ServerProgress | null; totalRows: number | null }) {
  const uploadPct = Math.round(uploaded * 100);
  const uploadDone = uploaded >= 1;
  const processing = uploadDone || server !== null;
  const processed = server?.processed ?? 0;
  // The estimate counts lines, an upper bound; the bar stays short of full until the result is in.
  const rowsPct = totalRows ? Math.min(99, Math.floor((processed / totalRows) * 100)) : null;
  const counts = server
    ? (
        [
          [server.imported, 'imported'],
          [server.duplicates, 'duplicates'],
          [server.rejected, 'rejected'],
        ] as const
      )
        .filter(([n]) => n !== undefined)
        .map(([n, what]) => `${count(n ?? 0)} ${what}`)
        .join(' · ')
    : '';

  const rowsLabel = server
    ? `Processing… ${count(processed)}${totalRows ? ` of about ${count(totalRows)}` : ''} rows`
    : 'Processing the rows…';
  const announced = !processing
    ? `Uploading ${file.name}: ${Math.floor(uploadPct / 10) * 10}%`
    : rowsPct !== null && server
      ? `Processing rows: about ${Math.floor(rowsPct / 10) * 10}% done`
      : 'Upload complete. The server is processing the rows.';

  return (
    <Stack gap="sm">
      <VisuallyHidden role="status" aria-live="polite">
        {announced}
      </VisuallyHidden>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" id="csv-upload-label" truncate>
            {uploadDone ? `Uploaded ${file.name}` : `Uploading ${file.name}…`}
          </Text>
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {megabytes(file.size * Math.min(1, uploaded))} of {megabytes(file.size)} · {uploadPct}%
          </Text>
        </Group>
        <Bar value={uploadPct} color={uploadDone ? 'teal' : undefined} labelledBy="csv-upload-label" />
      </Stack>
      {processing ? (
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" id="csv-processing-label">
              {rowsLabel}
            </Text>
            {rowsPct !== null && server ? (
              <Text size="sm" c="dimmed">
                {rowsPct}%
              </Text>
            ) : null}
          </Group>
          {rowsPct !== null && server ? (
            <Bar value={rowsPct} labelledBy="csv-processing-label" />
          ) : (
            <Progress.Root aria-hidden>
              <Progress.Section value={100} striped animated withAria={false} />
            </Progress.Root>
          )}
          <Text size="xs" c="dimmed" mih="1.2em">
            {counts}
          </Text>
        </Stack>
      ) : null}
    </Stack>
  );
}

/** The counts of an import, the rejected rows and the ignored columns. */
function ImportSummary({ result }: { result: ImportResult }) {
  const rejected = result.rejected ?? [];
  const rejectedCount = result.rejectedCount ?? rejected.length;
  return (
    <Stack>
      <SimpleGrid cols={3}>
        {result.imported !== undefined ? <Stat label="Imported" value={result.imported} color="teal" /> : null}
        {result.created !== undefined ? <Stat label="Created" value={result.created} color="teal" /> : null}
        {result.duplicates !== undefined ? <Stat label="Already there" value={result.duplicates} /> : null}
        {result.updated !== undefined ? <Stat label="Updated" value={result.updated} /> : null}
        <Stat label="Rejected" value={rejectedCount} color={rejectedCount ? 'red' : undefined} />
      </SimpleGrid>
      {result.ignoredColumns && result.ignoredColumns.length > 0 ? (
        <Group gap="xs">
          <Text size="sm">Ignored columns:</Text>
          {result.ignoredColumns.map((c) => (
            <Badge key={c} color="gray">
              {c}
            </Badge>
          ))}
        </Group>
      ) : null}
      {rejectedCount > rejected.length ? (
        <Text size="xs" c="dimmed">
          Showing the first {rejected.length.toLocaleString('en')} rejected rows.
        </Text>
      ) : null}
      {rejected.length > 0 ? (
        <ScrollArea.Autosize mah={260} type="auto">
          <Table striped withTableBorder aria-label="Rejected rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>Line</Table.Th>
                <Table.Th>Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rejected.map((r) => (
                <Table.Tr key={`${r.line}-${r.reason}`}>
                  <Table.Td>
                    <Code>{r.line}</Code>
                  </Table.Td>
                  <Table.Td>{r.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      ) : (
        <Text size="sm" c="dimmed">
          Every row was accepted.
        </Text>
      )}
    </Stack>
  );
}
