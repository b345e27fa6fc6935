import { Alert, Badge, Button, Group, NumberInput, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconCheck, IconDeviceFloppy, IconInfoCircle, IconSend } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ASSESSMENT_LIMITS, type Assessment, type AssessmentLink, type AssessmentRatings, type AssessmentSide } from '../../../../shared/contracts.js';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/errors';
import { formatRelative } from '../../../lib/format';
import { EvidenceLinksPicker } from './EvidenceLinksPicker';
import { SIDE_LABELS } from './labels';
import { useSaveRatings, useSubmitSide } from './use-assessments';

type Competency = AssessmentRatings['competencies'][number];
interface Draft {
  rating: number | null;
  importance: number | null;
  evidence: string;
  links: AssessmentLink[];
}

const AUTOSAVE_MS = 1500;

function draftOf(c: Competency, side: AssessmentSide): Draft {
  const r = c[side];
  return { rating: r?.rating ?? null, importance: r?.importance ?? null, evidence: r?.evidence ?? '', links: r?.links ?? [] };
}

/** The descriptor of the band a rating falls in, when the competency describes its bands. */
function descriptorFor(c: Competency, rating: number | null, scale: AssessmentRatings['scale']): string | null {
  if (rating === null || !c.descriptors.length) return null;
  const points = scale.max - scale.min + 1;
  const index = Math.min(c.descriptors.length - 1, Math.floor(((rating - scale.min) / points) * c.descriptors.length));
  return c.descriptors[index] ?? null;
}

function CompetencyCard({
  c,
  side,
  draft,
  scale,
  otherRating,
  otherName,
  workspaceId,
  personId,
  personName,
  onChange,
}: {
  c: Competency;
  side: AssessmentSide;
  draft: Draft;
  scale: AssessmentRatings['scale'];
  otherRating: number | null;
  otherName: string;
  workspaceId: string;
  personId: string;
  personName: string;
  onChange: (patch: Partial<Draft>) => void;
}) {
  const points = useMemo(() => scale.labels.map((label, i) => ({ value: String(scale.min + i), label: String(scale.min + i), title: label })), [scale]);
  const labelOf = (v: number | null) => (v === null ? null : (scale.labels[v - scale.min] ?? String(v)));
  const descriptor = descriptorFor(c, draft.rating, scale);
  const headingId = `competency-${c.competencyId}`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2} miw={0}>
            <Title order={3} fz="md" id={headingId}>
              {c.name}
            </Title>
            {c.description ? (
              <Text size="sm" c="dimmed">
                {c.description}
              </Text>
            ) : null}
          </Stack>
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            {otherRating !== null ? (
              <Badge variant="outline" color="gray" title={`${otherName}: ${labelOf(otherRating)}`}>
                {otherName}: {otherRating}
              </Badge>
            ) : null}
            <Badge variant="light" color="indigo" title={c.expected !== null ? `Expected at this level: ${labelOf(c.expected)}` : undefined}>
              {c.expected !== null ? `Level expects ${c.expected}` : 'No expectation set'}
            </Badge>
          </Group>
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`${headingId}-rating`}>
            Rating{draft.rating !== null ? `: ${draft.rating} · ${labelOf(draft.rating)}` : ' (not rated yet)'}
          </Text>
          <SegmentedControl
            aria-labelledby={`${headingId}-rating`}
            data={points}
            value={draft.rating === null ? '' : String(draft.rating)}
            onChange={(v) => onChange({ rating: Number(v) })}
            fullWidth
            size="sm"
          />
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed">
              {scale.min} · {scale.labels[0]}
            </Text>
            <Text size="xs" c="dimmed">
              {scale.max} · {scale.labels[scale.labels.length - 1]}
            </Text>
          </Group>
          {descriptor ? (
            <Text size="sm" c="dimmed" fs="italic">
              {descriptor}
            </Text>
          ) : null}
        </Stack>
        {scale.ratesImportance ? (
          <NumberInput
            label="Importance in this role"
            description="1-10: how much this competency matters in your current context. Weighs the gap."
            min={ASSESSMENT_LIMITS.importanceMin}
            max={ASSESSMENT_LIMITS.importanceMax}
            clampBehavior="strict"
            allowDecimal={false}
            placeholder="5"
            value={draft.importance ?? ''}
            onChange={(v) => onChange({ importance: typeof v === 'number' ? v : null })}
            w={260}
          />
        ) : null}
        <Textarea
          label="Evidence"
          description={side === 'self' ? 'What you did that shows this: situations, decisions, results.' : 'What you saw: situations, decisions, results.'}
          autosize
          minRows={2}
          maxRows={10}
          maxLength={ASSESSMENT_LIMITS.evidenceMax}
          value={draft.evidence}
          onChange={(e) => onChange({ evidence: e.currentTarget.value })}
        />
        <EvidenceLinksPicker
          workspaceId={workspaceId}
          personId={personId}
          whose={side === 'self' ? 'your' : `${personName}’s`}
          label="Linked work"
          value={draft.links}
          onChange={(links) => onChange({ links })}
        />
      </Stack>
    </Paper>
  );
}

