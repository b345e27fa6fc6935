import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateStatusUpdate,
  DueStatusQuery,
  DueStatusUpdateList,
  StatusDraft,
  StatusDraftQuery,
  StatusUpdate,
  StatusUpdateList,
  StatusUpdateListQuery,
  StatusUpdateParams,
  UpdateStatusUpdate,
  WorkspaceParams,
} from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS, errorResponses } from '../../lib/route-schema.js';
import { createStatusUpdate, deleteStatusUpdate, draftStatusUpdate, dueStatusUpdates, getStatusUpdate, listStatusUpdates, updateStatusUpdate } from './status-updates.service.js';
import './status-updates.reminders.js';

const PM_OWNERSHIP = 'A PM may write only for components they own.';

/** Routes of the status-updates module (say no and represent the product, issue 7). */
export async function statusUpdateRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Represent: status updates'];
  const w = '/api/v1/workspaces/:workspaceId';

  r.get(`${w}/updates`, {
    config: { permission: 'update.read' },
    schema: {
      summary: 'List status updates',
      description: 'Newest first, filtered by component, product or period.',
      tags,
      params: WorkspaceParams,
      querystring: StatusUpdateListQuery,
      response: { 200: StatusUpdateList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listStatusUpdates({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
  r.get(`${w}/updates/draft`, {
    config: { permission: 'update.write' },
    schema: {
      summary: 'Draft a status update from live data',
      description: `The facts of the component over the period's days (features shipped, moved or slipped; key result movements; dependency conflicts; declines), a suggested health and Markdown built from them. The period defaults to the current ISO week; a sprint's days come from \`from\` and \`to\`. ${PM_OWNERSHIP}`,
      tags,
      params: WorkspaceParams,
      querystring: StatusDraftQuery,
      response: { 200: StatusDraft, ...WORKSPACE_ERRORS },
    },
    handler: (req) => draftStatusUpdate({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
  r.get(`${w}/updates/due`, {
    config: { permission: 'update.read' },
    schema: {
      summary: 'Components with an update due',
      description: 'Components without an update for the current ISO week; `overdue` once the week is past its midpoint (from Thursday, UTC), when their owners are reminded.',
      tags,
      params: WorkspaceParams,
      querystring: DueStatusQuery,
      response: { 200: DueStatusUpdateList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => dueStatusUpdates({ db: app.db, actor: workspaceActor(req), productId: req.query.productId }),
  });
  r.post(`${w}/updates`, {
    config: { permission: 'update.write' },
    schema: {
      summary: 'Write a status update',
      description: `One per component and period (a second answers 409). The period is an ISO week (YYYY-Www), a month (YYYY-MM) or a sprint label; its kind is inferred from the format unless given. Send back the draft's facts to keep them with the update. ${PM_OWNERSHIP}`,
      tags,
      params: WorkspaceParams,
      body: CreateStatusUpdate,
      response: { 201: StatusUpdate, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (req, reply) => reply.status(201).send(await createStatusUpdate({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.get(`${w}/updates/:updateId`, {
    config: { permission: 'update.read' },
    schema: { summary: 'Read a status update', description: 'With the facts it was drafted from, when kept.', tags, params: StatusUpdateParams, response: { 200: StatusUpdate, ...WORKSPACE_ERRORS } },
    handler: (req) => getStatusUpdate({ db: app.db, actor: workspaceActor(req), updateId: req.params.updateId }),
  });
  r.patch(`${w}/updates/:updateId`, {
    config: { permission: 'update.write' },
    schema: {
      summary: 'Edit a status update',
      description: `Health, summary, highlights, risks or asks; send the version you read (409 when stale). ${PM_OWNERSHIP}`,
      tags,
      params: StatusUpdateParams,
      body: UpdateStatusUpdate,
      response: { 200: StatusUpdate, ...UPDATE_ERRORS },
    },
    handler: (req) => updateStatusUpdate({ db: app.db, actor: workspaceActor(req), updateId: req.params.updateId, input: withVersion(req, req.body) }),
  });
  r.delete(`${w}/updates/:updateId`, {
    config: { permission: 'update.write' },
    schema: { summary: 'Delete a status update', description: PM_OWNERSHIP, tags, params: StatusUpdateParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteStatusUpdate({ db: app.db, actor: workspaceActor(req), updateId: req.params.updateId });
      return reply.status(204).send(null);
    },
  });
}
