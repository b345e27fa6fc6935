import { Alert, Button, Group, Modal, NumberInput, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Tabs, Text, TextInput, Textarea, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { CAREER_LIMITS, LADDER_TRACKS, LADDER_TRACK_LABELS, type Competency, type CompetencyFramework, type LadderLevel, type LadderTrack } from '../../../../shared/contracts.js';
import { LIMITS } from '../../../../shared/limits.js';
import { isApiError } from '../../../lib/api/client';
import { notifyError, notifySuccess, showFormError } from '../../../lib/errors';
import { scaleLabel } from './labels';
import { useCreateLevel, useDeleteLevel, useUpdateLevel, type LevelInput, type SalaryInput } from './use-career';

type Money = number | string;
interface Values {
  title: string;
  track: LadderTrack;
  rank: number | string;
  description: string;
  scope: string;
  min: Money;
  mid: Money;
  max: Money;
  currency: string;
  source: string;
  effectiveOn: string;
  expectations: Record<string, string>;
}

const toMoney = (v: Money): number | null => (v === '' || v === null || v === undefined ? null : Number(v));

function initialValues(level: LadderLevel | undefined): Values {
  const s = level?.salary;
  return {
    title: level?.title ?? '',
    track: (level?.track as LadderTrack) ?? 'ic',
    rank: level?.rank ?? 5,
    description: level?.description ?? '',
    scope: level?.scope ?? '',
    min: s?.min ?? '',
    mid: s?.mid ?? '',
    max: s?.max ?? '',
    currency: s?.currency ?? 'USD',
    source: s?.source ?? '',
    effectiveOn: s?.effectiveOn ?? '',
    expectations: Object.fromEntries((level?.expectations ?? []).map((e) => [e.competencyId, String(e.expected)])),
  };
}

/** The band as typed, when it differs from the level's; undefined when unchanged. */
function salaryChange(v: Values, level: LadderLevel | undefined): SalaryInput | undefined {
  const band = { min: toMoney(v.min), mid: toMoney(v.mid), max: toMoney(v.max), currency: v.currency.trim().toUpperCase(), source: v.source.trim(), effectiveOn: v.effectiveOn || null };
  const s = level?.salary;
  const same = s && s.min === band.min && s.mid === band.mid && s.max === band.max && s.currency === band.currency && s.source === band.source && s.effectiveOn === band.effectiveOn;
  if (same) return undefined;
  if (!s && band.min === null && band.mid === null && band.max === null && !band.source) return undefined;
  return band;
}

/** Expectations per competency of the default framework, grouped by area, one scale control each. */
function ExpectationsEditor({
  competencies,
  framework,
  values,
  onChange,
}: {
  competencies: Competency[];
  framework: CompetencyFramework;
  values: Record<string, string>;
  onChange: (competencyId: string, value: string) => void;
}) {
  const points = Array.from({ length: framework.scale.max - framework.scale.min + 1 }, (_, i) => framework.scale.min + i);
  const areas = [...new Set(competencies.map((c) => c.area || 'Other'))];
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        The rating someone at this level is expected to reach on each competency of {framework.name} ({framework.scale.min}–{framework.scale.max}). Assessments
        compare ratings with these.
      </Text>
      {areas.map((area) => (
        <Stack key={area} gap="xs">
          <Title order={3} fz="sm">
            {area}
          </Title>
          {competencies
            .filter((c) => (c.area || 'Other') === area)
            .map((c) => {
              const value = values[c.id] ?? '';
              return (
                <Group key={c.id} justify="space-between" wrap="wrap" gap="xs">
                  <Text size="sm" id={`expect-${c.id}`} miw={180}>
                    {c.name}
                  </Text>
                  <SegmentedControl
                    size="xs"
                    aria-labelledby={`expect-${c.id}`}
                    value={value}
                    onChange={(v) => onChange(c.id, v)}
                    data={[
                      ...(value === '' ? [{ value: '', label: '–' }] : []),
                      ...points.map((p) => ({
                        value: String(p),
                        label: (
                          <Tooltip label={scaleLabel(framework.scale, p)} withArrow openDelay={300}>
                            <span>{p}</span>
                          </Tooltip>
                        ),
                      })),
                    ]}
                  />
                </Group>
              );
            })}
        </Stack>
      ))}
    </Stack>
  );
}

