import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateFeature,
  FeatureDetail,
  FeatureEvidenceParams,
  FeatureExperimentParams,
  FeatureHistory,
  FeatureList,
  FeatureListQuery,
  FeatureParams,
  FeatureRequirements,
  FeatureRevisionParams,
  LinkFeatureEvidence,
  LinkFeatureExperiment,
  RequirementRevision,
  RequirementRevisionList,
  SaveFeatureRequirements,
  UpdateFeature,
  WorkspaceParams,
} from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { linkFeatureEvidence, linkFeatureExperiment, unlinkFeatureEvidence, unlinkFeatureExperiment } from './features-links.service.js';
import { getFeatureRequirements, getRequirementRevision, listRequirementRevisions, saveFeatureRequirements } from './features-requirements.service.js';
import { createFeature, deleteFeature, featureHistory, getFeature, listFeatures, updateFeature } from './features.service.js';

const STAKEHOLDER_NOTE = 'Viewers read the stakeholder version: internal features answer 404 and the workspace’s internal fields are null.';

/** Routes of the features module (issue 4): features, their evidence, experiments, requirements and history. */
export async function featureRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Features'];
  const base = '/api/v1/workspaces/:workspaceId/features';
  const one = `${base}/:featureId`;
  const ctx = (req: Parameters<typeof workspaceActor>[0]) => ({ db: app.db, actor: workspaceActor(req) });

  r.get(base, {
    config: { permission: 'feature.read' },
    schema: {
      summary: 'List features with their evidence roll-ups',
      description: `Most recently changed first, paged by cursor. ${STAKEHOLDER_NOTE}`,
      tags,
      params: WorkspaceParams,
      querystring: FeatureListQuery,
      response: { 200: FeatureList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listFeatures({ ...ctx(req), query: req.query }),
  });
  r.post(base, {
    config: { permission: 'feature.create' },
    schema: {
      summary: 'Create a feature in a component',
      description: "A PM creates features only in components they own. The owner defaults to the component's owner; the feature goes to the end of its board lane.",
      tags,
      params: WorkspaceParams,
      body: CreateFeature,
      response: { 201: FeatureDetail, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createFeature({ ...ctx(req), input: req.body })),
  });
  r.get(one, {
    config: { permission: 'feature.read' },
    schema: {
      summary: 'Read a feature with its evidence, experiments and requirements meta',
      description: STAKEHOLDER_NOTE,
      tags,
      params: FeatureParams,
      response: { 200: FeatureDetail, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getFeature({ ...ctx(req), featureId: req.params.featureId }),
  });
  r.patch(one, {
    config: { permission: 'feature.update' },
    schema: {
      summary: 'Edit a feature, or move it to another component',
      description: 'Carries `version` (or If-Match); a stale one answers 409. A move needs ownership of both components.',
      tags,
      params: FeatureParams,
      body: UpdateFeature,
      response: { 200: FeatureDetail, ...UPDATE_ERRORS },
    },
    handler: (req) => updateFeature({ ...ctx(req), featureId: req.params.featureId, input: withVersion(req, req.body) }),
  });
  r.delete(one, {
    config: { permission: 'feature.delete' },
    schema: { summary: 'Delete a feature with its links and requirements', tags, params: FeatureParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteFeature({ ...ctx(req), featureId: req.params.featureId });
      return reply.status(204).send(null);
    },
  });

  r.post(`${one}/evidence`, {
    config: { permission: 'feature.update' },
    schema: {
      summary: 'Link feedback (with a quote) or an opportunity as evidence',
      description: 'Exactly one of feedbackId and opportunityId. Linked feedback is marked linked. 409 when already linked.',
      tags,
      params: FeatureParams,
      body: LinkFeatureEvidence,
      response: { 201: FeatureDetail, ...UPDATE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await linkFeatureEvidence({ ...ctx(req), featureId: req.params.featureId, input: req.body })),
  });
  r.delete(`${one}/evidence/:evidenceId`, {
    config: { permission: 'feature.update' },
    schema: { summary: 'Unlink evidence from a feature', tags, params: FeatureEvidenceParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await unlinkFeatureEvidence({ ...ctx(req), featureId: req.params.featureId, evidenceId: req.params.evidenceId });
      return reply.status(204).send(null);
    },
  });
  r.post(`${one}/experiments`, {
    config: { permission: 'feature.update' },
    schema: { summary: 'Link an experiment that tests the feature', tags, params: FeatureParams, body: LinkFeatureExperiment, response: { 201: FeatureDetail, ...UPDATE_ERRORS } },
    handler: async (req, reply) => reply.status(201).send(await linkFeatureExperiment({ ...ctx(req), featureId: req.params.featureId, input: req.body })),
  });
  r.delete(`${one}/experiments/:experimentId`, {
    config: { permission: 'feature.update' },
    schema: { summary: 'Unlink an experiment from a feature', tags, params: FeatureExperimentParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await unlinkFeatureExperiment({ ...ctx(req), featureId: req.params.featureId, experimentId: req.params.experimentId });
      return reply.status(204).send(null);
    },
  });

  r.get(`${one}/requirements`, {
    config: { permission: 'feature.read' },
    schema: {
      summary: 'Read the requirements document (Markdown)',
      description: 'While none was saved, the body is the default template and revision is 0. Viewers get 403 when the workspace marks requirements internal.',
      tags,
      params: FeatureParams,
      response: { 200: FeatureRequirements, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getFeatureRequirements({ ...ctx(req), featureId: req.params.featureId }),
  });
  r.put(`${one}/requirements`, {
    config: { permission: 'feature.update' },
    schema: {
      summary: 'Save the requirements document as a new revision',
      description: 'Carries the revision last read (0 for the template); a stale one answers 409.',
      tags,
      params: FeatureParams,
      body: SaveFeatureRequirements,
      response: { 200: FeatureRequirements, ...UPDATE_ERRORS },
    },
    handler: (req) => saveFeatureRequirements({ ...ctx(req), featureId: req.params.featureId, input: req.body }),
  });
  r.get(`${one}/requirements/revisions`, {
    config: { permission: 'feature.read' },
    schema: { summary: 'List the revisions of the requirements', tags, params: FeatureParams, response: { 200: RequirementRevisionList, ...WORKSPACE_ERRORS } },
    handler: (req) => listRequirementRevisions({ ...ctx(req), featureId: req.params.featureId }),
  });
  r.get(`${one}/requirements/revisions/:revision`, {
    config: { permission: 'feature.read' },
    schema: { summary: 'Read one revision of the requirements', tags, params: FeatureRevisionParams, response: { 200: RequirementRevision, ...WORKSPACE_ERRORS } },
    handler: (req) => getRequirementRevision({ ...ctx(req), featureId: req.params.featureId, revision: req.params.revision }),
  });

  r.get(`${one}/history`, {
    config: { permission: 'feature.read' },
    schema: {
      summary: "Read the feature's history: who changed what, when",
      description: 'Newest first, at most 200 entries. Viewers do not see changes of internal fields.',
      tags,
      params: FeatureParams,
      response: { 200: FeatureHistory, ...WORKSPACE_ERRORS },
    },
    handler: (req) => featureHistory({ ...ctx(req), featureId: req.params.featureId }),
  });
}
