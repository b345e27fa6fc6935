import { ActionIcon, Badge, Button, Checkbox, Group, Menu, Modal, Stack, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconBookmark, IconBookmarkPlus, IconCheck, IconChevronDown, IconSettings, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { LIMITS } from '../../../shared/limits.js';
import { notifyError, notifySuccess, showFormError } from '../../lib/errors';
import type { RoadmapViewFilters, SavedView } from './types';
import { useCreateView, useDeleteView, useSavedViews, useShareView, useUpdateView } from './use-roadmap';

interface SavedViewsMenuProps {
  workspaceId: string;
  /** What the page shows now: saved as a view, or replaced by the view applied. */
  current: RoadmapViewFilters;
  onApply: (filters: RoadmapViewFilters) => void;
  canShare: boolean;
}

/** The saved views: apply one, save what is shown, and manage (rename, share, delete) yours. */
export function SavedViewsMenu({ workspaceId, current, onApply, canShare }: SavedViewsMenuProps) {
  const views = useSavedViews(workspaceId);
  const [saving, setSaving] = useState(false);
  const [managing, setManaging] = useState(false);
  const items = views.data?.items ?? [];
  return (
    <>
      <Menu position="bottom-end" width={280}>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
            Views
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{views.isPending ? 'Loading views…' : items.length ? 'Saved views' : 'No saved views yet'}</Menu.Label>
          {items.map((v) => (
            <Menu.Item key={v.id} onClick={() => onApply(v.filters)} rightSection={v.shared ? <Badge size="xs">Shared</Badge> : null}>
              {v.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconBookmarkPlus size={14} aria-hidden />} onClick={() => setSaving(true)}>
            Save current view…
          </Menu.Item>
          <Menu.Item leftSection={<IconSettings size={14} aria-hidden />} onClick={() => setManaging(true)} disabled={!items.some((v) => v.canEdit)}>
            Manage views…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <SaveViewModal workspaceId={workspaceId} opened={saving} onClose={() => setSaving(false)} filters={current} canShare={canShare} />
      <ManageViewsModal workspaceId={workspaceId} opened={managing} onClose={() => setManaging(false)} views={items.filter((v) => v.canEdit)} canShare={canShare} />
    </>
  );
}

function SaveViewModal({ workspaceId, opened, onClose, filters, canShare }: { workspaceId: string; opened: boolean; onClose: () => void; filters: RoadmapViewFilters; canShare: boolean }) {
  const create = useCreateView(workspaceId);
  const form = useForm({
    initialValues: { name: '', shared: false },
    validate: { name: (v) => (v.trim() ? null : 'Give the view a name') },
  });
  const close = () => {
    form.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Save this view">
      <form
        onSubmit={form.onSubmit((values) =>
          create.mutate(
            { name: values.name.trim(), filters, shared: canShare ? values.shared : undefined },
            {
              onSuccess: (v) => {
                notifySuccess(`Saved “${v.name}”`);
                close();
              },
              onError: (e) => showFormError(form, e),
            },
          ),
        )}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            Saves the product, the layout (board or timeline) and the filters shown now.
          </Text>
          <TextInput label="Name" data-autofocus maxLength={LIMITS.nameMax} required {...form.getInputProps('name')} />
          {canShare ? <Checkbox label="Share with the workspace" description="Everyone can apply it; only you, admins and leads can change it." {...form.getInputProps('shared', { type: 'checkbox' })} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Save view
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ManageViewsModal({ workspaceId, opened, onClose, views, canShare }: { workspaceId: string; opened: boolean; onClose: () => void; views: SavedView[]; canShare: boolean }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Manage views" size="lg">
      <Stack gap="sm">
        {views.length === 0 ? (
          <Text size="sm" c="dimmed">
            You have no views to manage.
          </Text>
        ) : (
          views.map((v) => <ViewRow key={v.id} workspaceId={workspaceId} view={v} canShare={canShare} />)
        )}
      </Stack>
    </Modal>
  );
}

/** One view: rename it, share or unshare it, delete it. */
function ViewRow({ workspaceId, view, canShare }: { workspaceId: string; view: SavedView; canShare: boolean }) {
  const [name, setName] = useState(view.name);
  const update = useUpdateView(workspaceId);
  const share = useShareView(workspaceId);
  const remove = useDeleteView(workspaceId);
  const renamed = name.trim() && name.trim() !== view.name;
  return (
    <Group gap="xs" wrap="nowrap" align="flex-end">
      <TextInput label="View name" value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={LIMITS.nameMax} style={{ flex: 1 }} description={view.ownerName ? `Saved by ${view.ownerName}` : undefined} />
      <Tooltip label="Save the name">
        <ActionIcon
          size="lg"
          variant="default"
          aria-label={`Rename “${view.name}”`}
          disabled={!renamed}
          loading={update.isPending}
          onClick={() => update.mutate({ viewId: view.id, name: name.trim(), version: view.version }, { onError: (e) => notifyError(e) })}
        >
          <IconCheck size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      {canShare || view.shared ? (
        <Switch
          mb={8}
          label="Shared"
          checked={view.shared}
          disabled={share.isPending || (!canShare && !view.shared)}
          onChange={(e) => share.mutate({ viewId: view.id, shared: e.currentTarget.checked, version: view.version }, { onError: (err) => notifyError(err) })}
        />
      ) : null}
      <Tooltip label="Delete the view">
        <ActionIcon size="lg" variant="subtle" color="red" aria-label={`Delete “${view.name}”`} loading={remove.isPending} onClick={() => remove.mutate(view.id, { onError: (e) => notifyError(e) })}>
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
