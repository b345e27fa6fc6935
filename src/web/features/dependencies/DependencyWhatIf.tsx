import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFlask, IconTarget } from '@tabler/icons-react';
import { useState } from 'react';
import type { DependencyFeatureRef, DependencyPreview, DependencyPreviewInput, DependencyPreviewItem, DependencyPreviewKeyResult, FeatureHorizon, FeatureStatus } from '../../../shared/contracts.js';
import { AnchorLink } from '../../components/links';
import { isApiError } from '../../lib/api/client';
import { errorMessage } from '../../lib/errors';
import { HORIZON_LABELS, REASON_LABELS, STATUS_LABELS } from './labels';
import { usePreviewChange } from './use-dependencies';

const NO_HORIZON = 'none';
const statusOptions = (Object.keys(STATUS_LABELS) as FeatureStatus[]).map((s) => ({ value: s, label: STATUS_LABELS[s] }));
const horizonOptions = [...(Object.keys(HORIZON_LABELS) as FeatureHorizon[]).map((h) => ({ value: h, label: HORIZON_LABELS[h] })), { value: NO_HORIZON, label: 'Not on the board' }];

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "This plan would put 1 dependency in conflict and clear 2 conflicts; 1 conflict would remain." */
function summary(result: DependencyPreview): string {
  const fresh = result.conflicts.filter((c) => c.new).length;
  const kept = result.conflicts.length - fresh;
  const parts = [fresh ? `put ${count(fresh, 'dependency', 'dependencies')} in conflict` : null, result.resolved.length ? `clear ${count(result.resolved.length, 'conflict')}` : null].filter(Boolean);
  const head = parts.length ? `This plan would ${parts.join(' and ')}` : 'This plan would change no conflict';
  return kept ? `${head}; ${count(kept, 'conflict')} would remain.` : `${head}.`;
}

function PreviewRow({ workspaceId, item, resolved }: { workspaceId: string; item: DependencyPreviewItem; resolved?: boolean }) {
  return (
    <Paper withBorder radius="md" p="xs">
      <Group gap={6} mb={2}>
        {resolved ? <Badge color="teal">Would be resolved</Badge> : item.new ? <Badge color="red">New conflict</Badge> : <Badge color="orange">Still in conflict</Badge>}
        <Text size="sm">{item.direction === 'needs' ? 'Needs' : 'Needed by'}</Text>
        <AnchorLink to="/w/$workspaceId/features/$featureId" params={{ workspaceId, featureId: item.feature.id }} size="sm" fw={550}>
          {item.feature.title}
        </AnchorLink>
        <Text size="xs" c="dimmed">
          {item.feature.componentName}
        </Text>
      </Group>
      {item.conflicts.map((c) => (
        <Text key={c.reason} size="xs">
          <strong>{REASON_LABELS[c.reason]}:</strong> {c.message}
        </Text>
      ))}
    </Paper>
  );
}

/** The key results the plan would put at risk, each with the objective it serves and why. */
function KeyResultsAtStake({ workspaceId, items }: { workspaceId: string; items: DependencyPreviewKeyResult[] }) {
  return (
    <Stack gap={4} component="section" aria-labelledby="whatif-key-results">
      <Group gap={6}>
        <IconTarget size={16} aria-hidden />
        <Text size="sm" fw={600} id="whatif-key-results">
          {count(items.length, 'key result')} at stake
        </Text>
      </Group>
      {items.map((kr) => (
        <Paper key={kr.id} withBorder radius="md" p="xs">
          <Group gap={6} mb={2}>
            {kr.new ? <Badge color="red">Newly at risk</Badge> : <Badge color="orange">Still at risk</Badge>}
            <Text size="sm" fw={550}>
              {kr.title}
            </Text>
            <Text size="xs" c="dimmed">
              of
            </Text>
            <AnchorLink to="/w/$workspaceId/okrs/$objectiveId" params={{ workspaceId, objectiveId: kr.objectiveId }} size="sm">
              {kr.objectiveTitle}
            </AnchorLink>
          </Group>
          {kr.why.map((why) => (
            <Text key={why} size="xs">
              {why.charAt(0).toUpperCase() + why.slice(1)}.
            </Text>
          ))}
        </Paper>
      ))}
    </Stack>
  );
}

