import { Alert, Box, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { STRATEGY_TEXT_MAX } from '../../../../shared/contracts.js';
import { isApiError } from '../../../lib/api/client';
import { errorMessage } from '../../../lib/errors';
import { MarkdownView } from '../../features/MarkdownView';
import classes from './strategy.module.css';

interface Props {
  label: string;
  initial: string;
  description?: string;
  saving: boolean;
  error: unknown;
  onSave: (text: string) => void;
  onCancel: () => void;
  onReload?: () => void;
}

/**
 * A Markdown textarea with a live preview beside it. A 409 (someone saved first) keeps the text
 * typed so far and says so plainly; Ctrl/Cmd+Enter saves, Escape cancels.
 */
export function MarkdownEditor({ label, initial, description, saving, error, onSave, onCancel, onReload }: Props) {
  const [text, setText] = useState(initial);
  const conflict = isApiError(error) && error.status === 409;
  return (
    <Stack gap="sm">
      {conflict ? (
        <Alert color="orange" title="Someone else changed the strategy since you opened it" role="alert">
          <Stack gap="xs">
            <Text size="sm">Your text is still here. Reload the latest draft, check what changed, then save again.</Text>
            {onReload ? (
              <Group>
                <Button size="xs" variant="light" color="orange" onClick={onReload}>
                  Reload the latest draft
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Alert>
      ) : error ? (
        <Alert color="red" title="Not saved" role="alert">
          {errorMessage(error)}
        </Alert>
      ) : null}
      <div className={classes.editorGrid}>
        <Textarea
          label={label}
          description={description ?? 'Markdown: **bold**, _italic_, lists, links, ### headings.'}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={10}
          maxRows={24}
          maxLength={STRATEGY_TEXT_MAX}
          data-autofocus
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) onSave(text);
            if (e.key === 'Escape') onCancel();
          }}
        />
        <Box>
          <Text size="sm" fw={500} mb={4} id="md-preview-label">
            Preview
          </Text>
          <Box className={classes.preview} aria-labelledby="md-preview-label" role="region">
            {text.trim() ? <MarkdownView>{text}</MarkdownView> : <Text c="dimmed" size="sm">Nothing written yet.</Text>}
          </Box>
        </Box>
      </div>
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={() => onSave(text)} loading={saving} disabled={text === initial}>
          Save
        </Button>
      </Group>
    </Stack>
  );
}
