import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  contacts,
  customers,
  discoverySettings,
  evidence,
  experimentOpportunities,
  experiments,
  feedback,
  feedbackComponents,
  interviews,
  opportunities,
  opportunityComponents,
} from '../../db/schema/index.js';

/**
 * A workspace's discovery rows. Ties on created_at (rows made in one transaction) are broken by content,
 * so an imported copy exports in the same order.
 */
export async function readDiscoveryRows(db: Db, workspaceId: string) {
  const [c, ct, iv, fb, fc, op, oc, ev, ex, eo, st] = await Promise.all([
    db.select().from(customers).where(eq(customers.workspaceId, workspaceId)).orderBy(asc(customers.createdAt), asc(customers.name), asc(customers.id)),
    db.select().from(contacts).where(eq(contacts.workspaceId, workspaceId)).orderBy(asc(contacts.createdAt), asc(contacts.name), asc(contacts.id)),
    db.select().from(interviews).where(eq(interviews.workspaceId, workspaceId)).orderBy(asc(interviews.date), asc(interviews.title), asc(interviews.id)),
    db.select().from(feedback).where(eq(feedback.workspaceId, workspaceId)).orderBy(asc(feedback.capturedAt), asc(feedback.text), asc(feedback.id)),
    db.select().from(feedbackComponents).where(eq(feedbackComponents.workspaceId, workspaceId)),
    db.select().from(opportunities).where(eq(opportunities.workspaceId, workspaceId)).orderBy(asc(opportunities.createdAt), asc(opportunities.title), asc(opportunities.id)),
    db.select().from(opportunityComponents).where(eq(opportunityComponents.workspaceId, workspaceId)),
    db.select().from(evidence).where(eq(evidence.workspaceId, workspaceId)),
    db.select().from(experiments).where(eq(experiments.workspaceId, workspaceId)).orderBy(asc(experiments.createdAt), asc(experiments.hypothesis), asc(experiments.id)),
    db.select().from(experimentOpportunities).where(eq(experimentOpportunities.workspaceId, workspaceId)),
    db.select().from(discoverySettings).where(eq(discoverySettings.workspaceId, workspaceId)),
  ]);
  return { customers: c, contacts: ct, interviews: iv, feedback: fb, feedbackComponents: fc, opportunities: op, opportunityComponents: oc, evidence: ev, experiments: ex, experimentOpportunities: eo, settings: st[0] ?? null };
}

type Rows<T extends { $inferInsert: unknown }> = T['$inferInsert'][];

/** Inserts imported discovery rows in dependency order, in chunks. */
export async function insertDiscoveryImport(
  db: Db,
  rows: {
    customers: Rows<typeof customers>;
    contacts: Rows<typeof contacts>;
    interviews: Rows<typeof interviews>;
    feedback: Rows<typeof feedback>;
    feedbackComponents: Rows<typeof feedbackComponents>;
    opportunities: Rows<typeof opportunities>;
    opportunityComponents: Rows<typeof opportunityComponents>;
    evidence: Rows<typeof evidence>;
    experiments: Rows<typeof experiments>;
    experimentOpportunities: Rows<typeof experimentOpportunities>;
    settings: Rows<typeof discoverySettings>;
  },
): Promise<void> {
  const chunks = <T>(list: T[], n = 500) => Array.from({ length: Math.ceil(list.length / n) }, (_, i) => list.slice(i * n, i * n + n));
  for (const c of chunks(rows.customers)) await db.insert(customers).values(c);
  for (const c of chunks(rows.contacts)) await db.insert(contacts).values(c);
  for (const c of chunks(rows.interviews)) await db.insert(interviews).values(c);
  // Merged items point at other feedback: insert without the pointer, then set it.
  const merged = rows.feedback.filter((f) => f.mergedIntoId);
  for (const c of chunks(rows.feedback.map((f) => ({ ...f, mergedIntoId: null })))) await db.insert(feedback).values(c);
  for (const f of merged) await db.update(feedback).set({ mergedIntoId: f.mergedIntoId }).where(eq(feedback.id, f.id!));
  for (const c of chunks(rows.feedbackComponents)) await db.insert(feedbackComponents).values(c);
  for (const c of chunks(rows.opportunities)) await db.insert(opportunities).values(c);
  for (const c of chunks(rows.opportunityComponents)) await db.insert(opportunityComponents).values(c);
  for (const c of chunks(rows.evidence)) await db.insert(evidence).values(c);
  for (const c of chunks(rows.experiments)) await db.insert(experiments).values(c);
  for (const c of chunks(rows.experimentOpportunities)) await db.insert(experimentOpportunities).values(c);
  for (const c of chunks(rows.settings)) await db.insert(discoverySettings).values(c);
}
