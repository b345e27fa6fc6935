import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { LIMITS } from '../../../../shared/limits.js';
import { DECISION_RATIONALE_MAX, type DecideRequest, type DecisionAction, type RequestSummary } from '../../../../shared/contracts.js';
import { isApiError } from '../../../lib/api/client';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/errors';
import { useCurrentWorkspace } from '../../../lib/use-current-workspace';
import { useFeatureComponents } from '../../features/use-feature-components';
import { useDecideRequest, useFeatureSearch, useRationaleTemplates, useRequests } from './use-requests';

const ACTION_LABELS: Record<DecisionAction, string> = { accept: 'Accept', merge: 'Merge', defer: 'Defer', decline: 'Decline' };
const DONE: Record<DecisionAction, string> = { accept: 'Accepted', merge: 'Merged', defer: 'Deferred', decline: 'Declined' };
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/**
 * Deciding a request: accept (a feature, or a new one), merge (into another request), defer (to a day) or
 * decline. A decline needs a rationale; the others may give one, which the requesters read (and, for an
 * accept, reports show as the reason for the feature's change).
 */
export function DecisionModal({ request, action, onClose }: { request: RequestSummary | null; action: DecisionAction; onClose: () => void }) {
  return (
    <Modal opened={request !== null} onClose={onClose} title={request ? `Decide “${request.title}”` : 'Decide'} size="lg">
      {request ? <DecisionForm key={`${request.id}-${action}`} request={request} initial={action} onClose={onClose} /> : null}
    </Modal>
  );
}

