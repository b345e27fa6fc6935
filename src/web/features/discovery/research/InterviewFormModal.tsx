import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { LIMITS } from '../../../../shared/limits.js';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { useMembers } from '../../members/use-members';
import type { Interview } from '../types';
import { useCreateInterview, useUpdateInterview } from './use-research';

/** Records an interview (then opens it), or edits one when `interview` is given. */
export function InterviewFormModal({ workspaceId, interview, opened, onClose }: { workspaceId: string; interview?: Interview; opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const create = useCreateInterview(workspaceId);
  const update = useUpdateInterview(workspaceId);
  const members = useMembers(workspaceId);
  const form = useForm({
    initialValues: { title: '', date: '', participantName: '', interviewerId: null as string | null, script: '', notes: '' },
    validate: {
      title: (v) => (v.trim() ? null : 'Say what the interview was about.'),
      date: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Pick the day of the interview.'),
    },
  });

  useEffect(() => {
    if (opened) {
      form.setValues({
        title: interview?.title ?? '',
        date: interview?.date ?? new Date().toISOString().slice(0, 10),
        participantName: interview?.participantName ?? '',
        interviewerId: interview?.interviewerId ?? null,
        script: interview?.script ?? '',
        notes: interview?.notes ?? '',
      });
      form.clearErrors();
    }
    // Reset only when the modal opens or the record changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, interview?.id, interview?.version]);

  return (
    <Modal opened={opened} onClose={onClose} title={interview ? 'Edit interview' : 'New interview'} size="xl">
      <form
        onSubmit={form.onSubmit((v) => {
          const body = {
            title: v.title.trim(),
            date: v.date,
            participantName: v.participantName.trim(),
            interviewerId: v.interviewerId,
            script: v.script,
            notes: v.notes,
          };
          if (interview) {
            update.mutate(
              { interviewId: interview.id, version: interview.version, ...body },
              { onSuccess: () => (notifySuccess('Interview saved.'), onClose()), onError: (e) => showFormError(form, e) },
            );
          } else {
            create.mutate(body, {
              onSuccess: (i) => {
                notifySuccess('Interview recorded. Select quotes in the notes to keep them as evidence.');
                onClose();
                void navigate({ to: '/w/$workspaceId/research/interviews/$interviewId', params: { workspaceId, interviewId: i.id } });
              },
              onError: (e) => showFormError(form, e),
            });
          }
        })}
      >
        <Stack>
          <TextInput label="Title" maxLength={LIMITS.titleMax} data-autofocus {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Date" type="date" {...form.getInputProps('date')} />
            <TextInput label="Participant" placeholder="Name and role" {...form.getInputProps('participantName')} />
            <Select
              label="Interviewer"
              placeholder="You"
              data={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
              searchable
              clearable
              {...form.getInputProps('interviewerId')}
            />
          </SimpleGrid>
          <Textarea label="Script or questions" autosize minRows={2} maxRows={8} {...form.getInputProps('script')} />
          <Textarea label="Notes" description="Markdown. Headings, lists, bold and links are rendered." autosize minRows={8} maxRows={20} {...form.getInputProps('notes')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {interview ? 'Save' : 'Record interview'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
