import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateOpportunity,
  DiscoverySettings,
  EvidenceParams,
  LinkEvidence,
  OpportunityDetail,
  OpportunityList,
  OpportunityListQuery,
  OpportunityParams,
  UpdateDiscoverySettings,
  UpdateOpportunity,
  WorkspaceParams,
} from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { getDiscoverySettings, updateDiscoverySettings } from './discovery-settings.service.js';
import { createOpportunity, deleteOpportunity, getOpportunity, linkEvidence, listOpportunities, unlinkEvidence, updateOpportunity } from './opportunities.service.js';

/** Routes of the opportunities module: opportunities, their evidence, and the grading settings. */
export async function opportunityRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Opportunities'];
  const base = '/api/v1/workspaces/:workspaceId/opportunities';
  const one = `${base}/:opportunityId`;

  r.get(base, {
    config: { permission: 'opportunity.read' },
    schema: {
      summary: 'List opportunities with their evidence summary',
      tags,
      params: WorkspaceParams,
      querystring: OpportunityListQuery,
      response: { 200: OpportunityList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listOpportunities({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
  r.post(base, {
    config: { permission: 'opportunity.create' },
    schema: { summary: 'Record a customer problem as an opportunity', tags, params: WorkspaceParams, body: CreateOpportunity, response: { 201: OpportunityDetail, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => reply.status(201).send(await createOpportunity({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.get(one, {
    config: { permission: 'opportunity.read' },
    schema: {
      summary: 'Read an opportunity with its evidence roll-up',
      description: 'The roll-up counts feedback, distinct customers and their ARR (each customer once), by segment, by source and by month, and grades the evidence.',
      tags,
      params: OpportunityParams,
      response: { 200: OpportunityDetail, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getOpportunity({ db: app.db, actor: workspaceActor(req), opportunityId: req.params.opportunityId }),
  });
  r.patch(one, {
    config: { permission: 'opportunity.update' },
    schema: { summary: 'Edit an opportunity', tags, params: OpportunityParams, body: UpdateOpportunity, response: { 200: OpportunityDetail, ...UPDATE_ERRORS } },
    handler: (req) => updateOpportunity({ db: app.db, actor: workspaceActor(req), opportunityId: req.params.opportunityId, input: withVersion(req, req.body) }),
  });
  r.delete(one, {
    config: { permission: 'opportunity.delete' },
    schema: { summary: 'Delete an opportunity and its evidence links', tags, params: OpportunityParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteOpportunity({ db: app.db, actor: workspaceActor(req), opportunityId: req.params.opportunityId });
      return reply.status(204).send(null);
    },
  });

  r.post(`${one}/evidence`, {
    config: { permission: 'evidence.link' },
    schema: {
      summary: 'Link feedback as evidence, with a highlighted quote',
      description: 'Marks the feedback as linked. Answers the opportunity with its updated roll-up; 409 when the feedback is already linked to it.',
      tags: ['Evidence'],
      params: OpportunityParams,
      body: LinkEvidence,
      response: { 201: OpportunityDetail, ...UPDATE_ERRORS },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await linkEvidence({ db: app.db, actor: workspaceActor(req), opportunityId: req.params.opportunityId, input: req.body })),
  });
  r.delete(`${one}/evidence/:feedbackId`, {
    config: { permission: 'evidence.link' },
    schema: { summary: 'Unlink feedback from an opportunity', tags: ['Evidence'], params: EvidenceParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await unlinkEvidence({ db: app.db, actor: workspaceActor(req), ...req.params });
      return reply.status(204).send(null);
    },
  });

  const settings = '/api/v1/workspaces/:workspaceId/discovery-settings';
  r.get(settings, {
    config: { permission: 'opportunity.read' },
    schema: { summary: 'Read how the workspace grades evidence', tags: ['Evidence'], params: WorkspaceParams, response: { 200: DiscoverySettings, ...WORKSPACE_ERRORS } },
    handler: (req) => getDiscoverySettings({ db: app.db, actor: workspaceActor(req) }),
  });
  r.put(settings, {
    config: { permission: 'discovery-settings.update' },
    schema: {
      summary: 'Change source weights, the evidence half-life or the concentration threshold',
      tags: ['Evidence'],
      params: WorkspaceParams,
      body: UpdateDiscoverySettings,
      response: { 200: DiscoverySettings, ...UPDATE_ERRORS },
    },
    handler: (req) => updateDiscoverySettings({ db: app.db, actor: workspaceActor(req), input: withVersion(req, req.body) }),
  });
}
