import { Alert, Button, FileButton, Paper, Text, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { isApiError } from '../../lib/api/client';
import { notifySuccess } from '../../lib/errors';
import { useImportWorkspace } from './use-workspaces';

/** Loads a file written by “Export as JSON” (or `sextant export`) into a new workspace. */
export function ImportWorkspace() {
  const importWorkspace = useImportWorkspace();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);

  async function onFile(file: File | null) {
    if (!file) return;
    setProblem(null);
    let doc: unknown;
    try {
      doc = JSON.parse(await file.text());
    } catch {
      setProblem(`${file.name} is not a JSON file.`);
      return;
    }
    importWorkspace.mutate(doc, {
      onSuccess: (result) => {
        notifySuccess(`${result.people} people, ${result.products} products and ${result.components} components.`, 'Workspace imported');
        void navigate({ to: '/w/$workspaceId', params: { workspaceId: result.workspaceId } });
      },
      onError: (error) => setProblem(isApiError(error) ? error.message : 'The import failed.'),
    });
  }

  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} fz="lg" mb={4}>
        Import a workspace
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Load an exported JSON file as a new workspace. People are matched to accounts by email; you become its admin.
      </Text>
      {problem ? (
        <Alert color="red" mb="sm" title="The file was not imported">
          {problem}
        </Alert>
      ) : null}
      <FileButton onChange={(file) => void onFile(file)} accept="application/json,.json">
        {(props) => (
          <Button {...props} variant="default" loading={importWorkspace.isPending} leftSection={<IconUpload size={16} aria-hidden />}>
            Import from JSON
          </Button>
        )}
      </FileButton>
    </Paper>
  );
}
