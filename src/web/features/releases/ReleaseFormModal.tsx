import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { RELEASE_STATUSES, type ReleaseDetail, type ReleaseStatus } from '../../../shared/contracts.js';
import { LIMITS } from '../../../shared/limits.js';
import { notifySuccess, showFormError } from '../../lib/errors';
import { RELEASE_STATUS_LABELS } from './labels';
import { useCreateRelease, useUpdateRelease } from './use-releases';

interface ProductOption {
  id: string;
  name: string;
  components: { id: string; name: string }[];
}

/** Creates a release of a product (then opens it), or edits one when `release` is given. */
export function ReleaseFormModal({
  workspaceId,
  product,
  release,
  opened,
  onClose,
}: {
  workspaceId: string;
  product: ProductOption;
  release?: Pick<ReleaseDetail, 'id' | 'version' | 'name' | 'date' | 'description' | 'status' | 'componentIds'>;
  opened: boolean;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const create = useCreateRelease(workspaceId);
  const update = useUpdateRelease(workspaceId);
  const form = useForm({
    initialValues: { name: '', date: '', description: '', status: 'planned' as string, componentIds: [] as string[] },
    validate: { name: (v) => (v.trim() ? null : 'Name the release.') },
  });

  useEffect(() => {
    if (opened) {
      form.setValues({
        name: release?.name ?? '',
        date: release?.date ?? '',
        description: release?.description ?? '',
        status: release?.status ?? 'planned',
        // A new release starts with all the product's components; remove those that sit it out.
        componentIds: release?.componentIds ?? product.components.map((c) => c.id),
      });
      form.clearErrors();
    }
    // Reset only when the modal opens or the record changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, release?.id, release?.version]);

  const submit = form.onSubmit((v) => {
    const body = { name: v.name.trim(), date: v.date || null, description: v.description.trim(), componentIds: v.componentIds };
    if (release) {
      update.mutate(
        { releaseId: release.id, version: release.version, ...body, status: v.status as ReleaseStatus },
        { onSuccess: () => (notifySuccess('Release saved.'), onClose()), onError: (e) => showFormError(form, e, 'Could not save the release') },
      );
      return;
    }
    create.mutate(
      { productId: product.id, ...body },
      {
        onSuccess: (r) => {
          notifySuccess('Release created. Assign features to it from their pages.');
          onClose();
          void navigate({ to: '/w/$workspaceId/releases/$releaseId', params: { workspaceId, releaseId: r.id } });
        },
        onError: (e) => showFormError(form, e, 'Could not create the release'),
      },
    );
  });

  return (
    <Modal opened={opened} onClose={onClose} title={release ? 'Edit release' : `New release of ${product.name}`} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <TextInput label="Name" description="For example 2027.1 or Spring release." maxLength={LIMITS.nameMax} data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Release date" type="date" {...form.getInputProps('date')} />
            {release ? (
              <Select label="Status" data={RELEASE_STATUSES.map((s) => ({ value: s, label: RELEASE_STATUS_LABELS[s] }))} allowDeselect={false} {...form.getInputProps('status')} />
            ) : null}
          </SimpleGrid>
          <Textarea label="Description" description="What the release is about, in a paragraph." autosize minRows={2} maxRows={8} maxLength={LIMITS.descriptionMax} {...form.getInputProps('description')} />
          {product.components.length ? (
            <MultiSelect
              label="Components"
              description="The components that take part in this release."
              data={product.components.map((c) => ({ value: c.id, label: c.name }))}
              searchable
              clearable
              {...form.getInputProps('componentIds')}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {release ? 'Save' : 'Create release'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
