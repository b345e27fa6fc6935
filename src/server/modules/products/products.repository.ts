import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { componentMembers, components, members, products, user } from '../../db/schema/index.js';

export type ProductRow = typeof products.$inferSelect;
export type ComponentRow = typeof components.$inferSelect;
export interface ComponentFull extends ComponentRow {
  ownerName: string | null;
  teamMemberIds: string[];
}
export interface ProductFull extends ProductRow {
  components: ComponentFull[];
}

async function loadComponents(db: Db, workspaceId: string, productIds: string[], componentId?: string): Promise<ComponentFull[]> {
  if (!productIds.length) return [];
  const rows = await db
    .select({ c: components, ownerName: user.name })
    .from(components)
    .leftJoin(members, eq(members.id, components.ownerId))
    .leftJoin(user, eq(user.id, members.userId))
    .where(
      and(
        eq(components.workspaceId, workspaceId),
        inArray(components.productId, productIds),
        componentId ? eq(components.id, componentId) : undefined,
      ),
    )
    .orderBy(asc(components.name), asc(components.id));
  if (!rows.length) return [];
  const team = await db
    .select({ componentId: componentMembers.componentId, memberId: componentMembers.memberId })
    .from(componentMembers)
    .where(and(eq(componentMembers.workspaceId, workspaceId), inArray(componentMembers.componentId, rows.map((r) => r.c.id))));
  const byComponent = new Map<string, string[]>();
  for (const t of team) byComponent.set(t.componentId, [...(byComponent.get(t.componentId) ?? []), t.memberId]);
  return rows.map((r) => ({ ...r.c, ownerName: r.ownerName, teamMemberIds: byComponent.get(r.c.id) ?? [] }));
}

/** Every product of the workspace with its components, owners and teams: three queries, whatever the size. */
export async function listProductRows(db: Db, workspaceId: string): Promise<ProductFull[]> {
  const rows = await db.select().from(products).where(eq(products.workspaceId, workspaceId)).orderBy(asc(products.name), asc(products.id));
  const comps = await loadComponents(db, workspaceId, rows.map((p) => p.id));
  return rows.map((p) => ({ ...p, components: comps.filter((c) => c.productId === p.id) }));
}

export async function findProductRow(db: Db, workspaceId: string, productId: string): Promise<ProductFull | undefined> {
  const [p] = await db
    .select()
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.id, productId)));
  if (!p) return undefined;
  return { ...p, components: await loadComponents(db, workspaceId, [p.id]) };
}

export async function findComponentRow(db: Db, workspaceId: string, productId: string, componentId: string): Promise<ComponentFull | undefined> {
  return (await loadComponents(db, workspaceId, [productId], componentId))[0];
}

export async function insertProduct(db: Db, row: typeof products.$inferInsert): Promise<void> {
  await db.insert(products).values(row);
}

export async function updateProductRow(db: Db, f: { workspaceId: string; id: string; version: number }, patch: { name?: string; description?: string }) {
  const [row] = await db
    .update(products)
    .set({ ...patch, version: sql`${products.version} + 1`, updatedAt: new Date() })
    .where(and(eq(products.workspaceId, f.workspaceId), eq(products.id, f.id), eq(products.version, f.version)))
    .returning();
  return row;
}

export async function deleteProductRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(products).where(and(eq(products.workspaceId, workspaceId), eq(products.id, id)));
}

export async function insertComponent(db: Db, row: typeof components.$inferInsert): Promise<void> {
  await db.insert(components).values(row);
}

export async function updateComponentRow(
  db: Db,
  f: { workspaceId: string; id: string; version: number },
  patch: { name?: string; description?: string; ownerId?: string | null },
) {
  const [row] = await db
    .update(components)
    .set({ ...patch, version: sql`${components.version} + 1`, updatedAt: new Date() })
    .where(and(eq(components.workspaceId, f.workspaceId), eq(components.id, f.id), eq(components.version, f.version)))
    .returning();
  return row;
}

export async function deleteComponentRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(components).where(and(eq(components.workspaceId, workspaceId), eq(components.id, id)));
}

/** Replaces a component's team. */
export async function setComponentTeam(db: Db, workspaceId: string, componentId: string, memberIds: string[]): Promise<void> {
  await db.delete(componentMembers).where(and(eq(componentMembers.workspaceId, workspaceId), eq(componentMembers.componentId, componentId)));
  if (memberIds.length) {
    await db.insert(componentMembers).values([...new Set(memberIds)].map((memberId) => ({ workspaceId, componentId, memberId })));
  }
}
