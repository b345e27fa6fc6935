import { Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { STRATEGY_STORIES, type StrategyDoc, type StrategyStoryKey } from '../../../../shared/contracts.js';
import { notifySuccess } from '../../../lib/errors';
import { MarkdownView } from '../../features/MarkdownView';
import { STORY_TITLES, WORDS_PER_MINUTE, speakingTime, wordCount } from './labels';
import { MarkdownEditor } from './MarkdownEditor';
import classes from './strategy.module.css';
import { useSaveStrategy } from './use-strategy';

/**
 * The vision told at three lengths, side by side: each with its word count and the time it takes to
 * say at ~130 words a minute, against the length it is meant for.
 */
export function StorytellingTab({ workspaceId, doc, canWrite, onReload }: { workspaceId: string; doc: StrategyDoc; canWrite: boolean; onReload: () => void }) {
  const save = useSaveStrategy(workspaceId, doc.productId);
  const [editing, setEditing] = useState<StrategyStoryKey | null>(null);
  const stories = doc.stories ?? doc.published?.stories ?? { short: '', medium: '', long: '' };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        One vision, three lengths. Times assume about {WORDS_PER_MINUTE} words a minute.
      </Text>
      <div className={classes.storyGrid}>
        {STRATEGY_STORIES.map((key) => {
          const meta = STORY_TITLES[key];
          const words = wordCount(stories[key]);
          const minutes = words / WORDS_PER_MINUTE;
          const fit = !words ? null : minutes > meta.minutes * 1.15 ? 'too long' : minutes < meta.minutes * 0.6 ? 'too short' : 'on time';
          return (
            <Card key={key} withBorder padding="md" component="section" aria-labelledby={`story-${key}`}>
              <Stack gap="xs" h="100%">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Stack gap={0}>
                    <Title order={2} fz="md" id={`story-${key}`}>
                      {meta.title}
                    </Title>
                    <Text size="xs" c="dimmed">
                      {meta.target} · about {Math.round(meta.minutes * WORDS_PER_MINUTE)} words
                    </Text>
                  </Stack>
                  {canWrite && doc.stories ? (
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconEdit size={14} aria-hidden />}
                      onClick={() => {
                        save.reset();
                        setEditing(key);
                      }}
                      aria-label={`Edit ${meta.title}`}
                    >
                      Edit
                    </Button>
                  ) : null}
                </Group>
                <Group gap="xs" data-testid={`story-stats-${key}`}>
                  <Badge variant="light" color="gray">
                    {words} {words === 1 ? 'word' : 'words'}
                  </Badge>
                  <Badge variant="light" color="blue">
                    ≈ {speakingTime(words)}
                  </Badge>
                  {fit ? (
                    <Badge variant="light" color={fit === 'on time' ? 'teal' : 'orange'}>
                      {fit}
                    </Badge>
                  ) : null}
                </Group>
                {stories[key].trim() ? (
                  <MarkdownView>{stories[key]}</MarkdownView>
                ) : (
                  <Text size="sm" c="dimmed" fs="italic">
                    Not written yet.
                  </Text>
                )}
              </Stack>
            </Card>
          );
        })}
      </div>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? STORY_TITLES[editing].title : ''} size="xl">
        {editing ? (
          <MarkdownEditor
            key={editing}
            label="Story"
            description={`Aim for about ${Math.round(STORY_TITLES[editing].minutes * WORDS_PER_MINUTE)} words. Markdown works.`}
            initial={stories[editing]}
            saving={save.isPending}
            error={save.error}
            onCancel={() => setEditing(null)}
            onReload={() => {
              save.reset();
              onReload();
            }}
            onSave={(value) =>
              save.mutate(
                { stories: { [editing]: value }, version: doc.version },
                {
                  onSuccess: () => {
                    notifySuccess(`${STORY_TITLES[editing].title} saved to the draft.`);
                    setEditing(null);
                  },
                },
              )
            }
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
