import { Group, SegmentedControl, Text, TextInput } from '@mantine/core';
import { PERIOD_CHOICES, PERIOD_LABELS, formatRange, type DayRange, type PeriodChoice } from './periods';

/** This quarter, last quarter, the last 90 days, or two days of the person's choosing. */
export function PeriodPicker({
  choice,
  onChoice,
  custom,
  onCustom,
  range,
}: {
  choice: PeriodChoice;
  onChoice: (c: PeriodChoice) => void;
  custom: DayRange;
  onCustom: (r: DayRange) => void;
  range: DayRange;
}) {
  const reversed = choice === 'custom' && custom.from > custom.to;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SegmentedControl
        size="xs"
        aria-label="Period"
        value={choice}
        onChange={(v) => onChoice(v as PeriodChoice)}
        data={PERIOD_CHOICES.map((value) => ({ value, label: PERIOD_LABELS[value] }))}
      />
      {choice === 'custom' ? (
        <Group gap="xs" align="flex-start">
          <TextInput
            size="xs"
            type="date"
            label="From"
            value={custom.from}
            max={custom.to}
            onChange={(e) => e.currentTarget.value && onCustom({ ...custom, from: e.currentTarget.value })}
            error={reversed ? 'Must be on or before the end' : undefined}
          />
          <TextInput size="xs" type="date" label="To" value={custom.to} min={custom.from} onChange={(e) => e.currentTarget.value && onCustom({ ...custom, to: e.currentTarget.value })} />
        </Group>
      ) : (
        <Text size="xs" c="dimmed" pb={6}>
          {formatRange(range)}
        </Text>
      )}
    </Group>
  );
}
