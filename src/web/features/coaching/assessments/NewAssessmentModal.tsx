import { Autocomplete, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo } from 'react';
import { ASSESSMENT_LIMITS } from '../../../../shared/contracts.js';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { useMembers } from '../../members/use-members';
import { periodSuggestions } from './labels';
import { useCreateAssessment, useFrameworkOptions } from './use-assessments';

/**
 * Opens an assessment. A lead or admin picks the person (and becomes the coach); a PM opens their own
 * and may name the lead who coaches them, or leave the coach side to the first lead who rates it.
 */
export function NewAssessmentModal({ opened, onClose, personId }: { opened: boolean; onClose: () => void; personId?: string }) {
  const { workspaceId, role, memberId } = useCurrentWorkspace();
  const navigate = useNavigate();
  const members = useMembers(workspaceId);
  const frameworks = useFrameworkOptions(workspaceId);
  const create = useCreateAssessment(workspaceId);
  const coaches = role === 'lead' || role === 'admin';
  const form = useForm({
    initialValues: { personId: '', period: '', frameworkId: '', coachId: '', periodStart: '', periodEnd: '' },
    validate: {
      personId: (v) => (v ? null : 'Choose the person to assess.'),
      period: (v) => (v.trim() ? null : 'Name the period, for example 2027-Q1.'),
      periodEnd: (v, all) => (v && all.periodStart && v < all.periodStart ? 'The end comes after the start.' : null),
    },
  });

  const defaultFramework = frameworks.data?.items.find((f) => f.isDefault) ?? frameworks.data?.items[0];
  useEffect(() => {
    if (!opened) return;
    form.setValues({ personId: personId ?? (coaches ? '' : memberId), period: periodSuggestions()[0]!, frameworkId: defaultFramework?.id ?? '', coachId: '', periodStart: '', periodEnd: '' });
    form.clearErrors();
    // Reset when the modal opens, and once the default framework arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, defaultFramework?.id, memberId]);

  const people = useMemo(() => {
    const items = members.data?.items ?? [];
    // PMs first: they are who a lead coaches; others can be assessed too.
    const rank = (r: string) => (r === 'pm' ? 0 : r === 'lead' ? 1 : 2);
    return items
      .filter((m) => m.role !== 'viewer' && m.id !== memberId)
      .sort((a, b) => rank(a.role) - rank(b.role) || a.name.localeCompare(b.name))
      .map((m) => ({ value: m.id, label: `${m.name}${m.role === 'pm' ? '' : ` (${m.role})`}` }));
  }, [members.data, memberId]);
  const coachOptions = (members.data?.items ?? []).filter((m) => (m.role === 'lead' || m.role === 'admin') && m.id !== form.values.personId).map((m) => ({ value: m.id, label: m.name }));

  const submit = form.onSubmit((v) => {
    create.mutate(
      {
        personId: v.personId,
        period: v.period.trim(),
        frameworkId: v.frameworkId || undefined,
        coachId: v.coachId || undefined,
        periodStart: v.periodStart || undefined,
        periodEnd: v.periodEnd || undefined,
      },
      {
        onSuccess: (a) => {
          notifySuccess(`The ${a.period} assessment of ${a.person.name} is open.`);
          onClose();
          void navigate({ to: '/w/$workspaceId/coaching/assessments/$assessmentId', params: { workspaceId, assessmentId: a.id } });
        },
        onError: (e) => showFormError(form, e, 'Could not open the assessment'),
      },
    );
  });

  return (
    <Modal opened={opened} onClose={onClose} title={coaches ? 'New assessment' : 'New self-assessment'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {coaches && !personId ? (
            <Select
              label="Person"
              description="You become the coach who rates the coach side."
              placeholder={members.isPending ? 'Loading members…' : 'Choose a person'}
              data={people}
              searchable
              nothingFoundMessage="No member matches"
              data-autofocus
              {...form.getInputProps('personId')}
            />
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Autocomplete
              label="Period"
              description="A quarter (2027-Q1), half (2027-H1) or year fills the dates."
              data={periodSuggestions()}
              maxLength={ASSESSMENT_LIMITS.periodMax}
              {...form.getInputProps('period')}
            />
            <Select
              label="Framework"
              description="Competencies and rating scale."
              placeholder={frameworks.isPending ? 'Loading…' : frameworks.isError ? 'Default framework' : 'Choose'}
              data={(frameworks.data?.items ?? []).map((f) => ({ value: f.id, label: f.isDefault ? `${f.name} (default)` : f.name }))}
              allowDeselect={false}
              {...form.getInputProps('frameworkId')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Starts" description="Optional for other labels." type="date" {...form.getInputProps('periodStart')} />
            <TextInput label="Ends" type="date" {...form.getInputProps('periodEnd')} />
          </SimpleGrid>
          {!coaches ? (
            <Select
              label="Coach"
              description="Optional: the lead who rates the coach side. Left empty, the first lead to rate it becomes your coach."
              placeholder="Any lead"
              data={coachOptions}
              clearable
              searchable
              {...form.getInputProps('coachId')}
            />
          ) : null}
          <Text size="xs" c="dimmed">
            Each side stays private to its author until submitted. Submitting is final.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Open assessment
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
