import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { OBJECTIVE_STATUSES, type Objective, type ObjectiveStatus } from '../../../../shared/contracts.js';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { useMembers } from '../../members/use-members';
import { useProducts } from '../../products/use-products';
import { OBJECTIVE_STATUS_LABELS } from './okr-format';
import { useCreateObjective, usePillars, useUpdateObjective } from './use-okrs';

export interface ParentOption {
  id: string;
  title: string;
  depth?: number;
}

interface Props {
  workspaceId: string;
  productId: string;
  periodId: string;
  opened: boolean;
  onClose: () => void;
  /** The objectives it may align to (the period's); for an edit, the objective and its descendants are left out by the caller. */
  parents: ParentOption[];
  /** Editing this objective; creating when absent. */
  objective?: Objective;
  /** Prefilled parent when creating under an objective. */
  defaultParentId?: string | null;
  onSaved?: (o: Objective) => void;
}

type Values = { title: string; description: string; level: 'product' | 'component'; componentId: string | null; parentId: string | null; ownerId: string | null; pillarId: string | null; status: ObjectiveStatus };

/** Creates or edits an objective: title, level (product or one of its components), parent, owner, pillar (and status when editing). */
export function ObjectiveFormModal({ workspaceId, productId, periodId, opened, onClose, parents, objective, defaultParentId, onSaved }: Props) {
  const { memberId, can, role } = useCurrentWorkspace();
  const members = useMembers(workspaceId);
  const products = useProducts(workspaceId);
  const pillars = usePillars(workspaceId, productId);
  const create = useCreateObjective(workspaceId);
  const update = useUpdateObjective(workspaceId);
  const components = products.data?.items.find((p) => p.id === productId)?.components ?? [];
  const initial = (): Values => ({
    title: objective?.title ?? '',
    description: objective?.description ?? '',
    level: objective?.componentId ? 'component' : 'product',
    componentId: objective?.componentId ?? null,
    parentId: objective ? objective.parentId : (defaultParentId ?? null),
    ownerId: objective ? objective.ownerId : memberId || null,
    pillarId: objective?.pillarId ?? null,
    status: objective?.status ?? 'active',
  });
  const form = useForm<Values>({
    initialValues: initial(),
    validate: {
      title: (v) => (v.trim() ? null : 'Give the objective a title'),
      componentId: (v, all) => (all.level === 'component' && !v ? 'Pick a component' : null),
    },
  });
  useEffect(() => {
    if (opened) {
      form.setValues(initial());
      form.resetDirty(initial());
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, objective?.id, objective?.version, memberId, defaultParentId]);

  // A PM creates objectives they own, or for components they own.
  const pmMayCreate = (v: Values) => role !== 'pm' || v.ownerId === memberId || (v.level === 'component' && components.find((c) => c.id === v.componentId)?.ownerId === memberId);
  const submit = (v: Values) => {
    const componentId = v.level === 'component' ? v.componentId : null;
    if (!objective) {
      create.mutate(
        {
          title: v.title.trim(),
          periodId,
          ...(componentId ? { componentId } : { productId }),
          ...(v.parentId ? { parentId: v.parentId } : {}),
          ...(v.ownerId ? { ownerId: v.ownerId } : {}),
          ...(v.pillarId ? { pillarId: v.pillarId } : {}),
          ...(v.description.trim() ? { description: v.description.trim() } : {}),
        },
        {
          onSuccess: (o) => {
            notifySuccess(`“${o.title}” created`);
            onSaved?.(o);
            onClose();
          },
          onError: (e) => showFormError(form, e, 'Could not create the objective'),
        },
      );
      return;
    }
    update.mutate(
      {
        id: objective.id,
        version: objective.version,
        title: v.title.trim(),
        description: v.description.trim(),
        status: v.status,
        componentId,
        parentId: v.parentId,
        ownerId: v.ownerId,
        pillarId: v.pillarId,
      },
      {
        onSuccess: (o) => {
          notifySuccess('Objective saved');
          onSaved?.(o);
          onClose();
        },
        onError: (e) => showFormError(form, e, 'Could not save the objective'),
      },
    );
  };

  const memberOptions = (members.data?.items ?? []).filter((m) => m.role !== 'viewer').map((m) => ({ value: m.id, label: m.name }));
  const pillarOptions = (pillars.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  const values = form.getValues();

  return (
    <Modal opened={opened} onClose={onClose} title={objective ? 'Edit objective' : 'New objective'} size="lg">
      <form onSubmit={form.onSubmit(submit)}>
        <Stack gap="sm">
          <TextInput label="Title" placeholder="Become the default choice for mid-market teams" data-autofocus required {...form.getInputProps('title')} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="objective-level-label">
              Level
            </Text>
            <SegmentedControl
              aria-labelledby="objective-level-label"
              data={[
                { value: 'product', label: 'Product' },
                { value: 'component', label: 'Component', disabled: !components.length },
              ]}
              {...form.getInputProps('level')}
            />
          </Stack>
          {values.level === 'component' ? (
            <Select label="Component" placeholder="Pick a component" data={components.map((c) => ({ value: c.id, label: c.name }))} required {...form.getInputProps('componentId')} />
          ) : null}
          <Select
            label="Aligns to (parent)"
            placeholder="None: a root of the tree"
            data={parents.map((p) => ({ value: p.id, label: `${'· '.repeat(p.depth ?? 0)}${p.title}` }))}
            clearable
            searchable
            {...form.getInputProps('parentId')}
          />
          <Group grow align="flex-start">
            <Select label="Owner" data={memberOptions} searchable {...form.getInputProps('ownerId')} />
            <Select
              label="Pillar"
              placeholder={pillarOptions.length ? 'None' : 'The product has no pillars'}
              data={pillarOptions}
              clearable
              disabled={!pillarOptions.length}
              {...form.getInputProps('pillarId')}
            />
          </Group>
          {objective ? (
            <Select label="Status" data={OBJECTIVE_STATUSES.map((s) => ({ value: s, label: OBJECTIVE_STATUS_LABELS[s] }))} allowDeselect={false} {...form.getInputProps('status')} />
          ) : null}
          <Textarea label="Description" placeholder="Why this matters now" autosize minRows={2} maxRows={8} {...form.getInputProps('description')} />
          {!objective && !pmMayCreate(values) && can('objective.write', { ownerIds: [memberId] }) ? (
            <Text size="sm" c="orange">
              As a PM you create objectives you own, or for components you own.
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {objective ? 'Save' : 'Create objective'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
