import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  FeatureScoreCard,
  FeatureScoreParams,
  PrioritizationFrameworkSet,
  PrioritizationFrameworksSaved,
  RankedFeatureList,
  RankedFeaturesQuery,
  ReplacePrioritizationFrameworks,
  ScoreCalibration,
  ScoreCalibrationQuery,
  UpdateTypedScoreInputs,
  WorkspaceParams,
} from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { UPDATE_ERRORS, WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { getCalibration, listRankedFeatures } from './prioritization.ranking.js';
import { getFeatureScores, getFrameworks, replaceFrameworks, updateFeatureScores } from './prioritization.service.js';

/** Routes of the prioritization module (issue 4): frameworks, ranked backlogs, calibration and a feature's scores. */
export async function prioritizationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Prioritization'];
  const ws = '/api/v1/workspaces/:workspaceId';

  r.get(`${ws}/prioritization/frameworks`, {
    config: { permission: 'prioritization.read' },
    schema: {
      summary: "List the workspace's prioritization frameworks",
      description: 'A workspace starts with RICE (the default), ICE, WSJF, value/effort and a weighted scorecard; they are made on the first read.',
      tags,
      params: WorkspaceParams,
      response: { 200: PrioritizationFrameworkSet, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getFrameworks({ db: app.db, actor: workspaceActor(req) }),
  });
  r.put(`${ws}/prioritization/frameworks`, {
    config: { permission: 'prioritization.manage' },
    schema: {
      summary: 'Replace the frameworks and rescore every feature',
      description:
        'Sends the whole set: frameworks with an id are kept (and updated), the others are deleted with their scores, those without an id are added. Exactly one is the default, and it must be enabled. Every feature is rescored before the answer, which says how many and how long it took.',
      tags,
      params: WorkspaceParams,
      body: ReplacePrioritizationFrameworks,
      response: { 200: PrioritizationFrameworksSaved, ...UPDATE_ERRORS },
    },
    handler: (req) => replaceFrameworks({ db: app.db, actor: workspaceActor(req), input: withVersion(req, req.body) }),
  });

  // A static segment: find-my-way prefers it over /features/:featureId whatever the registration order.
  r.get(`${ws}/features/ranked`, {
    config: { permission: 'prioritization.read' },
    schema: {
      summary: 'Rank a backlog by a framework, optionally normalised per PM',
      description:
        "Ranks a product's features (or one component's) by their score under a framework, the default one unless named. With normalize=pm the ranking uses each score normalised among the features of the same PM (the feature's owner, else its component's), so one PM's generous scoring does not crowd out another's. Scores far outside the product's spread (beyond Q1/Q3 ∓ 3 × IQR) are flagged. Unscored features come last.",
      tags,
      params: WorkspaceParams,
      querystring: RankedFeaturesQuery,
      response: { 200: RankedFeatureList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listRankedFeatures({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
  r.get(`${ws}/prioritization/calibration`, {
    config: { permission: 'prioritization.read' },
    schema: {
      summary: "Compare each PM's score distribution with the product's",
      description: 'Per PM: the quartiles of the scores of the features they own (or own through their components); product-wide: the quartiles, the outlier fences and the features beyond them.',
      tags,
      params: WorkspaceParams,
      querystring: ScoreCalibrationQuery,
      response: { 200: ScoreCalibration, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getCalibration({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });

  r.get(`${ws}/features/:featureId/scores`, {
    config: { permission: 'prioritization.read' },
    schema: {
      summary: "Read a feature's scores, explained, and its typed inputs",
      tags,
      params: FeatureScoreParams,
      response: { 200: FeatureScoreCard, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getFeatureScores({ db: app.db, actor: workspaceActor(req), featureId: req.params.featureId }),
  });
  r.put(`${ws}/features/:featureId/scores`, {
    config: { permission: 'feature.update' },
    schema: {
      summary: "Set a feature's typed score inputs and rescore it",
      description: "Carries the feature's version (a stale one answers 409). A PM sets the inputs of features in the components they own.",
      tags,
      params: FeatureScoreParams,
      body: UpdateTypedScoreInputs,
      response: { 200: FeatureScoreCard, ...UPDATE_ERRORS },
    },
    handler: (req) => updateFeatureScores({ db: app.db, actor: workspaceActor(req), featureId: req.params.featureId, input: withVersion(req, req.body) }),
  });
}
