import { mergeFeedbackPendingLists } from '../feedback/feedback-import.repository.js';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  contacts,
  customers,
  evidence,
  experimentOpportunities,
  experiments,
  feedback,
  feedbackComponents,
  interviews,
  opportunities,
  opportunityComponents,
} from '../../db/schema/index.js';

/** Inserts the demo's discovery records in dependency order. */
export async function insertDiscoveryRows(
  db: Db,
  rows: {
    customers: (typeof customers.$inferInsert)[];
    contacts: (typeof contacts.$inferInsert)[];
    interviews: (typeof interviews.$inferInsert)[];
    feedback: (typeof feedback.$inferInsert)[];
    feedbackComponents: (typeof feedbackComponents.$inferInsert)[];
    opportunities: (typeof opportunities.$inferInsert)[];
    opportunityComponents: (typeof opportunityComponents.$inferInsert)[];
    evidence: (typeof evidence.$inferInsert)[];
    experiments: (typeof experiments.$inferInsert)[];
    experimentOpportunities: (typeof experimentOpportunities.$inferInsert)[];
  },
): Promise<void> {
  if (rows.customers.length) await db.insert(customers).values(rows.customers);
  if (rows.contacts.length) await db.insert(contacts).values(rows.contacts);
  if (rows.interviews.length) await db.insert(interviews).values(rows.interviews);
  if (rows.feedback.length) await db.insert(feedback).values(rows.feedback);
  if (rows.feedbackComponents.length) await db.insert(feedbackComponents).values(rows.feedbackComponents);
  if (rows.opportunities.length) await db.insert(opportunities).values(rows.opportunities);
  if (rows.opportunityComponents.length) await db.insert(opportunityComponents).values(rows.opportunityComponents);
  if (rows.evidence.length) await db.insert(evidence).values(rows.evidence);
  if (rows.experiments.length) await db.insert(experiments).values(rows.experiments);
  if (rows.experimentOpportunities.length) await db.insert(experimentOpportunities).values(rows.experimentOpportunities);
}

/** Refreshes the planner's statistics after a bulk load (PGlite has no autovacuum to do it). */
export async function analyzeDiscovery(db: Db): Promise<void> {
  await db.execute(sql`analyze customers`);
  await db.execute(sql`analyze feedback`);
  await db.execute(sql`analyze feedback_components`);
  await mergeFeedbackPendingLists(db);
}
