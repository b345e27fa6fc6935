import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { DriftReport } from '../../../../shared/contracts.js';
import { AnchorLink } from '../../../components/links';
import { formatRelative, plural } from '../../../lib/format';
import { HORIZON_LABELS, STATUS_LABELS } from '../../dependencies/labels';
import { formatEffort, formatProgress } from './drift-format';

/** A titled section with its count, and a calm line when it is empty. */
function Section({ title, count, empty, children, id }: { title: string; count: number; empty: string; children: ReactNode; id: string }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Group gap="xs">
          <Title order={2} fz="lg" id={id}>
            {title}
          </Title>
          <Badge variant="light" color={count ? 'orange' : 'teal'}>
            {count}
          </Badge>
        </Group>
        {count === 0 ? (
          <Group gap={6}>
            <IconCircleCheck size={18} color="var(--mantine-color-teal-filled)" aria-hidden />
            <Text size="sm">{empty}</Text>
          </Group>
        ) : (
          children
        )}
      </Stack>
    </Paper>
  );
}

const more = (shown: number, total: number, what: string) =>
  total > shown ? (
    <Text size="xs" c="dimmed">
      Showing {shown} of {plural(total, what)}.
    </Text>
  ) : null;

function FeatureLink({ workspaceId, id, title }: { workspaceId: string; id: string; title: string }) {
  return (
    <AnchorLink to="/w/$workspaceId/features/$featureId" params={{ workspaceId, featureId: id }} size="sm" fw={550}>
      {title}
    </AnchorLink>
  );
}

function ObjectiveLink({ workspaceId, id, title }: { workspaceId: string; id: string; title: string }) {
  return (
    <AnchorLink to="/w/$workspaceId/okrs/$objectiveId" params={{ workspaceId, objectiveId: id }} size="sm" fw={550}>
      {title}
    </AnchorLink>
  );
}

