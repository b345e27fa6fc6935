import { ActionIcon, Button, Group, Modal, ScrollArea, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect } from 'react';
import { CAREER_LIMITS, type Competency, type CompetencyFramework } from '../../../../shared/contracts.js';
import { LIMITS } from '../../../../shared/limits.js';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { descriptorRange } from './labels';
import { useCreateCompetency, useUpdateCompetency } from './use-frameworks';

/** Adds a competency to a framework, or edits one: name, area, description and a descriptor per band of the scale. */
export function CompetencyFormModal({
  workspaceId,
  framework,
  competency,
  areas,
  opened,
  onClose,
}: {
  workspaceId: string;
  framework: CompetencyFramework;
  competency?: Competency;
  /** Areas already in the framework, offered as suggestions. */
  areas: string[];
  opened: boolean;
  onClose: () => void;
}) {
  const create = useCreateCompetency(workspaceId, framework.id);
  const update = useUpdateCompetency(workspaceId);
  const points = framework.scale.max - framework.scale.min + 1;
  const defaultBands = Math.min(points, 5);
  const form = useForm({
    initialValues: { name: '', area: '', description: '', descriptors: [] as string[] },
    validate: {
      name: (v) => (v.trim() ? null : 'Name the competency.'),
      descriptors: (v) => (v.some((d) => !d.trim()) ? 'Fill in or remove the empty descriptors.' : null),
    },
  });

  useEffect(() => {
    if (opened) {
      form.setValues({
        name: competency?.name ?? '',
        area: competency?.area ?? '',
        description: competency?.description ?? '',
        descriptors: competency?.descriptors.length ? competency.descriptors : Array.from({ length: defaultBands }, () => ''),
      });
      form.clearErrors();
    }
    // Reset only when the modal opens or the record changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, competency?.id, competency?.version]);

  const descriptors = form.values.descriptors;
  const submit = form.onSubmit((v) => {
    const body = { name: v.name.trim(), area: v.area.trim(), description: v.description.trim(), descriptors: v.descriptors.map((d) => d.trim()) };
    if (competency) {
      update.mutate(
        { competencyId: competency.id, version: competency.version, ...body },
        { onSuccess: () => (notifySuccess(`${body.name} saved.`), onClose()), onError: (e) => showFormError(form, e, 'Could not save the competency') },
      );
    } else {
      create.mutate(body, { onSuccess: () => (notifySuccess(`${body.name} added. Give it a few questions for the bank.`), onClose()), onError: (e) => showFormError(form, e, 'Could not add the competency') });
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={competency ? `Edit ${competency.name}` : `Add a competency to ${framework.name}`} size="lg" scrollAreaComponent={ScrollArea.Autosize}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput label="Name" required maxLength={LIMITS.nameMax} data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label="Area"
            description={areas.length ? `Group it with others, e.g. ${areas.slice(0, 3).join(', ')}.` : 'A heading that groups related competencies.'}
            maxLength={LIMITS.nameMax}
            {...form.getInputProps('area')}
          />
          <Textarea label="Description" description="What the skill is, in a sentence or two." autosize minRows={2} maxRows={6} maxLength={LIMITS.descriptionMax} {...form.getInputProps('description')} />
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Descriptors along the scale
            </Text>
            <Text size="xs" c="dimmed">
              What the skill looks like from the bottom of the scale to the top; the descriptors split the {framework.scale.min}–{framework.scale.max} scale into equal bands.
            </Text>
            {descriptors.map((d, i) => (
              <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
                <Textarea
                  flex={1}
                  label={`Band ${descriptorRange(framework.scale, i, descriptors.length)}`}
                  autosize
                  minRows={1}
                  maxRows={4}
                  maxLength={CAREER_LIMITS.descriptorMax}
                  value={d}
                  onChange={(e) => form.setFieldValue('descriptors', descriptors.map((x, j) => (j === i ? e.currentTarget.value : x)))}
                />
                <Tooltip label="Remove this descriptor" withArrow>
                  <ActionIcon
                    mt={26}
                    variant="subtle"
                    color="gray"
                    aria-label={`Remove descriptor ${i + 1}`}
                    onClick={() => form.setFieldValue('descriptors', descriptors.filter((_, j) => j !== i))}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ))}
            {form.errors.descriptors ? (
              <Text size="xs" c="red">
                {form.errors.descriptors}
              </Text>
            ) : null}
            {descriptors.length < Math.min(points, CAREER_LIMITS.descriptorsMax) ? (
              <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.setFieldValue('descriptors', [...descriptors, ''])} w="fit-content">
                Add a descriptor
              </Button>
            ) : null}
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {competency ? 'Save' : 'Add competency'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
