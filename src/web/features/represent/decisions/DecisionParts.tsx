import { Badge, Group, Text } from '@mantine/core';
import type { DecisionEvidence, DecisionLogAction } from '../../../../shared/contracts.js';

export const ACTION_LABELS: Record<DecisionLogAction, string> = { accept: 'Accepted', merge: 'Merged', defer: 'Deferred', decline: 'Declined', roadmap: 'Roadmap decision' };
export const ACTION_COLORS: Record<DecisionLogAction, string> = { accept: 'teal', merge: 'blue', defer: 'yellow', decline: 'red', roadmap: 'violet' };
const EVIDENCE_KIND: Record<DecisionEvidence['type'], string> = {
  feedback: 'Feedback',
  opportunity: 'Opportunity',
  interview: 'Interview',
  experiment: 'Experiment',
  feature: 'Feature',
  objective: 'Objective',
  key_result: 'Key result',
};

export function ActionBadge({ action }: { action: DecisionLogAction }) {
  return (
    <Badge color={ACTION_COLORS[action]} variant="light">
      {ACTION_LABELS[action]}
    </Badge>
  );
}

/** The records that justified a decision, as chips naming their kind. */
export function EvidenceChips({ evidence }: { evidence: DecisionEvidence[] }) {
  if (!evidence.length) return null;
  return (
    <Group gap={6} aria-label="Evidence">
      {evidence.map((e) => (
        <Badge key={`${e.type}:${e.id}`} variant="outline" color="gray" tt="none" fw={500} title={`${EVIDENCE_KIND[e.type]}: ${e.label}`}>
          <Text span size="xs" c="dimmed">
            {EVIDENCE_KIND[e.type]}:
          </Text>{' '}
          {e.label}
        </Badge>
      ))}
    </Group>
  );
}
