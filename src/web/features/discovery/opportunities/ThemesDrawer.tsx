import { Alert, Badge, Blockquote, Button, Card, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { IconBulb, IconCheck, IconPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { AnchorLink } from '../../../components/links';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { plural } from '../../../lib/format';
import { useFindThemes } from '../inbox/use-feedback';
import type { Theme } from '../types';
import { useCreateFromTheme } from './use-opportunities';

/** Clusters unlinked feedback into candidate themes; one click turns a theme into an opportunity. */
export function ThemesDrawer({ workspaceId, opened, onClose, canCreate }: { workspaceId: string; opened: boolean; onClose: () => void; canCreate: boolean }) {
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title="Themes in unlinked feedback">
      <ThemesBody workspaceId={workspaceId} canCreate={canCreate} />
    </Drawer>
  );
}

/** Mounted each time the drawer opens, so every opening clusters afresh. */
function ThemesBody({ workspaceId, canCreate }: { workspaceId: string; canCreate: boolean }) {
  const find = useFindThemes(workspaceId);
  const create = useCreateFromTheme(workspaceId);
  const [created, setCreated] = useState<Record<number, string>>({});
  const [creating, setCreating] = useState<number | null>(null);
  const { mutate } = find;

  // Clustering is costly: run once per opening, even when development mode replays effects.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    mutate(undefined);
  }, [mutate]);

  const createFrom = (theme: Theme, index: number) => {
    setCreating(index);
    create.mutate(
      { title: theme.label, feedbackIds: theme.feedbackIds },
      {
        onSuccess: (o) => {
          setCreated((c) => ({ ...c, [index]: o.id }));
          notifySuccess(`“${theme.label}” created with ${plural(theme.feedbackIds.length, 'piece')} of evidence.`, 'Opportunity created');
        },
        onError: (e) => notifyError(e, 'Could not create the opportunity'),
        onSettled: () => setCreating(null),
      },
    );
  };

  const themes = find.data?.themes ?? [];

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Sextant groups feedback that is not linked to any opportunity yet. Each theme is a candidate opportunity.
      </Text>
      {find.isPending ? (
        <LoadingRows rows={4} height={120} />
      ) : find.isError ? (
        <ErrorState error={find.error} title="Could not find themes" onRetry={() => mutate(undefined)} />
      ) : themes.length === 0 ? (
        <EmptyState icon={<IconBulb size={24} aria-hidden />} title="No themes found" description="There is too little unlinked feedback to group. Add or import more." />
      ) : (
        themes.map((theme, index) => (
          <Card key={`${theme.label}-${index}`} withBorder radius="md" padding="md">
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Title order={3} fz="md">
                  {theme.label}
                </Title>
                <Badge color="gray">{plural(theme.feedbackIds.length, 'item')}</Badge>
              </Group>
              {theme.quotes.slice(0, 3).map((q, i) => (
                <Blockquote key={i} p="xs" fz="sm" color="indigo">
                  {q}
                </Blockquote>
              ))}
              {created[index] ? (
                <Alert color="teal" variant="light" icon={<IconCheck size={16} aria-hidden />}>
                  Created.{' '}
                  <AnchorLink to="/w/$workspaceId/opportunities/$opportunityId" params={{ workspaceId, opportunityId: created[index] }} size="sm">
                    Open the opportunity
                  </AnchorLink>
                </Alert>
              ) : canCreate ? (
                <Group justify="flex-end">
                  <Button
                    size="xs"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    onClick={() => createFrom(theme, index)}
                    loading={creating === index}
                    disabled={creating !== null && creating !== index}
                  >
                    Create opportunity
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </Card>
        ))
      )}
    </Stack>
  );
}
