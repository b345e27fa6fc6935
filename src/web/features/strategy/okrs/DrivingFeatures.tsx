import { Badge, Button, Group, List, MultiSelect, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { DrivingFeature } from '../../../../shared/contracts.js';
import { AnchorLink } from '../../../components/links';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { useProductFeatures, useSetDrivingFeatures } from './use-okrs';

const STATUS_WORDS: Record<string, string> = { idea: 'Idea', discovery: 'Discovery', planned: 'Planned', in_progress: 'In progress', shipped: 'Shipped', wont_do: 'Won’t do' };

/** The features that drive a key result, each flagged when it slipped or conflicts; editable by whoever may edit the key result. */
export function DrivingFeatures({ workspaceId, keyResultId, productId, features, canEdit }: { workspaceId: string; keyResultId: string; productId: string; features: DrivingFeature[]; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const [picked, setPicked] = useState<string[]>(features.map((f) => f.id));
  const options = useProductFeatures(workspaceId, productId, editing);
  const save = useSetDrivingFeatures(workspaceId);

  const data = [
    ...(options.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.title} (${f.componentName})` })),
    ...features.filter((f) => !(options.data?.items ?? []).some((o) => o.id === f.id)).map((f) => ({ value: f.id, label: `${f.title} (${f.component.name})` })),
  ];

  return (
    <Stack gap="xs">
      {features.length ? (
        <List spacing={6} listStyleType="none" p={0} aria-label="Driving features">
          {features.map((f) => {
            const flagged = f.slipped || f.conflict;
            return (
              <List.Item
                key={f.id}
                icon={
                  <ThemeIcon size={20} radius="xl" variant="light" color={flagged ? 'orange' : 'teal'}>
                    {flagged ? <IconAlertTriangle size={12} aria-hidden /> : <IconCheck size={12} aria-hidden />}
                  </ThemeIcon>
                }
              >
                <Group gap={6} wrap="wrap">
                  <AnchorLink size="sm" to="/w/$workspaceId/features/$featureId" params={{ workspaceId, featureId: f.id }}>
                    {f.title}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {f.component.name} · {STATUS_WORDS[f.status] ?? f.status}
                    {f.horizon ? ` · ${f.horizon}` : ''}
                    {f.startDate || f.endDate ? ` · ${formatDate(f.startDate)} – ${formatDate(f.endDate)}` : ''}
                  </Text>
                  {f.slipped ? (
                    <Tooltip label={f.flags.join(' ')} multiline w={280}>
                      <Badge size="xs" color="orange" variant="light" tabIndex={0}>
                        Slipped
                      </Badge>
                    </Tooltip>
                  ) : null}
                  {f.conflict ? (
                    <Tooltip label={f.flags.join(' ')} multiline w={280}>
                      <Badge size="xs" color="red" variant="light" tabIndex={0}>
                        Conflict
                      </Badge>
                    </Tooltip>
                  ) : null}
                </Group>
                {flagged ? (
                  <Text size="xs" c="dimmed">
                    {f.flags.join(' ')}
                  </Text>
                ) : null}
              </List.Item>
            );
          })}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          No driving features linked yet.
        </Text>
      )}
      {canEdit ? (
        editing ? (
          <Stack gap="xs">
            <MultiSelect
              label="Driving features"
              placeholder={options.isPending ? 'Loading features…' : 'Pick the product’s features'}
              data={data}
              value={picked}
              onChange={setPicked}
              searchable
              clearable
              maxValues={100}
              nothingFoundMessage="No feature matches"
            />
            <Group gap="xs">
              <Button
                size="xs"
                loading={save.isPending}
                onClick={() =>
                  save.mutate(
                    { keyResultId, featureIds: picked },
                    {
                      onSuccess: () => {
                        notifySuccess('Driving features saved');
                        setEditing(false);
                      },
                      onError: (e) => notifyError(e, 'Could not save the driving features'),
                    },
                  )
                }
              >
                Save features
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group>
            <Button size="xs" variant="light" onClick={() => {
                setPicked(features.map((f) => f.id));
                setEditing(true);
              }}
            >
              {features.length ? 'Change driving features' : 'Link driving features'}
            </Button>
          </Group>
        )
      ) : null}
    </Stack>
  );
}
