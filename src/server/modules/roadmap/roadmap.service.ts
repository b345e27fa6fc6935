import { Roadmap as RoadmapSchema, type FeatureInternalField, type MoveRoadmapCard, type Roadmap, type RoadmapCard, type RoadmapQuery } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { recordUpdate } from '../audit/audit.service.js';
import { readsStakeholderVersion } from '../features/features.stakeholder.js';
import { loadRoadmapSettings } from './roadmap-settings.service.js';
import { markerCache } from '../audit/audit.cache.js';
import { edgeConflicts } from '../dependencies/dependencies.graph.js';
import { hiddenCardFields, presentCard } from './roadmap.presenter.js';
import { placeInLane } from './roadmap.rank.js';
import {
  findCard,
  findLaneOf,
  findMovable,
  findProduct,
  listCards,
  listEdgesFrom,
  listLanes,
  listLaneRanks,
  listProductReleases,
  moveFeatureRow,
  setRanks,
  type CardRow,
} from './roadmap.repository.js';

/** Roadmap answers (JSON of thousands of cards, up to a megabyte each): a few, for 30 s at most. */
const cachedRoadmap = markerCache({ maxEntries: 24, ttlMs: 30_000 });

type Ctx = { db: Db; actor: WorkspaceActor };


/** Dependencies among the cards, each with its conflict by the dependencies module's rules (before any field is hidden). */
function edgesAmong(cards: CardRow[], edges: { id: string; featureId: string; dependsOnId: string }[]): Roadmap['dependencies'] {
  const cardById = new Map(cards.map((c) => [c.id, c]));
  const out: Roadmap['dependencies'] = [];
  for (const e of edges) {
    const a = cardById.get(e.featureId);
    const b = cardById.get(e.dependsOnId);
    if (!a || !b) continue;
    const conflicts = edgeConflicts(a, b, a.title, b.title);
    out.push({ id: e.id, featureId: e.featureId, dependsOnId: e.dependsOnId, conflict: conflicts.length > 0, reason: conflicts[0]?.message ?? null });
  }
  return out;
}

