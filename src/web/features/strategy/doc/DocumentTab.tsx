import { Badge, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconMessagePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { STRATEGY_SECTIONS, type StrategyDoc, type StrategyPillar, type StrategySectionKey, type StrategySectionsText } from '../../../../shared/contracts.js';
import { AnchorLink } from '../../../components/links';
import { notifySuccess } from '../../../lib/errors';
import { MarkdownView } from '../../features/MarkdownView';
import { SECTION_HINTS, SECTION_TITLES } from './labels';
import { MarkdownEditor } from './MarkdownEditor';
import { ProposeModal } from './ProposeModal';
import { useSaveStrategy } from './use-strategy';

interface Props {
  workspaceId: string;
  doc: StrategyDoc;
  canWrite: boolean;
  canPropose: boolean;
  onReload: () => void;
}

/**
 * The document, section by section: the draft for members, the published text for viewers. Leads
 * edit a section in place; PMs (and leads) propose a change to it. Pillars sit between the problems
 * and the principles, read-only, with a link to the page that manages them.
 */
export function DocumentTab({ workspaceId, doc, canWrite, canPropose, onReload }: Props) {
  const save = useSaveStrategy(workspaceId, doc.productId);
  const [editing, setEditing] = useState<StrategySectionKey | null>(null);
  const [proposing, setProposing] = useState<StrategySectionKey | null>(null);
  const sections: StrategySectionsText | null = doc.sections ?? doc.published?.sections ?? null;
  const text = (k: StrategySectionKey) => sections?.[k] ?? '';

  const renderSection = (key: StrategySectionKey) => (
    <Card key={key} withBorder padding="lg" component="section" aria-labelledby={`section-${key}`}>
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <Stack gap={2}>
          <Title order={2} fz="lg" id={`section-${key}`}>
            {SECTION_TITLES[key]}
          </Title>
          <Text size="xs" c="dimmed">
            {SECTION_HINTS[key]}
          </Text>
        </Stack>
        {editing !== key && doc.sections ? (
          <Group gap="xs" wrap="nowrap">
            {canPropose ? (
              <Button size="xs" variant="subtle" leftSection={<IconMessagePlus size={14} aria-hidden />} onClick={() => setProposing(key)} aria-label={`Propose a change to ${SECTION_TITLES[key]}`}>
                Propose a change
              </Button>
            ) : null}
            {canWrite ? (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconEdit size={14} aria-hidden />}
                onClick={() => {
                  save.reset();
                  setEditing(key);
                }}
                aria-label={`Edit ${SECTION_TITLES[key]}`}
              >
                Edit
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Group>
      {editing === key ? (
        <MarkdownEditor
          label={SECTION_TITLES[key]}
          initial={text(key)}
          saving={save.isPending}
          error={save.error}
          onCancel={() => setEditing(null)}
          onReload={() => {
            save.reset();
            onReload();
          }}
          onSave={(value) =>
            save.mutate(
              { sections: { [key]: value }, version: doc.version },
              {
                onSuccess: () => {
                  notifySuccess(`${SECTION_TITLES[key]} saved to the draft.`);
                  setEditing(null);
                },
              },
            )
          }
        />
      ) : text(key).trim() ? (
        <MarkdownView>{text(key)}</MarkdownView>
      ) : (
        <Text size="sm" c="dimmed" fs="italic">
          Not written yet.
        </Text>
      )}
    </Card>
  );

  const pillars = doc.sections ? doc.pillars : (doc.published?.pillars ?? doc.pillars);
  return (
    <Stack gap="md">
      {STRATEGY_SECTIONS.filter((k) => k !== 'principles').map(renderSection)}
      <PillarsSection workspaceId={workspaceId} productId={doc.productId} pillars={pillars} />
      {renderSection('principles')}
      {proposing ? <ProposeModal key={proposing} workspaceId={workspaceId} productId={doc.productId} section={proposing} current={text(proposing)} onClose={() => setProposing(null)} /> : null}
    </Stack>
  );
}

const PILLAR_STATUS_COLORS: Record<string, string> = { active: 'teal', paused: 'yellow', retired: 'gray' };

function PillarsSection({ workspaceId, productId, pillars }: { workspaceId: string; productId: string; pillars: StrategyPillar[] }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="section-pillars">
      <Group justify="space-between" align="flex-start" mb="xs">
        <Stack gap={2}>
          <Title order={2} fz="lg" id="section-pillars">
            Strategic pillars
          </Title>
          <Text size="xs" c="dimmed">
            The lasting themes we invest in, with the share of effort each should get.
          </Text>
        </Stack>
        <AnchorLink to="/w/$workspaceId/strategy/pillars" params={{ workspaceId }} search={{ productId }} size="sm">
          Manage pillars
        </AnchorLink>
      </Group>
      {pillars.length ? (
        <Stack gap="sm">
          {pillars.map((p) => (
            <div key={p.id}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {p.name}
                  </Text>
                  <Badge size="xs" variant="light" color={PILLAR_STATUS_COLORS[p.status] ?? 'gray'}>
                    {p.status}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {p.targetShare}% of effort
                </Text>
              </Group>
              <Progress value={p.targetShare} size="sm" mt={4} aria-label={`${p.name}: target share ${p.targetShare}%`} />
              {p.description ? (
                <Text size="sm" mt={4}>
                  {p.description}
                </Text>
              ) : null}
            </div>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" fs="italic">
          No pillars yet.
        </Text>
      )}
    </Card>
  );
}
