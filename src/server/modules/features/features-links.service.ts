import type { FeatureDetail, LinkFeatureEvidence, LinkFeatureExperiment } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { AppError, invalid, notFound } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { isUuid, newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { rescoreFeatures } from '../prioritization/prioritization.rescore.js';
import {
  deleteFeatureEvidence,
  deleteFeatureExperiment,
  findExperimentToLink,
  findFeedbackToLink,
  findOpportunityToLink,
  insertFeatureEvidence,
  insertFeatureExperiment,
  markFeedbackLinked,
} from './features-links.repository.js';
import { unmarkUnlinkedFeedback } from '../feedback/feedback.repository.js';
import { findVisibleFeature, loadFeatureDetail } from './features.detail.js';
import type { FeatureFull } from './features.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor };

/** Links are edits of the feature: the PM must own its component. */
async function editableFeature(db: Db, actor: WorkspaceActor, featureId: string): Promise<FeatureFull> {
  const feature = await findVisibleFeature(db, actor, featureId);
  authorize(actor, 'feature.update', { ownerIds: [feature.componentOwnerId] });
  return feature;
}

async function linkFeedbackEvidence(tx: Db, actor: WorkspaceActor, feature: FeatureFull, input: LinkFeatureEvidence & { feedbackId: string }): Promise<void> {
  const fb = await findFeedbackToLink(tx, actor.workspaceId, input.feedbackId);
  if (!fb) throw notFound('Feedback');
  if (input.quote) {
    const { start, end } = input.quote;
    // Offsets are UTF-16 code units, as a browser selection reports them.
    if (!(start >= 0 && start < end && end <= fb.text.length)) throw invalid('quote', `must be a range within the feedback text: 0 ≤ start < end ≤ ${fb.text.length}`);
  }
  const inserted = await insertFeatureEvidence(tx, {
    id: newId(),
    workspaceId: actor.workspaceId,
    featureId: feature.id,
    feedbackId: fb.id,
    quoteStart: input.quote?.start ?? null,
    quoteEnd: input.quote?.end ?? null,
    importance: input.importance ?? fb.importance,
    createdById: actor.memberId,
  });
  if (!inserted) throw new AppError('conflict', 'feedbackId: this feedback is already linked to the feature', 'feedbackId');
  await markFeedbackLinked(tx, actor.workspaceId, fb.id, actor.memberId);
  // The summary names no customer words: stakeholders read this history, and raw feedback is internal.
  await recordAudit(tx, actor, {
    workspaceId: actor.workspaceId,
    action: 'feature.evidence-link',
    entityType: 'feature',
    entityId: feature.id,
    summary: `Linked a feedback item${input.quote ? ' (with a quote)' : ''} as evidence for “${feature.title}”`,
    changes: { feedbackId: [null, fb.id] },
  });
}

async function linkOpportunityEvidence(tx: Db, actor: WorkspaceActor, feature: FeatureFull, input: LinkFeatureEvidence & { opportunityId: string }): Promise<void> {
  const opportunity = await findOpportunityToLink(tx, actor.workspaceId, input.opportunityId);
  if (!opportunity) throw notFound('Opportunity');
  const inserted = await insertFeatureEvidence(tx, {
    id: newId(),
    workspaceId: actor.workspaceId,
    featureId: feature.id,
    opportunityId: opportunity.id,
    importance: input.importance ?? 2,
    createdById: actor.memberId,
  });
  if (!inserted) throw new AppError('conflict', 'opportunityId: this opportunity is already linked to the feature', 'opportunityId');
  await recordAudit(tx, actor, {
    workspaceId: actor.workspaceId,
    action: 'feature.evidence-link',
    entityType: 'feature',
    entityId: feature.id,
    summary: `Linked opportunity “${opportunity.title}” as evidence for “${feature.title}”`,
    changes: { opportunityId: [null, opportunity.id] },
  });
}

/** Links feedback (with an optional quote) or an opportunity as evidence; answers the updated feature. */
export async function linkFeatureEvidence({ db, actor, featureId, input }: Ctx & { featureId: string; input: LinkFeatureEvidence }): Promise<FeatureDetail> {
  return db.transaction(async (tx) => {
    const feature = await editableFeature(tx, actor, featureId);
    if (input.feedbackId) await linkFeedbackEvidence(tx, actor, feature, { ...input, feedbackId: input.feedbackId });
    else if (input.opportunityId) await linkOpportunityEvidence(tx, actor, feature, { ...input, opportunityId: input.opportunityId });
    await rescoreFeatures(tx, actor.workspaceId, [featureId]);
    return loadFeatureDetail(tx, actor, featureId);
  });
}

/** Removes an evidence link; feedback left without any link returns to triaged. */
export async function unlinkFeatureEvidence({ db, actor, featureId, evidenceId }: Ctx & { featureId: string; evidenceId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const feature = await editableFeature(tx, actor, featureId);
    const gone = isUuid(evidenceId) ? await deleteFeatureEvidence(tx, actor.workspaceId, featureId, evidenceId) : undefined;
    if (!gone) throw notFound('Evidence link');
    if (gone.feedbackId) await unmarkUnlinkedFeedback(tx, actor.workspaceId, [gone.feedbackId]);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'feature.evidence-unlink',
      entityType: 'feature',
      entityId: featureId,
      summary: `Unlinked ${gone.feedbackId ? 'a feedback item' : 'an opportunity'} from “${feature.title}”`,
      changes: gone.feedbackId ? { feedbackId: [gone.feedbackId, null] } : { opportunityId: [gone.opportunityId, null] },
    });
    await rescoreFeatures(tx, actor.workspaceId, [featureId]);
  });
}

/** Links an experiment that tests the feature; 409 when it already is. */
export async function linkFeatureExperiment({ db, actor, featureId, input }: Ctx & { featureId: string; input: LinkFeatureExperiment }): Promise<FeatureDetail> {
  return db.transaction(async (tx) => {
    const feature = await editableFeature(tx, actor, featureId);
    const experiment = await findExperimentToLink(tx, actor.workspaceId, input.experimentId);
    if (!experiment) throw notFound('Experiment');
    if (!(await insertFeatureExperiment(tx, { workspaceId: actor.workspaceId, featureId, experimentId: experiment.id }))) {
      throw new AppError('conflict', 'experimentId: this experiment is already linked to the feature', 'experimentId');
    }
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'feature.experiment-link',
      entityType: 'feature',
      entityId: featureId,
      summary: `Linked experiment “${experiment.title || experiment.hypothesis.slice(0, 80)}” to “${feature.title}”`,
      changes: { experimentId: [null, experiment.id] },
    });
    return loadFeatureDetail(tx, actor, featureId);
  });
}

/** Unlinks an experiment; 404 when it was not linked. */
export async function unlinkFeatureExperiment({ db, actor, featureId, experimentId }: Ctx & { featureId: string; experimentId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const feature = await editableFeature(tx, actor, featureId);
    if (!(await deleteFeatureExperiment(tx, actor.workspaceId, featureId, experimentId))) throw notFound('Experiment link');
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'feature.experiment-unlink',
      entityType: 'feature',
      entityId: featureId,
      summary: `Unlinked an experiment from “${feature.title}”`,
      changes: { experimentId: [experimentId, null] },
    });
  });
}
