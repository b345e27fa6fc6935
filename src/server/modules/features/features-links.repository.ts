import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { firstTriage } from '../feedback/feedback.repository.js';
import { customers, experiments, featureEvidence, featureExperiments, feedback, opportunities } from '../../db/schema/index.js';

export type FeatureEvidenceRow = typeof featureEvidence.$inferSelect;

/** A feedback link of a feature, with what the page shows of the feedback. */
export interface FeedbackLinkRow {
  evidenceId: string;
  feedbackId: string;
  text: string;
  quoteStart: number | null;
  quoteEnd: number | null;
  importance: number;
  source: string;
  customerId: string | null;
  customerName: string | null;
  linkedAt: Date;
}

/** An opportunity link of a feature. */
export interface OpportunityLinkRow {
  evidenceId: string;
  opportunityId: string;
  title: string;
  status: string;
  importance: number;
  linkedAt: Date;
}

/** The feedback linked directly to a feature, newest link first. */
export async function listFeedbackLinks(db: Db, workspaceId: string, featureId: string): Promise<FeedbackLinkRow[]> {
  return db
    .select({
      evidenceId: featureEvidence.id,
      feedbackId: feedback.id,
      text: feedback.text,
      quoteStart: featureEvidence.quoteStart,
      quoteEnd: featureEvidence.quoteEnd,
      importance: featureEvidence.importance,
      source: feedback.source,
      customerId: customers.id,
      customerName: customers.name,
      linkedAt: featureEvidence.createdAt,
    })
    .from(featureEvidence)
    .innerJoin(feedback, eq(feedback.id, featureEvidence.feedbackId))
    .leftJoin(customers, eq(customers.id, feedback.customerId))
    .where(and(eq(featureEvidence.workspaceId, workspaceId), eq(featureEvidence.featureId, featureId)))
    .orderBy(desc(featureEvidence.createdAt), desc(featureEvidence.id));
}

/** The opportunities linked to a feature, newest link first. */
export async function listOpportunityLinks(db: Db, workspaceId: string, featureId: string): Promise<OpportunityLinkRow[]> {
  return db
    .select({
      evidenceId: featureEvidence.id,
      opportunityId: opportunities.id,
      title: opportunities.title,
      status: opportunities.status,
      importance: featureEvidence.importance,
      linkedAt: featureEvidence.createdAt,
    })
    .from(featureEvidence)
    .innerJoin(opportunities, eq(opportunities.id, featureEvidence.opportunityId))
    .where(and(eq(featureEvidence.workspaceId, workspaceId), eq(featureEvidence.featureId, featureId)))
    .orderBy(desc(featureEvidence.createdAt), desc(featureEvidence.id));
}

/** The feedback fields a link needs, or undefined when it is not the workspace's. */
export async function findFeedbackToLink(db: Db, workspaceId: string, feedbackId: string) {
  const [r] = await db
    .select({ id: feedback.id, text: feedback.text, importance: feedback.importance })
    .from(feedback)
    .where(and(eq(feedback.workspaceId, workspaceId), eq(feedback.id, feedbackId)));
  return r;
}

/** The opportunity fields a link needs, or undefined when it is not the workspace's. */
export async function findOpportunityToLink(db: Db, workspaceId: string, opportunityId: string) {
  const [r] = await db
    .select({ id: opportunities.id, title: opportunities.title })
    .from(opportunities)
    .where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.id, opportunityId)));
  return r;
}

/** Inserts a link; false when the feature already has it (the partial unique indexes decide). */
export async function insertFeatureEvidence(db: Db, row: typeof featureEvidence.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(featureEvidence).values(row).onConflictDoNothing().returning({ id: featureEvidence.id });
  return inserted.length > 0;
}

/** Removes one link of a feature and answers what it linked; undefined when there was no such link. */
export async function deleteFeatureEvidence(db: Db, workspaceId: string, featureId: string, evidenceId: string): Promise<FeatureEvidenceRow | undefined> {
  const [gone] = await db
    .delete(featureEvidence)
    .where(and(eq(featureEvidence.workspaceId, workspaceId), eq(featureEvidence.featureId, featureId), eq(featureEvidence.id, evidenceId)))
    .returning();
  return gone;
}

/** Feedback ids linked directly to a feature (read before it is deleted). */
export async function featureFeedbackIds(db: Db, workspaceId: string, featureId: string): Promise<string[]> {
  const rows = await db
    .select({ id: featureEvidence.feedbackId })
    .from(featureEvidence)
    .where(and(eq(featureEvidence.workspaceId, workspaceId), eq(featureEvidence.featureId, featureId), isNotNull(featureEvidence.feedbackId)));
  return rows.flatMap((r) => (r.id ? [r.id] : []));
}

/** Marks feedback as linked, as opportunity evidence does (a status change moves the version). */
export async function markFeedbackLinked(db: Db, workspaceId: string, feedbackId: string, memberId: string): Promise<void> {
  await db
    .update(feedback)
    .set({ status: 'linked', ...firstTriage(memberId), version: sql`${feedback.version} + 1`, updatedAt: new Date() })
    .where(and(eq(feedback.workspaceId, workspaceId), eq(feedback.id, feedbackId), sql`${feedback.status} <> 'linked'`));
}

/** The experiments linked to a feature, newest first. */
export async function listFeatureExperiments(db: Db, workspaceId: string, featureId: string) {
  return db
    .select({ id: experiments.id, title: experiments.title, hypothesis: experiments.hypothesis, status: experiments.status, result: experiments.result })
    .from(featureExperiments)
    .innerJoin(experiments, eq(experiments.id, featureExperiments.experimentId))
    .where(and(eq(featureExperiments.workspaceId, workspaceId), eq(featureExperiments.featureId, featureId)))
    .orderBy(desc(experiments.createdAt), desc(experiments.id));
}

/** The experiment fields a link needs, or undefined when it is not the workspace's. */
export async function findExperimentToLink(db: Db, workspaceId: string, experimentId: string) {
  const [r] = await db
    .select({ id: experiments.id, title: experiments.title, hypothesis: experiments.hypothesis })
    .from(experiments)
    .where(and(eq(experiments.workspaceId, workspaceId), eq(experiments.id, experimentId)));
  return r;
}

/** Links an experiment; false when it already was. */
export async function insertFeatureExperiment(db: Db, row: typeof featureExperiments.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(featureExperiments).values(row).onConflictDoNothing().returning({ id: featureExperiments.experimentId });
  return inserted.length > 0;
}

/** Unlinks an experiment; false when it was not linked. */
export async function deleteFeatureExperiment(db: Db, workspaceId: string, featureId: string, experimentId: string): Promise<boolean> {
  const gone = await db
    .delete(featureExperiments)
    .where(and(eq(featureExperiments.workspaceId, workspaceId), eq(featureExperiments.featureId, featureId), eq(featureExperiments.experimentId, experimentId)))
    .returning({ id: featureExperiments.experimentId });
  return gone.length > 0;
}
