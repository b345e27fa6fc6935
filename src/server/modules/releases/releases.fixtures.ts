/**
 * Test-only factories for the releases and capacity tests. Products and components go through the API;
 * features are written to their table, because the features module is built alongside this one and the
 * tests need states (shipped, internal, requirements, any dates) without depending on its rules.
 * Never imported by application code.
 */
import { eq } from 'drizzle-orm';
import { features, featureRequirements, roadmapSettings } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { testDatabase } from '../../test/database.js';
import type { Fixture } from '../../test/helpers.js';

function created(res: { statusCode: number; body: string; json: <T>() => T }, what: string): string {
  if (res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** A product with named components, made through the API; returns their ids. */
export async function seedProduct(f: Fixture, name: string, componentNames: string[], ownerId?: string): Promise<{ productId: string; componentIds: string[] }> {
  const productId = created(await f.admin.post(`${f.w}/products`, { name }), 'product');
  const componentIds: string[] = [];
  for (const c of componentNames) {
    componentIds.push(created(await f.admin.post(`${f.w}/products/${productId}/components`, { name: c, ...(ownerId ? { ownerId } : {}) }), 'component'));
  }
  return { productId, componentIds };
}

export interface FeatureSeed {
  componentId: string;
  title: string;
  status?: string;
  effort?: number | null;
  horizon?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  releaseId?: string | null;
  internal?: boolean;
  description?: string;
  requirements?: string;
}

/** Writes a feature (and its requirements document) of the fixture's workspace; returns its id. */
export async function seedFeature(f: Fixture, s: FeatureSeed): Promise<string> {
  const { db } = await testDatabase();
  const id = newId();
  await db.insert(features).values({
    id,
    workspaceId: f.workspaceId,
    componentId: s.componentId,
    title: s.title,
    description: s.description ?? '',
    status: s.status ?? 'planned',
    effort: s.effort ?? null,
    horizon: s.horizon ?? null,
    startDate: s.startDate ?? null,
    endDate: s.endDate ?? null,
    releaseId: s.releaseId ?? null,
    internal: s.internal ?? false,
  });
  if (s.requirements !== undefined) await db.insert(featureRequirements).values({ featureId: id, workspaceId: f.workspaceId, body: s.requirements });
  return id;
}

/** The release a feature is assigned to, read from its row. */
export async function releaseOf(featureId: string): Promise<string | null | undefined> {
  const { db } = await testDatabase();
  const [r] = await db.select({ releaseId: features.releaseId }).from(features).where(eq(features.id, featureId));
  return r?.releaseId;
}

/** Sets the workspace's capacity unit, as the roadmap settings would. */
export async function setCapacityUnit(f: Fixture, unit: 'points' | 'person_weeks'): Promise<void> {
  const { db } = await testDatabase();
  await db.insert(roadmapSettings).values({ workspaceId: f.workspaceId, capacityUnit: unit }).onConflictDoUpdate({ target: roadmapSettings.workspaceId, set: { capacityUnit: unit } });
}