/**
 * What-if: try other dates, a horizon or a status for this feature and see which of its dependencies
 * would conflict, before anyone saves the change. Nothing is written.
 */
export function DependencyWhatIf({ workspaceId, feature, hasDependencies }: { workspaceId: string; feature: DependencyFeatureRef; hasDependencies: boolean }) {
  const [status, setStatus] = useState<FeatureStatus>(feature.status);
  const [horizon, setHorizon] = useState<string>(feature.horizon ?? NO_HORIZON);
  const [startDate, setStartDate] = useState(feature.startDate ?? '');
  const [endDate, setEndDate] = useState(feature.endDate ?? '');
  const preview = usePreviewChange(workspaceId);
  const fieldError = (field: string) => (isApiError(preview.error) && preview.error.field === field ? preview.error.message : undefined);

  const run = () => {
    const body: DependencyPreviewInput = {
      featureId: feature.id,
      status,
      horizon: horizon === NO_HORIZON ? null : (horizon as FeatureHorizon),
      startDate: startDate || null,
      endDate: endDate || null,
    };
    preview.mutate(body);
  };
  const result = preview.data;

  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="xs">
        <Group gap="xs">
          <IconFlask size={18} aria-hidden />
          <Title order={3} fz="md">
            What if…
          </Title>
        </Group>
        <Text size="xs" c="dimmed">
          Try another plan for this feature and see which dependencies would conflict. Nothing is saved.
        </Text>
        {!hasDependencies ? (
          <Text size="sm" c="dimmed">
            Add a dependency first: with none, no change of plan can conflict.
          </Text>
        ) : (
          <>
            <Group align="flex-start" gap="xs" wrap="wrap">
              <Select label="Status" data={statusOptions} value={status} onChange={(v) => v && setStatus(v as FeatureStatus)} allowDeselect={false} w={150} error={fieldError('status')} />
              <Select label="Horizon" data={horizonOptions} value={horizon} onChange={(v) => v && setHorizon(v)} allowDeselect={false} w={170} error={fieldError('horizon')} />
              <TextInput label="Start date" type="date" value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} w={160} error={fieldError('startDate')} />
              <TextInput label="End date" type="date" value={endDate} onChange={(e) => setEndDate(e.currentTarget.value)} w={160} error={fieldError('endDate')} />
              <Button variant="light" onClick={run} loading={preview.isPending} mt={25}>
                Preview
              </Button>
            </Group>
            {preview.isError && !fieldError('status') && !fieldError('horizon') && !fieldError('startDate') && !fieldError('endDate') ? (
              <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle size={18} aria-hidden />}>
                {errorMessage(preview.error)}
              </Alert>
            ) : null}
            {result ? (
              <Stack gap={6} aria-live="polite" aria-label="Preview result">
                {result.conflicts.length === 0 && result.resolved.length === 0 ? (
                  <Group gap={6}>
                    <IconCircleCheck size={18} color="var(--mantine-color-teal-filled)" aria-hidden />
                    <Text size="sm">No dependency would be in conflict.</Text>
                  </Group>
                ) : (
                  <Text size="sm" fw={550}>
                    {summary(result)}
                  </Text>
                )}
                {result.conflicts.map((item) => (
                  <PreviewRow key={item.dependencyId} workspaceId={workspaceId} item={item} />
                ))}
                {result.resolved.map((item) => (
                  <PreviewRow key={item.dependencyId} workspaceId={workspaceId} item={item} resolved />
                ))}
                {result.keyResults.length ? <KeyResultsAtStake workspaceId={workspaceId} items={result.keyResults} /> : null}
              </Stack>
            ) : null}
          </>
        )}
      </Stack>
    </Paper>
  );
}
