import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  capacities,
  dependencies,
  featureEvidence,
  featureExperiments,
  featureRequirementRevisions,
  featureRequirements,
  features,
  opportunities,
  pillars,
  prioritizationFrameworks,
  releaseComponents,
  releases,
  roadmapSettings,
  savedViews,
} from '../../db/schema/index.js';

/**
 * A workspace's roadmap rows. Ties on created_at (rows made in one transaction) are broken by content,
 * so an imported copy exports in the same order; rows whose order follows their parents' (evidence,
 * dependencies, capacities…) are sorted by the caller.
 */
export async function readRoadmapRows(db: Db, workspaceId: string) {
  const [rl, rc, ft, rq, rv, ev, fx, dp, fw, cp, st, vw, pl, op] = await Promise.all([
    db.select().from(releases).where(eq(releases.workspaceId, workspaceId)).orderBy(asc(releases.createdAt), asc(releases.name), asc(releases.date), asc(releases.id)),
    db.select().from(releaseComponents).where(eq(releaseComponents.workspaceId, workspaceId)),
    db
      .select()
      .from(features)
      .where(eq(features.workspaceId, workspaceId))
      .orderBy(asc(features.createdAt), asc(features.title), asc(features.boardRank), asc(features.description), asc(features.id)),
    db.select().from(featureRequirements).where(eq(featureRequirements.workspaceId, workspaceId)),
    db.select().from(featureRequirementRevisions).where(eq(featureRequirementRevisions.workspaceId, workspaceId)).orderBy(asc(featureRequirementRevisions.revision)),
    db.select().from(featureEvidence).where(eq(featureEvidence.workspaceId, workspaceId)),
    db.select().from(featureExperiments).where(eq(featureExperiments.workspaceId, workspaceId)),
    db.select().from(dependencies).where(eq(dependencies.workspaceId, workspaceId)),
    db
      .select()
      .from(prioritizationFrameworks)
      .where(eq(prioritizationFrameworks.workspaceId, workspaceId))
      .orderBy(asc(prioritizationFrameworks.position), asc(prioritizationFrameworks.name), asc(prioritizationFrameworks.createdAt), asc(prioritizationFrameworks.id)),
    db.select().from(capacities).where(eq(capacities.workspaceId, workspaceId)),
    db.select().from(roadmapSettings).where(eq(roadmapSettings.workspaceId, workspaceId)),
    db.select().from(savedViews).where(eq(savedViews.workspaceId, workspaceId)).orderBy(asc(savedViews.createdAt), asc(savedViews.name), asc(savedViews.id)),
    db.select().from(pillars).where(eq(pillars.workspaceId, workspaceId)).orderBy(asc(pillars.position), asc(pillars.name), asc(pillars.id)),
    db
      .select({ id: opportunities.id, pillarId: opportunities.pillarId })
      .from(opportunities)
      .where(and(eq(opportunities.workspaceId, workspaceId), isNotNull(opportunities.pillarId))),
  ]);
  return {
    releases: rl,
    releaseComponents: rc,
    features: ft,
    requirements: rq,
    revisions: rv,
    evidence: ev,
    experiments: fx,
    dependencies: dp,
    frameworks: fw,
    capacities: cp,
    settings: st[0] ?? null,
    views: vw,
    pillars: pl,
    /** Opportunities linked to a pillar (the pillars list them). */
    opportunityPillars: op as { id: string; pillarId: string }[],
  };
}

type Rows<T extends { $inferInsert: unknown }> = T['$inferInsert'][];

export interface RoadmapImportRows {
  pillars: Rows<typeof pillars>;
  /** Opportunities (imported with the discovery section) to link to their imported pillar. */
  opportunityPillars: { opportunityId: string; pillarId: string }[];
  releases: Rows<typeof releases>;
  releaseComponents: Rows<typeof releaseComponents>;
  features: Rows<typeof features>;
  requirements: Rows<typeof featureRequirements>;
  revisions: Rows<typeof featureRequirementRevisions>;
  evidence: Rows<typeof featureEvidence>;
  experiments: Rows<typeof featureExperiments>;
  dependencies: Rows<typeof dependencies>;
  frameworks: Rows<typeof prioritizationFrameworks>;
  capacities: Rows<typeof capacities>;
  settings: Rows<typeof roadmapSettings>;
  views: Rows<typeof savedViews>;
}

/** Inserts imported roadmap rows in dependency order (releases before the features in them), in chunks. */
export async function insertRoadmapImport(db: Db, rows: RoadmapImportRows): Promise<void> {
  const chunks = <T>(list: T[], n = 500) => Array.from({ length: Math.ceil(list.length / n) }, (_, i) => list.slice(i * n, i * n + n));
  for (const c of chunks(rows.releases)) await db.insert(releases).values(c);
  for (const c of chunks(rows.releaseComponents)) await db.insert(releaseComponents).values(c);
  for (const c of chunks(rows.pillars)) await db.insert(pillars).values(c);
  const byPillar = new Map<string, string[]>();
  for (const l of rows.opportunityPillars) byPillar.set(l.pillarId, [...(byPillar.get(l.pillarId) ?? []), l.opportunityId]);
  for (const [pillarId, ids] of byPillar) {
    for (const c of chunks(ids)) await db.update(opportunities).set({ pillarId }).where(inArray(opportunities.id, c));
  }
  for (const c of chunks(rows.features)) await db.insert(features).values(c);
  for (const c of chunks(rows.requirements)) await db.insert(featureRequirements).values(c);
  for (const c of chunks(rows.revisions)) await db.insert(featureRequirementRevisions).values(c);
  for (const c of chunks(rows.evidence)) await db.insert(featureEvidence).values(c);
  for (const c of chunks(rows.experiments)) await db.insert(featureExperiments).values(c);
  for (const c of chunks(rows.dependencies)) await db.insert(dependencies).values(c);
  for (const c of chunks(rows.frameworks)) await db.insert(prioritizationFrameworks).values(c);
  for (const c of chunks(rows.capacities)) await db.insert(capacities).values(c);
  for (const c of chunks(rows.settings)) await db.insert(roadmapSettings).values(c);
  for (const c of chunks(rows.views)) await db.insert(savedViews).values(c);
}
