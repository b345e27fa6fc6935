/**
 * Test-only rows for the decision log and won't-do tests, written straight to the database: requests
 * and decisions are the requests module's to write, and these tests must not depend on its routes.
 * Never imported by application code.
 */
import { decisions, requestCustomers, requests, type DecisionEvidenceLink } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { testDatabase } from '../../test/database.js';

export type RequestInput = Partial<typeof requests.$inferInsert> & { workspaceId: string; title: string };
export type DecisionInput = Partial<typeof decisions.$inferInsert> & { workspaceId: string; title: string; action: string; evidence?: DecisionEvidenceLink[] };

/** A request row (status new unless given); returns its id. */
export async function insertRequest(input: RequestInput, customerIds: string[] = []): Promise<string> {
  const { db } = await testDatabase();
  const id = input.id ?? newId();
  await db.insert(requests).values({ requesterType: 'customer', ...input, id });
  if (customerIds.length) await db.insert(requestCustomers).values(customerIds.map((customerId) => ({ workspaceId: input.workspaceId, requestId: id, customerId })));
  return id;
}

/** A decision row; returns its id. */
export async function insertDecision(input: DecisionInput): Promise<string> {
  const { db } = await testDatabase();
  const id = input.id ?? newId();
  await db.insert(decisions).values({ ...input, id });
  return id;
}

/** Many decisions at once (for paging and search tests). */
export async function insertDecisions(rows: DecisionInput[]): Promise<void> {
  const { db } = await testDatabase();
  await db.insert(decisions).values(rows.map((r) => ({ ...r, id: r.id ?? newId() })));
}
