import { Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconEye, IconRoad } from '@tabler/icons-react';
import { useSearch } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingRows } from '../../components/QueryState';
import { plural } from '../../lib/format';
import { useCurrentWorkspace } from '../../lib/use-current-workspace';
import { ProductPicker, usePlanningProduct } from '../releases/ProductPicker';
import { RoadmapBoard } from './RoadmapBoard';
import { RoadmapFilterBar, hasFilters } from './RoadmapFilterBar';
import { RoadmapTimeline } from './RoadmapTimeline';
import { SavedViewsMenu } from './SavedViewsMenu';
import type { RoadmapFilters, RoadmapViewFilters, RoadmapViewKind } from './types';
import { boardKey, useRoadmap } from './use-roadmap';

const CONTENT_HEIGHT = 'max(420px, calc(100dvh - 300px))';

/**
 * The roadmap of a product: the Now / Next / Later board with a swimlane per component, or the quarterly
 * timeline; filters and saved views. Viewers read the stakeholder version, without internal fields.
 */
export function RoadmapPage() {
  const { workspaceId, role, can } = useCurrentWorkspace();
  const { products, productId, product, setProductId } = usePlanningProduct(workspaceId);
  const [view, setView] = useLocalStorage<RoadmapViewKind>({ key: `sextant:${workspaceId}:roadmap-view`, defaultValue: 'horizon', getInitialValueInEffect: false });
  // A link may name the product and pillars to start from (the pillars page does): ?productId=&pillarIds=
  const search = useSearch({ strict: false }) as { productId?: string; pillarIds?: string[] };
  const [filters, setFilters] = useState<RoadmapFilters>(() => (search.pillarIds?.length ? { pillarIds: search.pillarIds } : {}));
  // The linked product wins once, then becomes the remembered product (the picker changes it as usual).
  const linkedProduct = search.productId && products.data?.items.some((x) => x.id === search.productId) ? search.productId : null;
  const adopted = useRef(false);
  useEffect(() => {
    if (adopted.current || !linkedProduct) return;
    adopted.current = true;
    if (linkedProduct !== productId) setProductId(linkedProduct);
  }, [linkedProduct, productId, setProductId]);
  // The product remembered from the last visit: the roadmap starts loading with it before the products
  // list arrives (which then confirms it, or picks another).
  const [remembered] = useLocalStorage<string | null>({ key: `sextant:${workspaceId}:planning-product`, defaultValue: null, getInitialValueInEffect: false });
  const shownProduct = products.data ? productId : (search.productId ?? remembered);
  const roadmap = useRoadmap(workspaceId, shownProduct, view, filters);
  const queryKey = useMemo(() => boardKey(workspaceId, shownProduct ?? '', view, filters), [workspaceId, shownProduct, view, filters]);
  const stakeholder = role === 'viewer';
  const canMoveIn = useCallback((ownerId: string | null) => !stakeholder && can('feature.update', { ownerIds: [ownerId] }), [can, stakeholder]);

  const applyView = (f: RoadmapViewFilters) => {
    const { view: v, productId: p, ...rest } = f;
    if (p && products.data?.items.some((x) => x.id === p)) setProductId(p);
    if (v) setView(v);
    setFilters(rest);
  };
  const data = roadmap.data;
  const components = product?.components ?? [];

  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            Roadmap
            {stakeholder ? (
              <Tooltip label="You see what is shared with stakeholders: internal features and fields are hidden.">
                <Badge color="grape" variant="light" leftSection={<IconEye size={12} aria-hidden />} data-testid="stakeholder-badge">
                  Stakeholder view
                </Badge>
              </Tooltip>
            ) : null}
          </Group>
        }
        description="What each component is doing now, next and later, and when."
        actions={
          <Group gap="xs" align="flex-end" wrap="nowrap">
            {products.data && products.data.items.length > 1 ? <ProductPicker products={products.data.items} value={productId} onChange={setProductId} /> : null}
            <LayoutSwitch value={view} onChange={setView} />
            <SavedViewsMenu workspaceId={workspaceId} current={{ view, productId: productId ?? undefined, ...filters }} onApply={applyView} canShare={can('view.share')} />
          </Group>
        }
      />
      {products.isPending ? (
        <LoadingRows rows={6} height={80} />
      ) : products.isError ? (
        <ErrorState error={products.error} onRetry={() => void products.refetch()} />
      ) : !productId ? (
        <EmptyState icon={<IconRoad size={24} aria-hidden />} title="No products yet" description="A roadmap shows the features of a product’s components. Leads add products and components in the settings." />
      ) : (
        <>
          <RoadmapFilterBar
            workspaceId={workspaceId}
            productId={productId}
            components={components}
            filters={filters}
            onChange={setFilters}
            ownerHidden={Boolean(data?.hiddenFields.includes('owner'))}
          />
          {roadmap.isPending ? (
            <LoadingRows rows={6} height={80} />
          ) : roadmap.isError && !data ? (
            <ErrorState error={roadmap.error} onRetry={() => void roadmap.refetch()} />
          ) : data ? (
            <>
              <Text size="sm" c="dimmed" mb={6} aria-live="polite">
                {roadmap.isFetching ? 'Loading…' : summary(data.features.length, data.components.length, view, hasFilters(filters))}
              </Text>
              {data.components.length === 0 ? (
                <EmptyState title="This product has no components" description="Lanes are the product’s components: add one in the settings." />
              ) : view === 'horizon' ? (
                <RoadmapBoard workspaceId={workspaceId} roadmap={data} queryKey={queryKey} canMoveIn={canMoveIn} height={CONTENT_HEIGHT} />
              ) : data.features.length === 0 ? (
                <EmptyState title="Nothing dated yet" description="Features appear on the timeline once they have a start or end date." />
              ) : (
                <RoadmapTimeline workspaceId={workspaceId} roadmap={data} height={CONTENT_HEIGHT} />
              )}
            </>
          ) : null}
        </>
      )}
    </>
  );
}

function summary(cards: number, lanes: number, view: RoadmapViewKind, filtered: boolean): string {
  const what = view === 'horizon' ? `${plural(cards, 'card')} in ${plural(lanes, 'lane')}` : `${plural(cards, 'dated feature')} in ${plural(lanes, 'component')}`;
  return filtered ? `${what}, filtered` : what;
}

/**
 * Board or timeline, as two toggle buttons (not a SegmentedControl, whose sliding indicator measures
 * the page's layout while the board renders).
 */
function LayoutSwitch({ value, onChange }: { value: RoadmapViewKind; onChange: (v: RoadmapViewKind) => void }) {
  const option = (v: RoadmapViewKind, label: string) => (
    <Button variant={value === v ? 'filled' : 'default'} aria-pressed={value === v} onClick={() => onChange(v)}>
      {label}
    </Button>
  );
  return (
    <Button.Group aria-label="Layout">
      {option('horizon', 'Board')}
      {option('timeline', 'Timeline')}
    </Button.Group>
  );
}
