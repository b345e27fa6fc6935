import type { FastifyBaseLogger } from 'fastify';
import { roleAllows } from '../../../shared/policy.js';
import type { DecideRequest, RequestDetail } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { AppError, forbidden, invalid, notFound } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { checkJustification, checkRationale, type DecisionWhy } from '../decisions/decisions.justify.js';
import { createFeature } from '../features/features.service.js';
import { notifyRequestOutcome, scheduleRevisit } from '../outreach/outreach.service.js';
import { loadDetail, type Ctx } from './requests.service.js';
import { featureRef, findRequestRow, insertDecision, lockRequest, rootOf, updateRequestRow, type RequestFull, type RequestPatch } from './requests.repository.js';

/*
 * Triage decisions: accept (link or create a feature), merge (into the root of another request's merge
 * chain, keeping every requester), defer (to a future revisit day) or decline (a rationale is required;
 * the others may carry one, which the requesters read and reports show as the feature's "why").
 * The lead or an admin decides any request; a PM only those of a component they own. Each decision
 * updates the request, writes a decisions row and an audit entry in one transaction; the requesters are
 * told after it commits.
 */

const today = () => new Date().toISOString().slice(0, 10);

/** What the decision does to the request and records in the log, before anything is written. */
interface Outcome {
  patch: RequestPatch;
  featureId: string | null;
  intoRequestId: string | null;
  revisitOn: string | null;
  summary: string;
}

async function acceptOutcome(db: Db, actor: WorkspaceActor, req: RequestFull, input: Extract<DecideRequest, { action: 'accept' }>): Promise<Outcome> {
  if (input.featureId && input.newFeature) throw invalid('featureId', 'send either featureId (an existing feature) or newFeature, not both');
  let feature: { id: string; title: string; componentId: string; productId: string };
  if (input.featureId) {
    const found = await featureRef(db, actor.workspaceId, input.featureId);
    if (!found) throw invalid('featureId', 'no such feature in this workspace');
    feature = found;
  } else {
    const componentId = input.newFeature?.componentId ?? req.componentId;
    if (!componentId) throw invalid('componentId', 'the request has no component: pick a feature, or give newFeature with its component');
    const created = await createFeature({
      db,
      actor,
      input: { componentId, title: input.newFeature?.title ?? req.title, description: input.newFeature ? undefined : req.description || undefined } as Parameters<typeof createFeature>[0]['input'],
    }).catch((e: unknown) => {
      // A component of another workspace answers 404 from the features module: name the field instead.
      if (e instanceof AppError && e.code === 'not_found') throw invalid('componentId', 'no such component in this workspace');
      throw e;
    });
    feature = { id: created.id, title: created.title, componentId, productId: (await featureRef(db, actor.workspaceId, created.id))!.productId };
  }
  const patch: RequestPatch = { status: 'accepted', featureId: feature.id, mergedIntoId: null, revisitOn: null };
  if (!req.componentId) {
    patch.componentId = feature.componentId;
    patch.productId = feature.productId;
  }
  return { patch, featureId: feature.id, intoRequestId: null, revisitOn: null, summary: `Accepted the request “${req.title}” into the feature “${feature.title}”` };
}

async function mergeOutcome(db: Db, workspaceId: string, req: RequestFull, intoId: string): Promise<Outcome> {
  if (intoId === req.id) throw invalid('intoId', 'a request cannot be merged into itself');
  const root = await rootOf(db, workspaceId, intoId);
  if (!root) throw invalid('intoId', 'no such request in this workspace');
  if (root.chain.includes(req.id)) throw invalid('intoId', 'that request is merged into this one; merging would make a loop');
  return {
    patch: { status: 'merged', mergedIntoId: root.id, featureId: null, revisitOn: null },
    featureId: null,
    intoRequestId: root.id,
    revisitOn: null,
    summary: `Merged the request “${req.title}” into “${root.title}”`,
  };
}

