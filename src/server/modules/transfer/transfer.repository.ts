import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog, componentMembers, components, members, products, user, workspaces } from '../../db/schema/index.js';

/**
 * Every row of a workspace that an export carries. Rows made in one transaction share a timestamp, so
 * ties are broken by content, not by random ids: an import exports again in the same order.
 */
export async function readWorkspaceRows(db: Db, workspaceId: string) {
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!workspace) return undefined;
  const [memberRows, productRows, componentRows, teamRows, auditRows] = await Promise.all([
    db
      .select({ m: members, name: user.name, email: user.email })
      .from(members)
      .innerJoin(user, eq(user.id, members.userId))
      .where(eq(members.workspaceId, workspaceId))
      .orderBy(asc(members.createdAt), asc(user.email)),
    db.select().from(products).where(eq(products.workspaceId, workspaceId)).orderBy(asc(products.createdAt), asc(products.name), asc(products.id)),
    db.select().from(components).where(eq(components.workspaceId, workspaceId)).orderBy(asc(components.createdAt), asc(components.name), asc(components.id)),
    db.select().from(componentMembers).where(eq(componentMembers.workspaceId, workspaceId)).orderBy(asc(componentMembers.componentId), asc(componentMembers.memberId)),
    db.select().from(auditLog).where(eq(auditLog.workspaceId, workspaceId)).orderBy(asc(auditLog.createdAt), asc(auditLog.action), asc(auditLog.summary), asc(auditLog.id)),
  ]);
  return { workspace, memberRows, productRows, componentRows, teamRows, auditRows };
}

export async function insertRows(
  db: Db,
  rows: {
    members: (typeof members.$inferInsert)[];
    products: (typeof products.$inferInsert)[];
    components: (typeof components.$inferInsert)[];
    team: (typeof componentMembers.$inferInsert)[];
    audit: (typeof auditLog.$inferInsert)[];
  },
) {
  const chunks = <T>(list: T[], n = 500) => Array.from({ length: Math.ceil(list.length / n) }, (_, i) => list.slice(i * n, i * n + n));
  for (const c of chunks(rows.members)) await db.insert(members).values(c);
  for (const c of chunks(rows.products)) await db.insert(products).values(c);
  for (const c of chunks(rows.components)) await db.insert(components).values(c);
  for (const c of chunks(rows.team)) await db.insert(componentMembers).values(c);
  for (const c of chunks(rows.audit)) await db.insert(auditLog).values(c);
}
