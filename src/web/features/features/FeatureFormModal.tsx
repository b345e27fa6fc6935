import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { LIMITS } from '../../../shared/limits.js';
import { isApiError } from '../../lib/api/client';
import { notifySuccess, showFormError } from '../../lib/errors';
import { useMembers } from '../members/use-members';
import { FEATURE_LIMITS, FEATURE_STATUS_LABELS, HORIZON_LABELS, type FeatureDetail, type FeatureHorizon, type FeatureStatus } from './types';
import { useFeatureComponents } from './use-feature-components';
import { useCreateFeature, useReleaseOptions, useUpdateFeature, type FeatureInput } from './use-features';
import { usePillars } from '../strategy/pillars/use-pillars';

const options = <K extends string>(labels: Record<K, string>) => (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
const NOT_ON_BOARD = 'none';

interface Values {
  componentId: string;
  title: string;
  description: string;
  ownerId: string | null;
  status: string;
  horizon: string;
  startDate: string;
  endDate: string;
  effort: number | string;
  releaseId: string | null;
  pillarId: string | null;
  internal: boolean;
  public: boolean;
}

function valuesOf(feature: FeatureDetail | undefined, defaultComponentId: string): Values {
  return {
    componentId: feature?.componentId ?? defaultComponentId,
    title: feature?.title ?? '',
    description: feature?.description ?? '',
    ownerId: feature?.ownerId ?? null,
    status: feature?.status ?? 'idea',
    horizon: feature?.horizon ?? NOT_ON_BOARD,
    startDate: feature?.startDate ?? '',
    endDate: feature?.endDate ?? '',
    effort: feature?.effort ?? '',
    releaseId: feature?.releaseId ?? null,
    pillarId: feature?.pillarId ?? null,
    internal: feature?.internal ?? false,
    public: feature?.public ?? false,
  };
}

function bodyOf(v: Values, creating: boolean): FeatureInput {
  return {
    componentId: v.componentId,
    title: v.title.trim(),
    description: v.description.trim(),
    // Creating without an owner lets the server default to the component's owner PM.
    ...(creating && !v.ownerId ? {} : { ownerId: v.ownerId }),
    status: v.status as FeatureStatus,
    horizon: v.horizon === NOT_ON_BOARD ? null : (v.horizon as FeatureHorizon),
    startDate: v.startDate || null,
    endDate: v.endDate || null,
    effort: v.effort === '' ? null : Number(v.effort),
    releaseId: v.releaseId,
    pillarId: v.pillarId,
    internal: v.internal,
    public: v.public,
  };
}

interface Props {
  workspaceId: string;
  feature?: FeatureDetail;
  defaultComponentId?: string | null;
  opened: boolean;
  onClose: () => void;
  /** Fetches the latest version after a conflict; the form then shows it. */
  onReload?: () => Promise<{ data?: FeatureDetail }>;
}

/**
 * Creates a feature (then opens it), or edits one when `feature` is given. An edit based on a version
 * someone else has since changed is refused by the server (409): the form says so and offers to load
 * the latest version.
 */
export function FeatureFormModal(props: Props) {
  // The form mounts on each opening, and starts from the record as it is then.
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.feature ? 'Edit feature' : 'New feature'} size="lg">
      <FeatureForm key={props.feature?.id ?? 'new'} {...props} />
    </Modal>
  );
}

