import { inArray, and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  capacities,
  dependencies,
  featureEvidence,
  featureRequirementRevisions,
  featureRequirements,
  features,
  opportunities,
  releaseComponents,
  releases,
} from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { DEMO_OPPORTUNITIES } from './demo-discovery.data.js';
import { DEMO_CAPACITY, DEMO_DEPENDENCIES, DEMO_FEATURES, DEMO_RELEASES, DEMO_REQUIREMENTS } from './demo-roadmap.data.js';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The first day of the quarter holding `now` (UTC). */
export function quarterStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
}

/** 'YYYY-Qn' of a date. */
export function quarterOf(d: Date): string {
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/**
 * Seeds the demo workspace's roadmap: about 60 features over the five components, requirements for
 * three of them, score inputs, ten dependencies (two in conflict), two releases and this and next
 * quarter's capacities. Opportunities are matched by their demo titles.
 */
export async function seedDemoRoadmap(
  db: Db,
  ctx: { workspaceId: string; productId: string; memberIds: Map<string, string>; componentIds: Map<string, string>; componentOwners: Map<string, string>; now?: Date },
): Promise<{ features: number; dependencies: number; releases: number }> {
  const { workspaceId } = ctx;
  const q0 = quarterStart(ctx.now ?? new Date());
  const at = (weeks: number) => new Date(q0.getTime() + weeks * 7 * DAY);

  const releaseIds = new Map<string, string>();
  const releaseRows = DEMO_RELEASES.map((r) => {
    const id = newId();
    releaseIds.set(r.key, id);
    const date = at(r.weeksFromQuarterStart);
    return { id, workspaceId, productId: ctx.productId, name: r.name, description: r.description, date: iso(date), status: date.getTime() < Date.now() ? 'released' : 'planned' };
  });
  await db.insert(releases).values(releaseRows);

  const featureIds = new Map<string, string>();
  const lanes = new Map<string, number>();
  const featureRows = DEMO_FEATURES.map((f) => {
    const id = newId();
    featureIds.set(f.key, id);
    const componentId = ctx.componentIds.get(f.component)!;
    const lane = `${componentId}:${f.horizon ?? ''}`;
    const rank = (lanes.get(lane) ?? 0) + 1;
    lanes.set(lane, rank);
    const scoreInputs: Record<string, Record<string, number>> = {};
    if (f.rice) scoreInputs.rice = { reach: f.rice[0], impact: f.rice[1], confidence: f.rice[2], effort: f.rice[3] };
    if (f.ice) scoreInputs.ice = { impact: f.ice[0], confidence: f.ice[1], ease: f.ice[2] };
    return {
      id,
      workspaceId,
      componentId,
      title: f.title,
      description: f.description,
      ownerId: (f.owner ? ctx.memberIds.get(f.owner) : undefined) ?? ctx.componentOwners.get(f.component) ?? null,
      status: f.status,
      effort: f.effort,
      horizon: f.horizon,
      startDate: f.start === null ? null : iso(at(f.start)),
      endDate: f.start === null || f.weeks === null ? null : iso(new Date(at(f.start + f.weeks).getTime() - DAY)),
      releaseId: f.release ? (releaseIds.get(f.release) ?? null) : null,
      boardRank: rank,
      internal: f.internal ?? false,
      public: f.public ?? false,
      scoreInputs,
    };
  });
  await db.insert(features).values(featureRows);
  await db.insert(releaseComponents).values(
    DEMO_RELEASES.flatMap((r) => {
      const used = new Set(DEMO_FEATURES.filter((f) => f.release === r.key).map((f) => ctx.componentIds.get(f.component)!));
      return [...used].map((componentId) => ({ workspaceId, releaseId: releaseIds.get(r.key)!, componentId }));
    }),
  );

  const author = ctx.memberIds.get('maya') ?? null;
  const requirementRows = Object.entries(DEMO_REQUIREMENTS).map(([key, body]) => ({ featureId: featureIds.get(key)!, workspaceId, body, revision: 1, updatedById: author }));
  await db.insert(featureRequirements).values(requirementRows);
  await db.insert(featureRequirementRevisions).values(requirementRows.map((r) => ({ id: newId(), workspaceId, featureId: r.featureId, revision: 1, body: r.body, authorId: author })));

  await db.insert(dependencies).values(DEMO_DEPENDENCIES.map(([a, b]) => ({ id: newId(), workspaceId, featureId: featureIds.get(a)!, dependsOnId: featureIds.get(b)!, createdById: author })));

  // Opportunities answered by features, found by their demo titles.
  const titles = [...new Set(DEMO_FEATURES.flatMap((f) => f.opportunities ?? []))].map((k) => DEMO_OPPORTUNITIES[k]?.title).filter((t): t is string => Boolean(t));
  const found = titles.length
    ? await db.select({ id: opportunities.id, title: opportunities.title }).from(opportunities).where(and(eq(opportunities.workspaceId, workspaceId), inArray(opportunities.title, titles)))
    : [];
  const opportunityByTitle = new Map(found.map((o) => [o.title, o.id]));
  const evidenceRows = DEMO_FEATURES.flatMap((f) =>
    (f.opportunities ?? []).flatMap((k) => {
      const opportunityId = opportunityByTitle.get(DEMO_OPPORTUNITIES[k]?.title ?? '');
      return opportunityId ? [{ id: newId(), workspaceId, featureId: featureIds.get(f.key)!, opportunityId, createdById: author }] : [];
    }),
  );
  if (evidenceRows.length) await db.insert(featureEvidence).values(evidenceRows);

  const next = new Date(Date.UTC(q0.getUTCFullYear(), q0.getUTCMonth() + 3, 1));
  await db.insert(capacities).values(
    Object.entries(DEMO_CAPACITY).flatMap(([component, [now, later]]) => [
      { workspaceId, componentId: ctx.componentIds.get(component)!, quarter: quarterOf(q0), capacity: now },
      { workspaceId, componentId: ctx.componentIds.get(component)!, quarter: quarterOf(next), capacity: later },
    ]),
  );
  return { features: featureRows.length, dependencies: DEMO_DEPENDENCIES.length, releases: releaseRows.length };
}
