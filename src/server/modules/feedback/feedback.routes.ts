import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  BulkFeedback,
  BulkFeedbackResult,
  CreateFeedback,
  Feedback,
  FeedbackImportResult,
  FeedbackListQuery,
  FeedbackPage,
  FeedbackParams,
  MergeFeedback,
  UpdateFeedback,
  WorkspaceParams,
} from '../../../shared/contracts.js';
import { LIMITS } from '../../../shared/limits.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { refuseDeclaredOversize, respondWithProgress } from '../../lib/ndjson-progress.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import { CSV_IMPORT_DOC, IMPORT_ERRORS, registerCsvBody } from '../customers/customers.routes.js';
import { bulkFeedback, mergeFeedback } from './feedback-bulk.service.js';
import { importFeedbackCsv, type FeedbackImportProgress } from './feedback.import.js';
import { createFeedback, deleteFeedback, getFeedback, listFeedback, updateFeedback } from './feedback.service.js';

/** Routes of the feedback module: the inbox, intake (form, API, CSV), triage, bulk actions and merging. */
export async function feedbackRoutes(app: FastifyInstance): Promise<void> {
  registerCsvBody(app);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Feedback'];
  const base = '/api/v1/workspaces/:workspaceId/feedback';
  const one = `${base}/:feedbackId`;
  const ctx = (req: Parameters<typeof workspaceActor>[0]) => ({ db: app.db, actor: workspaceActor(req) });

  r.get(base, {
    config: { permission: 'feedback.read' },
    schema: {
      summary: 'The feedback inbox: filtered, full-text searched, newest captured first, paged by cursor',
      description: '`q` takes web-search syntax ("exact phrase", or, -word); with it each item carries a highlighted `snippet`. Merged duplicates are hidden unless includeMerged=true.',
      tags,
      params: WorkspaceParams,
      querystring: FeedbackListQuery,
      response: { 200: FeedbackPage, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listFeedback({ ...ctx(req), query: req.query }),
  });
  r.post(base, {
    config: { permission: 'feedback.create' },
    schema: { summary: 'Capture a feedback item', tags, params: WorkspaceParams, body: CreateFeedback, response: { 201: Feedback, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => reply.status(201).send(await createFeedback({ ...ctx(req), input: req.body })),
  });
  r.post(`${base}/import`, {
    config: { permission: 'feedback.import' },
    bodyLimit: LIMITS.importLimitBytes,
    schema: {
      summary: 'Import feedback from CSV: columns text, source, and optionally customer (name, domain or external id), captured_at, tags (;-separated)',
      ...CSV_IMPORT_DOC,
      description: `${CSV_IMPORT_DOC.description}

**Progress.** Send \`Accept: application/x-ndjson\` to follow the import as it runs: the answer is then a 200 with Content-Type application/x-ndjson, one JSON object a line:
\`{"type":"progress","processed":N,"imported":N,"duplicates":N,"rejected":N}\` as rows are processed (after a batch, at most every 250 ms; \`processed\` counts the data rows read so far),
then \`{"type":"result", …}\` with the same fields as the JSON answer below. If the import fails once the lines have begun, the last line is \`{"type":"error","code":…,"message":…}\` instead (batches already written stay; importing the file again adds only what is missing).
Errors found before the first progress line (permission, missing columns, a file that is not UTF-8 from its first bytes, a declared size over the limit) answer their usual status and JSON error body.`,
      tags,
      params: WorkspaceParams,
      response: { 200: FeedbackImportResult, ...IMPORT_ERRORS },
    },
    handler: (req, reply) => {
      refuseDeclaredOversize(req, LIMITS.importLimitBytes);
      return respondWithProgress(req, reply, {
        run: (onProgress) => importFeedbackCsv({ ...ctx(req), stream: req.body, onProgress }),
        progressLine: (p: FeedbackImportProgress) => ({ processed: p.rows, imported: p.imported, duplicates: p.duplicates, rejected: p.rejected }),
        result: FeedbackImportResult,
      });
    },
  });
  r.post(`${base}/bulk`, {
    config: { permission: 'feedback.update' },
    schema: {
      summary: 'Archive, triage, tag or untag many feedback items at once',
      description: 'All or nothing: a PM is refused (403) if any item is tied only to components they do not own.',
      tags,
      params: WorkspaceParams,
      body: BulkFeedback,
      response: { 200: BulkFeedbackResult, ...WORKSPACE_ERRORS },
    },
    handler: (req) => bulkFeedback({ ...ctx(req), input: req.body }),
  });
  r.get(one, {
    config: { permission: 'feedback.read' },
    schema: { summary: 'Read a feedback item with its customer, components, evidence and requesters', tags, params: FeedbackParams, response: { 200: Feedback, ...WORKSPACE_ERRORS } },
    handler: (req) => getFeedback({ ...ctx(req), feedbackId: req.params.feedbackId }),
  });
  r.patch(one, {
    config: { permission: 'feedback.update' },
    schema: {
      summary: 'Triage or edit a feedback item',
      description: 'Leads and admins edit any item; a PM items tied to a component they own, or to no component yet.',
      tags,
      params: FeedbackParams,
      body: UpdateFeedback,
      response: { 200: Feedback, ...UPDATE_ERRORS },
    },
    handler: (req) => updateFeedback({ ...ctx(req), feedbackId: req.params.feedbackId, input: withVersion(req, req.body) }),
  });
  r.delete(one, {
    config: { permission: 'feedback.delete' },
    schema: { summary: 'Delete a feedback item and its evidence links', tags, params: FeedbackParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteFeedback({ ...ctx(req), feedbackId: req.params.feedbackId });
      return reply.status(204).send(null);
    },
  });
  r.post(`${one}/merge`, {
    config: { permission: 'feedback.merge' },
    schema: {
      summary: 'Merge duplicates into this item, keeping all their evidence and requesters',
      tags,
      params: FeedbackParams,
      body: MergeFeedback,
      response: { 200: Feedback, ...WORKSPACE_ERRORS },
    },
    handler: (req) => mergeFeedback({ ...ctx(req), feedbackId: req.params.feedbackId, input: req.body }),
  });
}