/** Adds a level to the ladder, or edits one: details, expectations and (for roles that see it) the salary band. */
export function LevelFormModal({
  workspaceId,
  ladderId,
  level,
  competencies,
  framework,
  salaryVisible,
  opened,
  onClose,
}: {
  workspaceId: string;
  ladderId: string;
  level?: LadderLevel;
  competencies: Competency[];
  framework: CompetencyFramework | undefined;
  salaryVisible: boolean;
  opened: boolean;
  onClose: () => void;
}) {
  const create = useCreateLevel(workspaceId, ladderId);
  const update = useUpdateLevel(workspaceId, ladderId);
  const del = useDeleteLevel(workspaceId, ladderId);
  const [tab, setTab] = useState<string | null>('details');
  const form = useForm<Values>({
    initialValues: initialValues(level),
    validate: {
      title: (v) => (v.trim() ? null : 'Give the level a title.'),
      rank: (v) => (v === '' || Number(v) < CAREER_LIMITS.rankMin || Number(v) > CAREER_LIMITS.rankMax ? `A rank from ${CAREER_LIMITS.rankMin} to ${CAREER_LIMITS.rankMax}.` : null),
      mid: (v, all) => {
        const [min, mid, max] = [toMoney(all.min), toMoney(v), toMoney(all.max)];
        if (mid !== null && min !== null && mid < min) return 'The midpoint cannot be below the minimum.';
        if (mid !== null && max !== null && mid > max) return 'The midpoint cannot be above the maximum.';
        return null;
      },
      max: (v, all) => {
        const [min, max] = [toMoney(all.min), toMoney(v)];
        return min !== null && max !== null && max < min ? 'The maximum cannot be below the minimum.' : null;
      },
      currency: (v) => (/^[A-Za-z]{3}$/.test(v.trim()) ? null : 'A three-letter currency code, such as USD or EUR.'),
    },
  });

  useEffect(() => {
    if (opened) {
      form.setValues(initialValues(level));
      form.clearErrors();
    }
    // Reset only when the modal opens or the record changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, level?.id, level?.version]);

  // The next opening starts on the first tab again.
  const close = () => {
    setTab('details');
    onClose();
  };

  const submit = form.onSubmit(
    (v) => {
      const before = new Map((level?.expectations ?? []).map((e) => [e.competencyId, e.expected]));
      const expectations = Object.entries(v.expectations)
        .filter(([, x]) => x !== '')
        .map(([competencyId, x]) => ({ competencyId, expected: Number(x) }))
        .filter((e) => before.get(e.competencyId) !== e.expected);
      const body: LevelInput = {
        title: v.title.trim(),
        track: v.track,
        rank: Number(v.rank),
        description: v.description.trim(),
        scope: v.scope.trim(),
        ...(expectations.length ? { expectations } : {}),
      };
      const salary = salaryVisible ? salaryChange(v, level) : undefined;
      if (salary) body.salary = salary;
      const onError = (e: unknown) => {
        const field = isApiError(e) ? (e.field ?? '') : '';
        // The band's fields are flat in the form: salary.mid on the API is mid here.
        const flat = field.startsWith('salary.') ? field.slice('salary.'.length) : '';
        if (flat && flat in form.values) {
          setTab('salary');
          form.setFieldError(flat, (e as Error).message.replace(/^salary\.\w+: /, ''));
          return;
        }
        if (field.startsWith('salary')) setTab('salary');
        if (field === 'expectations') setTab('expectations');
        showFormError(form, e, level ? 'Could not save the level' : 'Could not add the level');
      };
      if (level) {
        update.mutate({ levelId: level.id, version: level.version, ...body }, { onSuccess: () => (notifySuccess(`${body.title} saved. The ladder keeps the previous version.`), close()), onError });
      } else {
        create.mutate({ ...body, title: body.title!, track: body.track!, rank: body.rank! }, { onSuccess: () => (notifySuccess(`${body.title} added to the ladder.`), close()), onError });
      }
    },
    (errors) => {
      if (errors.title || errors.rank) setTab('details');
      else if (errors.mid || errors.max || errors.currency) setTab('salary');
    },
  );

  const confirmDelete = () =>
    level &&
    modals.openConfirmModal({
      title: `Remove “${level.title}”?`,
      children: <Text size="sm">The level, its band and its expectations leave the ladder. The previous version stays in the history.</Text>,
      labels: { confirm: 'Remove level', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        del.mutate(level.id, {
          onSuccess: () => (notifySuccess(`${level.title} removed.`), close()),
          onError: (e) => notifyError(e, 'Could not remove the level'),
        }),
    });

  return (
    <Modal opened={opened} onClose={close} title={level ? `Edit ${level.title}` : 'Add a level'} size="xl" scrollAreaComponent={ScrollArea.Autosize}>
      <form onSubmit={submit} noValidate>
        <Tabs value={tab} onChange={setTab} keepMounted>
          <Tabs.List mb="md">
            <Tabs.Tab value="details">Details</Tabs.Tab>
            <Tabs.Tab value="expectations" disabled={!framework || !competencies.length}>
              Expectations
            </Tabs.Tab>
            {salaryVisible ? <Tabs.Tab value="salary">Salary band</Tabs.Tab> : null}
          </Tabs.List>

          <Tabs.Panel value="details">
            <Stack>
              <TextInput label="Title" required maxLength={LIMITS.titleMax} data-autofocus {...form.getInputProps('title')} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label="Track"
                  description="The shared trunk comes before the split."
                  data={LADDER_TRACKS.map((t) => ({ value: t, label: LADDER_TRACK_LABELS[t] }))}
                  allowDeselect={false}
                  {...form.getInputProps('track')}
                />
                <NumberInput
                  label="Rank"
                  description="Seniority; the two tracks can share a rank."
                  min={CAREER_LIMITS.rankMin}
                  max={CAREER_LIMITS.rankMax}
                  allowDecimal={false}
                  {...form.getInputProps('rank')}
                />
              </SimpleGrid>
              <Textarea label="Scope" description="What the person owns at this level, in a sentence." autosize minRows={2} maxRows={4} maxLength={LIMITS.descriptionMax} {...form.getInputProps('scope')} />
              <Textarea
                label="Description"
                description="What the role is and how it differs from the level below."
                autosize
                minRows={3}
                maxRows={10}
                maxLength={LIMITS.descriptionMax}
                {...form.getInputProps('description')}
              />
            </Stack>
          </Tabs.Panel>

          <Tabs.Panel value="expectations">
            {framework ? (
              <ExpectationsEditor
                competencies={competencies}
                framework={framework}
                values={form.values.expectations}
                onChange={(id, value) => form.setFieldValue('expectations', { ...form.values.expectations, [id]: value })}
              />
            ) : null}
          </Tabs.Panel>

          {salaryVisible ? (
            <Tabs.Panel value="salary">
              <Stack>
                {level?.salary?.sample ? (
                  <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
                    These are the sample figures quoted in the reference text. Saving a change to the band removes the sample mark.
                  </Alert>
                ) : null}
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <NumberInput label="Minimum" min={0} thousandSeparator="," allowDecimal={false} {...form.getInputProps('min')} />
                  <NumberInput label="Midpoint" min={0} thousandSeparator="," allowDecimal={false} {...form.getInputProps('mid')} />
                  <NumberInput label="Maximum" min={0} thousandSeparator="," allowDecimal={false} {...form.getInputProps('max')} />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput label="Currency" description="ISO code, e.g. USD, EUR, GBP." maxLength={3} {...form.getInputProps('currency')} />
                  <TextInput label="Effective from" type="date" {...form.getInputProps('effectiveOn')} />
                </SimpleGrid>
                <Textarea label="Source" description="Where the figures come from, so readers can judge them." autosize minRows={2} maxRows={5} maxLength={CAREER_LIMITS.sourceMax} {...form.getInputProps('source')} />
                <Text size="xs" c="dimmed">
                  Only the roles chosen in the coaching settings see salary bands. Leave all three figures empty for no band.
                </Text>
              </Stack>
            </Tabs.Panel>
          ) : null}
        </Tabs>

        <Group justify="space-between" mt="lg">
          {level ? (
            <Tooltip label="Place the people at this level elsewhere first" disabled={!level.people.length} withArrow>
              <Button variant="subtle" color="red" onClick={confirmDelete} disabled={level.people.length > 0} loading={del.isPending}>
                Remove level
              </Button>
            </Tooltip>
          ) : (
            <span />
          )}
          <Group>
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {level ? 'Save level' : 'Add level'}
            </Button>
          </Group>
        </Group>
      </form>
    </Modal>
  );
}
