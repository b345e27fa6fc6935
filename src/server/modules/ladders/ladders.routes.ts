import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CoachingSettings,
  CreateLadder,
  CreateLadderLevel,
  Ladder,
  LadderLevel,
  LadderLevelList,
  LadderLevelListQuery,
  LadderLevelParams,
  LadderList,
  LadderParams,
  LadderVersionList,
  LadderVersionQuery,
  PersonLevel,
  PersonLevelParams,
  PlacePerson,
  UpdateCoachingSettings,
  UpdateLadder,
  UpdateLadderLevel,
  WorkspaceParams,
} from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS, errorResponses } from '../../lib/route-schema.js';
import { getCoachingSettings, updateCoachingSettings } from './coaching-settings.service.js';
import { createLadder, createLevel, deleteLadder, deleteLevel, listLadderVersions, listLadders, listLevels, updateLadder, updateLevel } from './ladders.service.js';
import { getPersonLevel, placePerson } from './placements.service.js';

const DELETE_ERRORS = errorResponses(400, 401, 403, 404, 409);

/** Routes of the ladders module: career ladders, levels, salary bands, placements and coaching settings (issue 5). */
export async function ladderRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Career ladder'];
  const base = '/api/v1/workspaces/:workspaceId/ladders';
  const one = `${base}/:ladderId`;
  const levels = `${one}/levels`;
  const level = `${levels}/:levelId`;

  r.get(base, {
    config: { permission: 'ladder.read' },
    schema: {
      summary: 'List career ladders',
      description: 'The default ladder (Associate PM to CPO, IC and management tracks) is created on the first read.',
      tags,
      params: WorkspaceParams,
      response: { 200: LadderList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listLadders({ db: app.db, actor: workspaceActor(req) }),
  });
  r.post(base, {
    config: { permission: 'ladder.manage' },
    schema: { summary: 'Create a ladder', description: 'Empty, or a copy of another ladder with copyOf.', tags, params: WorkspaceParams, body: CreateLadder, response: { 201: Ladder, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => reply.status(201).send(await createLadder({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.patch(one, {
    config: { permission: 'ladder.manage' },
    schema: { summary: 'Rename or redescribe a ladder', description: 'Writes a new ladder version.', tags, params: LadderParams, body: UpdateLadder, response: { 200: Ladder, ...UPDATE_ERRORS } },
    handler: (req) => updateLadder({ db: app.db, actor: workspaceActor(req), ladderId: req.params.ladderId, input: withVersion(req, req.body) }),
  });
  r.delete(one, {
    config: { permission: 'ladder.manage' },
    schema: { summary: 'Delete a ladder', description: 'Not the default ladder, and not while people are placed on it (409).', tags, params: LadderParams, response: { 204: NoContent, ...DELETE_ERRORS } },
    handler: async (req, reply) => {
      await deleteLadder({ db: app.db, actor: workspaceActor(req), ladderId: req.params.ladderId });
      return reply.status(204).send(null);
    },
  });

  r.get(levels, {
    config: { permission: 'ladder.read' },
    schema: {
      summary: 'List the levels of a ladder',
      description:
        'Levels by rank with the people placed at each and the expected ratings on the default framework (or ?frameworkId=). ' +
        'Salary bands are included only for roles the coaching settings allow (salaryVisible says which).',
      tags,
      params: LadderParams,
      querystring: LadderLevelListQuery,
      response: { 200: LadderLevelList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listLevels({ db: app.db, actor: workspaceActor(req), ladderId: req.params.ladderId, frameworkId: req.query.frameworkId }),
  });
  r.post(levels, {
    config: { permission: 'ladder.manage' },
    schema: {
      summary: 'Add a level',
      description: 'Salary fields only for roles that see bands. Writes a new ladder version.',
      tags,
      params: LadderParams,
      body: CreateLadderLevel,
      response: { 201: LadderLevel, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createLevel({ db: app.db, actor: workspaceActor(req), ladderId: req.params.ladderId, input: req.body })),
  });
  r.patch(level, {
    config: { permission: 'ladder.manage' },
    schema: {
      summary: 'Edit a level',
      description: 'Title, description, scope, track, rank, salary band (min ≤ mid ≤ max; clears the sample mark) and expectations. Writes a new ladder version.',
      tags,
      params: LadderLevelParams,
      body: UpdateLadderLevel,
      response: { 200: LadderLevel, ...UPDATE_ERRORS },
    },
    handler: (req) => updateLevel({ db: app.db, actor: workspaceActor(req), ladderId: req.params.ladderId, levelId: req.params.levelId, input: withVersion(req, req.body) }),
  });
  r.delete(level, {
    config: { permission: 'ladder.manage' },
    schema: { summary: 'Remove a level', description: 'Refused (409) while people are placed at it. Writes a new ladder version.', tags, params: LadderLevelParams, response: { 204: NoContent, ...DELETE_ERRORS } },
    handler: async (req, reply) => {
      await deleteLevel({ db: app.db, actor: workspaceActor(req), ladderId: req.params.ladderId, levelId: req.params.levelId });
      return reply.status(204).send(null);
    },
  });
  r.get(`${one}/versions`, {
    config: { permission: 'ladder.read' },
    schema: {
      summary: 'Version history of a ladder',
      description: 'Newest first. With ?version=N, only that version, with its snapshot and the changes from the version before it.',
      tags,
      params: LadderParams,
      querystring: LadderVersionQuery,
      response: { 200: LadderVersionList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listLadderVersions({ db: app.db, actor: workspaceActor(req), ladderId: req.params.ladderId, version: req.query.version }),
  });

  const person = '/api/v1/workspaces/:workspaceId/people/:personId/level';
  r.get(person, {
    config: { permission: 'ladder.read' },
    schema: { summary: 'Where a person stands on the ladder', description: 'level is null while the person is not placed.', tags, params: PersonLevelParams, response: { 200: PersonLevel, ...WORKSPACE_ERRORS } },
    handler: (req) => getPersonLevel({ db: app.db, actor: workspaceActor(req), personId: req.params.personId }),
  });
  r.put(person, {
    config: { permission: 'ladder.manage' },
    schema: { summary: 'Place a person at a level', description: 'levelId null takes the person off the ladder.', tags, params: PersonLevelParams, body: PlacePerson, response: { 200: PersonLevel, ...WORKSPACE_ERRORS } },
    handler: (req) => placePerson({ db: app.db, actor: workspaceActor(req), personId: req.params.personId, input: req.body }),
  });

  const settings = '/api/v1/workspaces/:workspaceId/coaching/settings';
  r.get(settings, {
    config: { permission: 'ladder.read' },
    schema: { summary: 'Coaching settings', tags: ['Coaching'], params: WorkspaceParams, response: { 200: CoachingSettings, ...WORKSPACE_ERRORS } },
    handler: (req) => getCoachingSettings({ db: app.db, actor: workspaceActor(req) }),
  });
  r.put(settings, {
    config: { permission: 'coaching-settings.update' },
    schema: {
      summary: 'Change the coaching settings',
      description: 'Which roles see salary bands, the default framework, the coaching cadence in days.',
      tags: ['Coaching'],
      params: WorkspaceParams,
      body: UpdateCoachingSettings,
      response: { 200: CoachingSettings, ...UPDATE_ERRORS },
    },
    handler: (req) => updateCoachingSettings({ db: app.db, actor: workspaceActor(req), input: withVersion(req, req.body) }),
  });
}