function declineOutcome(req: RequestFull, why: DecisionWhy): Outcome {
  return {
    patch: { status: 'declined', featureId: null, mergedIntoId: null, revisitOn: null },
    featureId: null,
    intoRequestId: null,
    revisitOn: null,
    summary: `Declined the request “${req.title}”${why.template ? ` (${why.template.title})` : ''}`,
  };
}

/** Decides a request; answers it as it now is, its new decision first in the history. */
export async function decideRequest({ db, actor, requestId, input, log }: Ctx & { requestId: string; input: DecideRequest; log?: FastifyBaseLogger }): Promise<RequestDetail> {
  if (!roleAllows(actor.role, 'request.decide')) throw forbidden(`Your role (${actor.role}) may not decide requests`);
  const decisionId = newId();
  const decided = await db.transaction(async (tx) => {
    await lockRequest(tx, actor.workspaceId, requestId);
    const req = await findRequestRow(tx, actor.workspaceId, requestId);
    if (!req) throw notFound('Request');
    authorize(actor, 'request.decide', { ownerIds: [req.componentOwnerId] });
    if (req.status === 'merged' && req.mergedIntoId) {
      const root = await rootOf(tx, actor.workspaceId, req.mergedIntoId);
      throw new AppError('conflict', `This request was merged into “${root?.title ?? ''}” (${root?.id ?? req.mergedIntoId}); decide that one instead`, 'requestId');
    }
    const evidence = await checkJustification(tx, actor.workspaceId, input);
    // Only a decline must say why; the other decisions may, and their reason reaches requesters and reports.
    const why = await checkRationale(tx, actor.workspaceId, input, input.action === 'decline');
    let outcome: Outcome;
    switch (input.action) {
      case 'accept':
        outcome = await acceptOutcome(tx, actor, req, input);
        break;
      case 'merge':
        outcome = await mergeOutcome(tx, actor.workspaceId, req, input.intoId);
        break;
      case 'defer':
        if (input.revisitOn <= today()) throw invalid('revisitOn', 'must be a day after today');
        outcome = {
          patch: { status: 'deferred', revisitOn: input.revisitOn, featureId: null, mergedIntoId: null },
          featureId: null,
          intoRequestId: null,
          revisitOn: input.revisitOn,
          summary: `Deferred the request “${req.title}” to ${input.revisitOn}`,
        };
        break;
      case 'decline':
        outcome = declineOutcome(req, why);
        break;
    }
    const decidedAt = new Date();
    await updateRequestRow(tx, { workspaceId: actor.workspaceId, id: requestId }, { ...outcome.patch, decidedById: actor.memberId, decidedAt });
    await insertDecision(tx, {
      id: decisionId,
      workspaceId: actor.workspaceId,
      requestId,
      title: req.title,
      action: input.action,
      featureId: outcome.featureId,
      intoRequestId: outcome.intoRequestId,
      revisitOn: outcome.revisitOn,
      rationaleTemplateId: why.template?.id ?? null,
      rationale: why.rationale,
      pillarId: input.pillarId ?? why.template?.pillarId ?? null,
      evidence,
      productId: outcome.patch.productId ?? req.productId,
      componentId: outcome.patch.componentId ?? req.componentId,
      decidedById: actor.memberId,
      decidedAt,
    });
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: `request.${input.action}`,
      entityType: 'request',
      entityId: requestId,
      summary: outcome.summary,
      changes: { decisionId, action: input.action, ...(why.rationale ? { rationale: why.rationale } : {}) },
    });
    return outcome;
  });
  // The requesters hear the outcome once it is committed; a failure to tell them does not undo the decision.
  try {
    await notifyRequestOutcome(db, { workspaceId: actor.workspaceId, requestId, decisionId });
    if (input.action === 'defer' && decided.revisitOn) await scheduleRevisit(db, { workspaceId: actor.workspaceId, requestId, revisitOn: decided.revisitOn });
  } catch (e) {
    log?.error({ err: e, requestId, decisionId }, 'telling the requesters of a decision failed');
  }
  return loadDetail(db, actor.workspaceId, requestId);
}
