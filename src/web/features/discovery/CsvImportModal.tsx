import { Alert, Badge, Button, Code, FileInput, Group, Modal, Progress, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconFileUpload, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../../lib/errors';
import type { ImportResult } from './types';
import { uploadFile } from './upload';

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

/** Uploads a CSV file with a progress bar, then shows what was imported and which rows were rejected. */
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
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const uploading = progress !== null && result === null && error === null;

  const start = () => {
    if (!file) return;
    setError(null);
    setResult(null);
    setProgress(0);
    const controller = new AbortController();
    onStart(controller);
    uploadFile<ImportResult>(path, file, { onProgress: setProgress, signal: controller.signal })
      .then((r) => {
        setResult(r);
        for (const key of invalidate) void qc.invalidateQueries({ queryKey: key });
      })
      .catch((e: unknown) => {
        if (e instanceof DOMException && e.name === 'AbortError') setProgress(null);
        else setError(errorMessage(e));
      });
  };

  const close = onClose;

  const pct = Math.round((progress ?? 0) * 100);
  const processing = uploading && pct >= 100;

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
            clearable
            disabled={uploading}
            data-autofocus
          />
        </>
      )}
      {uploading ? (
        <Stack gap={4}>
          <Group justify="space-between">
            <Text size="sm" id="csv-upload-label">
              {processing ? 'Uploaded. The server is importing the rows…' : `Uploading ${file?.name ?? ''}…`}
            </Text>
            <Text size="sm" c="dimmed">
              {pct}%
            </Text>
          </Group>
          <Progress value={pct} animated={processing} striped={processing} aria-labelledby="csv-upload-label" />
        </Stack>
      ) : null}
      {error ? (
        <Alert color="red" variant="light" title="The import failed" role="alert">
          {error}
        </Alert>
      ) : null}
      {result ? <ImportSummary result={result} /> : null}
      <Group justify="flex-end">
        {result ? (
          <>
            <Button variant="default" onClick={() => setResult(null)}>
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
