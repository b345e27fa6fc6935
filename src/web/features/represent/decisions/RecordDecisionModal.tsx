import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { DECISION_RATIONALE_MAX, type RecordDecision } from '../../../../shared/contracts.js';
import { isApiError } from '../../../lib/api/client';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/errors';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { useFeatureComponents } from '../../features/use-feature-components';
import { usePillars } from '../../strategy/pillars/use-pillars';
import { useFeatureSearch } from '../requests/use-requests';
import { useRationales, useRecordDecision } from './use-decisions';

/** The feature a decision is about, when the caller already knows it (the feature page). */
export interface DecisionFeatureRef {
  id: string;
  title: string;
  productId: string;
}

/**
 * Records a roadmap decision: why a feature was added, moved, dropped or kept. The reason is required;
 * a rationale template prefills it, and a pillar may justify it. Reports show the latest reason of each
 * changed feature under "What changed and why".
 */
export function RecordDecisionModal({ opened, onClose, feature }: { opened: boolean; onClose: () => void; feature?: DecisionFeatureRef }) {
  return (
    <Modal opened={opened} onClose={onClose} title={feature ? `Record a decision about “${feature.title}”` : 'Record a decision'} size="lg">
      {opened ? <RecordDecisionForm feature={feature} onClose={onClose} /> : null}
    </Modal>
  );
}

/** The form, mounted afresh each time the modal opens. */
function RecordDecisionForm({ feature, onClose }: { feature?: DecisionFeatureRef; onClose: () => void }) {
  const { workspaceId } = useCurrentWorkspace();
  const record = useRecordDecision(workspaceId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [featureQuery, setFeatureQuery] = useState('');
  const [debouncedQuery] = useDebouncedValue(featureQuery, 250);
  const [picked, setPicked] = useState<DecisionFeatureRef | null>(feature ?? null);
  const [rationaleId, setRationaleId] = useState<string | null>(null);
  const [rationale, setRationale] = useState('');
  const [pillarId, setPillarId] = useState<string | null>(null);

  const features = useFeatureSearch(workspaceId, debouncedQuery, !feature);
  // A PM records decisions only about features of the components they own: offer only those.
  const components = useFeatureComponents(workspaceId, 'decision.record');
  const allowed = new Set(components.allowed.map((c) => c.id));
  const found = (features.data?.items ?? []).filter((f) => allowed.has(f.componentId));
  const featureOptions = found.map((f) => ({ value: f.id, label: `${f.title} (${f.componentName})` }));
  const templates = useRationales(workspaceId);
  const activeTemplates = (templates.data?.items ?? []).filter((t) => t.active);
  const pillars = usePillars(workspaceId, picked?.productId);
  const pillarOptions = (pillars.data?.items ?? []).map((p) => ({ value: p.id, label: p.status === 'active' ? p.name : `${p.name} (${p.status})` }));

  const clearError = (field: string) => setErrors((e) => (e[field] ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== field)) : e));
  const editRationale = (text: string) => {
    setRationale(text);
    if (text.trim()) clearError('rationale');
  };
  const pickTemplate = (id: string | null) => {
    setRationaleId(id);
    clearError('rationaleId');
    const t = activeTemplates.find((x) => x.id === id);
    // The template prefills the text; what is recorded is the text as edited.
    if (t && !rationale.trim()) editRationale(t.body || t.title);
  };
  const pickFeature = (id: string | null) => {
    const f = found.find((x) => x.id === id);
    setPicked(f ? { id: f.id, title: f.title, productId: f.productId } : null);
    // Pillars belong to a product: one picked for another feature's product no longer applies.
    if (f?.productId !== picked?.productId) setPillarId(null);
    if (f) clearError('featureId');
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!picked) errs.featureId = 'Pick the feature the decision is about.';
    if (!rationale.trim()) errs.rationale = 'Say why: a roadmap decision needs a rationale.';
    setErrors(errs);
    if (!picked || Object.keys(errs).length) return;
    const body: RecordDecision = { featureId: picked.id, rationale: rationale.trim(), ...(rationaleId ? { rationaleId } : {}), ...(pillarId ? { pillarId } : {}) };
    record.mutate(body, {
      onSuccess: () => {
        notifySuccess(`Decision about “${picked.title}” recorded. Reports show it as the reason for the feature’s change.`);
        onClose();
      },
      onError: (err) => {
        // Errors on a field the form shows go beside it; others (a feature gone, no permission) in a notification.
        const shown = feature ? ['rationale', 'rationaleId', 'pillarId'] : ['featureId', 'rationale', 'rationaleId', 'pillarId'];
        if (isApiError(err) && err.field && err.code === 'validation_failed' && shown.includes(err.field)) setErrors({ [err.field]: errorMessage(err) });
        else notifyError(err, 'The decision was not recorded');
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {feature ? (
          <Text size="sm">
            About the feature <b>{feature.title}</b>: why it was added, moved, dropped or kept.
          </Text>
        ) : (
          <Select
            label="Feature"
            description="What the decision is about: why it was added, moved, dropped or kept."
            placeholder="Search features by title"
            required
            searchable
            searchValue={featureQuery}
            onSearchChange={setFeatureQuery}
            filter={({ options }) => options}
            data={featureOptions}
            value={picked?.id ?? null}
            onChange={pickFeature}
            nothingFoundMessage={features.isFetching ? 'Searching…' : features.isError ? 'Could not load features' : 'No feature you may decide about matches'}
            error={errors.featureId}
            data-autofocus
          />
        )}
        {templates.isError ? (
          <Alert color="yellow" variant="light" title="Rationale templates are unavailable">
            <Text size="sm">Write the rationale yourself.</Text>
          </Alert>
        ) : (
          <Select
            label="Rationale template"
            placeholder={templates.isPending ? 'Loading templates…' : activeTemplates.length ? 'Pick a reusable reason (optional)' : 'No templates yet'}
            data={activeTemplates.map((t) => ({ value: t.id, label: t.title }))}
            value={rationaleId}
            onChange={pickTemplate}
            clearable
            disabled={!activeTemplates.length}
            error={errors.rationaleId}
          />
        )}
        <Textarea
          label="Rationale"
          description="Why the roadmap changed, or did not. Reports show it under “What changed and why” (never to customers)."
          required
          autosize
          minRows={3}
          maxRows={10}
          maxLength={DECISION_RATIONALE_MAX}
          value={rationale}
          onChange={(e) => editRationale(e.currentTarget.value)}
          error={errors.rationale}
          data-autofocus={feature ? true : undefined}
        />
        <Select
          label="Pillar"
          description={picked ? 'The strategic pillar that justified it (optional).' : 'Pick the feature first.'}
          placeholder={pillars.isPending && picked ? 'Loading pillars…' : pillarOptions.length ? 'None' : 'No pillars for this product'}
          data={pillarOptions}
          value={pillarId}
          onChange={(v) => {
            setPillarId(v);
            clearError('pillarId');
          }}
          clearable
          searchable
          disabled={!picked || !pillarOptions.length}
          error={errors.pillarId}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={record.isPending}>
            Record decision
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