/** The form, mounted afresh for each request and action picked. */
function DecisionForm({ request, initial, onClose }: { request: RequestSummary; initial: DecisionAction; onClose: () => void }) {
  const { workspaceId } = useCurrentWorkspace();
  const decide = useDecideRequest(workspaceId);
  const [action, setAction] = useState<DecisionAction>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // accept
  const [acceptMode, setAcceptMode] = useState<'existing' | 'new'>('existing');
  const [featureQuery, setFeatureQuery] = useState('');
  const [debouncedFeatureQuery] = useDebouncedValue(featureQuery, 250);
  const [featureId, setFeatureId] = useState<string | null>(null);
  const [newTitle, setNewTitle] = useState(request.title);
  const [newComponentId, setNewComponentId] = useState<string | null>(request.component?.id ?? null);
  // merge
  const [requestQuery, setRequestQuery] = useState('');
  const [debouncedRequestQuery] = useDebouncedValue(requestQuery, 250);
  const [intoId, setIntoId] = useState<string | null>(null);
  // defer
  const [revisitOn, setRevisitOn] = useState('');
  // why (required to decline, optional otherwise)
  const [rationaleId, setRationaleId] = useState<string | null>(null);
  const [rationale, setRationale] = useState('');

  const opened = true;
  const features = useFeatureSearch(workspaceId, debouncedFeatureQuery, opened && action === 'accept' && acceptMode === 'existing');
  const candidates = useRequests(workspaceId, { q: debouncedRequestQuery, limit: 30 });
  const templates = useRationaleTemplates(workspaceId, opened);
  const components = useFeatureComponents(workspaceId, 'feature.create');


  const activeTemplates = (templates.data?.items ?? []).filter((t) => t.active);
  // Once there is text, the "say why" error from an empty submit no longer holds.
  const editRationale = (text: string) => {
    setRationale(text);
    if (text.trim()) setErrors((e) => (e.rationale ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== 'rationale')) : e));
  };
  const pickTemplate = (id: string | null) => {
    setRationaleId(id);
    const t = activeTemplates.find((x) => x.id === id);
    // The template prefills the text; what is sent is the text as edited.
    if (t && !rationale.trim()) editRationale(t.body || t.title);
  };

  const body = (): DecideRequest | null => {
    const errs: Record<string, string> = {};
    let out: DecideRequest | null = null;
    // The optional why of an accept, merge or defer; a template goes with its (prefilled) text.
    const why = rationale.trim() ? { rationale: rationale.trim(), ...(rationaleId ? { rationaleId } : {}) } : {};
    if (action !== 'decline' && rationaleId && !rationale.trim()) errs.rationale = 'Say why in words with the template, or clear the template.';
    if (action === 'accept') {
      if (acceptMode === 'existing') {
        if (!featureId) errs.featureId = 'Pick a feature, or create a new one.';
        else out = { action, featureId, ...why };
      } else {
        if (!newComponentId) errs.componentId = 'Pick the component the feature goes in.';
        if (!newTitle.trim()) errs.title = 'Name the feature.';
        if (newComponentId && newTitle.trim()) out = { action, newFeature: { componentId: newComponentId, title: newTitle.trim() }, ...why };
      }
    } else if (action === 'merge') {
      if (!intoId) errs.intoId = 'Pick the request to merge into.';
      else out = { action, intoId, ...why };
    } else if (action === 'defer') {
      if (!revisitOn) errs.revisitOn = 'Pick the day it comes back into triage.';
      else if (revisitOn < tomorrow()) errs.revisitOn = 'Pick a day after today.';
      else out = { action, revisitOn, ...why };
    } else {
      if (!rationale.trim()) errs.rationale = 'Say why: a declined request needs a rationale.';
      else out = { action, rationale: rationale.trim(), ...(rationaleId ? { rationaleId } : {}) };
    }
    setErrors(errs);
    return Object.keys(errs).length ? null : out;
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const decision = body();
    if (!decision) return;
    decide.mutate(
      { requestId: request.id, decision },
      {
        onSuccess: () => {
          notifySuccess(`${DONE[decision.action]} “${request.title}”. The requesters will hear the outcome.`);
          onClose();
        },
        onError: (err) => {
          if (isApiError(err) && err.field && err.code === 'validation_failed') setErrors({ [err.field]: errorMessage(err) });
          else notifyError(err, 'The decision was not recorded');
        },
      },
    );
  };

  const requestOptions = (candidates.data?.items ?? [])
    .filter((r) => r.id !== request.id && r.mergedIntoId !== request.id)
    .map((r) => ({ value: r.id, label: r.status === 'merged' ? `${r.title} (merged: goes to its root)` : r.title }));
  const featureOptions = (features.data?.items ?? []).map((f) => ({ value: f.id, label: f.title }));

  return (
    <form onSubmit={submit} noValidate>
        <Stack>
          <SegmentedControl
            aria-label="Decision"
            fullWidth
            value={action}
            onChange={(v) => {
              setAction(v as DecisionAction);
              setErrors({});
            }}
            data={(['accept', 'merge', 'defer', 'decline'] as const).map((a) => ({ value: a, label: ACTION_LABELS[a] }))}
          />
          {action === 'accept' ? (
            <>
              <SegmentedControl
                aria-label="Feature"
                value={acceptMode}
                onChange={(v) => setAcceptMode(v as 'existing' | 'new')}
                data={[
                  { value: 'existing', label: 'Link an existing feature' },
                  { value: 'new', label: 'Create a feature' },
                ]}
              />
              {acceptMode === 'existing' ? (
                <Select
                  label="Feature"
                  placeholder="Search features by title"
                  searchable
                  searchValue={featureQuery}
                  onSearchChange={setFeatureQuery}
                  filter={({ options }) => options}
                  data={featureOptions}
                  value={featureId}
                  onChange={setFeatureId}
                  nothingFoundMessage={features.isFetching ? 'Searching…' : 'No feature matches'}
                  error={errors.featureId}
                  data-autofocus
                />
              ) : (
                <>
                  <TextInput label="Feature title" maxLength={LIMITS.titleMax} value={newTitle} onChange={(e) => setNewTitle(e.currentTarget.value)} error={errors.title} />
                  <Select label="Component" data={components.grouped} value={newComponentId} onChange={setNewComponentId} searchable error={errors.componentId} description="Only components you may add features to." />
                </>
              )}
            </>
          ) : null}
          {action === 'merge' ? (
            <Select
              label="Merge into"
              description="Its requesters join the other request’s; they hear its outcome."
              placeholder="Search requests"
              searchable
              searchValue={requestQuery}
              onSearchChange={setRequestQuery}
              filter={({ options }) => options}
              data={requestOptions}
              value={intoId}
              onChange={setIntoId}
              nothingFoundMessage={candidates.isFetching ? 'Searching…' : 'No request matches'}
              error={errors.intoId}
              data-autofocus
            />
          ) : null}
          {action === 'defer' ? (
            <TextInput label="Revisit on" description="It comes back into triage on this day, with a reminder." type="date" min={tomorrow()} value={revisitOn} onChange={(e) => setRevisitOn(e.currentTarget.value)} error={errors.revisitOn} data-autofocus />
          ) : null}
          {templates.isError ? (
            <Alert color="yellow" variant="light" title="Rationale templates are unavailable">
              <Text size="sm">Write the rationale yourself; it is what the requesters read.</Text>
            </Alert>
          ) : (
            <Select
              label="Rationale template"
              placeholder={templates.isPending ? 'Loading templates…' : activeTemplates.length ? (action === 'decline' ? 'Pick a reusable reason' : 'Pick a reusable reason (optional)') : 'No templates yet'}
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
            description={
              action === 'decline'
                ? 'Why not: the requesters read this.'
                : action === 'accept'
                  ? 'Why (optional): the requesters read this, and reports show it as the reason for the feature’s change.'
                  : 'Why (optional): the requesters read this.'
            }
            required={action === 'decline'}
            autosize
            minRows={action === 'decline' ? 3 : 2}
            maxRows={10}
            maxLength={DECISION_RATIONALE_MAX}
            value={rationale}
            onChange={(e) => editRationale(e.currentTarget.value)}
            error={errors.rationale}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            {/* red.9: white on the default red (shade 7 in light) is 3.8:1, below AA's 4.5:1. */}
            <Button type="submit" loading={decide.isPending} color={action === 'decline' ? 'red.9' : undefined}>
              {ACTION_LABELS[action]}
            </Button>
          </Group>
        </Stack>
    </form>
  );
}
