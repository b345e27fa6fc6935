import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { LIMITS } from '../../../../shared/limits.js';
import { showFormError } from '../../../lib/errors';
import { EXPERIMENT_RESULT_LABELS, EXPERIMENT_STATUS_LABELS, EXPERIMENT_TYPE_LABELS, optionsOf } from '../labels';
import { useOpportunities } from '../opportunities/use-opportunities';
import type { Experiment, ExperimentResult, ExperimentStatus, ExperimentType } from '../types';
import type { ExperimentInput } from './use-research';

export type ExperimentValues = ExperimentInput & { result?: ExperimentResult | null; learning?: string; decision?: string };

/** The fields of an experiment; the result, learning and decision show when editing. */
export function ExperimentForm({
  workspaceId,
  experiment,
  submitLabel,
  pending,
  disabled = false,
  onSubmit,
  onCancel,
}: {
  workspaceId: string;
  experiment?: Experiment;
  submitLabel: string;
  pending: boolean;
  disabled?: boolean;
  onSubmit: (values: ExperimentValues, onError: (e: unknown) => void) => void;
  onCancel?: () => void;
}) {
  const opportunities = useOpportunities(workspaceId);
  const form = useForm({
    initialValues: {
      title: '',
      hypothesis: '',
      type: 'interview' as string,
      metric: '',
      successCriterion: '',
      startsOn: '',
      endsOn: '',
      status: 'planned' as string,
      result: null as string | null,
      learning: '',
      decision: '',
      opportunityIds: [] as string[],
    },
    validate: {
      hypothesis: (v) => (v.trim() ? null : 'Write the hypothesis you are testing.'),
      endsOn: (v, all) => (v && all.startsOn && v < all.startsOn ? 'Ends on or after the start.' : null),
      result: (v, all) => (v && all.status !== 'completed' ? 'A result needs a completed experiment.' : null),
    },
  });

  useEffect(() => {
    form.setValues({
      title: experiment?.title ?? '',
      hypothesis: experiment?.hypothesis ?? '',
      type: experiment?.type ?? 'interview',
      metric: experiment?.metric ?? '',
      successCriterion: experiment?.successCriterion ?? '',
      startsOn: experiment?.startsOn ?? '',
      endsOn: experiment?.endsOn ?? '',
      status: experiment?.status ?? 'planned',
      result: experiment?.result ?? null,
      learning: experiment?.learning ?? '',
      decision: experiment?.decision ?? '',
      opportunityIds: experiment?.opportunityIds ?? [],
    });
    form.resetDirty();
    // Reset only when the record changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [experiment?.id, experiment?.version]);

  const oppOptions = (opportunities.data?.items ?? []).map((o) => ({ value: o.id, label: o.title }));
  // Keep linked opportunities selectable even before the list has loaded.
  for (const o of experiment?.opportunities ?? []) if (!oppOptions.some((x) => x.value === o.id)) oppOptions.push({ value: o.id, label: o.title });

  return (
    <form
      onSubmit={form.onSubmit((v) => {
        const values: ExperimentValues = {
          title: v.title.trim(),
          hypothesis: v.hypothesis.trim(),
          type: v.type as ExperimentType,
          metric: v.metric.trim(),
          successCriterion: v.successCriterion.trim(),
          startsOn: v.startsOn || null,
          endsOn: v.endsOn || null,
          status: v.status as ExperimentStatus,
          opportunityIds: v.opportunityIds,
          ...(experiment ? { result: (v.result as ExperimentResult | null) ?? null, learning: v.learning.trim(), decision: v.decision.trim() } : {}),
        };
        onSubmit(values, (e) => showFormError(form, e));
      })}
    >
      <fieldset disabled={disabled} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack>
          <TextInput label="Title" description="Optional short name" maxLength={LIMITS.titleMax} {...form.getInputProps('title')} />
          <Textarea
            label="Hypothesis"
            description="We believe <this change> will <this outcome> for <these people>, measured by <this signal>."
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('hypothesis')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="Type" data={optionsOf(EXPERIMENT_TYPE_LABELS)} allowDeselect={false} {...form.getInputProps('type')} />
            <Select label="Status" data={optionsOf(EXPERIMENT_STATUS_LABELS)} allowDeselect={false} {...form.getInputProps('status')} />
            <TextInput label="Metric" description="What is measured" {...form.getInputProps('metric')} />
            <TextInput label="Success criterion" description="The threshold that validates it" {...form.getInputProps('successCriterion')} />
            <TextInput label="Starts on" type="date" {...form.getInputProps('startsOn')} />
            <TextInput label="Ends on" type="date" {...form.getInputProps('endsOn')} />
          </SimpleGrid>
          <MultiSelect label="Opportunities it tests" data={oppOptions} searchable clearable {...form.getInputProps('opportunityIds')} />
          {experiment ? (
            <>
              <Select
                label="Result"
                placeholder={form.values.status === 'completed' ? 'Not decided' : 'Complete the experiment first'}
                data={optionsOf(EXPERIMENT_RESULT_LABELS)}
                clearable
                {...form.getInputProps('result')}
              />
              <Textarea label="Learning" description="What we learned" autosize minRows={2} {...form.getInputProps('learning')} />
              <Textarea label="Decision" description="What we decided because of it" autosize minRows={2} {...form.getInputProps('decision')} />
            </>
          ) : null}
          {disabled ? null : (
            <Group justify="flex-end">
              {onCancel ? (
                <Button variant="default" onClick={onCancel}>
                  Cancel
                </Button>
              ) : null}
              <Button type="submit" loading={pending}>
                {submitLabel}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
