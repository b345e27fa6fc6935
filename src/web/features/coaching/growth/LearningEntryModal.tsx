import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { LEARNING_TYPES, type LearningType } from '../../../../shared/coaching.js';
import { GROWTH_NOTE_MAX, URL_MAX, type LearningEntry } from '../../../../shared/contracts.js';
import { LIMITS } from '../../../../shared/limits.js';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { LEARNING_TYPE_LABELS, todayDay } from './labels';
import { useCompetencyOptions } from './use-options';
import { useCreateLearning, useUpdateLearning } from './use-learning';

/** What a new entry starts with, e.g. from a suggestion: its competency and the suggested type. */
export interface LearningDraft {
  personId?: string;
  personName?: string;
  competencyId?: string | null;
  type?: LearningType;
}

const TYPE_HELP: Record<LearningType, string> = {
  article: 'A blog post or article: the quickest way to keep current.',
  book: 'Go deep on one technique, when you need it.',
  course: 'A targeted course on one topic, not a survey of everything.',
  community: 'A product management community: peers and their practice.',
  conference: 'A talk or a whole conference, in person or well-run virtual.',
  mentor: 'A conversation with someone who has done it before.',
};

/** Logs a learning entry (for yourself, or as a coach for the PM) or edits one. */
export function LearningEntryModal({ opened, onClose, entry, draft }: { opened: boolean; onClose: () => void; entry?: LearningEntry; draft?: LearningDraft | null }) {
  const { workspaceId, memberId } = useCurrentWorkspace();
  const create = useCreateLearning(workspaceId);
  const update = useUpdateLearning(workspaceId);
  const competencies = useCompetencyOptions(workspaceId, opened);
  const form = useForm({
    initialValues: { resource: '', url: '', type: 'article' as string, competencyId: null as string | null, takeaway: '', learnedOn: todayDay() },
    validate: {
      resource: (v) => (v.trim() ? null : 'Name what you read, took or joined.'),
      takeaway: (v) => (v.trim() ? null : 'Write down the one thing you will do differently.'),
      url: (v) => (!v.trim() || /^https?:\/\/\S+$/i.test(v.trim()) ? null : 'A web address starting with http:// or https://'),
      learnedOn: (v) => (v ? null : 'When did you learn it?'),
    },
  });

  useEffect(() => {
    if (!opened) return;
    form.setValues({
      resource: entry?.resource ?? '',
      url: entry?.url ?? '',
      type: entry?.type ?? draft?.type ?? 'article',
      competencyId: entry?.competencyId ?? draft?.competencyId ?? null,
      takeaway: entry?.takeaway ?? '',
      learnedOn: entry?.learnedOn ?? todayDay(),
    });
    form.clearErrors();
    // Reset only when the modal opens or the record changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, entry?.id, entry?.version, draft]);

  const forOther = !entry && draft?.personId && draft.personId !== memberId ? draft : null;
  const submit = form.onSubmit((v) => {
    const body = {
      resource: v.resource.trim(),
      url: v.url.trim() || null,
      type: v.type as LearningType,
      competencyId: v.competencyId || null,
      takeaway: v.takeaway.trim(),
      learnedOn: v.learnedOn,
    };
    if (entry) {
      update.mutate(
        { entryId: entry.id, version: entry.version, ...body },
        { onSuccess: () => (notifySuccess('Entry saved.'), onClose()), onError: (e) => showFormError(form, e, 'Could not save the entry') },
      );
      return;
    }
    create.mutate(
      { ...body, ...(forOther?.personId ? { personId: forOther.personId } : {}) },
      { onSuccess: () => (notifySuccess('Learning logged.'), onClose()), onError: (e) => showFormError(form, e, 'Could not log the entry') },
    );
  });

  const type = form.getValues().type as LearningType;
  return (
    <Modal opened={opened} onClose={onClose} title={entry ? 'Edit learning entry' : forOther ? `Log learning for ${forOther.personName ?? 'the PM'}` : 'Log learning'} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <TextInput label="Resource" description="The article, book, course, community, conference or mentor." maxLength={LIMITS.titleMax} data-autofocus {...form.getInputProps('resource')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Type"
              description={TYPE_HELP[type] ?? ''}
              data={LEARNING_TYPES.map((t) => ({ value: t, label: LEARNING_TYPE_LABELS[t] }))}
              allowDeselect={false}
              {...form.getInputProps('type')}
            />
            <TextInput label="Learned on" type="date" {...form.getInputProps('learnedOn')} />
          </SimpleGrid>
          <Select
            label="Competency"
            description="The skill it feeds; suggestions use it to show what you already studied."
            placeholder={competencies.isPending ? 'Loading…' : competencies.isError ? 'Competencies unavailable' : 'None'}
            data={competencies.data ?? []}
            searchable
            clearable
            nothingFoundMessage="No competency by that name"
            {...form.getInputProps('competencyId')}
          />
          <TextInput label="Link" description="Optional." placeholder="https://" maxLength={URL_MAX} {...form.getInputProps('url')} />
          <Textarea
            label="Takeaway"
            description="What you will do differently because of it."
            autosize
            minRows={3}
            maxRows={10}
            maxLength={GROWTH_NOTE_MAX}
            {...form.getInputProps('takeaway')}
          />
          {forOther ? (
            <Text size="sm" c="dimmed">
              Logged as coach: {forOther.personName ?? 'the PM'} sees it in their log, and can edit it too.
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {entry ? 'Save' : 'Log it'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
