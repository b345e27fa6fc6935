/**
 * Test-only rows and reads for the requests tests, straight on the database: rationale templates belong
 * to another module's routes, and the tests check the decision log rows themselves. Never imported by
 * application code.
 */
import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { decisions, rationaleTemplates, requests } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';

export async function insertTemplate(db: Db, workspaceId: string, title: string, active = true): Promise<string> {
  const id = newId();
  await db.insert(rationaleTemplates).values({ id, workspaceId, title, body: `${title}: because`, active });
  return id;
}

export async function decisionRows(db: Db, workspaceId: string) {
  return db.select().from(decisions).where(eq(decisions.workspaceId, workspaceId)).orderBy(decisions.decidedAt);
}

export async function requestRowCount(db: Db, workspaceId: string, status?: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(requests)
    .where(status ? and(eq(requests.workspaceId, workspaceId), eq(requests.status, status)) : eq(requests.workspaceId, workspaceId));
  return Number(row?.n ?? 0);
}
