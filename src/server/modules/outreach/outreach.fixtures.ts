/**
 * Test-only rows for the outreach tests, written straight to the database: requests and decisions are
 * another module's routes (built in parallel), and these tests must not depend on their shape. Never
 * imported by application code.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { components, contacts, customers, decisions, emailMessages, evidence, featureEvidence, features, feedback, jobs, members, opportunities, products, rationaleTemplates, requests } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';

export async function memberIdOf(db: Db, workspaceId: string, userId: string): Promise<string> {
  const [m] = await db.select({ id: members.id }).from(members).where(and(eq(members.workspaceId, workspaceId), eq(members.userId, userId)));
  if (!m) throw new Error(`no member for ${userId}`);
  return m.id;
}

/** A product with one component owned by `ownerId`. */
export async function seedComponent(db: Db, workspaceId: string, ownerId: string | null): Promise<{ productId: string; componentId: string }> {
  const productId = newId();
  const componentId = newId();
  await db.insert(products).values({ id: productId, workspaceId, name: 'Platform' });
  await db.insert(components).values({ id: componentId, workspaceId, productId, name: 'Checkout', ownerId });
  return { productId, componentId };
}

export async function seedFeature(db: Db, workspaceId: string, componentId: string, title: string, status = 'in_progress'): Promise<string> {
  const id = newId();
  await db.insert(features).values({ id, workspaceId, componentId, title, status });
  return id;
}

export type RequestRow = typeof requests.$inferInsert;

export async function seedRequest(db: Db, row: Omit<RequestRow, 'id' | 'search'> & { id?: string }): Promise<string> {
  const id = row.id ?? newId();
  await db.insert(requests).values({ ...row, id });
  return id;
}

export async function seedTemplate(db: Db, workspaceId: string, title: string): Promise<string> {
  const id = newId();
  await db.insert(rationaleTemplates).values({ id, workspaceId, title, body: '' });
  return id;
}

export async function seedDecision(db: Db, row: Omit<typeof decisions.$inferInsert, 'id' | 'search'>): Promise<string> {
  const id = newId();
  await db.insert(decisions).values({ ...row, id });
  return id;
}

/** A piece of feedback from a customer's contact (email optional), linked to the feature as evidence. */
/**
 * Feedback from a new contact. It is linked to the feature as evidence by default; `via: 'opportunity'`
 * links it through a new opportunity that is the feature's evidence instead, and `mergedInto` makes it
 * a duplicate merged into another feedback item (linked to nothing itself).
 */
export async function seedFeedbackFrom(
  db: Db,
  workspaceId: string,
  featureId: string,
  contact: { name: string; email: string | null },
  link: { via?: 'feature' | 'opportunity'; mergedInto?: string } = {},
): Promise<string> {
  const customerId = newId();
  const contactId = newId();
  const feedbackId = newId();
  await db.insert(customers).values({ id: customerId, workspaceId, name: `${contact.name}'s company` });
  await db.insert(contacts).values({ id: contactId, workspaceId, customerId, name: contact.name, email: contact.email });
  await db.insert(feedback).values({ id: feedbackId, workspaceId, text: `We need this (${contact.name})`, source: 'email', customerId, contactId, dedupeKey: feedbackId, lsh: [], mergedIntoId: link.mergedInto ?? null });
  if (link.mergedInto) return feedbackId;
  if (link.via === 'opportunity') {
    const opportunityId = newId();
    await db.insert(opportunities).values({ id: opportunityId, workspaceId, title: `Why ${contact.name} asks` });
    await db.insert(evidence).values({ id: newId(), workspaceId, opportunityId, feedbackId });
    await db.insert(featureEvidence).values({ id: newId(), workspaceId, featureId, opportunityId });
  } else {
    await db.insert(featureEvidence).values({ id: newId(), workspaceId, featureId, feedbackId });
  }
  return feedbackId;
}

export async function emailsOf(db: Db, workspaceId: string) {
  return db.select().from(emailMessages).where(eq(emailMessages.workspaceId, workspaceId)).orderBy(emailMessages.createdAt, emailMessages.toAddress);
}

export async function requestRow(db: Db, id: string) {
  const [r] = await db.select().from(requests).where(eq(requests.id, id));
  return r!;
}

/** The jobs of a kind whose payload points at `key` = `value`. */
export async function jobsFor(db: Db, kind: string, key: string, value: string) {
  return db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, kind), sql`${jobs.payload}->>${key} = ${value}`));
}

/** Makes those jobs due now (as if their time had come). */
export async function makeDue(db: Db, ids: string[]): Promise<void> {
  for (const id of ids) await db.update(jobs).set({ runAt: new Date(Date.now() - 1000) }).where(eq(jobs.id, id));
}

/** Defers a request `days` later than it was (as a new defer decision would). */
export async function deferLater(db: Db, id: string, days: number): Promise<void> {
  await db.execute(sql`update requests set revisit_on = revisit_on + ${days}::int where id = ${id}`);
}
