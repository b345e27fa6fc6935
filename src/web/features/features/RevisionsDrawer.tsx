import { Button, Drawer, Group, Paper, SegmentedControl, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { ErrorState, LoadingRows } from '../../components/QueryState';
import { formatDateTime } from '../../lib/format';
import { MarkdownView } from './MarkdownView';
import { RevisionDiff } from './RevisionDiff';
import type { FeatureRequirements } from './types';
import { useRevision, useRevisions } from './use-features';

/** The saved revisions, newest first; one opens rendered or as a line diff against the current text. */
export function RevisionsDrawer({
  workspaceId,
  featureId,
  current,
  opened,
  onClose,
  onRestore,
}: {
  workspaceId: string;
  featureId: string;
  current: FeatureRequirements;
  opened: boolean;
  onClose: () => void;
  /** Puts an old revision's text in the editor (saving it makes a new revision). */
  onRestore?: (body: string) => void;
}) {
  const list = useRevisions(workspaceId, featureId, opened);
  const [chosen, setSelected] = useState<number | null>(null);
  const [view, setView] = useState<'diff' | 'rendered'>('diff');
  // Until one is picked, the one before the current revision: what changed last.
  const selected = chosen ?? (current.revision > 1 ? current.revision - 1 : current.revision || null);
  const revision = useRevision(workspaceId, featureId, opened ? selected : null);
  const close = () => {
    setSelected(null);
    onClose();
  };

  return (
    <Drawer opened={opened} onClose={close} title="Revisions of the requirements" position="right" size="xl">
      {list.isPending ? (
        <LoadingRows rows={4} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Stack>
          <Stack gap={4} component="ul" aria-label="Revisions" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {list.data.items.map((r) => (
              <li key={r.revision}>
                <UnstyledButton
                  w="100%"
                  onClick={() => setSelected(r.revision)}
                  aria-current={selected === r.revision ? 'true' : undefined}
                  p="xs"
                  style={{
                    borderRadius: 'var(--mantine-radius-sm)',
                    border: '1px solid var(--mantine-color-default-border)',
                    background: selected === r.revision ? 'var(--mantine-primary-color-light)' : undefined,
                  }}
                >
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm" fw={600}>
                      Revision {r.revision}
                      {r.revision === current.revision ? ' (current)' : ''}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {r.author?.name ?? 'Someone'} · {formatDateTime(r.createdAt)} · {r.length.toLocaleString('en')} characters
                    </Text>
                  </Group>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
          {selected !== null ? (
            <Paper withBorder radius="md" p="md">
              <Group justify="space-between" mb="sm">
                <SegmentedControl
                  size="xs"
                  value={view}
                  onChange={(v) => setView(v as 'diff' | 'rendered')}
                  data={[
                    { value: 'diff', label: 'Changes to current' },
                    { value: 'rendered', label: 'Rendered' },
                  ]}
                  aria-label="How to show the revision"
                />
                {onRestore && revision.data && selected !== current.revision ? (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => {
                      onRestore(revision.data.body);
                      close();
                    }}
                  >
                    Restore into the editor
                  </Button>
                ) : null}
              </Group>
              {revision.isPending ? (
                <LoadingRows rows={3} />
              ) : revision.isError ? (
                <ErrorState error={revision.error} />
              ) : view === 'diff' ? (
                <RevisionDiff before={revision.data.body} after={current.body} beforeLabel={`revision ${selected}`} afterLabel={`the current revision (${current.revision})`} />
              ) : (
                <MarkdownView label={`Revision ${selected}`}>{revision.data.body}</MarkdownView>
              )}
            </Paper>
          ) : null}
        </Stack>
      )}
    </Drawer>
  );
}
