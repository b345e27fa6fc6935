import type { Decision, DecisionList, FeatureDecisionsQuery, RecordDecision } from '../../../shared/contracts.js';
import { roleAllows } from '../../../shared/policy.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { forbidden, notFound } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { insertDecision } from '../requests/requests.repository.js';
import { evidenceLabels } from './decisions.evidence.js';
import { checkJustification, checkRationale } from './decisions.justify.js';
import { presentDecision } from './decisions.presenter.js';
import { decisionFeature, featureDecisionRows, findDecisionRow } from './decisions.record.repository.js';

/*
 * Roadmap decisions: why a feature was added, moved, dropped or kept, written to the same append-only
 * decision log as triage decisions (action `roadmap`, no request). The reports' "what changed and why"
 * reads the latest rationale of each changed feature from that log. The lead or an admin records one
 * about any feature; a PM only about features of a component they own. The feature itself is not
 * changed: the decision explains a change made on the roadmap (or a choice to keep it as it is).
 */

type Ctx = { db: Db; actor: WorkspaceActor };

async function presentOne(db: Db, workspaceId: string, id: string): Promise<Decision> {
  const row = await findDecisionRow(db, workspaceId, id);
  if (!row) throw notFound('Decision');
  return presentDecision(row, await evidenceLabels(db, workspaceId, row.evidence));
}

/** Records a roadmap decision about a feature, with its rationale (required), pillar and evidence. */
export async function recordDecision({ db, actor, input }: Ctx & { input: RecordDecision }): Promise<Decision> {
  if (!roleAllows(actor.role, 'decision.record')) throw forbidden(`Your role (${actor.role}) may not record roadmap decisions`);
  const id = newId();
  await db.transaction(async (tx) => {
    const feature = await decisionFeature(tx, actor.workspaceId, input.featureId);
    if (!feature) throw notFound('Feature');
    authorize(actor, 'decision.record', { ownerIds: [feature.ownerId] });
    const why = await checkRationale(tx, actor.workspaceId, input, true);
    const evidence = await checkJustification(tx, actor.workspaceId, input);
    await insertDecision(tx, {
      id,
      workspaceId: actor.workspaceId,
      requestId: null,
      title: feature.title,
      action: 'roadmap',
      featureId: feature.id,
      rationaleTemplateId: why.template?.id ?? null,
      rationale: why.rationale,
      pillarId: input.pillarId ?? why.template?.pillarId ?? null,
      evidence,
      productId: feature.productId,
      componentId: feature.componentId,
      decidedById: actor.memberId,
      decidedAt: new Date(),
    });
    // On the decision, not the feature: the feature's history is read by viewers, who may not read decisions.
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'decision.record',
      entityType: 'decision',
      entityId: id,
      summary: `Recorded a roadmap decision on the feature “${feature.title}”${why.template ? ` (${why.template.title})` : ''}`,
      changes: { decisionId: id, action: 'roadmap', featureId: feature.id, rationale: why.rationale },
    });
  });
  return presentOne(db, actor.workspaceId, id);
}

/** The decisions about one feature, newest first: its roadmap decisions and the requests accepted into it. */
export async function listFeatureDecisions({ db, actor, featureId, query }: Ctx & { featureId: string; query: FeatureDecisionsQuery }): Promise<DecisionList> {
  authorize(actor, 'decision.read');
  if (!(await decisionFeature(db, actor.workspaceId, featureId))) throw notFound('Feature');
  const { rows, total } = await featureDecisionRows(db, actor.workspaceId, featureId, query);
  const labels = await evidenceLabels(db, actor.workspaceId, rows.flatMap((r) => r.evidence));
  return { items: rows.map((r) => presentDecision(r, labels)), total };
}
