import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CreateExperiment, Experiment, ExperimentList, ExperimentListQuery, ExperimentParams, UpdateExperiment, WorkspaceParams } from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { createExperiment, deleteExperiment, getExperiment, listExperiments, updateExperiment } from './experiments.service.js';

/** Routes of the experiments module (validation experiments, discovery). */
export async function experimentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Experiments'];
  const base = '/api/v1/workspaces/:workspaceId/experiments';
  const one = `${base}/:experimentId`;

  r.get(base, {
    config: { permission: 'experiment.read' },
    schema: { summary: 'List validation experiments', tags, params: WorkspaceParams, querystring: ExperimentListQuery, response: { 200: ExperimentList, ...WORKSPACE_ERRORS } },
    handler: (req) => listExperiments({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
  r.post(base, {
    config: { permission: 'experiment.create' },
    schema: {
      summary: 'Plan a validation experiment',
      description: 'Write the hypothesis as “We believe … will … measured by …”; the owner defaults to you.',
      tags,
      params: WorkspaceParams,
      body: CreateExperiment,
      response: { 201: Experiment, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createExperiment({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.get(one, {
    config: { permission: 'experiment.read' },
    schema: { summary: 'Read an experiment', tags, params: ExperimentParams, response: { 200: Experiment, ...WORKSPACE_ERRORS } },
    handler: (req) => getExperiment({ db: app.db, actor: workspaceActor(req), experimentId: req.params.experimentId }),
  });
  r.patch(one, {
    config: { permission: 'experiment.update' },
    schema: {
      summary: 'Edit an experiment or record its result',
      description: 'endsOn must not precede startsOn; a result needs status completed.',
      tags,
      params: ExperimentParams,
      body: UpdateExperiment,
      response: { 200: Experiment, ...UPDATE_ERRORS },
    },
    handler: (req) => updateExperiment({ db: app.db, actor: workspaceActor(req), experimentId: req.params.experimentId, input: withVersion(req, req.body) }),
  });
  r.delete(one, {
    config: { permission: 'experiment.delete' },
    schema: { summary: 'Delete an experiment', tags, params: ExperimentParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteExperiment({ db: app.db, actor: workspaceActor(req), experimentId: req.params.experimentId });
      return reply.status(204).send(null);
    },
  });
}
