import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CapacityQuery,
  CapacityReport,
  CreateRelease,
  ReleaseDetail,
  ReleaseList,
  ReleaseListQuery,
  ReleaseNotesDraft,
  ReleaseParams,
  UpdateCapacity,
  UpdateRelease,
  WorkspaceParams,
} from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { getCapacity, updateCapacity } from './capacity.service.js';
import { createRelease, deleteRelease, draftNotes, getRelease, listReleases, updateRelease } from './releases.service.js';

const PRORATION = [
  'Planned effort counts the planned and in-progress features of each component, in the workspace unit (points or person-weeks).',
  'A feature with dates spreads its effort over its working days (Monday to Friday): a quarter gets the share of those days that fall inside it, so the parts over consecutive quarters add up to the effort.',
  'A span with no working day spreads over its calendar days; one date alone is a one-day span.',
  'A feature without dates counts in full in the current quarter (UTC) when its horizon is now, in the next quarter when it is next, and nowhere when it is later or unset.',
  'Features without an effort estimate are counted (featureCount, unestimatedCount) but add nothing.',
  'A component is over-allocated when its planned effort is above its capacity; a component without a capacity never is.',
].join(' ');

/** Routes of the releases module: releases with their features and notes, and capacity per quarter. */
export async function releaseRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Releases'];
  const base = '/api/v1/workspaces/:workspaceId/releases';
  const one = `${base}/:releaseId`;

  r.get(base, {
    config: { permission: 'release.read' },
    schema: {
      summary: 'List releases with their components and feature counts',
      description: 'Viewers see the stakeholder version: features marked internal are not counted.',
      tags,
      params: WorkspaceParams,
      querystring: ReleaseListQuery,
      response: { 200: ReleaseList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listReleases({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
  r.post(base, {
    config: { permission: 'release.create' },
    schema: {
      summary: 'Create a release of a product',
      description: 'The components must belong to the product. Features join a release by setting their releaseId.',
      tags,
      params: WorkspaceParams,
      body: CreateRelease,
      response: { 201: ReleaseDetail, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createRelease({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.get(one, {
    config: { permission: 'release.read' },
    schema: { summary: 'Read a release with its components, features and notes', tags, params: ReleaseParams, response: { 200: ReleaseDetail, ...WORKSPACE_ERRORS } },
    handler: (req) => getRelease({ db: app.db, actor: workspaceActor(req), releaseId: req.params.releaseId }),
  });
  r.patch(one, {
    config: { permission: 'release.update' },
    schema: {
      summary: 'Edit a release: name, date, status, description, components or notes',
      tags,
      params: ReleaseParams,
      body: UpdateRelease,
      response: { 200: ReleaseDetail, ...UPDATE_ERRORS },
    },
    handler: (req) => updateRelease({ db: app.db, actor: workspaceActor(req), releaseId: req.params.releaseId, input: withVersion(req, req.body) }),
  });
  r.delete(one, {
    config: { permission: 'release.delete' },
    schema: { summary: 'Delete a release; its features stay, without a release', tags, params: ReleaseParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteRelease({ db: app.db, actor: workspaceActor(req), releaseId: req.params.releaseId });
      return reply.status(204).send(null);
    },
  });
  r.post(`${one}/notes/draft`, {
    config: { permission: 'release.update' },
    schema: {
      summary: 'Draft release notes from the shipped features and their requirements',
      description:
        'Markdown grouped by component (by name), each shipped feature (by title) with a summary: the first paragraph under the "Problem" heading of its requirements, else their first paragraph, else its description. The same features always give the same draft. Nothing is saved: send the notes back with PATCH.',
      tags,
      params: ReleaseParams,
      response: { 200: ReleaseNotesDraft, ...WORKSPACE_ERRORS },
    },
    handler: (req) => draftNotes({ db: app.db, actor: workspaceActor(req), releaseId: req.params.releaseId }),
  });

  const capacity = '/api/v1/workspaces/:workspaceId/capacity';
  const ctags = ['Capacity'];
  r.get(capacity, {
    config: { permission: 'capacity.read' },
    schema: {
      summary: "Planned effort against each component's capacity in a quarter",
      description: PRORATION,
      tags: ctags,
      params: WorkspaceParams,
      querystring: CapacityQuery,
      response: { 200: CapacityReport, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getCapacity({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
  r.put(capacity, {
    config: { permission: 'capacity.update' },
    schema: {
      summary: "Set the capacity of a product's components in a quarter",
      description: `Components left out keep their capacity; null removes one. Answers the updated report. ${PRORATION}`,
      tags: ctags,
      params: WorkspaceParams,
      querystring: CapacityQuery,
      body: UpdateCapacity,
      response: { 200: CapacityReport, ...WORKSPACE_ERRORS },
    },
    handler: (req) => updateCapacity({ db: app.db, actor: workspaceActor(req), query: req.query, input: req.body }),
  });
}
