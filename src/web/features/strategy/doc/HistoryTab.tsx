import { Badge, Button, Card, Group, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { STRATEGY_SECTIONS, STRATEGY_STORIES, type StrategyDiff } from '../../../../shared/contracts.js';
import { EmptyState, ErrorState, LoadingRows } from '../../../components/QueryState';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { DiffView } from './DiffView';
import { SECTION_TITLES, STORY_TITLES } from './labels';
import { useStrategyDiff, useStrategyVersions } from './use-strategy';

export type DiffPair = { a: string | null; b: string | null };

interface Props {
  workspaceId: string;
  productId: string;
  seesDraft: boolean;
  pair: DiffPair;
  onPair: (pair: DiffPair) => void;
}

/** Published versions, and the diff between any two of them (or a version and the draft). */
export function HistoryTab({ workspaceId, productId, seesDraft, pair, onPair }: Props) {
  const versions = useStrategyVersions(workspaceId, productId);
  const items = versions.data?.items ?? [];
  // Until the reader picks, compare the two latest versions (or the only one with the draft).
  const a = pair.a ?? (items[1] ? String(items[1].number) : items[0] && seesDraft ? String(items[0].number) : null);
  const b = pair.b ?? (items[1] ? String(items[0]!.number) : items[0] && seesDraft ? 'draft' : null);
  const diff = useStrategyDiff(workspaceId, productId, a, b);

  if (versions.isPending) return <LoadingRows rows={3} />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  if (!items.length) {
    return <EmptyState icon={<IconHistory size={24} aria-hidden />} title="Nothing published yet" description="Each publish keeps a version here, and any two can be compared." />;
  }
  const options = [...(seesDraft ? [{ value: 'draft', label: 'Current draft' }] : []), ...items.map((v) => ({ value: String(v.number), label: `v${v.number} · ${formatDateTime(v.publishedAt)}` }))];

  return (
    <Stack gap="lg">
      <Card withBorder padding={0}>
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Caption>Published versions, newest first</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Version</Table.Th>
              <Table.Th scope="col">Published</Table.Th>
              <Table.Th scope="col">By</Table.Th>
              <Table.Th scope="col">Note</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Compare</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((v, i) => (
              <Table.Tr key={v.id}>
                <Table.Td>
                  <Badge variant="light">v{v.number}</Badge>
                </Table.Td>
                <Table.Td>
                  <span title={formatDateTime(v.publishedAt)}>{formatRelative(v.publishedAt)}</span>
                </Table.Td>
                <Table.Td>{v.publishedBy?.name ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {v.note || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {items[i + 1] ? (
                    <Button size="xs" variant="subtle" onClick={() => onPair({ a: String(items[i + 1]!.number), b: String(v.number) })}>
                      What changed in v{v.number}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>

      <Stack gap="sm" component="section" aria-labelledby="compare-heading">
        <Title order={2} fz="lg" id="compare-heading">
          Compare
        </Title>
        <Group align="flex-end" gap="sm">
          <Select label="From" data={options} value={a} onChange={(v) => onPair({ a: v, b })} allowDeselect={false} w={260} />
          <Select label="To" data={options} value={b} onChange={(v) => onPair({ a, b: v })} allowDeselect={false} w={260} />
        </Group>
        {!a || !b ? (
          <Text size="sm" c="dimmed">
            Pick two versions to compare.
          </Text>
        ) : diff.isPending ? (
          <LoadingRows rows={3} height={80} />
        ) : diff.isError ? (
          <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />
        ) : (
          <DiffReport diff={diff.data} />
        )}
      </Stack>
    </Stack>
  );
}

/** Every section, story and pillar that changed, with the unchanged ones named in one line. */
export function DiffReport({ diff }: { diff: StrategyDiff }) {
  const title = `${diff.from.label} → ${diff.to.label}`;
  if (!diff.changed) {
    return (
      <Text size="sm" c="dimmed" data-testid="diff-report">
        {title}: no differences.
      </Text>
    );
  }
  const sections = STRATEGY_SECTIONS.filter((k) => diff.sections[k].changed);
  const stories = STRATEGY_STORIES.filter((k) => diff.stories[k].changed);
  const unchanged = [...STRATEGY_SECTIONS.filter((k) => !diff.sections[k].changed).map((k) => SECTION_TITLES[k])];
  const { added, removed, changed } = diff.pillars;
  return (
    <Stack gap="sm" data-testid="diff-report">
      <Text size="sm" c="dimmed">
        {title}. Insertions are underlined, deletions struck through.
      </Text>
      {sections.map((k) => (
        <Card key={k} withBorder padding="md">
          <Title order={3} fz="md" mb="xs">
            {SECTION_TITLES[k]}
          </Title>
          <DiffView parts={diff.sections[k].parts} label={`Changes to ${SECTION_TITLES[k]}`} />
        </Card>
      ))}
      {stories.map((k) => (
        <Card key={k} withBorder padding="md">
          <Title order={3} fz="md" mb="xs">
            Story: {STORY_TITLES[k].title}
          </Title>
          <DiffView parts={diff.stories[k].parts} label={`Changes to ${STORY_TITLES[k].title}`} />
        </Card>
      ))}
      {added.length || removed.length || changed.length ? (
        <Card withBorder padding="md">
          <Title order={3} fz="md" mb="xs">
            Pillars
          </Title>
          <Stack gap={6}>
            {added.map((p) => (
              <Text size="sm" key={`a${p.id}`}>
                <ins>Added {p.name}</ins> ({p.targetShare}% of effort)
              </Text>
            ))}
            {removed.map((p) => (
              <Text size="sm" key={`r${p.id}`}>
                <del>Removed {p.name}</del>
              </Text>
            ))}
            {changed.map((c) => (
              <Text size="sm" key={`c${c.id}`}>
                {c.name}:{' '}
                {c.fields
                  .map((f) => (f === 'description' ? 'description edited' : `${f === 'targetShare' ? 'target share' : f} ${String(c.before[f])}${f === 'targetShare' ? '%' : ''} → ${String(c.after[f])}${f === 'targetShare' ? '%' : ''}`))
                  .join(', ')}
              </Text>
            ))}
          </Stack>
        </Card>
      ) : null}
      {unchanged.length ? (
        <Text size="xs" c="dimmed">
          Unchanged: {unchanged.join(', ')}.
        </Text>
      ) : null}
    </Stack>
  );
}
