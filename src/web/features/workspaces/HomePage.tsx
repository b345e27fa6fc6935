import { Alert, Badge, Card, Group, List, Paper, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { IconAlertTriangle, IconBox, IconComponents, IconUserQuestion, IconUsers } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { ROLE_LABELS } from '../../../shared/roles.js';
import type { MemberT, ProductT } from '../../lib/api/types';
import { AnchorLink } from '../../components/links';
import { CreateProductButton } from '../products/ProductFormModal';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../components/QueryState';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { useMembers } from '../members/use-members';
import { ComponentTeam } from '../products/ComponentTeam';
import { useProducts } from '../products/use-products';
import { plural } from '../../lib/format';

function Stat({ label, value, icon, tone }: { label: string; value: number | string; icon: ReactNode; tone?: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {label}
          </Text>
          <Text fz={28} fw={700} lh={1.2}>
            {value}
          </Text>
        </Stack>
        <ThemeIcon size={40} radius="md" variant="light" color={tone ?? 'indigo'} aria-hidden>
          {icon}
        </ThemeIcon>
      </Group>
    </Paper>
  );
}

/** Workspace home: the products at a glance, who owns what, and what nobody owns. */
export function HomePage() {
  const { workspaceId, workspaceName, role, can } = useCurrentWorkspace();
  const products = useProducts(workspaceId);
  const members = useMembers(workspaceId);
  const memberMap = useMemo(() => new Map((members.data?.items ?? []).map((m) => [m.id, m])), [members.data]);

  const createAction = can('product.create') ? <CreateProductButton workspaceId={workspaceId} /> : null;

  return (
    <>
      <PageHeader title={workspaceName || 'Home'} description={`Your products at a glance · you are ${ROLE_LABELS[role].toLowerCase()} here`} actions={createAction} />
      {products.isPending ? (
        <Stack>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {[0, 1, 2, 3].map((i) => (
              <LoadingRows key={i} rows={1} height={84} />
            ))}
          </SimpleGrid>
          <LoadingRows rows={3} height={140} />
        </Stack>
      ) : products.isError ? (
        <ErrorState error={products.error} onRetry={() => void products.refetch()} />
      ) : products.data.items.length === 0 ? (
        <EmptyState
          icon={<IconBox size={24} aria-hidden />}
          title="No products yet"
          description={
            can('product.create')
              ? 'Start with the product you lead, then split it into components: apps or areas, each with an owner PM and a team.'
              : 'When a product lead adds products and components, they appear here with their owners and teams.'
          }
          action={createAction}
        />
      ) : (
        <Overview products={products.data.items} members={members.data?.items ?? []} memberMap={memberMap} workspaceId={workspaceId} />
      )}
    </>
  );
}

function Overview({ products, members, memberMap, workspaceId }: { products: ProductT[]; members: MemberT[]; memberMap: Map<string, MemberT>; workspaceId: string }) {
  const components = products.flatMap((p) => p.components.map((c) => ({ ...c, productName: p.name })));
  const unowned = components.filter((c) => !c.ownerId);
  const teamSize = new Set(components.flatMap((c) => c.teamMemberIds)).size;
  const owners = members
    .filter((m) => m.ownedComponents.length > 0)
    .sort((a, b) => b.ownedComponents.length - a.ownedComponents.length);
  const chart = products.map((p) => ({
    product: p.name,
    Owned: p.components.filter((c) => c.ownerId).length,
    'No owner': p.components.filter((c) => !c.ownerId).length,
  }));

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stat label="Products" value={products.length} icon={<IconBox size={22} />} />
        <Stat label="Components" value={components.length} icon={<IconComponents size={22} />} />
        <Stat label="People on teams" value={`${teamSize} / ${members.length}`} icon={<IconUsers size={22} />} />
        <Stat label="Without an owner" value={unowned.length} icon={<IconUserQuestion size={22} />} tone={unowned.length ? 'orange' : 'teal'} />
      </SimpleGrid>

      {unowned.length > 0 ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={`${plural(unowned.length, 'component')} without an owner PM`}>
          <List size="sm" spacing={2}>
            {unowned.map((c) => (
              <List.Item key={c.id}>
                <AnchorLink to="/w/$workspaceId/products/$productId" params={{ workspaceId, productId: c.productId }} size="sm" c="inherit" underline="always" fw={600}>
                  {c.name}
                </AnchorLink>{' '}
                <Text span size="sm" c="dimmed">
                  in {c.productName}
                </Text>
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}

      <Stack gap="sm">
        <Title order={2} fz="lg">
          Products
        </Title>
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {products.map((p) => (
            <Card key={p.id} withBorder radius="md" padding="lg">
              <Stack gap="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={2} miw={0}>
                    <Title order={3} fz="md">
                      <AnchorLink to="/w/$workspaceId/products/$productId" params={{ workspaceId, productId: p.id }} c="inherit">
                        {p.name}
                      </AnchorLink>
                    </Title>
                    {p.description ? (
                      <Text size="sm" c="dimmed" lineClamp={2}>
                        {p.description}
                      </Text>
                    ) : null}
                  </Stack>
                  <Badge color="gray" variant="light" style={{ flexShrink: 0 }}>
                    {plural(p.components.length, 'component')}
                  </Badge>
                </Group>
                {p.components.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No components yet.
                  </Text>
                ) : (
                  <Table.ScrollContainer minWidth={380}>
                    <Table verticalSpacing={6} highlightOnHover={false}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>Component</Table.Th>
                          <Table.Th>Owner</Table.Th>
                          <Table.Th>Team</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {p.components.map((c) => (
                          <Table.Tr key={c.id}>
                            <Table.Td>
                              <Text size="sm" fw={500}>
                                {c.name}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              {c.owner ? (
                                <Text size="sm">{c.owner.name}</Text>
                              ) : (
                                <Badge color="orange" variant="light">
                                  No owner
                                </Badge>
                              )}
                            </Table.Td>
                            <Table.Td>
                              <ComponentTeam memberIds={c.teamMemberIds} members={memberMap} />
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder radius="md" p="lg">
          <Title order={2} fz="lg" mb="sm">
            Who owns what
          </Title>
          {owners.length === 0 ? (
            <Text size="sm" c="dimmed">
              No component has an owner PM yet. Edit a component to assign one.
            </Text>
          ) : (
            <Stack gap="xs">
              {owners.map((m) => (
                <Group key={m.id} justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={0} miw={0}>
                    <Text size="sm" fw={600}>
                      {m.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {m.title || ROLE_LABELS[m.role]}
                    </Text>
                  </Stack>
                  <Group gap={4} justify="flex-end">
                    {m.ownedComponents.map((oc) => (
                      <Badge key={oc.id} variant="outline" color="gray" tt="none">
                        {oc.name}
                      </Badge>
                    ))}
                  </Group>
                </Group>
              ))}
            </Stack>
          )}
        </Paper>
        <Paper withBorder radius="md" p="lg">
          <Title order={2} fz="lg" mb="sm">
            Ownership by product
          </Title>
          <BarChart
            h={Math.max(160, products.length * 48)}
            data={chart}
            dataKey="product"
            orientation="vertical"
            type="stacked"
            yAxisProps={{ width: 160 }}
            series={[
              { name: 'Owned', color: 'indigo.6' },
              { name: 'No owner', color: 'orange.6' },
            ]}
            withLegend
            aria-label="Components with and without an owner, per product"
          />
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