const HORIZON_ORDER: Record<string, number> = { now: 0, next: 1, later: 2 };
const byId = (a: CardRow, b: CardRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Orders the cards by lane (the lanes' order), then by horizon and rank on the board, or by start on the
 * timeline. Sorting here, not in SQL, spares the database a collation sort of every row by lane name.
 */
function sortCards(cards: CardRow[], laneIds: string[], view: RoadmapQuery['view']): CardRow[] {
  const lane = new Map(laneIds.map((id, i) => [id, i]));
  const within =
    view === 'horizon'
      ? (a: CardRow, b: CardRow) => HORIZON_ORDER[a.horizon ?? '']! - HORIZON_ORDER[b.horizon ?? '']! || a.boardRank - b.boardRank || byId(a, b)
      : (a: CardRow, b: CardRow) => {
          const sa = a.startDate ?? a.endDate ?? '';
          const sb = b.startDate ?? b.endDate ?? '';
          return sa < sb ? -1 : sa > sb ? 1 : byId(a, b);
        };
  return cards.sort((a, b) => lane.get(a.componentId)! - lane.get(b.componentId)! || within(a, b));
}

/** Reads the roadmap from the database: five small queries and one that aggregates the cards, whatever the size. */
async function loadRoadmap(db: Db, actor: WorkspaceActor, query: RoadmapQuery): Promise<Roadmap> {
  const stakeholder = readsStakeholderVersion(actor.role);
  const product = await findProduct(db, actor.workspaceId, query.productId);
  if (!product) throw notFound('Product');
  const settings = await loadRoadmapSettings(db, actor.workspaceId);
  const hidden: FeatureInternalField[] = stakeholder ? hiddenCardFields(settings.internalFields) : [];
  // Filtering by a hidden field would reveal it: a stakeholder's owner filter is ignored when owners are internal.
  const filter = hidden.includes('owner') ? { ...query, ownerIds: undefined } : query;
  const [lanes, unordered, releases] = await Promise.all([
    listLanes(db, actor.workspaceId, product.id),
    listCards(db, { ...filter, workspaceId: actor.workspaceId, productId: product.id, excludeInternal: stakeholder }),
    listProductReleases(db, actor.workspaceId, product.id),
  ]);
  const cards = sortCards(unordered, lanes.map((l) => l.id), query.view);
  const edges = await listEdgesFrom(db, actor.workspaceId, cards.map((c) => c.id));
  const shown = query.componentIds?.length ? lanes.filter((l) => query.componentIds!.includes(l.id)) : lanes;
  const counts = new Map<string, number>();
  for (const c of cards) counts.set(c.componentId, (counts.get(c.componentId) ?? 0) + 1);
  return {
    view: query.view,
    product,
    components: shown.map((l) => ({ ...l, featureCount: counts.get(l.id) ?? 0 })),
    features: cards.map((c) => presentCard(c, hidden)),
    releases,
    dependencies: edgesAmong(cards, edges),
    stakeholderView: stakeholder,
    hiddenFields: hidden,
    capacityUnit: settings.capacityUnit,
  };
}

/** The roadmap of a product: the board (view=horizon) or the timeline, filtered. */
export async function getRoadmap({ db, actor, query }: Ctx & { query: RoadmapQuery }): Promise<Roadmap> {
  authorize(actor, 'feature.read');
  return loadRoadmap(db, actor, query);
}

/**
 * The roadmap as JSON text, checked against its contract. Serialising thousands of cards costs more
 * than sending them, so the text itself is cached until the workspace's next write (roadmap.cache.ts),
 * per audience and query.
 */
export async function getRoadmapJson({ db, actor, query }: Ctx & { query: RoadmapQuery }): Promise<string> {
  authorize(actor, 'feature.read');
  const audience = readsStakeholderVersion(actor.role) ? 'stakeholder' : 'team';
  return cachedRoadmap(db, actor.workspaceId, `${actor.workspaceId}:${audience}:${JSON.stringify(query)}`, async () =>
    JSON.stringify(RoadmapSchema.parse(await loadRoadmap(db, actor, query))),
  );
}

/** Checks that the neighbour named by the move is a card of the target lane. */
async function checkNeighbour(db: Db, workspaceId: string, field: 'beforeId' | 'afterId', id: string, lane: { componentId: string; horizon: string; featureId: string }) {
  if (id === lane.featureId) throw invalid(field, 'must be another card than the one moved');
  const found = await findLaneOf(db, workspaceId, id);
  if (!found) throw invalid(field, 'is not a feature of this workspace');
  if (found.componentId !== lane.componentId || found.horizon !== lane.horizon) {
    throw invalid(field, `must be a card of the target lane (the same component, in ${lane.horizon})`);
  }
}

/**
 * Moves a card to a horizon and a place in its lane: a rank between its new neighbours, renumbering
 * the lane when they leave no room. A PM moves only the features of the components they own.
 */
export async function moveRoadmapCard({ db, actor, input }: Ctx & { input: MoveRoadmapCard }): Promise<RoadmapCard> {
  // Authorization needs the feature's component owner: it is the first step once the feature is read.
  if (input.beforeId && input.afterId) throw invalid('beforeId', 'give beforeId or afterId, not both');
  return db.transaction(async (tx) => {
    const feature = await findMovable(tx, actor.workspaceId, input.featureId);
    if (!feature) throw notFound('Feature');
    authorize(actor, 'feature.update', { ownerIds: [feature.componentOwnerId] });
    if (feature.version !== input.version) throw versionConflict('Feature');
    const lane = { componentId: feature.componentId, horizon: input.horizon, featureId: feature.id };
    if (input.beforeId) await checkNeighbour(tx, actor.workspaceId, 'beforeId', input.beforeId, lane);
    if (input.afterId) await checkNeighbour(tx, actor.workspaceId, 'afterId', input.afterId, lane);
    const ranks = await listLaneRanks(tx, actor.workspaceId, feature.componentId, input.horizon);
    const { rank, renumbered } = placeInLane(ranks, feature.id, { beforeId: input.beforeId, afterId: input.afterId });
    await setRanks(tx, actor.workspaceId, renumbered);
    if (!(await moveFeatureRow(tx, { workspaceId: actor.workspaceId, id: feature.id, version: input.version, horizon: input.horizon, rank }))) {
      throw versionConflict('Feature');
    }
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'feature.move',
      entityType: 'feature',
      entityId: feature.id,
      label: `Moved feature “${feature.title.slice(0, 80)}” on the roadmap`,
      before: { horizon: feature.horizon, boardRank: feature.boardRank },
      patch: { horizon: input.horizon, boardRank: rank },
    });
    return presentCard((await findCard(tx, actor.workspaceId, feature.id))!);
  });
}
