import { Box, Text, VisuallyHidden } from '@mantine/core';
import { useMemo } from 'react';
import { lineDiff } from './line-diff';

const MARK = { same: ' ', added: '+', removed: '−' } as const;
const COLORS = { same: undefined, added: 'var(--mantine-color-teal-light)', removed: 'var(--mantine-color-red-light)' } as const;
const LABEL = { same: 'unchanged', added: 'added', removed: 'removed' } as const;

/** A line diff of two revisions: removed lines on red, added on green, each marked for screen readers too. */
export function RevisionDiff({ before, after, beforeLabel, afterLabel }: { before: string; after: string; beforeLabel: string; afterLabel: string }) {
  const lines = useMemo(() => lineDiff(before, after), [before, after]);
  const added = lines.filter((l) => l.kind === 'added').length;
  const removed = lines.filter((l) => l.kind === 'removed').length;
  return (
    <div>
      <Text size="sm" c="dimmed" mb="xs">
        From {beforeLabel} to {afterLabel}: {added} line{added === 1 ? '' : 's'} added, {removed} removed.
      </Text>
      {added + removed === 0 ? (
        <Text size="sm">No difference.</Text>
      ) : (
        <Box
          component="ol"
          aria-label={`Changes from ${beforeLabel} to ${afterLabel}`}
          style={{ listStyle: 'none', margin: 0, padding: 0, fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13, border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)', overflowX: 'auto' }}
        >
          {lines.map((l, i) => (
            <li key={i} style={{ background: COLORS[l.kind], whiteSpace: 'pre-wrap', padding: '0 8px', minHeight: 20 }}>
              <span aria-hidden style={{ display: 'inline-block', width: 16, userSelect: 'none' }}>
                {MARK[l.kind]}
              </span>
              <VisuallyHidden>{LABEL[l.kind]}: </VisuallyHidden>
              {l.text}
            </li>
          ))}
        </Box>
      )}
    </div>
  );
}
