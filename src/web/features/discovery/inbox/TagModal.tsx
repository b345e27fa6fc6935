import { Button, Group, Modal, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';

/** Asks for one tag to add to (or remove from) the chosen feedback. */
export function TagModal({
  opened,
  onClose,
  onSubmit,
  count,
  pending,
}: {
  opened: boolean;
  onClose: () => void;
  onSubmit: (tag: string, mode: 'tag' | 'untag') => void;
  count: number;
  pending: boolean;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={count === 1 ? 'Tag feedback' : `Tag ${count} feedback items`} size="sm">
      <TagForm onClose={onClose} onSubmit={onSubmit} pending={pending} />
    </Modal>
  );
}

/** The form, mounted afresh each time the modal opens. */
function TagForm({ onClose, onSubmit, pending }: { onClose: () => void; onSubmit: (tag: string, mode: 'tag' | 'untag') => void; pending: boolean }) {
  const [tag, setTag] = useState('');
  const [mode, setMode] = useState<'tag' | 'untag'>('tag');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const t = tag.trim();
        if (!t) {
          setError('Type a tag.');
          return;
        }
        onSubmit(t, mode);
      }}
    >
      <Stack>
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as 'tag' | 'untag')}
          data={[
            { value: 'tag', label: 'Add tag' },
            { value: 'untag', label: 'Remove tag' },
          ]}
          aria-label="Add or remove"
        />
        <TextInput label="Tag" value={tag} onChange={(e) => setTag(e.currentTarget.value)} error={error} data-autofocus maxLength={60} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            {mode === 'tag' ? 'Add tag' : 'Remove tag'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
