import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateSavedView,
  MoveRoadmapCard,
  Roadmap,
  RoadmapCard,
  RoadmapQuery,
  type Roadmap as RoadmapT,
  RoadmapSettings,
  SavedView,
  SavedViewList,
  SavedViewParams,
  ShareSavedView,
  UpdateRoadmapSettings,
  UpdateSavedView,
  WorkspaceParams,
} from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS, errorResponses } from '../../lib/route-schema.js';
import { getRoadmapSettings, updateRoadmapSettings } from './roadmap-settings.service.js';
import { createSavedView, deleteSavedView, listSavedViews, shareSavedView, updateSavedView } from './roadmap-views.service.js';
import { getRoadmapJson, moveRoadmapCard } from './roadmap.service.js';

/** Routes of the roadmap module (issue 4): the board and timeline, moving cards, saved views, settings. */
export async function roadmapRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Roadmap'];
  const base = '/api/v1/workspaces/:workspaceId/roadmap';
  const views = `${base}/views`;
  const view = `${views}/:viewId`;

  r.get(base, {
    config: { permission: 'feature.read' },
    schema: {
      summary: 'Read the roadmap of a product',
      description:
        'view=horizon: the Now / Next / Later board, one lane per component, cards by rank (won’t-do features left out). view=timeline: the features with dates, the releases and the dependency arrows. Viewers get the stakeholder version: internal features left out and the internal fields of the roadmap settings removed.',
      tags,
      params: WorkspaceParams,
      querystring: RoadmapQuery,
      response: { 200: Roadmap, ...WORKSPACE_ERRORS },
    },
    // The service answers JSON text already checked against the schema: a string skips the serializer.
    handler: async (req, reply) => {
      const json = await getRoadmapJson({ db: app.db, actor: workspaceActor(req), query: req.query });
      return reply.type('application/json; charset=utf-8').send(json as unknown as RoadmapT);
    },
  });
  r.post(`${base}/move`, {
    config: { permission: 'feature.update' },
    schema: {
      summary: 'Move a card on the board',
      description: 'Sets the feature’s horizon and its place in its lane, next to a neighbour card. The feature stays in its component. A PM moves the features of their own components.',
      tags,
      params: WorkspaceParams,
      body: MoveRoadmapCard,
      response: { 200: RoadmapCard, ...UPDATE_ERRORS },
    },
    handler: (req) => moveRoadmapCard({ db: app.db, actor: workspaceActor(req), input: req.body }),
  });

  r.get(views, {
    config: { permission: 'feature.read' },
    schema: { summary: 'List saved roadmap views', description: 'Your own views, then those shared with the workspace.', tags, params: WorkspaceParams, response: { 200: SavedViewList, ...WORKSPACE_ERRORS } },
    handler: (req) => listSavedViews({ db: app.db, actor: workspaceActor(req) }),
  });
  r.post(views, {
    config: { permission: 'view.create' },
    schema: {
      summary: 'Save a roadmap view',
      description: 'Saves the layout and filters under a name. shared=true needs the view.share permission.',
      tags,
      params: WorkspaceParams,
      body: CreateSavedView,
      response: { 201: SavedView, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (req, reply) => reply.status(201).send(await createSavedView({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.patch(view, {
    config: { permission: 'view.create' },
    schema: {
      summary: 'Rename a saved view or change its filters',
      description: 'The owner changes their view; an admin or a lead also changes a shared one.',
      tags,
      params: SavedViewParams,
      body: UpdateSavedView,
      response: { 200: SavedView, ...UPDATE_ERRORS },
    },
    handler: (req) => updateSavedView({ db: app.db, actor: workspaceActor(req), viewId: req.params.viewId, input: withVersion(req, req.body) }),
  });
  r.put(`${view}/shared`, {
    config: { permission: 'view.share' },
    schema: {
      summary: 'Share a saved view with the workspace, or make it private',
      tags,
      params: SavedViewParams,
      body: ShareSavedView,
      response: { 200: SavedView, ...UPDATE_ERRORS },
    },
    handler: (req) => shareSavedView({ db: app.db, actor: workspaceActor(req), viewId: req.params.viewId, input: withVersion(req, req.body) }),
  });
  r.delete(view, {
    config: { permission: 'view.create' },
    schema: { summary: 'Delete a saved view', tags, params: SavedViewParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteSavedView({ db: app.db, actor: workspaceActor(req), viewId: req.params.viewId });
      return reply.status(204).send(null);
    },
  });

  r.get(`${base}/settings`, {
    config: { permission: 'feature.read' },
    schema: { summary: 'Read the roadmap settings', description: 'The defaults (version 1) until someone saves them.', tags, params: WorkspaceParams, response: { 200: RoadmapSettings, ...WORKSPACE_ERRORS } },
    handler: (req) => getRoadmapSettings({ db: app.db, actor: workspaceActor(req) }),
  });
  r.put(`${base}/settings`, {
    config: { permission: 'roadmap-settings.update' },
    schema: {
      summary: 'Change the roadmap settings',
      description: 'The capacity unit and the feature fields hidden from stakeholders; send the version you read.',
      tags,
      params: WorkspaceParams,
      body: UpdateRoadmapSettings,
      response: { 200: RoadmapSettings, ...UPDATE_ERRORS },
    },
    handler: (req) => updateRoadmapSettings({ db: app.db, actor: workspaceActor(req), input: withVersion(req, req.body) }),
  });
}
