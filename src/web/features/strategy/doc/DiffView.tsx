import { Box, Text } from '@mantine/core';
import type { DiffPart } from '../../../../shared/contracts.js';
import classes from './strategy.module.css';

/**
 * A word-level diff as text with `<ins>` and `<del>` elements, which screen readers announce as
 * insertions and deletions; colours come from the theme, so dark mode reads as well as light.
 */
export function DiffView({ parts, empty = 'No text on either side.', label }: { parts: DiffPart[]; empty?: string; label?: string }) {
  if (!parts.length) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {empty}
      </Text>
    );
  }
  return (
    <Box className={classes.diff} aria-label={label} role={label ? 'region' : undefined}>
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i} className={classes.ins}>
            {p.value}
          </ins>
        ) : p.removed ? (
          <del key={i} className={classes.del}>
            {p.value}
          </del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </Box>
  );
}
