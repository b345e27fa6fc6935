import { Badge, Paper, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { DependencyConflictItem } from '../../../shared/contracts.js';
import { AnchorLink } from '../../components/links';
import { REASON_LABELS } from './labels';

function FeatureCell({ workspaceId, f }: { workspaceId: string; f: DependencyConflictItem['feature'] }) {
  return (
    <>
      <AnchorLink to="/w/$workspaceId/features/$featureId" params={{ workspaceId, featureId: f.id }} fw={550}>
        {f.title}
      </AnchorLink>
      <Text size="xs" c="dimmed">
        {f.componentName}
      </Text>
    </>
  );
}

/** The product's dependencies in conflict, most serious first, each with its reasons in words. */
export function ConflictsTable({ workspaceId, items }: { workspaceId: string; items: DependencyConflictItem[] }) {
  if (items.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        <Stack align="center" gap={6}>
          <ThemeIcon size={36} radius="xl" variant="light" color="teal">
            <IconCircleCheck size={20} aria-hidden />
          </ThemeIcon>
          <Text fw={600}>No conflicts</Text>
          <Text size="sm" c="dimmed" ta="center" maw={460}>
            Every prerequisite is planned, and ends before the features that need it start.
          </Text>
        </Stack>
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={760}>
        <Table aria-label="Conflicting dependencies">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Feature</Table.Th>
              <Table.Th>Needs</Table.Th>
              <Table.Th>Conflict</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.dependencyId}>
                <Table.Td maw={260}>
                  <FeatureCell workspaceId={workspaceId} f={c.feature} />
                </Table.Td>
                <Table.Td maw={260}>
                  <FeatureCell workspaceId={workspaceId} f={c.dependsOn} />
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {c.reasons.map((r) => (
                      <div key={r.reason}>
                        <Badge color="red">{REASON_LABELS[r.reason]}</Badge>
                        <Text size="sm">{r.message}</Text>
                      </div>
                    ))}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
