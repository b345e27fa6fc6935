import { ActionIcon, Alert, Badge, Button, Group, Menu, NumberInput, Paper, Radio, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { FRAMEWORK_FACTORS, FRAMEWORK_KIND_LABELS, FRAMEWORK_KINDS, type FrameworkKind } from '../../../shared/contracts.js';
import { NotAllowed } from '../../components/AdminOnly';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingRows } from '../../components/QueryState';
import { isApiError } from '../../lib/api/client';
import { errorMessage, notifyError, notifySuccess } from '../../lib/errors';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { BINDING_OPTIONS, newCriterion, newDraft, toBody, toDraft, weightShares, type BindingValue, type CriterionDraft, type FrameworkDraft } from './framework-draft';
import { useFrameworks, useSaveFrameworks } from './use-prioritization';

const TITLE = 'Prioritization frameworks';

function formulaOf(d: FrameworkDraft): string {
  if (d.kind === 'weighted') {
    const shares = weightShares(d.criteria);
    return d.criteria.map((c, i) => `${shares[i]} × ${c.name || 'unnamed'}`).join(' + ');
  }
  const l = FRAMEWORK_FACTORS[d.kind].map((f) => f.label);
  return { rice: `${l[0]} × ${l[1]} × ${l[2]} ÷ ${l[3]}`, ice: `${l[0]} × ${l[1]} × ${l[2]}`, wsjf: `(${l[0]} + ${l[1]} + ${l[2]}) ÷ ${l[3]}`, value_effort: `${l[0]} ÷ ${l[1]}` }[d.kind];
}

interface EditorProps {
  draft: FrameworkDraft;
  index: number;
  onChange: (next: FrameworkDraft) => void;
  onRemove: () => void;
  canRemove: boolean;
}