/**
 * The caller's side of the assessment: a rating per competency on the framework's scale, with the
 * level's expectation beside it, evidence in words and links to real work. Saves as a draft on its
 * own (and with the button); Submit shares the side, after a confirmation, for good.
 */
export function RateTab({ workspaceId, assessment, ratings, side }: { workspaceId: string; assessment: Assessment; ratings: AssessmentRatings; side: AssessmentSide }) {
  const save = useSaveRatings(workspaceId, assessment.id);
  const submit = useSubmitSide(workspaceId, assessment.id);
  const [drafts, setDrafts] = useState<Map<string, Draft>>(() => new Map(ratings.competencies.map((c) => [c.competencyId, draftOf(c, side)])));
  const [dirty, setDirty] = useState<Set<string>>(new Set());
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  // The latest drafts for saves in flight; written only in handlers, never during render.
  const draftsRef = useRef(drafts);
  const other: AssessmentSide = side === 'self' ? 'coach' : 'self';
  const otherName = other === 'self' ? assessment.person.name.split(' ')[0]! : (assessment.coach?.name.split(' ')[0] ?? 'Coach');

  const change = (competencyId: string, patch: Partial<Draft>) => {
    const next = new Map(draftsRef.current).set(competencyId, { ...draftsRef.current.get(competencyId)!, ...patch });
    draftsRef.current = next;
    setDrafts(next);
    setDirty((prev) => new Set(prev).add(competencyId));
    // A new edit is worth another try after a failed save.
    setSaveError(null);
  };

  const flush = useCallback(async (): Promise<boolean> => {
    if (!dirty.size) return true;
    const sent = new Map([...dirty].map((id) => [id, draftsRef.current.get(id)!]));
    try {
      await save.mutateAsync({
        side,
        ratings: [...sent].map(([competencyId, d]) => ({
          competencyId,
          rating: d.rating,
          ...(ratings.scale.ratesImportance ? { importance: d.importance } : {}),
          evidence: d.evidence,
          links: d.links.map((l) => ({ type: l.type, id: l.id })),
        })),
      });
      // Keep as dirty whatever changed again while the save was on its way.
      setDirty((prev) => new Set([...prev].filter((id) => draftsRef.current.get(id) !== sent.get(id))));
      setSavedAt(new Date().toISOString());
      setSaveError(null);
      return true;
    } catch (e) {
      setSaveError(e);
      return false;
    }
  }, [dirty, save, side, ratings.scale.ratesImportance]);

  useEffect(() => {
    if (!dirty.size || save.isPending || saveError) return;
    const t = setTimeout(() => void flush(), AUTOSAVE_MS);
    return () => clearTimeout(t);
  }, [drafts, dirty, flush, save.isPending, saveError]);

  const unrated = ratings.competencies.filter((c) => drafts.get(c.competencyId)?.rating === null).length;
  const areas = useMemo(() => {
    const out = new Map<string, Competency[]>();
    for (const c of ratings.competencies) out.set(c.area, [...(out.get(c.area) ?? []), c]);
    return [...out];
  }, [ratings.competencies]);

  const confirmSubmit = () =>
    modals.openConfirmModal({
      title: `Submit your ${SIDE_LABELS[side].toLowerCase()} assessment?`,
      children: (
        <Text size="sm">
          {side === 'self'
            ? `Your ratings and evidence become visible to your coach and the workspace's leads and admins. A submitted side cannot be changed.`
            : `Your ratings and evidence become visible to ${assessment.person.name}, leads and admins. A submitted side cannot be changed.`}
        </Text>
      ),
      labels: { confirm: 'Submit', cancel: 'Keep editing' },
      onConfirm: async () => {
        if (!(await flush())) return;
        submit.mutate(side, {
          onSuccess: () => notifySuccess(side === 'self' ? 'Submitted. Your coach can now compare.' : 'Submitted. The comparison now shows your view.'),
          onError: (e) => notifyError(e, 'Could not submit'),
        });
      },
    });

  return (
    <Stack gap="md">
      <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} aria-hidden />}>
        {side === 'coach'
          ? `Your ratings as coach are a private draft until you submit them. ${assessment.person.name}’s own rating shows beside yours once they have submitted their self-assessment.`
          : 'Your self-assessment is a private draft until you submit it. Your coach’s ratings show in Compare once they submit theirs.'}
      </Alert>
      {areas.map(([area, comps]) => (
        <Stack key={area || 'all'} gap="sm">
          {area && areas.length > 1 ? (
            <Title order={2} fz="sm" tt="uppercase" c="dimmed" mt="xs">
              {area}
            </Title>
          ) : null}
          {comps.map((c) => (
            <CompetencyCard
              key={c.competencyId}
              c={c}
              side={side}
              draft={drafts.get(c.competencyId)!}
              scale={ratings.scale}
              otherRating={c[other]?.rating ?? null}
              otherName={otherName}
              workspaceId={workspaceId}
              personId={assessment.personId}
              personName={assessment.person.name.split(' ')[0]!}
              onChange={(patch) => change(c.competencyId, patch)}
            />
          ))}
        </Stack>
      ))}
      <Paper
        withBorder
        radius="md"
        p="sm"
        pos="sticky"
        bottom={12}
        shadow="sm"
        style={{ zIndex: 5, background: 'var(--mantine-color-body)' }}
        role="region"
        aria-label="Save and submit"
      >
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text size="sm" c={saveError ? 'red' : 'dimmed'} aria-live="polite">
            {saveError
              ? `Not saved: ${errorMessage(saveError)}`
              : save.isPending
                ? 'Saving…'
                : dirty.size
                  ? `${dirty.size} unsaved ${dirty.size === 1 ? 'change' : 'changes'}`
                  : savedAt
                    ? `Draft saved ${formatRelative(savedAt)}`
                    : 'All changes saved'}
            {unrated ? ` · ${unrated} of ${ratings.competencies.length} not rated yet` : ''}
          </Text>
          <Group gap="xs">
            <Button variant="default" leftSection={save.isPending ? undefined : dirty.size ? <IconDeviceFloppy size={16} aria-hidden /> : <IconCheck size={16} aria-hidden />} onClick={() => void flush()} loading={save.isPending} disabled={!dirty.size}>
              Save draft
            </Button>
            <Button leftSection={<IconSend size={16} aria-hidden />} onClick={confirmSubmit} disabled={unrated > 0} loading={submit.isPending} title={unrated ? 'Rate every competency first' : undefined}>
              Submit
            </Button>
          </Group>
        </Group>
      </Paper>
    </Stack>
  );
}
