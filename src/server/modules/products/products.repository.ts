import { and, eq, sql } from 'drizzle-orm';
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

interface ComponentJson {
  id: string;
  workspace_id: string;
  product_id: string;
  name: string;
  description: string;
  owner_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  owner_name: string | null;
  team: string[];
}

function toComponent(c: ComponentJson): ComponentFull {
  return {
    id: c.id,
    workspaceId: c.workspace_id,
    productId: c.product_id,
    name: c.name,
    description: c.description,
    ownerId: c.owner_id,
    version: c.version,
    createdAt: new Date(c.created_at),
    updatedAt: new Date(c.updated_at),
    ownerName: c.owner_name,
    teamMemberIds: c.team,
  };
}

/**
 * Products with their components, owners' names and teams in ONE round trip: the structure endpoint is
 * the hottest read of the app, and on the embedded database every query queues behind the others.
 */
async function loadProducts(db: Db, workspaceId: string, productId?: string): Promise<ProductFull[]> {
  const result = await db.execute(sql`
    select coalesce(json_agg(json_build_object(
      'id', p.id, 'workspace_id', p.workspace_id, 'name', p.name, 'description', p.description, 'version', p.version,
      'created_at', p.created_at, 'updated_at', p.updated_at,
      'components', coalesce((
        select json_agg(json_build_object(
          'id', c.id, 'workspace_id', c.workspace_id, 'product_id', c.product_id, 'name', c.name, 'description', c.description,
          'owner_id', c.owner_id, 'version', c.version, 'created_at', c.created_at, 'updated_at', c.updated_at,
          'owner_name', u.name,
          'team', coalesce((select json_agg(cm.member_id order by cm.member_id) from ${componentMembers} cm where cm.component_id = c.id), '[]'::json)
        ) order by c.name, c.id)
        from ${components} c
        left join ${members} m on m.id = c.owner_id
        left join ${user} u on u.id = m.user_id
        where c.product_id = p.id and c.workspace_id = p.workspace_id), '[]'::json)
    ) order by p.name, p.id), '[]'::json) as products
    from ${products} p
    where p.workspace_id = ${workspaceId} ${productId ? sql`and p.id = ${productId}` : sql``}`);
  const rows = (result as unknown as { rows: { products: unknown }[] }).rows;
  const raw = rows[0]?.products;
  const list = (typeof raw === 'string' ? JSON.parse(raw) : raw) as (Omit<ProductRow, 'createdAt' | 'updatedAt' | 'workspaceId'> & {
    workspace_id: string;
    created_at: string;
    updated_at: string;
    components: ComponentJson[];
  })[];
  return list.map((p) => ({
    id: p.id,
    workspaceId: p.workspace_id,
    name: p.name,
    description: p.description,
    version: p.version,
    createdAt: new Date(p.created_at),
    updatedAt: new Date(p.updated_at),
    components: p.components.map(toComponent),
  }));
}

/** Every product of the workspace with its components, owners and teams. */
export async function listProductRows(db: Db, workspaceId: string): Promise<ProductFull[]> {
  return loadProducts(db, workspaceId);
}

export async function findProductRow(db: Db, workspaceId: string, productId: string): Promise<ProductFull | undefined> {
  return (await loadProducts(db, workspaceId, productId))[0];
}

export async function findComponentRow(db: Db, workspaceId: string, productId: string, componentId: string): Promise<ComponentFull | undefined> {
  return (await findProductRow(db, workspaceId, productId))?.components.find((c) => c.id === componentId);
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
