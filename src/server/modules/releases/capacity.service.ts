import { quarterBounds, type CapacityQuery, type CapacityReport, type CapacityUnit, type ComponentCapacity, type UpdateCapacity } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { describeChanges } from '../../lib/diff.js';
import { recordAudit } from '../audit/audit.service.js';
import { capacitiesOf, deleteCapacities, loadRoadmapFacts, plannedFeatureRows, upsertCapacities, type PlannedFeatureRow } from './capacity.repository.js';
import { currentQuarter, proratedEffort, quarterShare, round2 } from './capacity.proration.js';
import { findProductComponents, type ComponentRef } from './releases.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor };

const ratio = (planned: number, capacity: number | null) => (capacity ? Math.round((planned / capacity) * 1000) / 1000 : null);

/** Planned effort against capacity, per component and for the product: pure, so the rules are testable alone. */
export function buildCapacityReport(input: {
  productId: string;
  quarter: string;
  current: string;
  unit: CapacityUnit;
  components: ComponentRef[];
  capacities: Map<string, number>;
  features: PlannedFeatureRow[];
}): CapacityReport {
  const rows: ComponentCapacity[] = input.components.map((c) => {
    const mine = input.features.filter((f) => f.componentId === c.id && quarterShare(f, input.quarter, input.current) > 0);
    const planned = round2(mine.reduce((sum, f) => sum + proratedEffort(f, input.quarter, input.current), 0));
    const capacity = input.capacities.get(c.id) ?? null;
    return {
      componentId: c.id,
      name: c.name,
      ownerId: c.ownerId,
      capacity,
      planned,
      featureCount: mine.length,
      unestimatedCount: mine.filter((f) => f.effort === null).length,
      overAllocated: capacity !== null && planned > capacity,
      utilisation: ratio(planned, capacity),
    };
  });
  const withCapacity = rows.filter((r) => r.capacity !== null);
  const capacity = round2(withCapacity.reduce((s, r) => s + r.capacity!, 0));
  return {
    productId: input.productId,
    quarter: input.quarter,
    ...quarterBounds(input.quarter),
    unit: input.unit,
    components: rows,
    totals: {
      capacity,
      planned: round2(rows.reduce((s, r) => s + r.planned, 0)),
      featureCount: rows.reduce((s, r) => s + r.featureCount, 0),
      overAllocatedCount: rows.filter((r) => r.overAllocated).length,
      utilisation: ratio(
        withCapacity.reduce((s, r) => s + r.planned, 0),
        capacity,
      ),
    },
  };
}

const asUnit = (unit: string): CapacityUnit => (unit === 'person_weeks' ? 'person_weeks' : 'points');

async function loadReport(db: Db, workspaceId: string, query: CapacityQuery, now: Date): Promise<CapacityReport> {
  const product = await findProductComponents(db, workspaceId, query.productId);
  if (!product) throw notFound('Product');
  const facts = await loadRoadmapFacts(db, workspaceId);
  const caps = await capacitiesOf(
    db,
    workspaceId,
    product.components.map((c) => c.id),
    query.quarter,
  );
  const features = await plannedFeatureRows(db, workspaceId, product.id, quarterBounds(query.quarter));
  return buildCapacityReport({
    productId: product.id,
    quarter: query.quarter,
    current: currentQuarter(now),
    unit: asUnit(facts.capacityUnit),
    components: product.components,
    capacities: caps,
    features,
  });
}

/** Planned effort against capacity for each component of a product in a quarter. */
export async function getCapacity({ db, actor, query, now = new Date() }: Ctx & { query: CapacityQuery; now?: Date }): Promise<CapacityReport> {
  authorize(actor, 'capacity.read');
  return loadReport(db, actor.workspaceId, query, now);
}

/** Sets the capacities of a product's components in a quarter (null removes one), audited with the changes. */
export async function updateCapacity({ db, actor, query, input, now = new Date() }: Ctx & { query: CapacityQuery; input: UpdateCapacity; now?: Date }): Promise<CapacityReport> {
  authorize(actor, 'capacity.update');
  return db.transaction(async (tx) => {
    const product = await findProductComponents(tx, actor.workspaceId, query.productId);
    if (!product) throw notFound('Product');
    const names = new Map(product.components.map((c) => [c.id, c.name]));
    const seen = new Set<string>();
    input.capacities.forEach((c, i) => {
      const field = `capacities.${i}.componentId`;
      if (!names.has(c.componentId)) throw invalid(field, `${c.componentId} is not a component of ${product.name}`);
      if (seen.has(c.componentId)) throw invalid(field, `${c.componentId} is listed twice`);
      seen.add(c.componentId);
    });
    const before = await capacitiesOf(tx, actor.workspaceId, [...seen], query.quarter);
    // Capacity is stored with 2 decimals: compare and store what will be kept.
    const wanted = input.capacities.map((c) => ({ componentId: c.componentId, capacity: c.capacity === null ? null : round2(c.capacity) }));
    const changed = wanted.filter((c) => (before.get(c.componentId) ?? null) !== c.capacity);
    await upsertCapacities(
      tx,
      actor.workspaceId,
      query.quarter,
      changed.flatMap((c) => (c.capacity === null ? [] : [{ componentId: c.componentId, capacity: c.capacity }])),
    );
    await deleteCapacities(
      tx,
      actor.workspaceId,
      query.quarter,
      changed.filter((c) => c.capacity === null).map((c) => c.componentId),
    );
    const changes = Object.fromEntries(changed.map((c) => [names.get(c.componentId)!, [before.get(c.componentId) ?? null, c.capacity] as [unknown, unknown]]));
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'capacity.update',
      entityType: 'product',
      entityId: product.id,
      summary: `Set capacity of ${product.name} for ${query.quarter}: ${describeChanges(changes) || 'no change'}`,
      changes: { quarter: query.quarter, capacities: changes },
    });
    return loadReport(tx, actor.workspaceId, query, now);
  });
}
