import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { capacities, dependencies, features, releaseComponents, releases } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { quarterOf, quarterStart } from './demo-roadmap.js';

const VERBS = ['Faster', 'Bulk', 'Self-service', 'Scheduled', 'Smarter', 'Configurable', 'Real-time', 'Offline', 'Guided', 'Automatic'];
const NOUNS = ['exports', 'search', 'refunds', 'onboarding', 'alerts', 'reports', 'permissions', 'imports', 'webhooks', 'checkout', 'pricing rules', 'inventory sync', 'invoices', 'dashboards'];
const DAY = 86_400_000;

/** A deterministic pseudo-random generator, so a factor always makes the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * The benchmark's roadmap data: at factor 1, 20,000 features over the components (about a third of
 * them on the Now / Next / Later board, so a product of three has about 2,000 there), 5,000
 * dependencies between features of the same product (acyclic: a feature only depends on one created
 * before it), two releases a product and a capacity per component for this quarter and the next.
 */
export async function generateRoadmap(
  db: Db,
  ctx: { workspaceId: string; factor: number; componentIds: string[]; productOfComponent: Map<string, string>; ownerOfComponent: Map<string, string> },
): Promise<{ features: number; dependencies: number }> {
  const random = rng(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const { workspaceId } = ctx;
  const featureCount = Math.max(1, Math.round(20_000 * ctx.factor));
  const dependencyCount = Math.max(0, Math.round(5_000 * ctx.factor));
  const q0 = quarterStart(new Date());
  const iso = (d: Date) => d.toISOString().slice(0, 10);

  const productIds = [...new Set(ctx.productOfComponent.values())];
  const releaseOfProduct = new Map<string, string[]>();
  for (const productId of productIds) {
    const rows = [8, 20].map((weeks, i) => ({ id: newId(), workspaceId, productId, name: `Release ${i + 1}`, date: iso(new Date(q0.getTime() + weeks * 7 * DAY)) }));
    await db.insert(releases).values(rows);
    releaseOfProduct.set(
      productId,
      rows.map((r) => r.id),
    );
    const components = ctx.componentIds.filter((c) => ctx.productOfComponent.get(c) === productId);
    await db.insert(releaseComponents).values(rows.flatMap((r) => components.map((componentId) => ({ workspaceId, releaseId: r.id, componentId }))));
  }

  const byProduct = new Map<string, string[]>();
  const rank = new Map<string, number>();
  for (let i = 0; i < featureCount; i += 1_000) {
    const rows = Array.from({ length: Math.min(1_000, featureCount - i) }, (_, j) => {
      const n = i + j;
      const componentId = ctx.componentIds[n % ctx.componentIds.length]!;
      const productId = ctx.productOfComponent.get(componentId)!;
      const onBoard = random() < 0.3;
      const horizon = onBoard ? pick(['now', 'next', 'later'] as const) : null;
      const status = onBoard ? pick(['planned', 'planned', 'in_progress', 'discovery'] as const) : pick(['idea', 'idea', 'shipped', 'wont_do', 'discovery'] as const);
      const startWeek = horizon === 'now' ? Math.floor(random() * 10) : horizon === 'next' ? 13 + Math.floor(random() * 10) : null;
      const weeks = 2 + Math.floor(random() * 8);
      const lane = `${componentId}:${horizon ?? ''}`;
      const boardRank = (rank.get(lane) ?? 0) + 1;
      rank.set(lane, boardRank);
      const id = newId();
      const pool = byProduct.get(productId) ?? [];
      pool.push(id);
      byProduct.set(productId, pool);
      const effort = 1 + Math.floor(random() * 13);
      return {
        id,
        workspaceId,
        componentId,
        title: `${pick(VERBS)} ${pick(NOUNS)} ${n + 1}`,
        description: '',
        ownerId: ctx.ownerOfComponent.get(componentId) ?? null,
        status,
        effort,
        horizon,
        startDate: startWeek === null ? null : iso(new Date(q0.getTime() + startWeek * 7 * DAY)),
        endDate: startWeek === null ? null : iso(new Date(q0.getTime() + (startWeek + weeks) * 7 * DAY - DAY)),
        releaseId: onBoard && random() < 0.5 ? pick(releaseOfProduct.get(productId)!) : null,
        boardRank,
        scoreInputs: {
          rice: { reach: Math.round(100 + random() * 50_000), impact: pick([0.25, 0.5, 1, 2, 3]), confidence: pick([0.5, 0.8, 1]), effort },
          ice: { impact: 1 + Math.floor(random() * 10), confidence: 1 + Math.floor(random() * 10), ease: 1 + Math.floor(random() * 10) },
        },
      };
    });
    await db.insert(features).values(rows);
  }

  // Edges point from a feature to one created earlier in the same product: never a cycle.
  const seen = new Set<string>();
  const edges: { id: string; workspaceId: string; featureId: string; dependsOnId: string }[] = [];
  const pools = [...byProduct.values()].filter((p) => p.length > 1);
  for (let tries = 0; edges.length < dependencyCount && pools.length && tries < dependencyCount * 10; tries++) {
    const pool = pick(pools);
    const a = 1 + Math.floor(random() * (pool.length - 1));
    const b = Math.floor(random() * a);
    const key = `${pool[a]}>${pool[b]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ id: newId(), workspaceId, featureId: pool[a]!, dependsOnId: pool[b]! });
  }
  for (let i = 0; i < edges.length; i += 1_000) await db.insert(dependencies).values(edges.slice(i, i + 1_000));

  const next = new Date(Date.UTC(q0.getUTCFullYear(), q0.getUTCMonth() + 3, 1));
  await db.insert(capacities).values(
    ctx.componentIds.flatMap((componentId) => [
      { workspaceId, componentId, quarter: quarterOf(q0), capacity: 40 },
      { workspaceId, componentId, quarter: quarterOf(next), capacity: 40 },
    ]),
  );
  // The embedded database has no autovacuum: without fresh statistics its planner misjudges every join.
  for (const table of ['features', 'dependencies', 'releases', 'release_components', 'capacities']) await db.execute(sql.raw(`analyze ${table}`));
  return { features: featureCount, dependencies: edges.length };
}
