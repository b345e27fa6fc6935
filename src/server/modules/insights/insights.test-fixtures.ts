import { lshColumn } from './text/lsh.js';
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { customers, evidence, feedback, opportunities } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';

/**
 * Test-only rows, written straight to the database: the feedback and opportunity routes are another
 * module's, and these tests must not depend on their shape. Not imported by production code.
 */
export async function seedFeedback(db: Db, workspaceId: string, texts: string[], extra: { customerName?: string; status?: string } = {}): Promise<string[]> {
  let customerId: string | null = null;
  if (extra.customerName) {
    customerId = newId();
    await db.insert(customers).values({ id: customerId, workspaceId, name: extra.customerName });
  }
  const rows = texts.map((text, i) => ({
    id: newId(),
    workspaceId,
    text,
    lsh: lshColumn(text, workspaceId),
    source: 'support',
    customerId,
    status: extra.status ?? 'new',
    capturedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
    dedupeKey: createHash('sha256').update(`${text}|${i}|${Math.random()}`).digest('hex'),
  }));
  await db.insert(feedback).values(rows);
  return rows.map((r) => r.id);
}

/** An opportunity with some feedback linked as evidence. */
export async function seedOpportunity(db: Db, workspaceId: string, title: string, problem: string, feedbackIds: string[] = []): Promise<string> {
  const id = newId();
  await db.insert(opportunities).values({ id, workspaceId, title, problem });
  if (feedbackIds.length) await db.insert(evidence).values(feedbackIds.map((feedbackId) => ({ id: newId(), workspaceId, opportunityId: id, feedbackId })));
  return id;
}
