import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateReport,
  CreateShareLink,
  CreatedShareLink,
  Report,
  ReportExportQuery,
  ReportList,
  ReportListQuery,
  ReportParams,
  ShareLinkList,
  ShareLinkParams,
  SharedReport,
  SharedReportParams,
  SharedReportQuery,
  VersionedUpdate,
  WorkspaceParams,
  type ReportContent,
  type ReportFormat,
} from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS, errorResponses } from '../../lib/route-schema.js';
import { toHtml, toMarkdown, toPdf } from './reports.render.js';
import { createReport, createShareLink, deleteReport, getReport, listReports, listShareLinks, publishReport, readShared, revokeShareLink } from './reports.service.js';

const ExportBody = z.string().describe('The report as Markdown, an HTML page, or a PDF document');

function fileName(title: string, format: ReportFormat): string {
  const base = title.replace(/[^A-Za-z0-9 _-]+/g, '').trim().replace(/\s+/g, '-').slice(0, 80) || 'report';
  return `${base}.${format}`;
}

/** Sends the content in a format, as a download (`attachment`) or for display. */
async function sendFormat(reply: FastifyReply, content: ReportContent, format: ReportFormat, disposition: 'attachment' | 'inline'): Promise<FastifyReply> {
  const name = fileName(content.title, format);
  reply.header('content-disposition', `${disposition}; filename="${name}"`).header('cache-control', 'no-store');
  if (format === 'md') return reply.type('text/markdown; charset=utf-8').send(toMarkdown(content));
  if (format === 'html') return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(toHtml(content));
  return reply.type('application/pdf').send(await toPdf(content));
}

/** Routes of the reports module (say no and represent the product, issue 7). */
export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Represent: reports'];
  const w = '/api/v1/workspaces/:workspaceId';

  r.post(`${w}/reports`, {
    config: { permission: 'report.create' },
    schema: {
      summary: 'Compile a report',
      description:
        'Compiles a report of a product for one audience from live data and stores the snapshot: executive (component health, key results, top risks, decisions), team (the detail), company (the narrative highlights) or customer (public roadmap items only, built from an allow-list of fields). Every report ends with "What changed and why": roadmap changes since the previous report of the same product and audience (or `from`), with their rationale from the decision log.',
      tags,
      params: WorkspaceParams,
      body: CreateReport,
      response: { 201: Report, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createReport({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.get(`${w}/reports`, {
    config: { permission: 'report.read' },
    schema: { summary: 'List reports', description: 'Newest first, filtered by product or audience; without their content.', tags, params: WorkspaceParams, querystring: ReportListQuery, response: { 200: ReportList, ...WORKSPACE_ERRORS } },
    handler: (req) => listReports({ db: app.db, actor: workspaceActor(req), query: req.query }),
  });
  r.get(`${w}/reports/:reportId`, {
    config: { permission: 'report.read' },
    schema: { summary: 'Read a report', description: 'With its compiled content (sections of paragraphs and lists).', tags, params: ReportParams, response: { 200: Report, ...WORKSPACE_ERRORS } },
    handler: (req) => getReport({ db: app.db, actor: workspaceActor(req), reportId: req.params.reportId }),
  });
  r.post(`${w}/reports/:reportId/publish`, {
    config: { permission: 'report.create' },
    schema: { summary: 'Publish a report', description: 'Marks the report published; send the version you read (409 when stale).', tags, params: ReportParams, body: VersionedUpdate, response: { 200: Report, ...UPDATE_ERRORS } },
    handler: (req) => publishReport({ db: app.db, actor: workspaceActor(req), reportId: req.params.reportId, version: withVersion(req, req.body).version }),
  });
  r.delete(`${w}/reports/:reportId`, {
    config: { permission: 'report.create' },
    schema: { summary: 'Delete a report', description: 'With its share links, which stop working.', tags, params: ReportParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteReport({ db: app.db, actor: workspaceActor(req), reportId: req.params.reportId });
      return reply.status(204).send(null);
    },
  });
  r.get(`${w}/reports/:reportId/export`, {
    config: { permission: 'report.read' },
    schema: {
      summary: 'Export a report',
      description: 'As Markdown (`md`), a self-contained HTML page without scripts (`html`) or a PDF (`pdf`), as a download.',
      tags,
      params: ReportParams,
      querystring: ReportExportQuery,
      response: { 200: ExportBody, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => {
      const report = await getReport({ db: app.db, actor: workspaceActor(req), reportId: req.params.reportId });
      return sendFormat(reply, report.content, req.query.format, 'attachment');
    },
  });

  // Share links
  r.post(`${w}/reports/:reportId/share-links`, {
    config: { permission: 'report.share' },
    schema: {
      summary: 'Create a share link',
      description: 'A read-only link to this report that needs no login, until `expiresAt` (in the future). The URL carries a random token shown only now; only its hash is stored.',
      tags,
      params: ReportParams,
      body: CreateShareLink,
      response: { 201: CreatedShareLink, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createShareLink({ db: app.db, actor: workspaceActor(req), reportId: req.params.reportId, input: req.body })),
  });
  r.get(`${w}/reports/:reportId/share-links`, {
    config: { permission: 'report.read' },
    schema: { summary: 'List share links', description: 'Of one report, newest first, with their views; tokens are never shown again.', tags, params: ReportParams, response: { 200: ShareLinkList, ...WORKSPACE_ERRORS } },
    handler: (req) => listShareLinks({ db: app.db, actor: workspaceActor(req), reportId: req.params.reportId }),
  });
  r.delete(`${w}/share-links/:linkId`, {
    config: { permission: 'report.share' },
    schema: { summary: 'Revoke a share link', description: 'The link answers 404 from now on.', tags, params: ShareLinkParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await revokeShareLink({ db: app.db, actor: workspaceActor(req), linkId: req.params.linkId });
      return reply.status(204).send(null);
    },
  });

  // The public read
  r.get('/api/v1/shared/:token', {
    config: { permission: 'public' },
    schema: {
      summary: 'Read a shared report',
      description: 'No login: the report behind a share link, as JSON or (with `format`) as Markdown, HTML or PDF. 404 when the link is unknown, revoked or expired. Every view is counted and audited.',
      tags,
      params: SharedReportParams,
      querystring: SharedReportQuery,
      response: { 200: z.union([SharedReport, ExportBody]), ...errorResponses(400, 404) },
    },
    handler: async (req, reply) => {
      const shared = await readShared({ db: app.db, token: req.params.token });
      if (!req.query.format) return reply.header('cache-control', 'no-store').send(shared);
      return sendFormat(reply, shared.content, req.query.format, 'inline');
    },
  });
}
