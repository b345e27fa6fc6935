/**
 * Test-only factories for the records other modules own (customers, contacts, feedback). They go
 * through those modules' HTTP routes, as a person would; only `markMerged` and `feedbackState` touch
 * the database, to set up and observe a state the roll-ups must handle however a merge produced it.
 * Never imported by application code.
 */
import { eq } from 'drizzle-orm';
import { feedback } from '../../db/schema/index.js';
import { testDatabase } from '../../test/database.js';
import type { Fixture } from '../../test/helpers.js';

function created(res: { statusCode: number; body: string; json: <T>() => T }, what: string): string {
  if (res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** Creates a customer through the API and returns its id. */
export async function seedCustomer(f: Fixture, c: { name: string; segment?: string; arr?: string }): Promise<string> {
  return created(await f.admin.post(`${f.w}/customers`, { name: c.name, segment: c.segment ?? '', arr: c.arr ?? '0' }), 'customer');
}

/** Adds a contact to a customer through the API and returns its id. */
export async function seedContact(f: Fixture, customerId: string, name: string): Promise<string> {
  return created(await f.admin.post(`${f.w}/customers/${customerId}/contacts`, { name }), 'contact');
}

/** Captures a feedback item through the API and returns its id. */
export async function seedFeedback(f: Fixture, fb: { text: string; source?: string; customerId?: string | null; capturedAt?: Date; importance?: number }): Promise<string> {
  const body = {
    text: fb.text,
    source: fb.source ?? 'support',
    ...(fb.customerId ? { customerId: fb.customerId } : {}),
    ...(fb.capturedAt ? { capturedAt: fb.capturedAt.toISOString() } : {}),
    ...(fb.importance ? { importance: fb.importance } : {}),
  };
  return created(await f.admin.post(`${f.w}/feedback`, body), 'feedback');
}

/** Points a duplicate at the item it was merged into, leaving its links where they are. */
export async function markMerged(duplicateId: string, intoId: string): Promise<void> {
  const { db } = await testDatabase();
  await db.update(feedback).set({ mergedIntoId: intoId }).where(eq(feedback.id, duplicateId));
}

/** Reads a feedback item's status and version. */
export async function feedbackState(feedbackId: string): Promise<{ status: string; version: number } | undefined> {
  const { db } = await testDatabase();
  const [r] = await db.select({ status: feedback.status, version: feedback.version }).from(feedback).where(eq(feedback.id, feedbackId));
  return r;
}
