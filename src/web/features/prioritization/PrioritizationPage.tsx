import { Alert, Group, SegmentedControl, Select, Stack, Switch, Tabs, Text } from '@mantine/core';
import { IconAdjustments, IconInfoCircle, IconListNumbers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { NormalizeMethod } from '../../../shared/contracts.js';
import { NotAllowed } from '../../components/AdminOnly';
import { ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../components/QueryState';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { useProducts } from '../products/use-products';
import { CalibrationPanel } from './CalibrationPanel';
import { RankedTable } from './RankedTable';
import { useCalibration, useFrameworks, useRankedFeatures } from './use-prioritization';

const PAGE = 200;

/** Ranked backlogs by the workspace's frameworks, per product or component, optionally normalised per PM; and the calibration of PMs' scores. */
export function PrioritizationPage() {
  const { workspaceId, can } = useCurrentWorkspace();
  const products = useProducts(workspaceId);
  const allowed = can('prioritization.read');
  const frameworks = useFrameworks(workspaceId, allowed);
  const [pickedProduct, setProductId] = useState<string | null>(null);
  const [componentId, setComponentId] = useState<string | null>(null);
  const [frameworkId, setFrameworkId] = useState<string | null>(null);
  const [normalize, setNormalize] = useState(false);
  const [method, setMethod] = useState<NormalizeMethod>('z');
  const [tab, setTab] = useState<string | null>('ranked');
  const [limit, setLimit] = useState(PAGE);

  // The first product until the person picks one.
  const productId = pickedProduct ?? products.data?.items[0]?.id ?? null;
  const product = products.data?.items.find((p) => p.id === productId) ?? null;
  const enabled = useMemo(() => (frameworks.data?.frameworks ?? []).filter((f) => f.enabled), [frameworks.data]);
  const framework = enabled.find((f) => f.id === frameworkId) ?? enabled.find((f) => f.isDefault) ?? enabled[0] ?? null;
  const ready = Boolean(productId && framework);

  const ranked = useRankedFeatures(workspaceId, { productId, componentId, frameworkId: framework?.id ?? null, normalize, method, limit }, ready && tab === 'ranked');
  const calibration = useCalibration(workspaceId, { productId, frameworkId: framework?.id ?? null }, ready && tab === 'calibration');

  const actions = can('prioritization.manage') ? (
    <ButtonLink to="/w/$workspaceId/settings/prioritization" params={{ workspaceId }} variant="default" leftSection={<IconAdjustments size={16} aria-hidden />}>
      Frameworks
    </ButtonLink>
  ) : null;
  const header = <PageHeader title="Prioritization" description="Backlogs ranked by your frameworks, with every score explained and calibrated across PMs." actions={actions} />;

  // Stakeholders (viewers) read the roadmap; scores are internal.
  if (!allowed) return <NotAllowed title="Prioritization">Scores and ranked backlogs are for the product team. The roadmap shows what is planned.</NotAllowed>;
  if (products.isPending || frameworks.isPending) {
    return (
      <>
        {header}
        <LoadingRows rows={6} />
      </>
    );
  }
  if (products.isError || frameworks.isError) {
    return (
      <>
        {header}
        <ErrorState
          error={products.error ?? frameworks.error}
          onRetry={() => {
            void products.refetch();
            void frameworks.refetch();
          }}
        />
      </>
    );
  }
  if (products.data.items.length === 0) {
    return (
      <>
        {header}
        <EmptyState
          icon={<IconListNumbers size={24} aria-hidden />}
          title="No products yet"
          description="A ranked backlog belongs to a product. Create a product and its components, then add features to them."
          action={
            <ButtonLink to="/w/$workspaceId/products" params={{ workspaceId }}>
              Go to products
            </ButtonLink>
          }
        />
      </>
    );
  }

  const reset = () => setLimit(PAGE);
  return (
    <>
      {header}
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Product"
            data={products.data.items.map((p) => ({ value: p.id, label: p.name }))}
            value={productId}
            onChange={(v) => {
              setProductId(v);
              setComponentId(null);
              reset();
            }}
            allowDeselect={false}
            w={200}
          />
          <Select
            label="Component"
            placeholder="All components"
            data={(product?.components ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={componentId}
            onChange={(v) => {
              setComponentId(v);
              reset();
            }}
            clearable
            w={200}
            disabled={tab !== 'ranked'}
          />
          <Select
            label="Framework"
            data={enabled.map((f) => ({ value: f.id, label: f.isDefault ? `${f.name} (default)` : f.name }))}
            value={framework?.id ?? null}
            onChange={(v) => {
              setFrameworkId(v);
              reset();
            }}
            allowDeselect={false}
            w={240}
          />
          <Stack gap={4} pb={6}>
            <Switch
              label="Normalise per PM"
              checked={normalize}
              onChange={(e) => {
                setNormalize(e.currentTarget.checked);
                reset();
              }}
              disabled={tab !== 'ranked'}
            />
          </Stack>
          {normalize && tab === 'ranked' ? (
            <SegmentedControl
              aria-label="Normalisation method"
              size="xs"
              mb={4}
              value={method}
              onChange={(v) => setMethod(v as NormalizeMethod)}
              data={[
                { value: 'z', label: 'z-score' },
                { value: 'percentile', label: 'Percentile' },
              ]}
            />
          ) : null}
        </Group>
        {framework ? (
          <Text size="sm" c="dimmed">
            {framework.name} = {framework.formula}
            {normalize && tab === 'ranked'
              ? method === 'z'
                ? '. Ranked by how far each score sits above its own PM\u2019s average, in standard deviations.'
                : '. Ranked by each score\u2019s percentile among its own PM\u2019s features.'
              : '.'}
          </Text>
        ) : null}

        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List aria-label="Prioritization views">
            <Tabs.Tab value="ranked">Ranked backlog</Tabs.Tab>
            <Tabs.Tab value="calibration">Calibration</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="ranked" pt="md">
            {!framework ? (
              <Alert color="orange" title="No framework is enabled">
                Enable a framework in the prioritization settings to rank the backlog.
              </Alert>
            ) : ranked.isPending ? (
              <LoadingRows rows={8} />
            ) : ranked.isError ? (
              <ErrorState error={ranked.error} onRetry={() => void ranked.refetch()} />
            ) : ranked.data.total === 0 ? (
              <EmptyState
                icon={<IconListNumbers size={24} aria-hidden />}
                title={componentId ? 'No open features in this component' : 'No open features in this product'}
                description="Features you add to the components appear here, ranked by their score. Shipped and won't-do features are left out."
                action={
                  <ButtonLink to="/w/$workspaceId/features" params={{ workspaceId }} variant="default">
                    Go to features
                  </ButtonLink>
                }
              />
            ) : (
              <Stack gap="sm">
                {ranked.data.scored === 0 ? (
                  <Alert icon={<IconInfoCircle size={18} aria-hidden />} variant="light" title="No scores yet">
                    Open a feature, go to its Scores tab and fill in the inputs of {framework.name} ({framework.formula}). Scores appear here as soon as a feature has every
                    input.
                  </Alert>
                ) : (
                  <Text size="sm" c="dimmed" aria-live="polite">
                    {ranked.data.scored} of {ranked.data.total} features scored. Hover or focus a score to see its formula.
                  </Text>
                )}
                <RankedTable
                  workspaceId={workspaceId}
                  list={ranked.data}
                  normalized={ranked.data.normalize === 'pm'}
                  method={ranked.data.method}
                  onMore={() => setLimit((l) => l + PAGE)}
                  loadingMore={ranked.isFetching}
                />
              </Stack>
            )}
          </Tabs.Panel>
          <Tabs.Panel value="calibration" pt="md">
            {calibration.isPending ? (
              <LoadingRows rows={6} />
            ) : calibration.isError ? (
              <ErrorState error={calibration.error} onRetry={() => void calibration.refetch()} />
            ) : (
              <CalibrationPanel workspaceId={workspaceId} data={calibration.data} />
            )}
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}
