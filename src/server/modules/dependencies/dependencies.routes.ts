import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateDependency,
  Dependency,
  DependencyConflictList,
  DependencyGraph,
  DependencyParams,
  DependencyPreview,
  DependencyPreviewInput,
  DependencyProductQuery,
  FeatureDependencies,
  FeatureDependenciesQuery,
  WorkspaceParams,
} from '../../../shared/contracts.js';
import { workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { createDependency, deleteDependency, getDependencyGraph, getFeatureDependencies, listConflicts, previewChange } from './dependencies.service.js';

const CONFLICT_RULES =
  'A dependency "A needs B" is in conflict when B is won’t do while A is open; when A is committed (planned, in progress, or in now/next) and B is not, or B has no horizon or dates while A has; when B ends after A starts; or, when the dates cannot decide, when B’s horizon comes after A’s.';

/** Routes of the dependencies module (issue 4): add and remove dependencies, their conflicts, the graph and the what-if preview. */
export async function dependencyRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Dependencies'];
  const base = '/api/v1/workspaces/:workspaceId/dependencies';

  r.get(base, {
    config: { permission: 'feature.read' },
    schema: {
      summary: "List a feature's dependencies: what it needs and what needs it",
      description: `Each dependency comes with the feature at the other end and its conflicts. ${CONFLICT_RULES}`,
      tags,
      params: WorkspaceParams,
      querystring: FeatureDependenciesQuery,
      response: { 200: FeatureDependencies, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getFeatureDependencies({ db: app.db, actor: workspaceActor(req), featureId: req.query.featureId }),
  });
  r.post(base, {
    config: { permission: 'dependency.create' },
    schema: {
      summary: 'Make feature A depend on feature B',
      description:
        'Within or across components and products of the workspace. A PM may add a dependency to features of components they own (A’s component). 409 when the dependency exists, or when it would close a cycle: the message names the cycle’s path, "A → B → … → A".',
      tags,
      params: WorkspaceParams,
      body: CreateDependency,
      response: { 201: Dependency, ...UPDATE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createDependency({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.delete(`${base}/:dependencyId`, {
    config: { permission: 'dependency.delete' },
    schema: { summary: 'Remove a dependency', tags, params: DependencyParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteDependency({ db: app.db, actor: workspaceActor(req), dependencyId: req.params.dependencyId });
      return reply.status(204).send(null);
    },
  });
  r.get(`${base}/conflicts`, {
    config: { permission: 'feature.read' },
    schema: {
      summary: "List the product's dependencies in conflict",
      description: `A dependency is in the product when its dependent feature (A) is; its prerequisite may be in another product. Most serious first. ${CONFLICT_RULES}`,
      tags,
      params: WorkspaceParams,
      querystring: DependencyProductQuery,
      response: { 200: DependencyConflictList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listConflicts({ db: app.db, actor: workspaceActor(req), productId: req.query.productId }),
  });
  r.get(`${base}/graph`, {
    config: { permission: 'feature.read' },
    schema: {
      summary: "Read the product's dependency graph",
      description: 'The features with a dependency in the product (and prerequisites from other products), each with its depth for a layered drawing, and every dependency with its conflicts.',
      tags,
      params: WorkspaceParams,
      querystring: DependencyProductQuery,
      response: { 200: DependencyGraph, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getDependencyGraph({ db: app.db, actor: workspaceActor(req), productId: req.query.productId }),
  });
  r.post(`${base}/preview`, {
    config: { permission: 'feature.read' },
    schema: {
      summary: "Preview what changing a feature's plan would do to its dependencies",
      description:
        'What-if: the conflicts the feature’s prerequisites and dependents would have if its status, horizon or dates changed as proposed, and the conflicts it would clear. Nothing is saved. `keyResults` lists the key results at stake, each with why: those the feature drives when it would conflict, be dropped, end after the key result’s period or be overdue, and those driven by the dependents it would push into conflict.',
      tags,
      params: WorkspaceParams,
      body: DependencyPreviewInput,
      response: { 200: DependencyPreview, ...WORKSPACE_ERRORS },
    },
    handler: (req) => previewChange({ db: app.db, actor: workspaceActor(req), input: req.body }),
  });
}