function FeatureForm({ workspaceId, feature, defaultComponentId, onClose, onReload }: Props) {
  const navigate = useNavigate();
  const create = useCreateFeature(workspaceId);
  const update = useUpdateFeature(workspaceId);
  const components = useFeatureComponents(workspaceId, feature ? 'feature.update' : 'feature.create');
  const members = useMembers(workspaceId);
  const [conflict, setConflict] = useState(false);
  // The version the form's values came from: a save claims it, so a change made by someone else in the
  // meantime (even one this page has since refetched) is refused rather than silently overwritten.
  const [baseVersion, setBaseVersion] = useState(feature?.version ?? 1);
  const fallbackComponent = (defaultComponentId && components.allowed.some((c) => c.id === defaultComponentId) ? defaultComponentId : components.allowed[0]?.id) ?? '';
  const form = useForm<Values>({
    initialValues: valuesOf(feature, fallbackComponent),
    validate: {
      componentId: (v) => (v ? null : 'Pick the component the feature belongs to.'),
      title: (v) => (v.trim() ? null : 'Name the feature.'),
      endDate: (v, all) => (v && all.startDate && v < all.startDate ? 'Ends on or after the start date.' : null),
    },
  });
  const component = components.byId.get(form.values.componentId);
  const releases = useReleaseOptions(workspaceId, component?.productId);
  const pillars = usePillars(workspaceId, component?.productId);

  // The components may arrive after the form opened: preselect one then.
  useEffect(() => {
    if (!form.values.componentId && fallbackComponent) form.setFieldValue('componentId', fallbackComponent);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fallbackComponent]);

  // A release belongs to one product: moving to another product's component clears it.
  useEffect(() => {
    const rel = form.values.releaseId;
    if (rel && releases.data && !releases.data.items.some((r) => r.id === rel)) form.setFieldValue('releaseId', null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [releases.data, form.values.componentId]);

  // A pillar belongs to one product too.
  useEffect(() => {
    const pillar = form.values.pillarId;
    if (pillar && pillars.data && !pillars.data.items.some((p) => p.id === pillar)) form.setFieldValue('pillarId', null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pillars.data, form.values.componentId]);

  const onError = (e: unknown) => {
    if (isApiError(e) && e.code === 'version_conflict') setConflict(true);
    else showFormError(form, e);
  };

  const submit = form.onSubmit((v) => {
    const body = bodyOf(v, !feature);
    if (feature) {
      update.mutate({ featureId: feature.id, version: baseVersion, ...body }, { onSuccess: () => (notifySuccess('Feature saved.'), onClose()), onError });
    } else {
      create.mutate(body, {
        onSuccess: (f) => {
          notifySuccess('Feature created. Write its requirements and link the evidence behind it.');
          onClose();
          void navigate({ to: '/w/$workspaceId/features/$featureId', params: { workspaceId, featureId: f.id } });
        },
        onError,
      });
    }
  });

  const reload = async () => {
    const latest = (await onReload?.())?.data;
    if (!latest) return;
    form.setValues(valuesOf(latest, fallbackComponent));
    form.resetDirty();
    form.clearErrors();
    setBaseVersion(latest.version);
    setConflict(false);
  };

  const ownerHint = !feature && component ? (component.ownerName ? `Leave empty for ${component.ownerName}, the component’s owner.` : 'The component has no owner PM yet.') : undefined;
  const noComponents = !components.loading && components.allowed.length === 0;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {conflict ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="Someone else changed this feature" role="alert">
            <Stack gap="xs" align="flex-start">
              <span>Your changes were not saved, as they were based on an older version. Load the latest version, then make your changes again.</span>
              {onReload ? (
                <Button size="xs" variant="default" onClick={() => void reload()}>
                  Load the latest version
                </Button>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        {noComponents ? (
          <Alert color="gray" variant="light">
            {feature ? 'You cannot move this feature: you own no component.' : 'You can create features only in components you own. Ask a lead to make you the owner of one.'}
          </Alert>
        ) : null}
        <TextInput label="Title" description="The solution, in a few words." maxLength={LIMITS.titleMax} required data-autofocus {...form.getInputProps('title')} />
        <Select label="Component" data={components.grouped} searchable allowDeselect={false} required {...form.getInputProps('componentId')} />
        <Textarea label="Description" description="What it is and why, in a sentence or two. The requirements hold the detail." autosize minRows={2} maxRows={8} maxLength={LIMITS.descriptionMax} {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label="Status" data={options(FEATURE_STATUS_LABELS)} allowDeselect={false} {...form.getInputProps('status')} />
          <Select label="Horizon" data={[...options(HORIZON_LABELS), { value: NOT_ON_BOARD, label: 'Not on the board' }]} allowDeselect={false} {...form.getInputProps('horizon')} />
          <NumberInput label="Effort" placeholder="Points or person-weeks" min={0} max={FEATURE_LIMITS.effortMax} decimalScale={2} {...form.getInputProps('effort')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Start date" type="date" {...form.getInputProps('startDate')} />
          <TextInput label="End date" type="date" {...form.getInputProps('endDate')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Owner"
            placeholder={feature ? 'No owner' : 'Component owner'}
            description={ownerHint}
            data={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
            searchable
            clearable
            {...form.getInputProps('ownerId')}
          />
          <Select
            label="Release"
            placeholder={releases.data?.items.length ? 'No release' : 'No releases yet'}
            data={(releases.data?.items ?? []).map((r) => ({ value: r.id, label: r.date ? `${r.name} (${r.date})` : r.name }))}
            clearable
            {...form.getInputProps('releaseId')}
          />
        </SimpleGrid>
        <Select
          label="Strategic pillar"
          description="The pillar of the product’s strategy this feature serves; its effort counts towards the pillar’s share."
          placeholder={pillars.data?.items.length ? 'No pillar' : 'The product has no pillars yet'}
          data={(pillars.data?.items ?? []).map((p) => ({ value: p.id, label: p.status === 'active' ? p.name : `${p.name} (${p.status})` }))}
          clearable
          disabled={!pillars.data?.items.length && !form.values.pillarId}
          {...form.getInputProps('pillarId')}
        />
        <Switch label="Internal" description="Hide this feature from stakeholders (viewers) on the roadmap and everywhere else." {...form.getInputProps('internal', { type: 'checkbox' })} />
        <Switch
          label="Public roadmap item"
          description="Listed on the reports made for customers."
          disabled={form.values.internal}
          {...form.getInputProps('public', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending} disabled={noComponents || conflict}>
            {feature ? 'Save' : 'Create feature'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
