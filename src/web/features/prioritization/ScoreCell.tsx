import { Badge, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

/** A score as people read it: no trailing zeros, thousands grouped. */
export function formatScore(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString('en', { maximumFractionDigits: Math.abs(n) >= 100 ? 1 : 2 });
}

/**
 * A score that shows its formula with the values on hover or keyboard focus; screen readers get the
 * formula as the button's name. Unscored features say what they lack.
 */
export function ScoreWithFormula({ score, explanation, missing }: { score: number | null; explanation: string; missing: string[] }) {
  const label = score === null ? `Not scored: missing ${missing.join(', ') || 'inputs'}. ${explanation}` : `Score ${formatScore(score)}. ${explanation}`;
  return (
    <Tooltip label={explanation || 'No formula'} multiline w={380} withArrow events={{ hover: true, focus: true, touch: true }} openDelay={150}>
      <UnstyledButton aria-label={label} style={{ borderBottom: '1px dotted var(--mantine-color-dimmed)', cursor: 'help' }} data-testid="score-formula">
        {score === null ? (
          <Text span size="sm" c="dimmed">
            —
          </Text>
        ) : (
          <Text span size="sm" fw={650}>
            {formatScore(score)}
          </Text>
        )}
      </UnstyledButton>
    </Tooltip>
  );
}

/** The badge of a score far outside the product's spread, with the fence it crossed. */
export function OutlierBadge({ reason }: { reason: string }) {
  return (
    <Tooltip label={reason} multiline w={320} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Badge component="button" type="button" color="orange" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />} aria-label={`Outlier: ${reason}`} style={{ cursor: 'help' }}>
        Outlier
      </Badge>
    </Tooltip>
  );
}
