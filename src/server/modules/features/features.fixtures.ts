/**
 * Test-only factories for the features tests: products, components and releases through their
 * modules' routes where those exist; roadmap settings and releases straight into the database,
 * because the modules that own their routes are built alongside this one. Never imported by
 * application code.
 */
import { randomUUID } from 'node:crypto';
import { releases, roadmapSettings } from '../../db/schema/index.js';
import { testDatabase } from '../../test/database.js';
import type { Fixture } from '../../test/helpers.js';

function created(res: { statusCode: number; body: string; json: <T>() => T }, what: string): string {
  if (res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** A product through the API. */
export async function seedProduct(f: Fixture, name = 'Fleet'): Promise<string> {
  return created(await f.admin.post(`${f.w}/products`, { name }), 'product');
}

/** A component through the API, owned by `ownerId` (a member id) when given. */
export async function seedComponent(f: Fixture, productId: string, name: string, ownerId?: string): Promise<string> {
  return created(await f.admin.post(`${f.w}/products/${productId}/components`, { name, ...(ownerId ? { ownerId } : {}) }), 'component');
}

/** A feature through the API (as the admin). */
export async function seedFeature(f: Fixture, body: Record<string, unknown> & { componentId: string; title: string }): Promise<{ id: string; version: number }> {
  const res = await f.admin.post(`${f.w}/features`, body);
  if (res.statusCode !== 201) throw new Error(`feature: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string; version: number }>();
}

/** A release of a product, written directly. */
export async function seedRelease(f: Fixture, productId: string, name: string): Promise<string> {
  const { db } = await testDatabase();
  const id = randomUUID();
  await db.insert(releases).values({ id, workspaceId: f.workspaceId, productId, name });
  return id;
}

/** Sets the fields the workspace hides from stakeholders (what the roadmap settings page saves). */
export async function setInternalFields(f: Fixture, fields: string[]): Promise<void> {
  const { db } = await testDatabase();
  await db
    .insert(roadmapSettings)
    .values({ workspaceId: f.workspaceId, internalFields: fields })
    .onConflictDoUpdate({ target: roadmapSettings.workspaceId, set: { internalFields: fields } });
}