/** Planned features and objectives that serve no pillar. */
export function UnalignedSection({ workspaceId, report }: { workspaceId: string; report: DriftReport }) {
  const { features, objectives } = report.unaligned;
  return (
    <Section id="drift-unaligned" title="Aligned to no pillar" count={features.count + objectives.count} empty="Every planned feature and objective serves a pillar.">
      {features.count ? (
        <Stack gap={6}>
          <Text size="sm">
            {plural(features.count, 'planned feature')} ({formatEffort(features.effort)} effort
            {features.unestimatedCount ? `, ${features.unestimatedCount} not estimated` : ''}) serve no pillar.
          </Text>
          <Table fz="sm" striped aria-label="Planned features with no pillar">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Feature</Table.Th>
                <Table.Th scope="col">Component</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Horizon</Table.Th>
                <Table.Th scope="col" ta="right">
                  Effort
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {features.items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <FeatureLink workspaceId={workspaceId} id={f.id} title={f.title} />
                  </Table.Td>
                  <Table.Td>{f.componentName}</Table.Td>
                  <Table.Td>{STATUS_LABELS[f.status]}</Table.Td>
                  <Table.Td>{f.horizon ? HORIZON_LABELS[f.horizon] : '—'}</Table.Td>
                  <Table.Td ta="right">{f.effort === null ? 'not estimated' : formatEffort(f.effort)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {more(features.items.length, features.count, 'feature')}
        </Stack>
      ) : (
        <Text size="sm">Every planned feature serves a pillar.</Text>
      )}
      {objectives.count ? (
        <Stack gap={4}>
          <Text size="sm">{plural(objectives.count, 'objective')} of the period serve no pillar:</Text>
          <Stack gap={2} component="ul" m={0} pl="md">
            {objectives.items.map((o) => (
              <li key={o.id}>
                <ObjectiveLink workspaceId={workspaceId} id={o.id} title={o.title} />
                <Text span size="xs" c="dimmed">
                  {' '}
                  {[o.componentName ?? 'Product level', o.ownerName].filter(Boolean).join(' · ')}
                </Text>
              </li>
            ))}
          </Stack>
        </Stack>
      ) : report.period ? (
        <Text size="sm">Every objective of the period serves a pillar.</Text>
      ) : null}
    </Section>
  );
}

/** Objectives whose key results nobody checked in on lately. */
export function StaleSection({ workspaceId, report }: { workspaceId: string; report: DriftReport }) {
  const { items, total } = report.staleObjectives;
  return (
    <Section id="drift-stale" title={`No check-in for ${plural(report.staleDays, 'day')}`} count={total} empty="Every objective had a check-in recently.">
      <Table fz="sm" striped aria-label="Objectives without recent check-ins">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Objective</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
            <Table.Th scope="col">Last check-in</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((o) => (
            <Table.Tr key={o.objectiveId}>
              <Table.Td>
                <ObjectiveLink workspaceId={workspaceId} id={o.objectiveId} title={o.title} />
                {o.componentName ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    {o.componentName}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{o.ownerName ?? 'No owner'}</Table.Td>
              <Table.Td>{o.lastCheckInAt ? `${formatRelative(o.lastCheckInAt)} (${plural(o.daysSince ?? 0, 'day')})` : 'Never'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {more(items.length, total, 'objective')}
    </Section>
  );
}

const STATUS_BADGE = { on_track: ['teal', 'On track'], at_risk: ['yellow', 'At risk'], off_track: ['red', 'Off track'] } as const;
const REASON_WORDS = { status: 'check-in status', confidence: 'low confidence', behind: 'behind schedule' } as const;

/** Key results at risk, off track first. */
export function AtRiskSection({ workspaceId, report }: { workspaceId: string; report: DriftReport }) {
  const { items, total } = report.atRisk;
  return (
    <Section id="drift-at-risk" title="Key results at risk" count={total} empty="No key result is at risk.">
      <Table fz="sm" striped aria-label="Key results at risk">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Key result</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
            <Table.Th scope="col" ta="right">
              Progress
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Expected
            </Table.Th>
            <Table.Th scope="col">Confidence</Table.Th>
            <Table.Th scope="col">Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((k) => (
            <Table.Tr key={k.keyResultId}>
              <Table.Td>
                <Text size="sm">{k.title}</Text>
                <ObjectiveLink workspaceId={workspaceId} id={k.objectiveId} title={k.objectiveTitle} />
              </Table.Td>
              <Table.Td>{k.ownerName ?? 'No owner'}</Table.Td>
              <Table.Td ta="right">{formatProgress(k.progress)}</Table.Td>
              <Table.Td ta="right">{formatProgress(k.expectedProgress)}</Table.Td>
              <Table.Td>
                {k.status ? (
                  <Badge variant="light" color={STATUS_BADGE[k.status][0]}>
                    {STATUS_BADGE[k.status][1]}
                    {k.confidence !== null ? ` · ${k.confidence}/10` : ''}
                  </Badge>
                ) : (
                  <Text size="xs" c="dimmed">
                    No check-in
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{k.reasons.map((r) => REASON_WORDS[r]).join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {more(items.length, total, 'key result')}
    </Section>
  );
}

/** Key results whose driving features slipped or conflict. */
export function SlippingSection({ workspaceId, report }: { workspaceId: string; report: DriftReport }) {
  const { items, total } = report.slipping;
  return (
    <Section id="drift-slipping" title="Key results with slipping or conflicting features" count={total} empty="No driving feature slipped or conflicts.">
      <Stack gap="xs">
        {items.map((k) => (
          <Paper key={k.keyResultId} withBorder radius="sm" p="xs">
            <Group gap={6} mb={4}>
              <Text size="sm" fw={600}>
                {k.title}
              </Text>
              <Text size="xs" c="dimmed">
                of
              </Text>
              <ObjectiveLink workspaceId={workspaceId} id={k.objectiveId} title={k.objectiveTitle} />
              {k.ownerName ? (
                <Text size="xs" c="dimmed">
                  · {k.ownerName}
                </Text>
              ) : null}
            </Group>
            <Stack gap={2} component="ul" m={0} pl="md">
              {k.features.map((f) => (
                <li key={`${f.featureId}:${f.reason}`}>
                  <Group gap={6} wrap="wrap">
                    <Badge size="sm" variant="light" color={f.reason === 'conflict' ? 'red' : 'orange'}>
                      {f.reason === 'conflict' ? 'Conflict' : 'Slipped'}
                    </Badge>
                    <FeatureLink workspaceId={workspaceId} id={f.featureId} title={f.title} />
                    <Text size="xs" c="dimmed">
                      {f.componentName}
                    </Text>
                  </Group>
                  <Text size="xs">{f.detail}</Text>
                </li>
              ))}
            </Stack>
          </Paper>
        ))}
        {more(items.length, total, 'key result')}
      </Stack>
    </Section>
  );
}