function CriteriaEditor({ draft, onChange }: { draft: FrameworkDraft; onChange: (next: FrameworkDraft) => void }) {
  const shares = weightShares(draft.criteria);
  const set = (uid: string, patch: Partial<CriterionDraft>) => onChange({ ...draft, criteria: draft.criteria.map((c) => (c.uid === uid ? { ...c, ...patch } : c)) });
  return (
    <Stack gap="xs">
      {draft.criteria.map((c, i) => (
        <Group key={c.uid} gap="xs" align="flex-end" wrap="wrap" data-testid="criterion">
          <TextInput label={`Criterion ${i + 1} name`} value={c.name} onChange={(e) => set(c.uid, { name: e.currentTarget.value })} w={220} required />
          <NumberInput
            label={`Criterion ${i + 1} weight`}
            description={`Share ${shares[i]}`}
            value={c.weight}
            onChange={(v) => set(c.uid, { weight: v })}
            min={0}
            max={1000}
            allowNegative={false}
            w={130}
          />
          <Select
            label={`Criterion ${i + 1} input`}
            data={BINDING_OPTIONS}
            value={c.binding}
            onChange={(v) => set(c.uid, { binding: (v as BindingValue) ?? 'manual' })}
            allowDeselect={false}
            w={250}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            mb={2}
            aria-label={`Remove criterion ${c.name || i + 1}`}
            disabled={draft.criteria.length <= 1}
            onClick={() => onChange({ ...draft, criteria: draft.criteria.filter((x) => x.uid !== c.uid) })}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange({ ...draft, criteria: [...draft.criteria, newCriterion('', 1)] })}
          disabled={draft.criteria.length >= 12}
        >
          Add criterion
        </Button>
      </Group>
    </Stack>
  );
}

function FrameworkEditor({ draft, index, onChange, onRemove, canRemove }: EditorProps) {
  return (
    <Paper withBorder radius="md" p="md" data-testid="framework-editor">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput label={`Framework ${index + 1} name`} value={draft.name} onChange={(e) => onChange({ ...draft, name: e.currentTarget.value })} w={260} required />
          <Badge variant="light" mb={8}>
            {FRAMEWORK_KIND_LABELS[draft.kind]}
          </Badge>
        </Group>
        <Group gap="md" wrap="nowrap">
          <Radio value={draft.uid} label="Default" aria-label={`${draft.name || 'This framework'} is the default`} />
          <Switch label="Enabled" checked={draft.enabled} onChange={(e) => onChange({ ...draft, enabled: e.currentTarget.checked })} />
          <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove ${draft.name || 'framework'}`} onClick={onRemove} disabled={!canRemove}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      </Group>
      <Text size="sm" ff="monospace" mb="sm">
        {draft.name || FRAMEWORK_KIND_LABELS[draft.kind]} = {formulaOf(draft)}
      </Text>
      {draft.kind === 'weighted' ? (
        <CriteriaEditor draft={draft} onChange={onChange} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          {FRAMEWORK_FACTORS[draft.kind].map((f) => (
            <Select
              key={f.key}
              label={`${f.label[0]!.toUpperCase()}${f.label.slice(1)} comes from`}
              description={f.hint}
              data={BINDING_OPTIONS}
              value={draft.bindings[f.key] ?? 'manual'}
              onChange={(v) => onChange({ ...draft, bindings: { ...draft.bindings, [f.key]: (v as BindingValue) ?? 'manual' } })}
              allowDeselect={false}
            />
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}

/** Settings of the workspace's prioritization frameworks: enable, choose the default, edit bindings and weighted criteria; saving rescores every feature. */
export function FrameworksSettingsPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const set = useFrameworks(workspaceId, can('prioritization.manage'));
  const save = useSaveFrameworks(workspaceId);
  // The edited copy; null shows the saved set (drafts made from it are memoised so their uids are stable).
  const [edited, setEdited] = useState<FrameworkDraft[] | null>(null);
  const saved = useMemo(() => set.data?.frameworks.map(toDraft) ?? null, [set.data]);
  const drafts = edited ?? saved;
  const dirty = edited !== null;
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (!can('prioritization.manage')) return <NotAllowed title={TITLE}>Admins and leads choose the prioritization frameworks.</NotAllowed>;
  const header = <PageHeader title={TITLE} description="How features are scored. Every feature is rescored when you save." />;
  if (set.isPending || set.isError || !drafts) {
    return (
      <>
        {header}
        {set.isError ? <ErrorState error={set.error} onRetry={() => void set.refetch()} /> : <LoadingRows rows={5} height={120} />}
      </>
    );
  }

  const version = set.data.version;
  const change = (next: FrameworkDraft[]) => {
    setEdited(next);
    setResult(null);
  };
  const defaultUid = drafts.find((d) => d.isDefault)?.uid ?? null;

  const submit = () => {
    setError(null);
    save.mutate(
      { frameworks: toBody(drafts), version },
      {
        onSuccess: (done) => {
          setEdited(null);
          const message = `Rescored ${done.rescored.features.toLocaleString('en')} features in ${done.rescored.ms.toLocaleString('en')} ms`;
          setResult(message);
          notifySuccess(message, 'Frameworks saved');
        },
        onError: (e) => {
          if (isApiError(e) && e.code === 'version_conflict') {
            notifyError(e);
            setEdited(null);
            void set.refetch();
            return;
          }
          setError(errorMessage(e));
        },
      },
    );
  };

  return (
    <>
      {header}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          {error ? (
            <Alert color="red" title="Not saved" role="alert">
              {error}
            </Alert>
          ) : null}
          {result ? (
            <Alert color="teal" icon={<IconCheck size={18} aria-hidden />} role="status">
              {result}
            </Alert>
          ) : null}
          <Radio.Group
            value={defaultUid}
            onChange={(uid) => change(drafts.map((d) => ({ ...d, isDefault: d.uid === uid, enabled: d.uid === uid ? true : d.enabled })))}
            label="Default framework"
            description="Ranked backlogs use the default unless another is chosen. It must be enabled."
          >
            <Stack gap="md" mt="sm">
              {drafts.map((d, i) => (
                <FrameworkEditor
                  key={d.uid}
                  draft={d}
                  index={i}
                  canRemove={drafts.length > 1 && !d.isDefault}
                  onChange={(next) => change(drafts.map((x) => (x.uid === d.uid ? next : x)))}
                  onRemove={() => change(drafts.filter((x) => x.uid !== d.uid))}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Group justify="space-between">
            <Menu position="bottom-start">
              <Menu.Target>
                <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} disabled={drafts.length >= 20}>
                  Add framework
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {FRAMEWORK_KINDS.map((kind: FrameworkKind) => (
                  <Menu.Item key={kind} onClick={() => change([...drafts, newDraft(kind, kind === 'weighted' ? 'Weighted scorecard' : FRAMEWORK_KIND_LABELS[kind])])}>
                    {FRAMEWORK_KIND_LABELS[kind]}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <Group gap="xs">
              <Button
                variant="default"
                disabled={!dirty || save.isPending}
                onClick={() => {
                  setEdited(null);
                  setError(null);
                }}
              >
                Discard changes
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!dirty}>
                Save and rescore
              </Button>
            </Group>
          </Group>
          <Text size="sm" c="dimmed">
            Roll-ups count the feedback linked to a feature (directly or through its opportunities), the distinct customers behind it and their total ARR. Log scales use log₁₀(1 + value), so one
            huge account does not swamp every other criterion.
          </Text>
        </Stack>
      </form>
    </>
  );
}
