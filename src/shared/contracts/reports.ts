import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Id, IsoDate, Version, listOf } from './common.js';

/** Product reports (issue 7): compiled per audience, exported as Markdown, HTML or PDF, shared by link. */

export const REPORT_AUDIENCES = ['executive', 'team', 'company', 'customer'] as const;
export type ReportAudience = (typeof REPORT_AUDIENCES)[number];
export const REPORT_STATUSES = ['draft', 'published'] as const;
export const REPORT_FORMATS = ['md', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real calendar date')
  .describe('A calendar day, YYYY-MM-DD');
const AudienceSchema = z.enum(REPORT_AUDIENCES).describe('executive (one page), team (the detail), company (the narrative) or customer (public roadmap items only)');

/** A block of a report section: a paragraph or a bulleted list. */
export const ReportBlock = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('paragraph'), text: z.string() }),
    z.object({ type: z.literal('list'), items: z.array(z.string()) }),
  ])
  .describe('A paragraph or a bulleted list');
export type ReportBlock = z.infer<typeof ReportBlock>;

export const ReportSection = z
  .object({
    key: z.string().describe('Stable key of the section, e.g. health, key-results, what-changed'),
    heading: z.string().describe('The section heading'),
    blocks: z.array(ReportBlock),
  })
  .describe('One section of a report');
export type ReportSection = z.infer<typeof ReportSection>;

/** The compiled snapshot: what every export and share link shows, and nothing more. */
export const ReportContent = z
  .object({
    title: z.string(),
    audience: AudienceSchema,
    productName: z.string(),
    from: z.string().nullable().describe('Start of the range, YYYY-MM-DD'),
    to: z.string().nullable().describe('End of the range, YYYY-MM-DD'),
    compiledAt: IsoDate,
    sections: z.array(ReportSection),
  })
  .describe('The compiled report');
export type ReportContent = z.infer<typeof ReportContent>;

export const CreateReport = z
  .object({
    productId: Id.describe('The product reported on'),
    audience: AudienceSchema,
    from: Day.optional().describe('Start of the range (default: the previous report of this product and audience, else 30 days ago)'),
    to: Day.optional().describe('End of the range (default: today)'),
    title: z.string().trim().min(1, 'must not be empty').max(LIMITS.titleMax, `must be at most ${LIMITS.titleMax} characters`).optional().describe('Default: "<product> — <audience> report"'),
  })
  .describe('Compile a report');
export type CreateReport = z.infer<typeof CreateReport>;

const ReportBase = {
  id: Id,
  productId: Id,
  productName: z.string(),
  audience: AudienceSchema,
  title: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  status: z.enum(REPORT_STATUSES).describe('draft or published'),
  publishedAt: IsoDate.nullable(),
  createdBy: z.object({ id: Id, name: z.string() }).nullable(),
  createdAt: IsoDate,
  version: Version,
};

export const ReportSummary = z.object(ReportBase).describe('A report, without its content');
export type ReportSummary = z.infer<typeof ReportSummary>;
export const Report = z.object({ ...ReportBase, content: ReportContent }).describe('A report with its compiled content');
export type Report = z.infer<typeof Report>;
export const ReportList = listOf(ReportSummary, 'Reports, newest first');
export type ReportList = z.infer<typeof ReportList>;

export const ReportListQuery = z.object({
  productId: Id.optional().describe('Only this product’s reports'),
  audience: AudienceSchema.optional(),
});
export const ReportParams = z.object({ workspaceId: Id, reportId: Id.describe('Report id') });
export const ShareLinkParams = z.object({ workspaceId: Id, linkId: Id.describe('Share link id') });
export const ReportExportQuery = z.object({ format: z.enum(REPORT_FORMATS).default('md').describe('md, html or pdf') });
export const SharedReportParams = z.object({ token: z.string().min(1).max(200).describe('The share link token') });
export const SharedReportQuery = z.object({ format: z.enum(REPORT_FORMATS).optional().describe('md, html or pdf; without it, the content as JSON') });

export const CreateShareLink = z.object({ expiresAt: IsoDate.describe('When the link stops working; must be in the future') }).describe('Create a share link');
export type CreateShareLink = z.infer<typeof CreateShareLink>;

export const ShareLink = z
  .object({
    id: Id,
    reportId: Id,
    expiresAt: IsoDate,
    revokedAt: IsoDate.nullable(),
    active: z.boolean().describe('Neither revoked nor expired'),
    viewCount: z.number().int(),
    lastViewedAt: IsoDate.nullable(),
    createdBy: z.object({ id: Id, name: z.string() }).nullable(),
    createdAt: IsoDate,
  })
  .describe('A read-only link to one report (the token is shown once, at creation)');
export type ShareLink = z.infer<typeof ShareLink>;
export const CreatedShareLink = z
  .object({ id: Id, url: z.string().describe('/shared/<token>: the token is shown only now'), expiresAt: IsoDate })
  .describe('A new share link');
export type CreatedShareLink = z.infer<typeof CreatedShareLink>;
export const ShareLinkList = listOf(ShareLink, 'Share links of a report, newest first');
export type ShareLinkList = z.infer<typeof ShareLinkList>;

export const SharedReport = z
  .object({ title: z.string(), audience: AudienceSchema, publishedAt: IsoDate.nullable(), content: ReportContent })
  .describe('A report read through a share link');
export type SharedReport = z.infer<typeof SharedReport>;
