import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AddMetricPoints,
  CreateMetric,
  METRIC_CSV_ROWS_MAX,
  METRIC_DEFAULT_RANGE_DAYS,
  METRIC_POINTS_PER_CALL,
  Metric,
  MetricDetail,
  MetricDetailQuery,
  MetricImportResult,
  MetricList,
  MetricListQuery,
  MetricParams,
  MetricPointList,
  MetricPointParams,
  MetricPointsQuery,
  MetricPointsWritten,
  UpdateMetric,
  WorkspaceParams,
} from '../../../shared/contracts.js';
import { LIMITS } from '../../../shared/limits.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { CSV_IMPORT_DOC, IMPORT_ERRORS, registerCsvBody } from '../customers/customers.routes.js';
import {
  addMetricPoints,
  createMetric,
  deleteMetric,
  deleteMetricPoint,
  getMetric,
  importMetricCsv,
  listMetricPoints,
  listMetrics,
  updateMetric,
} from './metrics.service.js';

const AFTER_WRITE = 'The metric’s latest value and point count are recomputed, and key results that follow the metric take its latest value, in the same transaction; one audit entry per call.';

/** Routes of the metrics module (strategy and goals, issue 6): named time series and their points. */
export async function metricRoutes(app: FastifyInstance): Promise<void> {
  registerCsvBody(app);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Strategy: metrics'];
  const base = '/api/v1/workspaces/:workspaceId/metrics';
  const one = `${base}/:metricId`;
  const ctx = (req: Parameters<typeof workspaceActor>[0]) => ({ db: app.db, actor: workspaceActor(req) });

  r.get(base, {
    config: { permission: 'metric.read' },
    schema: {
      summary: 'List metrics',
      description: 'By name, each with its latest value and time, point count, product and the last 30 points as a sparkline.',
      tags,
      params: WorkspaceParams,
      querystring: MetricListQuery,
      response: { 200: MetricList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listMetrics({ ...ctx(req), query: req.query }),
  });
  r.post(base, {
    config: { permission: 'metric.write' },
    schema: { summary: 'Create a metric', description: 'Names are unique in the workspace, whatever their case (400 naming `name`).', tags, params: WorkspaceParams, body: CreateMetric, response: { 201: Metric, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => reply.status(201).send(await createMetric({ ...ctx(req), input: req.body })),
  });
  r.get(one, {
    config: { permission: 'metric.read' },
    schema: {
      summary: 'Read a metric',
      description: `With its points between \`from\` and \`to\` (default the last ${METRIC_DEFAULT_RANGE_DAYS} days), oldest first, and the key results that follow it.`,
      tags,
      params: MetricParams,
      querystring: MetricDetailQuery,
      response: { 200: MetricDetail, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getMetric({ ...ctx(req), metricId: req.params.metricId, query: req.query }),
  });
  r.patch(one, {
    config: { permission: 'metric.write' },
    schema: { summary: 'Edit a metric', description: 'Name, description, unit or product. Send the version you read: a stale one answers 409.', tags, params: MetricParams, body: UpdateMetric, response: { 200: Metric, ...UPDATE_ERRORS } },
    handler: (req) => updateMetric({ ...ctx(req), metricId: req.params.metricId, input: withVersion(req, req.body) }),
  });
  r.delete(one, {
    config: { permission: 'metric.write' },
    schema: { summary: 'Delete a metric', description: 'With its points; key results that followed it keep their current value and stop following.', tags, params: MetricParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteMetric({ ...ctx(req), metricId: req.params.metricId });
      return reply.status(204).send(null);
    },
  });

  r.get(`${one}/points`, {
    config: { permission: 'metric.read' },
    schema: {
      summary: 'List a metric’s points',
      description: 'The latest `limit` points between `from` and `to`, newest first; `total` counts all in the range.',
      tags,
      params: MetricParams,
      querystring: MetricPointsQuery,
      response: { 200: MetricPointList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listMetricPoints({ ...ctx(req), metricId: req.params.metricId, query: req.query }),
  });
  r.post(`${one}/points`, {
    config: { permission: 'metric.write' },
    schema: {
      summary: 'Add points to a metric',
      description: `The route scripts call: \`Authorization: Bearer <API token>\` (make one under your account), body \`{"value": 42}\` or \`{"points": [{"value": 42, "at": "2026-11-28T09:00:00Z"}, …]}\` (at most ${METRIC_POINTS_PER_CALL} per call; \`at\` defaults to now). A point at an instant the metric already has replaces its value. Points sent with a token are marked as from the API, others as manual. ${AFTER_WRITE}`,
      tags,
      params: MetricParams,
      body: AddMetricPoints,
      response: { 201: MetricPointsWritten, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await addMetricPoints({ ...ctx(req), metricId: req.params.metricId, input: req.body })),
  });
  r.post(`${one}/points/import`, {
    config: { permission: 'metric.write' },
    bodyLimit: LIMITS.importLimitBytes,
    schema: {
      summary: 'Import a metric’s points from CSV',
      ...CSV_IMPORT_DOC,
      description: `${CSV_IMPORT_DOC.description} Columns: a time (\`at\`, \`date\`, \`timestamp\` or \`time\`: an ISO date, an ISO date-time, UTC when it has no offset, or a Unix timestamp in seconds or milliseconds) and \`value\` (a number with a dot for decimals); at most ${METRIC_CSV_ROWS_MAX} rows. All or nothing: the file is checked whole first, and a bad row refuses it with 400 naming the row (its line, the header being line 1) and the field; nothing is written. A row at an instant the metric already has (or that an earlier row of the file has) replaces that value. ${AFTER_WRITE}`,
      tags,
      params: MetricParams,
      response: { 200: MetricImportResult, ...IMPORT_ERRORS },
    },
    handler: (req) => importMetricCsv({ ...ctx(req), metricId: req.params.metricId, stream: req.body }),
  });
  r.delete(`${one}/points/:pointId`, {
    config: { permission: 'metric.write' },
    schema: { summary: 'Delete a point', description: AFTER_WRITE, tags, params: MetricPointParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteMetricPoint({ ...ctx(req), ...req.params });
      return reply.status(204).send(null);
    },
  });
}
