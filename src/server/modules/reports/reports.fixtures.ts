/**
 * Test-only rows for the report tests, written straight to the database: status updates, decisions,
 * customers and dependencies belong to other modules, whose routes these tests must not depend on.
 * Never imported by application code.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { customers, decisions, dependencies, reportShareLinks, statusUpdates } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';

export async function insertStatusUpdate(db: Db, row: { workspaceId: string; componentId: string; period: string; health: string; summary: string; highlights?: string; risks?: string; asks?: string }): Promise<void> {
  await db.insert(statusUpdates).values({ id: newId(), ...row });
}

export async function insertDecision(
  db: Db,
  row: { workspaceId: string; title: string; action: string; rationale: string; productId?: string | null; componentId?: string | null; featureId?: string | null },
): Promise<void> {
  await db.insert(decisions).values({ id: newId(), ...row });
}

export async function insertCustomer(db: Db, row: { workspaceId: string; name: string; arr: string }): Promise<void> {
  await db.insert(customers).values({ id: newId(), ...row });
}

export async function insertDependency(db: Db, row: { workspaceId: string; featureId: string; dependsOnId: string; note: string }): Promise<void> {
  await db.insert(dependencies).values({ id: newId(), ...row });
}

/** Moves a share link's expiry into the past, as if time had passed. */
export async function expireShareLink(db: Db, linkId: string): Promise<void> {
  await db.update(reportShareLinks).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(reportShareLinks.id, linkId));
}

/** The stored token hash of a link (to check the token itself is never stored). */
export async function shareLinkHash(db: Db, linkId: string): Promise<string | null> {
  const [row] = await db.select({ h: reportShareLinks.tokenHash }).from(reportShareLinks).where(eq(reportShareLinks.id, linkId));
  return row?.h ?? null;
}
