/**
 * Reading one feature as a caller may see it: the product team's full detail, or the stakeholder
 * version for viewers. Every operation of the module that answers a feature goes through here.
 */
import type { FeatureDetail } from '../../../shared/contracts.js';
import { can } from '../../../shared/policy.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import { evidenceTotals } from '../opportunities/evidence-rollup.js';
import { loadEvidenceFacts } from '../opportunities/opportunities.repository.js';
import { listFeatureExperiments, listFeedbackLinks, listOpportunityLinks } from './features-links.repository.js';
import { findRequirementsMeta } from './features-requirements.repository.js';
import { presentFeatureDetail, presentFeedbackLink, presentOpportunityLink } from './features.presenter.js';
import { findFeatureFull, type FeatureFull } from './features.repository.js';
import { featureRollups } from './features.rollups.js';
import { loadInternalFields, readsStakeholderVersion, stakeholderView, visibleToStakeholders } from './features.stakeholder.js';

/**
 * The feature row, or 404: also for an internal feature asked for by a viewer, who must not learn
 * that it exists.
 */
export async function findVisibleFeature(db: Db, actor: WorkspaceActor, featureId: string): Promise<FeatureFull> {
  const row = await findFeatureFull(db, actor.workspaceId, featureId);
  if (!row || (readsStakeholderVersion(actor.role) && !visibleToStakeholders(row))) throw notFound('Feature');
  return row;
}

/** A feature with its roll-up, links and requirements meta, as this caller may see it. */
export async function loadFeatureDetail(db: Db, actor: WorkspaceActor, featureId: string): Promise<FeatureDetail> {
  const row = await findVisibleFeature(db, actor, featureId);
  const ws = actor.workspaceId;
  // Sequential on purpose: this often runs inside a transaction, whose one connection takes one query at a time.
  const rollups = await featureRollups(db, ws, [featureId]);
  // Raw customer input is internal (viewers may not read feedback): its quotes stay out of their version.
  const feedbackRows = can({ role: actor.role, memberId: actor.memberId }, 'feedback.read') ? await listFeedbackLinks(db, ws, featureId) : [];
  const opportunityRows = await listOpportunityLinks(db, ws, featureId);
  const facts = await loadEvidenceFacts(
    db,
    ws,
    opportunityRows.map((o) => o.opportunityId),
  );
  const experiments = await listFeatureExperiments(db, ws, featureId);
  const requirements = await findRequirementsMeta(db, ws, featureId);
  const detail = presentFeatureDetail({
    row,
    rollup: rollups.get(featureId),
    feedback: feedbackRows.map(presentFeedbackLink),
    opportunities: opportunityRows.map((o) => presentOpportunityLink(o, evidenceTotals(facts.filter((f) => f.opportunityId === o.opportunityId)))),
    experiments,
    requirements,
  });
  return readsStakeholderVersion(actor.role) ? stakeholderView(detail, await loadInternalFields(db, ws)) : detail;
}
