import { Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState, type ReactNode } from 'react';
import { GROWTH_GOAL_STATUSES, type ChallengeType, type GrowthGoal, type GrowthGoalStatus } from '../../../../shared/contracts.js';
import { LIMITS } from '../../../../shared/limits.js';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { CHALLENGE_TYPE_LABELS, GOAL_STATUS_LABELS } from './labels';
import { useChallengeOptions, useCompetencyOptions, type Option } from './use-options';
import { useCreateGoal, useUpdateGoal } from './use-growth';

type ChallengeChoice = 'none' | ChallengeType;

const CHALLENGE_HELP: Record<ChallengeType, string> = {
  feature: 'A roadmap item the PM will own end to end: search by title.',
  experiment: 'A validation experiment the PM will design and run.',
  component: 'A component the PM will take over: its product page shows how it is going.',
};

/** The record picker of a challenge; searches features on the server, lists experiments and components. */
function ChallengePicker({
  workspaceId,
  type,
  value,
  onChange,
  error,
}: {
  workspaceId: string;
  type: ChallengeType;
  value: Option | null;
  onChange: (o: Option | null) => void;
  error?: ReactNode;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  // Typing the chosen option's label is not a new search.
  const options = useChallengeOptions(workspaceId, type, debounced === value?.label ? '' : debounced);
  const data = [...(value ? [value] : []), ...(options.data ?? []).filter((o) => o.value !== value?.value)];
  return (
    <Select
      label={CHALLENGE_TYPE_LABELS[type]}
      description={CHALLENGE_HELP[type]}
      placeholder={options.isPending ? 'Loading…' : `Choose a ${CHALLENGE_TYPE_LABELS[type].toLowerCase()}`}
      data={data}
      value={value?.value ?? null}
      onChange={(id) => onChange(data.find((o) => o.value === id) ?? null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // Features are filtered by the server; the others here.
      filter={type === 'feature' ? ({ options: o }) => o : undefined}
      nothingFoundMessage={options.isError ? 'Could not load the list' : 'Nothing matches'}
      clearable
      error={error}
    />
  );
}

/** Adds a goal to a plan, or edits one: wording, competency, due date, status and the next bigger challenge. */
export function GoalFormModal({ opened, onClose, planId, goal }: { opened: boolean; onClose: () => void; planId: string; goal?: GrowthGoal }) {
  const { workspaceId } = useCurrentWorkspace();
  const create = useCreateGoal(workspaceId, planId);
  const update = useUpdateGoal(workspaceId);
  const competencies = useCompetencyOptions(workspaceId, opened);
  const form = useForm({
    initialValues: { title: '', description: '', competencyId: null as string | null, dueOn: '', status: 'not_started' as string, challengeType: 'none' as ChallengeChoice, challenge: null as Option | null },
    validate: {
      title: (v) => (v.trim() ? null : 'Say what the goal is.'),
    },
  });

  useEffect(() => {
    if (!opened) return;
    form.setValues({
      title: goal?.title ?? '',
      description: goal?.description ?? '',
      competencyId: goal?.competencyId ?? null,
      dueOn: goal?.dueOn ?? '',
      status: goal?.status ?? 'not_started',
      challengeType: goal?.challenge?.type ?? 'none',
      challenge: goal?.challenge ? { value: goal.challenge.id, label: goal.challenge.title } : null,
    });
    form.clearErrors();
    // Reset only when the modal opens or the record changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, goal?.id, goal?.version]);

  const submit = form.onSubmit((v) => {
    const { challengeType, challenge } = v;
    if (challengeType !== 'none' && !challenge) {
      form.setFieldError('challenge', `Choose the ${CHALLENGE_TYPE_LABELS[challengeType].toLowerCase()}, or pick “None”.`);
      return;
    }
    const body = {
      title: v.title.trim(),
      description: v.description.trim(),
      competencyId: v.competencyId || null,
      dueOn: v.dueOn || null,
      status: v.status as GrowthGoalStatus,
      challenge: challengeType !== 'none' && challenge ? { type: challengeType, id: challenge.value } : null,
    };
    // The server names a bad challenge as challenge.id; the form shows it on the picker.
    const onError = (e: unknown) => showFormError(form, e, goal ? 'Could not save the goal' : 'Could not add the goal');
    if (goal) {
      update.mutate({ goalId: goal.id, version: goal.version, ...body }, { onSuccess: () => (notifySuccess('Goal saved.'), onClose()), onError });
      return;
    }
    create.mutate(body, { onSuccess: () => (notifySuccess('Goal added.'), onClose()), onError });
  });

  const competencyData = competencies.data ?? [];
  const { challengeType, challenge } = form.getValues();
  return (
    <Modal opened={opened} onClose={onClose} title={goal ? 'Edit goal' : 'Add a goal'} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <TextInput label="Goal" description="An outcome you can check, e.g. “Run five problem interviews before the Q3 bet”." maxLength={LIMITS.titleMax} data-autofocus {...form.getInputProps('title')} />
          <Textarea label="Details" description="How you will know it is done, and what support you need." autosize minRows={2} maxRows={8} maxLength={LIMITS.descriptionMax} {...form.getInputProps('description')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Competency"
              description="The skill this goal grows."
              placeholder={competencies.isPending ? 'Loading…' : competencies.isError ? 'Competencies unavailable' : 'None'}
              data={competencyData}
              searchable
              clearable
              nothingFoundMessage="No competency by that name"
              {...form.getInputProps('competencyId')}
            />
            <TextInput label="Due" description="Leave empty for an open-ended goal." type="date" {...form.getInputProps('dueOn')} />
          </SimpleGrid>
          <Select label="Status" data={GROWTH_GOAL_STATUSES.map((s) => ({ value: s, label: GOAL_STATUS_LABELS[s] }))} allowDeselect={false} {...form.getInputProps('status')} />
          <Stack gap={6}>
            <Text size="sm" fw={500} id="goal-challenge-type">
              Next bigger challenge
            </Text>
            <Text size="xs" c="dimmed">
              Growth comes from real work one size up: name the roadmap item, experiment or component the PM will take on.
            </Text>
            <SegmentedControl
              aria-labelledby="goal-challenge-type"
              value={challengeType}
              onChange={(t) => {
                form.setFieldValue('challengeType', t as ChallengeChoice);
                form.setFieldValue('challenge', null);
                form.clearFieldError('challenge');
              }}
              data={[{ value: 'none', label: 'None' }, ...(['feature', 'experiment', 'component'] as const).map((t) => ({ value: t, label: CHALLENGE_TYPE_LABELS[t] }))]}
            />
            {challengeType !== 'none' ? (
              <ChallengePicker
                key={challengeType}
                workspaceId={workspaceId}
                type={challengeType}
                value={challenge}
                onChange={(o) => {
                  form.setFieldValue('challenge', o);
                  form.clearFieldError('challenge');
                }}
                error={form.errors.challenge}
              />
            ) : null}
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {goal ? 'Save' : 'Add goal'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
