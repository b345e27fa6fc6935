import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import type { RankedFeatureList } from '../../../shared/contracts.js';
import { AnchorLink } from '../../components/links';
import { FEATURE_STATUS_COLORS, FEATURE_STATUS_LABELS } from '../features/types';
import { OutlierBadge, ScoreWithFormula, formatScore } from './ScoreCell';

interface Props {
  workspaceId: string;
  list: RankedFeatureList;
  normalized: boolean;
  method: 'z' | 'percentile';
  onMore?: () => void;
  loadingMore?: boolean;
}

const statusLabel = (s: string) => FEATURE_STATUS_LABELS[s as keyof typeof FEATURE_STATUS_LABELS] ?? s;
const statusColor = (s: string) => FEATURE_STATUS_COLORS[s as keyof typeof FEATURE_STATUS_COLORS] ?? 'gray';

/** The ranked backlog: rank, feature, component, owner, the score with its formula, the normalised score and flags. */
export function RankedTable({ workspaceId, list, normalized, method, onMore, loadingMore }: Props) {
  const more = list.total - list.items.length;
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={820}>
        <Table aria-label={`Backlog ranked by ${list.framework.name}${normalized ? ', normalised per PM' : ''}`} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64} ta="right">
                Rank
              </Table.Th>
              <Table.Th>Feature</Table.Th>
              <Table.Th>Component</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th ta="right">{list.framework.name} score</Table.Th>
              {normalized ? <Table.Th ta="right">{method === 'z' ? 'Within PM (z)' : 'Within PM (percentile)'}</Table.Th> : null}
              <Table.Th>Flags</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((item) => (
              <Table.Tr key={item.featureId} data-testid="ranked-row">
                <Table.Td ta="right" c="dimmed" fw={600}>
                  {item.rank ?? '—'}
                </Table.Td>
                <Table.Td maw={380}>
                  <AnchorLink to="/w/$workspaceId/features/$featureId" params={{ workspaceId, featureId: item.featureId }} fw={550} size="sm">
                    {item.title}
                  </AnchorLink>
                  <Group gap={6} mt={2}>
                    <Badge size="xs" variant="light" color={statusColor(item.status)}>
                      {statusLabel(item.status)}
                    </Badge>
                    {item.score === null && item.missing.length ? (
                      <Text size="xs" c="dimmed">
                        Missing {item.missing.join(', ')}
                      </Text>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.componentName}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={item.ownerName ? undefined : 'dimmed'}>
                    {item.ownerName ?? 'Nobody'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <ScoreWithFormula score={item.score} explanation={item.explanation} missing={item.missing} />
                </Table.Td>
                {normalized ? (
                  <Table.Td ta="right">
                    <Text size="sm" ff="monospace">
                      {item.normalizedScore === null ? '—' : method === 'z' ? item.normalizedScore.toFixed(2) : `${formatScore(item.normalizedScore)}`}
                    </Text>
                  </Table.Td>
                ) : null}
                <Table.Td>{item.outlier && item.outlierReason ? <OutlierBadge reason={item.outlierReason} /> : null}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {more > 0 && onMore ? (
        <Group justify="center" p="sm">
          <Button variant="default" size="xs" onClick={onMore} loading={loadingMore}>
            Show {Math.min(more, 200)} more of {more}
          </Button>
        </Group>
      ) : null}
    </Paper>
  );
}
