import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { CAREER_LIMITS, LADDER_TRACKS, LADDER_TRACK_LABELS, type LadderLevel } from '../../../../shared/contracts.js';
import { ROLE_LABELS } from '../../../../shared/roles.js';
import type { MemberT } from '../../../lib/api/types';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { usePersonLevel, usePlacePerson } from './use-career';

/** Places a member at a level of the ladder (or takes them off it), with the date and a note. */
export function PlacePersonModal({
  workspaceId,
  levels,
  members,
  personId,
  opened,
  onClose,
}: {
  workspaceId: string;
  levels: LadderLevel[];
  members: MemberT[];
  /** Preselects this member. */
  personId?: string | null;
  opened: boolean;
  onClose: () => void;
}) {
  const place = usePlacePerson(workspaceId);
  const form = useForm({
    initialValues: { personId: '', levelId: '', since: '', note: '' },
    validate: {
      personId: (v) => (v ? null : 'Pick a person.'),
      levelId: (v) => (v ? null : 'Pick a level.'),
    },
  });
  const current = usePersonLevel(workspaceId, form.values.personId || null);

  useEffect(() => {
    if (opened) {
      form.setValues({ personId: personId ?? '', levelId: '', since: '', note: '' });
      form.clearErrors();
    }
    // Reset only when the modal opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, personId]);

  // Prefill from where the chosen person stands now.
  useEffect(() => {
    const p = current.data;
    if (!p || p.personId !== form.values.personId) return;
    form.setValues({ levelId: p.level?.id ?? '', since: p.since ?? '', note: p.note });
    // Only when the loaded placement changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current.data]);

  const levelOptions = LADDER_TRACKS.map((track) => ({
    group: LADDER_TRACK_LABELS[track],
    items: levels
      .filter((l) => l.track === track)
      .sort((a, b) => a.rank - b.rank)
      .map((l) => ({ value: l.id, label: l.title })),
  })).filter((g) => g.items.length);
  const placedAt = new Map(levels.flatMap((l) => l.people.map((p) => [p.id, l.title] as const)));

  const submit = form.onSubmit((v) =>
    place.mutate(
      { personId: v.personId, levelId: v.levelId, since: v.since || null, note: v.note.trim() },
      {
        onSuccess: (r) => (notifySuccess(`${members.find((m) => m.id === v.personId)?.name ?? 'The person'} is now at ${r.level?.title ?? 'the chosen level'}.`), onClose()),
        onError: (e) => showFormError(form, e, 'Could not place the person'),
      },
    ),
  );

  const takeOff = () =>
    place.mutate(
      { personId: form.values.personId, levelId: null },
      { onSuccess: () => (notifySuccess('Taken off the ladder.'), onClose()), onError: (e) => showFormError(form, e, 'Could not take the person off the ladder') },
    );

  return (
    <Modal opened={opened} onClose={onClose} title="Place a person on the ladder" size="md">
      <form onSubmit={submit}>
        <Stack>
          <Select
            label="Person"
            placeholder="Search members"
            searchable
            data-autofocus
            nothingFoundMessage="No member by that name"
            data={members.map((m) => ({ value: m.id, label: `${m.name} · ${ROLE_LABELS[m.role as keyof typeof ROLE_LABELS] ?? m.role}${placedAt.has(m.id) ? ` · ${placedAt.get(m.id)}` : ''}` }))}
            {...form.getInputProps('personId')}
          />
          <Select label="Level" placeholder="Pick a level" data={levelOptions} searchable {...form.getInputProps('levelId')} />
          <TextInput label="At this level since" type="date" {...form.getInputProps('since')} />
          <Textarea
            label="Note"
            description="Why now, or what the next step would take. Visible to everyone who reads the ladder."
            autosize
            minRows={2}
            maxRows={5}
            maxLength={CAREER_LIMITS.noteMax}
            {...form.getInputProps('note')}
          />
          {current.data?.level ? (
            <Text size="sm" c="dimmed">
              Now at {current.data.level.title}.
            </Text>
          ) : form.values.personId && current.isSuccess ? (
            <Text size="sm" c="dimmed">
              Not on the ladder yet.
            </Text>
          ) : null}
          <Group justify="space-between">
            {current.data?.level ? (
              <Button variant="subtle" color="red" onClick={takeOff} loading={place.isPending}>
                Take off the ladder
              </Button>
            ) : (
              <span />
            )}
            <Group>
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={place.isPending}>
                Place
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
