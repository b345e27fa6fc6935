import { Badge, Button, Group, Modal, NumberInput, SegmentedControl, Slider, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import type { ConfidenceStatus, KeyResultSummary } from '../../../../shared/contracts.js';
import { notifySuccess, showFormError } from '../../../lib/errors';
import { STATUS_LABELS, formatValue, statusOfConfidence } from './okr-format';
import { useCheckIn } from './use-okrs';

type Values = { value: number | string; confidence: number; status: ConfidenceStatus | 'auto'; note: string };

/** A check-in: the value reached (done or not for a milestone), a confidence 0-10 with its status, and a note. */
export function CheckInModal({ workspaceId, keyResult, opened, onClose }: { workspaceId: string; keyResult: KeyResultSummary; opened: boolean; onClose: () => void }) {
  const checkIn = useCheckIn(workspaceId);
  const milestone = keyResult.type === 'milestone';
  const initial = (): Values => ({ value: keyResult.current ?? (milestone ? 0 : ''), confidence: keyResult.confidence ?? 7, status: 'auto', note: '' });
  const form = useForm<Values>({
    initialValues: initial(),
    validate: { value: (v) => (v === '' || Number.isNaN(Number(v)) ? 'Enter the value reached' : null) },
  });
  useEffect(() => {
    if (opened) form.setValues(initial());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, keyResult.id, keyResult.version]);
  const v = form.getValues();
  const implied = statusOfConfidence(v.confidence);
  const status = v.status === 'auto' ? implied : v.status;

  return (
    <Modal opened={opened} onClose={onClose} title={`Check in: ${keyResult.title}`} size="md">
      <form
        onSubmit={form.onSubmit((x) =>
          checkIn.mutate(
            { keyResultId: keyResult.id, value: Number(x.value), confidence: x.confidence, ...(x.status === 'auto' ? {} : { status: x.status }), ...(x.note.trim() ? { note: x.note.trim() } : {}) },
            {
              onSuccess: (r) => {
                notifySuccess(`Checked in at ${Math.round(r.checkIn.progress * 100)} %`);
                onClose();
              },
              onError: (e) => showFormError(form, e, 'Could not check in'),
            },
          ),
        )}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Target: {formatValue(keyResult, keyResult.target)} (from {formatValue(keyResult, keyResult.start)}); {keyResult.current === null ? 'no value yet.' : `now ${formatValue(keyResult, keyResult.current)}.`}
          </Text>
          {milestone ? (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="checkin-done-label">
                Milestone
              </Text>
              <SegmentedControl
                aria-labelledby="checkin-done-label"
                data={[
                  { value: '0', label: 'Not done' },
                  { value: '1', label: 'Done' },
                ]}
                value={String(Number(v.value) >= 1 ? 1 : 0)}
                onChange={(x) => form.setFieldValue('value', Number(x))}
              />
            </Stack>
          ) : (
            <NumberInput label={`Value reached${keyResult.unit ? ` (${keyResult.unit})` : ''}`} data-autofocus required {...form.getInputProps('value')} />
          )}
          <Stack gap={4}>
            <Group justify="space-between">
              <Text size="sm" fw={500} id="checkin-confidence-label">
                Confidence: {v.confidence}/10
              </Text>
              <Badge variant="light" color={STATUS_LABELS[status].color}>
                {STATUS_LABELS[status].label}
              </Badge>
            </Group>
            <Slider
              min={0}
              max={10}
              step={1}
              marks={[{ value: 0, label: '0' }, { value: 4, label: '4' }, { value: 7, label: '7' }, { value: 10, label: '10' }]}
              aria-labelledby="checkin-confidence-label"
              thumbLabel="Confidence"
              label={(x) => `${x}/10`}
              {...form.getInputProps('confidence')}
              mb="md"
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="checkin-status-label">
              Status
            </Text>
            <SegmentedControl
              aria-labelledby="checkin-status-label"
              data={[
                { value: 'auto', label: `From confidence (${STATUS_LABELS[implied].label.toLowerCase()})` },
                { value: 'on_track', label: 'On track' },
                { value: 'at_risk', label: 'At risk' },
                { value: 'off_track', label: 'Off track' },
              ]}
              {...form.getInputProps('status')}
            />
          </Stack>
          <Textarea label="Note" placeholder="What moved, what is in the way" autosize minRows={2} maxRows={6} {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={checkIn.isPending}>
              Check in
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
