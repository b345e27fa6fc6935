import { Alert, Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { FRAMEWORK_FACTORS, type FeatureScoreCard, type FixedKind } from '../../../shared/contracts.js';
import { isApiError } from '../../lib/api/client';
import { ErrorState, LoadingRows } from '../../components/QueryState';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatScore } from './ScoreCell';
import { useFeatureScores, useSaveFeatureScores } from './use-prioritization';

type Values = Record<string, number | string>;
const slot = (kind: string, key: string) => `${kind}.${key}`;

/** What to type for a fixed factor (RICE's impact scale, …); weighted criteria share the criterion's scale. */
function hintOf(kind: string, key: string): string | undefined {
  if (kind === 'weighted') return undefined;
  return FRAMEWORK_FACTORS[kind as FixedKind]?.find((f) => f.key === key)?.hint;
}

const SOURCE_NOTE: Record<string, string> = { effort: "from the feature's effort estimate", rollup: 'from the evidence roll-up' };

/** The typed values of the card as form values: one slot per kind and key, shared by frameworks of the same kind. */
function valuesOf(card: FeatureScoreCard): Values {
  const out: Values = {};
  for (const s of card.scores) {
    for (const f of s.factors) if (f.editable) out[slot(s.kind, f.key)] = card.inputs[s.kind]?.[f.key] ?? '';
  }
  return out;
}

/**
 * The inputs to send: per kind, the stored values with the form's on top (an emptied field clears its
 * value), so values of criteria not shown here (another framework's) are kept.
 */
function inputsOf(card: FeatureScoreCard, values: Values): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  for (const [name, v] of Object.entries(values)) {
    const [kind, key] = name.split('.') as [string, string];
    out[kind] ??= { ...(card.inputs[kind] ?? {}) };
    out[kind][key] = v === '' || v === null ? null : Number(v);
  }
  return out;
}

/** A feature's score under each enabled framework, explained, with the form to type its inputs. */
export function FeatureScores({ workspaceId, featureId, canEdit }: { workspaceId: string; featureId: string; canEdit: boolean }) {
  const card = useFeatureScores(workspaceId, featureId);
  const save = useSaveFeatureScores(workspaceId, featureId);
  // What is being typed; null shows the server's values (and follows them when they change).
  const [draft, setDraft] = useState<Values | null>(null);
  const dirty = draft !== null;

  // The framework that types each shared slot: the first that shows it (frameworks of one kind share inputs).
  const typedBy = useMemo(() => {
    const map = new Map<string, string>();
    for (const s of card.data?.scores ?? []) for (const f of s.factors) if (f.editable && !map.has(slot(s.kind, f.key))) map.set(slot(s.kind, f.key), s.frameworkId);
    return map;
  }, [card.data]);
  if (card.isPending) return <LoadingRows rows={3} height={80} />;
  if (card.isError) {
    // Viewers read the stakeholder version, which has no scores.
    if (isApiError(card.error) && card.error.status === 403) return null;
    return <ErrorState error={card.error} onRetry={() => void card.refetch()} />;
  }
  const data = card.data;
  const values = draft ?? valuesOf(data);

  const submit = () =>
    save.mutate(
      { inputs: inputsOf(data, values), version: data.version },
      {
        onSuccess: (next) => {
          setDraft(null);
          const main = next.scores[0];
          notifySuccess(main ? `${main.name}: ${main.score === null ? 'not scored yet' : formatScore(main.score)}` : 'Saved.', 'Score inputs saved');
        },
        onError: (e) => {
          notifyError(e, 'Could not save the score inputs');
          // A stale version: read the current inputs again (the notification says what happened).
          if (isApiError(e) && e.code === 'version_conflict') {
            setDraft(null);
            void card.refetch();
          }
        },
      },
    );

  if (data.scores.length === 0) {
    return (
      <Alert icon={<IconInfoCircle size={18} aria-hidden />} variant="light" title="No framework is enabled">
        An admin or lead enables frameworks in the prioritization settings.
      </Alert>
    );
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Evidence: {data.facts.evidenceCount} items from {data.facts.customerCount} customers, ARR {Number(data.facts.arr).toLocaleString('en')}. Effort estimate:{' '}
          {data.facts.effort ?? 'none'}.
        </Text>
        {data.scores.map((s) => (
          <Paper key={s.frameworkId} withBorder radius="md" p="md" data-testid="framework-score">
            <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
              <Group gap="xs">
                <Title order={3} fz="md">
                  {s.name}
                </Title>
                {s.isDefault ? (
                  <Badge size="sm" variant="light">
                    Default
                  </Badge>
                ) : null}
              </Group>
              <Text fw={700} fz="xl" aria-label={`${s.name} score`}>
                {formatScore(s.score)}
              </Text>
            </Group>
            <Text size="sm" ff="monospace" style={{ wordBreak: 'break-word' }}>
              {s.explanation}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mt="sm">
              {s.factors.map((f) => {
                const name = slot(s.kind, f.key);
                if (!f.editable) {
                  return (
                    <Stack key={name} gap={2}>
                      <Text size="sm" fw={500}>
                        {f.label}
                        {f.weight !== undefined ? ` (weight ${f.weight})` : ''}
                      </Text>
                      <Text size="sm">
                        {formatScore(f.value)}{' '}
                        <Text span size="xs" c="dimmed">
                          {SOURCE_NOTE[f.source] ?? ''}
                        </Text>
                      </Text>
                    </Stack>
                  );
                }
                // A criterion shared by two weighted frameworks is typed once: the second shows the same field read-only.
                const first = typedBy.get(name) === s.frameworkId;
                const label = `${f.label}${f.weight !== undefined ? ` (weight ${f.weight})` : ''}`;
                if (!canEdit || !first) {
                  return (
                    <Stack key={name} gap={2}>
                      <Text size="sm" fw={500}>
                        {label}
                      </Text>
                      <Text size="sm" c={f.value === null ? 'dimmed' : undefined}>
                        {f.value === null ? 'Not set' : formatScore(f.value)}
                      </Text>
                    </Stack>
                  );
                }
                return (
                  <NumberInput
                    key={name}
                    label={label}
                    description={hintOf(s.kind, f.key) ?? (f.source === 'effort' ? 'No effort estimate on the feature: type one here' : undefined)}
                    value={values[name] ?? ''}
                    min={0}
                    max={1e12}
                    decimalScale={4}
                    allowNegative={false}
                    onChange={(v) => setDraft({ ...values, [name]: v })}
                  />
                );
              })}
            </SimpleGrid>
            {s.missing.length ? (
              <Text size="xs" c="dimmed" mt="xs">
                Missing: {s.missing.join(', ')}
              </Text>
            ) : null}
          </Paper>
        ))}
        {canEdit ? (
          <Group justify="flex-end" gap="xs">
            <Button
              variant="default"
              disabled={!dirty || save.isPending}
              onClick={() => setDraft(null)}
            >
              Discard
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!dirty}>
              Save inputs
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
