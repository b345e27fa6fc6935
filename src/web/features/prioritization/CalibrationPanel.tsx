import { Alert, Box, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ScoreCalibration } from '../../../shared/contracts.js';
import { AnchorLink } from '../../components/links';
import { formatScore } from './ScoreCell';

type Pm = ScoreCalibration['pms'][number];

/** The axis: the product's range, clipped to the outlier fences so one far-out score does not squash every box. */
function domainOf(c: ScoreCalibration): [number, number] | null {
  const p = c.product;
  if (p.min === null || p.max === null) return null;
  const lo = p.lowerFence === null ? p.min : Math.max(p.min, p.lowerFence);
  const hi = p.upperFence === null ? p.max : Math.min(p.max, p.upperFence);
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

const frac = (v: number, [lo, hi]: [number, number]) => Math.min(Math.max((v - lo) / (hi - lo), 0), 1);
const pct = (v: number, domain: [number, number]) => `${(frac(v, domain) * 100).toFixed(3)}%`;
/** The width between two values, at least a sliver so an all-equal box still shows. */
const span = (a: number, b: number, domain: [number, number]) => `${Math.max((frac(b, domain) - frac(a, domain)) * 100, 0.4).toFixed(3)}%`;

function summary(pm: Pm): string {
  if (pm.count === 0) return `${pm.name}: no scored features`;
  return `${pm.name}: ${pm.count} scored, min ${formatScore(pm.min)}, first quartile ${formatScore(pm.q1)}, median ${formatScore(pm.median)}, third quartile ${formatScore(pm.q3)}, max ${formatScore(pm.max)}`;
}

/** One PM's box plot over the product's interquartile band; values beyond the axis show as a mark at its edge. */
function BoxRow({ pm, domain, product }: { pm: Pm; domain: [number, number]; product: ScoreCalibration['product'] }) {
  const h = 30;
  const mid = h / 2;
  const at = (v: number) => pct(v, domain);
  const beyond = (v: number | null) => v !== null && (v > domain[1] || v < domain[0]);
  return (
    <svg width="100%" height={h} role="img" aria-label={summary(pm)} style={{ display: 'block', overflow: 'visible' }}>
      {product.q1 !== null && product.q3 !== null ? (
        <rect x={at(product.q1)} y={0} width={span(product.q1, product.q3, domain)} height={h} fill="var(--mantine-color-gray-light)" />
      ) : null}
      {product.median !== null ? <line x1={at(product.median)} x2={at(product.median)} y1={0} y2={h} stroke="var(--mantine-color-dimmed)" strokeDasharray="3 3" /> : null}
      {pm.count > 0 && pm.min !== null && pm.max !== null && pm.q1 !== null && pm.q3 !== null && pm.median !== null ? (
        <g>
          <line x1={at(pm.min)} x2={at(pm.max)} y1={mid} y2={mid} stroke="var(--mantine-color-blue-filled)" strokeWidth={1.5} />
          <line x1={at(pm.min)} x2={at(pm.min)} y1={mid - 6} y2={mid + 6} stroke="var(--mantine-color-blue-filled)" strokeWidth={1.5} />
          <line x1={at(pm.max)} x2={at(pm.max)} y1={mid - 6} y2={mid + 6} stroke="var(--mantine-color-blue-filled)" strokeWidth={1.5} />
          <rect
            x={at(pm.q1)}
            y={mid - 9}
            width={span(pm.q1, pm.q3, domain)}
            height={18}
            rx={3}
            fill="var(--mantine-color-blue-light)"
            stroke="var(--mantine-color-blue-filled)"
            strokeWidth={1.5}
          />
          <line x1={at(pm.median)} x2={at(pm.median)} y1={mid - 9} y2={mid + 9} stroke="var(--mantine-color-blue-filled)" strokeWidth={3} />
          {beyond(pm.max) ? <circle cx={at(pm.max)} cy={mid} r={5} fill="var(--mantine-color-orange-filled)" /> : null}
          {beyond(pm.min) ? <circle cx={at(pm.min)} cy={mid} r={5} fill="var(--mantine-color-orange-filled)" /> : null}
        </g>
      ) : null}
    </svg>
  );
}

/** Calibration across PMs: each PM's score distribution against the product's spread, and the scores far outside it. */
export function CalibrationPanel({ workspaceId, data }: { workspaceId: string; data: ScoreCalibration }) {
  const domain = domainOf(data);
  const p = data.product;
  if (!domain) {
    return (
      <Alert icon={<IconInfoCircle size={18} aria-hidden />} title="Nothing scored yet" variant="light">
        Calibration compares the distributions of the PMs&apos; scores. Fill in the score inputs of a few features first.
      </Alert>
    );
  }
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md">
        <Title order={2} fz="md" mb={4}>
          Score distribution per PM
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          Boxes span each PM&apos;s middle half of {data.framework.name} scores, with the median as a thick line. The grey band is the product&apos;s middle half (Q1{' '}
          {formatScore(p.q1)} – Q3 {formatScore(p.q3)}), the dashed line its median {formatScore(p.median)}.
          {p.upperFence !== null ? ` Orange marks lie beyond the axis, which stops at the outlier fences (${formatScore(p.lowerFence)} to ${formatScore(p.upperFence)}).` : ''}
        </Text>
        <Stack gap={6}>
          {data.pms.map((pm) => (
            <Box key={pm.memberId ?? 'nobody'} style={{ display: 'grid', gridTemplateColumns: 'minmax(140px, 220px) 1fr', gap: 16, alignItems: 'center' }}>
              <div>
                <Text size="sm" fw={600} lineClamp={1}>
                  {pm.name}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {pm.components.map((c) => c.name).join(', ')}
                </Text>
              </div>
              <BoxRow pm={pm} domain={domain} product={p} />
            </Box>
          ))}
          <Box style={{ display: 'grid', gridTemplateColumns: 'minmax(140px, 220px) 1fr', gap: 16 }} aria-hidden>
            <span />
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {formatScore(domain[0])}
              </Text>
              <Text size="xs" c="dimmed">
                {formatScore((domain[0] + domain[1]) / 2)}
              </Text>
              <Text size="xs" c="dimmed">
                {formatScore(domain[1])}
              </Text>
            </Group>
          </Box>
        </Stack>
      </Paper>

      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label="Score distribution per PM" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>PM</Table.Th>
                <Table.Th ta="right">Scored</Table.Th>
                <Table.Th ta="right">Unscored</Table.Th>
                <Table.Th ta="right">Min</Table.Th>
                <Table.Th ta="right">Q1</Table.Th>
                <Table.Th ta="right">Median</Table.Th>
                <Table.Th ta="right">Q3</Table.Th>
                <Table.Th ta="right">Max</Table.Th>
                <Table.Th ta="right">Mean</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...data.pms, { ...p, memberId: 'product', name: 'Whole product', components: [] }].map((row) => (
                <Table.Tr key={row.memberId ?? 'nobody'} fw={row.memberId === 'product' ? 650 : undefined}>
                  <Table.Td>{row.name}</Table.Td>
                  <Table.Td ta="right">{row.count}</Table.Td>
                  <Table.Td ta="right">{row.unscored}</Table.Td>
                  <Table.Td ta="right">{formatScore(row.min)}</Table.Td>
                  <Table.Td ta="right">{formatScore(row.q1)}</Table.Td>
                  <Table.Td ta="right">{formatScore(row.median)}</Table.Td>
                  <Table.Td ta="right">{formatScore(row.q3)}</Table.Td>
                  <Table.Td ta="right">{formatScore(row.max)}</Table.Td>
                  <Table.Td ta="right">{formatScore(row.mean)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Paper withBorder radius="md" p="md">
        <Title order={2} fz="md" mb={4}>
          Scores far outside the product&apos;s spread
        </Title>
        {data.outliers.length === 0 ? (
          <Text size="sm" c="dimmed">
            {p.upperFence === null
              ? 'With fewer than 4 scores, or half of them equal, there is no spread to measure against yet.'
              : `No score lies beyond Q1 − ${data.product.k} × IQR or Q3 + ${data.product.k} × IQR.`}
          </Text>
        ) : (
          <Table aria-label="Outlier scores" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Feature</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th ta="right">Score</Table.Th>
                <Table.Th>Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.outliers.map((o) => (
                <Table.Tr key={o.featureId}>
                  <Table.Td>
                    <AnchorLink to="/w/$workspaceId/features/$featureId" params={{ workspaceId, featureId: o.featureId }} size="sm" fw={550}>
                      {o.title}
                    </AnchorLink>
                    <Text size="xs" c="dimmed">
                      {o.componentName}
                    </Text>
                  </Table.Td>
                  <Table.Td>{o.ownerName ?? 'Nobody'}</Table.Td>
                  <Table.Td ta="right" fw={650}>
                    {formatScore(o.score)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{o.reason}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
