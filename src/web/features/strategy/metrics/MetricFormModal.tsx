import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { METRIC_UNIT_MAX, type Metric } from '../../../../shared/contracts.js';
import { LIMITS } from '../../../../shared/limits.js';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { useProducts } from '../../products/use-products';
import { useCreateMetric, useUpdateMetric } from './use-metrics';

/** Creates a metric (then opens it), or edits one. */
export function MetricFormModal({ workspaceId, metric, opened, onClose }: { workspaceId: string; metric?: Metric; opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const products = useProducts(workspaceId);
  const create = useCreateMetric(workspaceId);
  const update = useUpdateMetric(workspaceId);
  const form = useForm({
    initialValues: { name: '', description: '', unit: '', productId: null as string | null },
    validate: { name: (v) => (v.trim() ? null : 'Name the metric.') },
  });
  useEffect(() => {
    if (!opened) return;
    form.setValues({ name: metric?.name ?? '', description: metric?.description ?? '', unit: metric?.unit ?? '', productId: metric?.productId ?? null });
    form.clearErrors();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, metric?.id, metric?.version]);

  const submit = form.onSubmit((v) => {
    const body = { name: v.name.trim(), description: v.description.trim(), unit: v.unit.trim(), productId: v.productId };
    if (metric) {
      update.mutate({ metricId: metric.id, version: metric.version, ...body }, { onSuccess: () => (notifySuccess('Metric saved.'), onClose()), onError: (e) => showFormError(form, e) });
    } else {
      create.mutate(body, {
        onSuccess: (m) => {
          notifySuccess('Metric created. Add its first points.');
          onClose();
          void navigate({ to: '/w/$workspaceId/metrics/$metricId', params: { workspaceId, metricId: m.id } });
        },
        onError: (e) => showFormError(form, e),
      });
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={metric ? 'Edit metric' : 'New metric'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Name" description="Unique in the workspace, e.g. Weekly active teams." required maxLength={LIMITS.nameMax} data-autofocus {...form.getInputProps('name')} />
          <Textarea label="Description" description="What is counted, and where the numbers come from." autosize minRows={2} maxRows={6} maxLength={LIMITS.descriptionMax} {...form.getInputProps('description')} />
          <Group grow align="flex-start">
            <TextInput label="Unit" placeholder="%, ms, €, users" maxLength={METRIC_UNIT_MAX} {...form.getInputProps('unit')} />
            <Select
              label="Product"
              placeholder="Workspace-wide"
              data={(products.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
              clearable
              {...form.getInputProps('productId')}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {metric ? 'Save' : 'Create metric'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
