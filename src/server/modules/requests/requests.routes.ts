import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CreateRequest, DecideRequest, RequestDetail, RequestList, RequestListQuery, UpdateRequest, WorkspaceParams, WorkspaceRequestParams } from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS, errorResponses } from '../../lib/route-schema.js';
import { decideRequest } from './requests.decide.js';
import { createRequest, deleteRequest, getRequest, listRequests, updateRequest } from './requests.service.js';

const WHO_DECIDES = 'The lead or an admin decides any request; a PM only requests of a component they own (403 otherwise).';

/** Routes of the requests module (say no and represent the product, issue 7): intake and triage decisions. */
export async function requestRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Requests'];
  const w = '/api/v1/workspaces/:workspaceId';

  r.post(`${w}/requests`, {
    config: { permission: 'request.create' },
    schema: {
      summary: 'Submit a request',
      description:
        'Anyone from contributor up submits. The requester is a member (requesterId; you by default for an internal or executive request without a contact), an outside contact, and/or customers. Every reference is checked (400 naming the field).',
      tags,
      params: WorkspaceParams,
      body: CreateRequest,
      response: { 201: RequestDetail, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createRequest({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.get(`${w}/requests`, {
    config: { permission: 'request.read' },
    schema: {
      summary: 'List requests',
      description: 'Newest first, filtered by status, component, requester type and a full-text search; with the number of requests in each state.',
      tags,
      params: WorkspaceParams,
      querystring: RequestListQuery,
      response: { 200: RequestList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listRequests({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
  r.get(`${w}/requests/:requestId`, {
    config: { permission: 'request.read' },
    schema: {
      summary: 'Read a request',
      description: 'With everyone who asked (the requesters of merged requests included, at any depth), its customers, the feature it was accepted into, merges and the decision history (newest first).',
      tags,
      params: WorkspaceRequestParams,
      response: { 200: RequestDetail, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getRequest({ db: app.db, actor: workspaceActor(req), requestId: req.params.requestId }),
  });
  r.patch(`${w}/requests/:requestId`, {
    config: { permission: 'request.update' },
    schema: {
      summary: 'Edit a request',
      description: 'Title, description, urgency, desired date, product or component; send the version you read (409 when stale).',
      tags,
      params: WorkspaceRequestParams,
      body: UpdateRequest,
      response: { 200: RequestDetail, ...UPDATE_ERRORS },
    },
    handler: (req) => updateRequest({ db: app.db, actor: workspaceActor(req), requestId: req.params.requestId, input: withVersion(req, req.body) }),
  });
  r.delete(`${w}/requests/:requestId`, {
    config: { permission: 'request.update' },
    schema: {
      summary: 'Delete a request',
      description: 'Requests merged into it move up to the request it was merged into, or return to triage. Its decisions stay in the log.',
      tags,
      params: WorkspaceRequestParams,
      response: { 204: NoContent, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => {
      await deleteRequest({ db: app.db, actor: workspaceActor(req), requestId: req.params.requestId });
      return reply.status(204).send(null);
    },
  });
  r.post(`${w}/requests/:requestId/decision`, {
    config: { permission: 'request.decide' },
    schema: {
      summary: 'Decide a request',
      description: `accept (featureId, newFeature {componentId, title}, or neither: a feature made from the request in its component), merge (intoId; into the root of its merge chain), defer (revisitOn, a future day) or decline (rationale required; rationaleId an active template). Optional pillarId and evidence justify it. A decided request can be decided again; a merged one answers 409 naming its root. ${WHO_DECIDES}`,
      tags,
      params: WorkspaceRequestParams,
      body: DecideRequest,
      response: { 200: RequestDetail, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: (req) => decideRequest({ db: app.db, actor: workspaceActor(req), requestId: req.params.requestId, input: req.body, log: req.log }),
  });
}
